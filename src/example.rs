//! Built-in example documents.
//!
//! The reference document `example-guokeyuan.json` (国科园小区) ships inside the crate so that
//! examples, doctests and the CLI have data without reading files. The district generator of
//! `SPEC.md` will live here too.

/// The reference document of `CONFIG.md`: one managed compound, 12 units, audits clean under
/// the `default` profile.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert!(xiaoqu::audit(&cfg, &cfg.policy()?).is_clean());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const GUOKEYUAN_JSON: &str = include_str!("../tests/fixtures/example-guokeyuan.json");
