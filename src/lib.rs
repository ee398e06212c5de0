#![doc = include_str!("../README.md")]

#[macro_use]
mod macros;

pub mod config;
pub mod dates;
pub mod example;
mod index;
pub mod ledger;
pub mod model;
pub mod policy;
pub mod queries;
pub mod report;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod screening;
#[cfg(feature = "proptest")]
pub mod strategies;
#[cfg(feature = "json")]
pub mod stream;
pub mod summary;
#[cfg(feature = "testing")]
pub mod testing;
pub mod voting;

pub use config::{GovernanceConfig, LoadError, LoadErrorKind};
pub use index::Index;
pub use policy::{Policy, PolicyError, ProfileSpec, RuleSetting};
pub use report::{Basis, Diagnostic, FactValue, Lang, Path, Report, RuleCode, Severity, Text};
pub use rules::audit;
