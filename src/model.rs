//! The checked domain model of a governance document.
//!
//! Each type here is exactly the shape written in documents (see `CONFIG.md`) and is checked
//! while it is read: ids, money, areas and dates are validated newtypes, unknown keys are
//! refused, and shapes tagged by `kind` accept only the fields of their kind. A value of these
//! types is therefore always well-formed; whether it is *lawful* is what the rules decide.
//!
//! Fields are public so that callers can build and mutate documents (tests and generators do
//! both); the invariants that matter live in the field types.
//!
//! # Example
//! ```
//! use xiaoqu::model::{Area, PersonId};
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! let unit = &cfg.compounds[0].units[0];
//! assert_eq!((unit.id.as_str(), unit.area), ("u-1-101", "89.50".parse::<Area>()?));
//! assert_eq!(unit.owners, [PersonId::new("p-01")?]);
//! // a malformed value is refused while the document is read, not later by a rule
//! let bad = xiaoqu::example::GUOKEYUAN_JSON.replacen(r#""area": "89.50""#, r#""area": "89.505""#, 1);
//! assert!(xiaoqu::GovernanceConfig::from_json_str(&bad).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod account;
mod assembly;
mod compound;
mod fund;
pub(crate) mod ids;
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
