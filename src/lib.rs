#![doc = include_str!("../README.md")]
//!
//! ## Modules
//! - [`model`]: the typed document (ids, money, area, people, compounds, accounts, votes).
//! - [`config`]: strict loading from JSON and TOML.
//! - [`policy`]: presets, parameters and per-rule settings.
//! - [`rules`]: the rule catalogue and [`audit`].
//! - [`report`]: diagnostics, JSON and text rendering.

#[macro_use]
mod macros;

pub mod config;
pub mod dates;
pub mod example;
mod index;
/// Joint-account ledgers: replaying entries, balances and period totals, disclosure statements.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds[0].joint_account.as_ref().ok_or("no account")?;
/// assert_eq!(xiaoqu::ledger::replay(account)?.closing_balance().to_string(), "4060.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub mod ledger;
pub mod model;
pub mod policy;
pub mod queries;
pub mod report;
/// The rule catalogue and the audit that runs it.
///
/// # Example
/// ```
/// let meta = xiaoqu::rules::meta(xiaoqu::RuleCode::Cfg005).ok_or("CFG005 not implemented")?;
/// assert_eq!((meta.severity, meta.basis), (xiaoqu::Severity::Error, xiaoqu::Basis::Lib));
/// assert!(xiaoqu::rules::catalogue().len() > 50);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod screening;
#[cfg(feature = "proptest")]
pub mod strategies;
/// Streams of documents: NDJSON reading and auditing, and splitting a district by compound.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ndjson = format!("{0}\n{0}\n", serde_json::to_string(&cfg)?);
/// assert_eq!(xiaoqu::stream::documents(ndjson.as_bytes()).filter(Result::is_ok).count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "json")]
pub mod stream;
pub mod summary;
#[cfg(feature = "testing")]
pub mod testing;
/// Tallies of owners'-assembly votes by area and by heads (民法典 第二百七十八条).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let c = &cfg.compounds[0];
/// let tally = xiaoqu::voting::tally_assembly(c, &c.assemblies[1], xiaoqu::voting::Abstention::NotCounted);
/// assert!(tally.matter("m-1").ok_or("no m-1")?.passed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub mod voting;

pub use config::{GovernanceConfig, LoadError, LoadErrorKind};
pub use index::Index;
pub use policy::{Policy, PolicyError, ProfileSpec, RuleSetting};
pub use report::{Basis, Diagnostic, FactValue, Lang, Path, Report, RuleCode, Severity, Text};
pub use rules::audit;
