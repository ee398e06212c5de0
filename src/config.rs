//! The governance document (`CONFIG.md`) and its strict loading from JSON and TOML.
//!
//! Nothing else in the crate knows that JSON or TOML exist. Loading refuses, with the document
//! path and (for text) the line and column: syntax errors, unknown keys, duplicate keys, wrong
//! types, money or areas written as numbers, more than two decimals, exponent/`+`/`_`/leading-dot
//! decimals, non-strict or impossible dates, decimals beyond range, malformed ids, a
//! `schema_version` other than 1, and unknown presets or parameters in the profile.
//!
//! # Example
//! ```
//! let cfg = xiaoqu::config::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! assert_eq!(cfg.people.len(), 15);
//! // Money written as a JSON number is refused, with the path.
//! let err = xiaoqu::config::GovernanceConfig::from_json_str(
//!     &xiaoqu::example::GUOKEYUAN_JSON.replacen("\"area\": \"89.50\"", "\"area\": 89.5", 1),
//! ).err().ok_or("must fail")?;
//! assert!(err.path().ends_with(".area"), "{err}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
#[cfg(any(feature = "json", feature = "toml"))]
pub(crate) mod locate;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

pub use error::{LoadError, LoadErrorKind};

use crate::model::{Compound, Organization, Person, date};
use crate::policy::{Policy, PolicyError, ProfileSpec};

/// The only schema version this crate reads.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert_eq!(cfg.schema_version, xiaoqu::config::SCHEMA_VERSION);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SCHEMA_VERSION: u32 = 1;

/// A governance document: the state of one or more compounds as of a date.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert_eq!(cfg.compounds.len(), 1);
/// assert_eq!(cfg.compounds[0].units.len(), 12);
/// # Ok::<(), xiaoqu::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "Governance document",
        description = "The governance state of one or more residential compounds (小区) as of a date (xiaoqu config format, version 1)."
    )
)]
#[serde(deny_unknown_fields)]
pub struct GovernanceConfig {
    /// Always 1.
    #[serde(deserialize_with = "schema_version")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::schema_version"))]
    pub schema_version: u32,
    /// The audit date: deadlines and "overdue" are judged against it.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub as_of: NaiveDate,
    /// The policy profile; `default` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<ProfileSpec>,
    /// Every natural person referenced anywhere.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Organisations above or beside compounds.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// The compounds audited.
    #[serde(default)]
    pub compounds: Vec<Compound>,
}

fn schema_version<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if v == SCHEMA_VERSION {
        Ok(v)
    } else {
        Err(serde::de::Error::custom(format_args!("unsupported schema_version `{v}` (this crate reads version 1)")))
    }
}

impl GovernanceConfig {
    /// An empty document as of a date.
    ///
    /// # Example
    /// ```
    /// let as_of = chrono::NaiveDate::from_ymd_opt(2025, 9, 5).ok_or("date")?;
    /// let cfg = xiaoqu::GovernanceConfig::new(as_of);
    /// assert!(cfg.compounds.is_empty() && cfg.profile.is_none());
    /// assert!(xiaoqu::audit(&cfg, &cfg.policy()?).is_clean());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(as_of: NaiveDate) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            as_of,
            profile: None,
            people: Vec::new(),
            organizations: Vec::new(),
            compounds: Vec::new(),
        }
    }

    /// The policy the document's `profile` names (`default` when absent).
    ///
    /// # Errors
    /// An unknown preset or parameter, or a parameter of the wrong type. Documents loaded by
    /// this crate were checked already; this can fail only for documents built in code.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// assert_eq!(cfg.policy()?.name(), "default");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn policy(&self) -> Result<Policy, PolicyError> {
        self.profile.as_ref().map_or_else(|| Ok(Policy::default()), Policy::from_spec)
    }

    /// Loads a JSON document from bytes (UTF-8).
    ///
    /// # Errors
    /// A [`LoadError`] naming the path, line and column of the first problem.
    ///
    /// # Example
    /// ```
    /// let err = xiaoqu::GovernanceConfig::from_json_slice(br#"{"schema_version": 2, "as_of": "2025-01-01"}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.path(), "schema_version");
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_slice(bytes: &[u8]) -> Result<Self, LoadError> {
        let _shared_ids = crate::model::ids::intern::scope();
        // The fast path: a plain typed parse. Tracking the path costs a string per key, so it
        // is paid only when the document fails, by parsing it again to name where.
        if let Ok(cfg) = serde_json::from_slice::<Self>(bytes) {
            cfg.check_profile(error::Text::Json(bytes))?;
            return Ok(cfg);
        }
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let cfg: Self = serde_path_to_error::deserialize(&mut de).map_err(|e| LoadError::from_json(e, bytes))?;
        de.end().map_err(|e| LoadError::from_json_plain(&e, bytes))?;
        cfg.check_profile(error::Text::Json(bytes))?;
        Ok(cfg)
    }

    /// Loads a JSON document from a string.
    ///
    /// # Errors
    /// As [`from_json_slice`](Self::from_json_slice).
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// assert_eq!(cfg.as_of.to_string(), "2025-09-05");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_str(s: &str) -> Result<Self, LoadError> {
        Self::from_json_slice(s.as_bytes())
    }

    /// Loads a TOML document; native TOML dates are accepted as well as date strings.
    ///
    /// # Errors
    /// A [`LoadError`] naming the path, line and column of the first problem.
    ///
    /// # Example
    /// ```
    /// let doc = "schema_version = 1\nas_of = 2025-09-05\n";
    /// let cfg = xiaoqu::GovernanceConfig::from_toml_str(doc)?;
    /// assert_eq!(cfg.as_of.to_string(), "2025-09-05");
    /// # Ok::<(), xiaoqu::LoadError>(())
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml_str(s: &str) -> Result<Self, LoadError> {
        let _shared_ids = crate::model::ids::intern::scope();
        let de = toml::Deserializer::parse(s).map_err(|e| LoadError::from_toml(None, &e, s))?;
        let cfg: Self =
            serde_path_to_error::deserialize(de).map_err(|e| LoadError::from_toml(Some(e.path()), e.inner(), s))?;
        cfg.check_profile(error::Text::Toml(s))?;
        Ok(cfg)
    }

    /// The document as pretty JSON.
    ///
    /// # Errors
    /// Only if serialization fails, which the model's types do not do.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let json = cfg.to_json_string_pretty()?;
    /// assert_eq!(xiaoqu::GovernanceConfig::from_json_str(&json)?, cfg); // round trip
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn to_json_string_pretty(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// The document as TOML.
    ///
    /// # Errors
    /// When the document has no TOML form (TOML has no null, so unset optional profile
    /// parameters cannot be written).
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let toml = cfg.to_toml_string()?;
    /// assert_eq!(xiaoqu::GovernanceConfig::from_toml_str(&toml)?, cfg); // round trip
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "toml")]
    pub fn to_toml_string(&self) -> Result<String, toml::ser::Error> {
        toml::to_string_pretty(self)
    }

    #[cfg(any(feature = "json", feature = "toml"))]
    fn check_profile(&self, text: error::Text<'_>) -> Result<(), LoadError> {
        self.policy().map(|_| ()).map_err(|e| LoadError::from_policy(&e, text, true))
    }
}

/// A profile file: the `profile` object of a document on its own
/// (`{ "preset": "default", "overrides": { … }, "rules": { … } }`) or a bare preset name string.
#[cfg(any(feature = "json", feature = "toml"))]
#[derive(Deserialize)]
#[serde(transparent)]
struct ProfileFile(ProfileSpec);

#[cfg(any(feature = "json", feature = "toml"))]
impl ProfileFile {
    fn into_policy(self, text: error::Text<'_>) -> Result<Policy, LoadError> {
        Policy::from_spec(&self.0).map_err(|e| LoadError::from_policy(&e, text, false))
    }
}

/// Loads a policy from a JSON profile file.
///
/// # Errors
/// A [`LoadError`] with path, line and column, or an unknown preset or parameter.
///
/// # Example
/// ```
/// let p = xiaoqu::config::policy_from_json_str(r#"{ "preset": "national", "overrides": { "filing_days": 20 } }"#)?;
/// assert_eq!(p.params().filing_days, 20);
/// # Ok::<(), xiaoqu::LoadError>(())
/// ```
#[cfg(feature = "json")]
pub fn policy_from_json_str(s: &str) -> Result<Policy, LoadError> {
    let mut de = serde_json::Deserializer::from_str(s);
    let file: ProfileFile =
        serde_path_to_error::deserialize(&mut de).map_err(|e| LoadError::from_json(e, s.as_bytes()))?;
    de.end().map_err(|e| LoadError::from_json_plain(&e, s.as_bytes()))?;
    file.into_policy(error::Text::Json(s.as_bytes()))
}

/// Loads a policy from a TOML profile file (`preset = "default"` with `[overrides]`, `[rules]`).
///
/// # Errors
/// A [`LoadError`] with path, line and column, or an unknown preset or parameter.
///
/// # Example
/// ```
/// let policy = xiaoqu::config::policy_from_toml_str(
///     "preset = \"national\"\n[overrides]\nfiling_days = 20\n[rules]\nCFG004 = \"off\"\n",
/// )?;
/// assert_eq!(policy.params().filing_days, 20);
/// assert!(!policy.is_enabled(xiaoqu::RuleCode::Cfg004));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "toml")]
pub fn policy_from_toml_str(s: &str) -> Result<Policy, LoadError> {
    let de = toml::Deserializer::parse(s).map_err(|e| LoadError::from_toml(None, &e, s))?;
    let file: ProfileFile =
        serde_path_to_error::deserialize(de).map_err(|e| LoadError::from_toml(Some(e.path()), e.inner(), s))?;
    file.into_policy(error::Text::Toml(s))
}
