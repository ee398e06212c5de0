//! The checked domain model of a governance document.
//!
//! Each type here is exactly the shape written in documents (see `CONFIG.md`) and is checked
//! while it is read: ids, money, areas and dates are validated newtypes, unknown keys are
//! refused, and shapes tagged by `kind` accept only the fields of their kind. A value of these
//! types is therefore always well-formed; whether it is *lawful* is what the rules decide.
//!
//! Fields are public so that callers can build and mutate documents (tests and generators do
//! both); the invariants that matter live in the field types.

mod account;
mod assembly;
mod compound;
mod fund;
mod ids;
mod meeting;
mod organization;
mod person;
mod tagged;
mod unique_map;
mod values;

pub use account::*;
pub use assembly::*;
pub use compound::*;
pub use fund::*;
pub use ids::*;
pub use meeting::*;
pub use organization::*;
pub use person::*;
pub use unique_map::UniqueMap;
pub(crate) use values::date;
pub use values::{Area, DecimalError, Headcount, MAX_SCALE, Money, Ratio, parse_strict_date, parse_strict_decimal};
