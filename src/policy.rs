//! Policy: which rules run, at what severity, with which parameters.
//!
//! A policy starts from a preset (`national`, `default`, or a city: `beijing`, `shanghai`,
//! `hangzhou`) and takes overrides: parameter values by name, and per-rule settings (`off`,
//! `on`, or a severity). City presets are data ([`CITY_PRESETS`]): each value carries the
//! article it comes from, which the findings of the rules it governs cite.
//!
//! # Example
//! ```
//! use xiaoqu::{Policy, RuleCode, RuleSetting, policy::ParamValue};
//! let mut policy = Policy::preset("shanghai")?;
//! policy.set_param("filing_days", &ParamValue::Int(20))?;
//! policy.set_rule(RuleCode::De003, RuleSetting::Off);
//! assert_eq!(policy.name(), "shanghai+overrides");
//! assert_eq!(policy.params().term_min_years, Some(3)); // Shanghai: terms of 3 to 5 years
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod params;
mod presets;
mod value;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

pub use params::{ParamInfo, Params};
pub use presets::{CITY_PRESETS, CityPreset, PresetParam, PresetRule, PresetValue, city_preset};
pub use value::{Abstention, DisclosurePeriod, ParamType, ParamValue, PrepLeader, Range, Threshold};

use crate::model::UniqueMap;
use crate::report::{Basis, RuleCode, Severity};

/// Why a policy could not be built.
///
/// # Example
/// ```
/// use xiaoqu::{Policy, PolicyError};
/// assert_eq!(Policy::preset("atlantis"), Err(PolicyError::UnknownPreset("atlantis".into())));
/// let err = Policy::default().set_param("filing_dayz", &xiaoqu::policy::ParamValue::Int(20)).err();
/// assert_eq!(err.map(|e| e.to_string()).as_deref(), Some("unknown parameter `filing_dayz`"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// No preset of that name.
    #[error("unknown preset `{}` (known: national, default, beijing, shanghai, hangzhou)", .0.escape_debug())]
    UnknownPreset(String),
    /// No parameter of that name.
    #[error("unknown parameter `{}`", .0.escape_debug())]
    UnknownParameter(String),
    /// A value of the wrong type.
    #[error("parameter `{}`: {message}", name.escape_debug())]
    BadValue {
        /// The parameter.
        name: String,
        /// What is wrong.
        message: String,
    },
}

/// How a profile sets one rule.
///
/// # Example
/// ```
/// use xiaoqu::{Policy, RuleCode, RuleSetting, Severity};
/// let mut policy = Policy::default();
/// policy.set_rule(RuleCode::De003, RuleSetting::Off);
/// policy.set_rule(RuleCode::Cm008, RuleSetting::Severity(Severity::Error));
/// assert_eq!(policy.severity(RuleCode::De003), None);
/// assert_eq!(policy.severity(RuleCode::Cm008), Some(Severity::Error));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleSetting {
    /// Not run.
    Off,
    /// Run at its default severity.
    On,
    /// Run at this severity.
    Severity(Severity),
}

impl RuleSetting {
    /// As written: `off`, `on`, `error`, `warning`, `info`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{RuleSetting, Severity};
    /// assert_eq!(RuleSetting::Off.as_str(), "off");
    /// assert_eq!(RuleSetting::Severity(Severity::Warning).to_string(), "warning");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::On => "on",
            Self::Severity(s) => s.as_str(),
        }
    }
}

impl fmt::Display for RuleSetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleSetting {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleSetting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        match &*s {
            "off" => Ok(Self::Off),
            "on" => Ok(Self::On),
            "error" => Ok(Self::Severity(Severity::Error)),
            "warning" => Ok(Self::Severity(Severity::Warning)),
            "info" => Ok(Self::Severity(Severity::Info)),
            other => {
                Err(de::Error::custom(format_args!("`{other}` is not a rule setting (off, on, error, warning, info)")))
            }
        }
    }
}

/// The `profile` of a document: a preset name, or a preset with overrides.
///
/// # Example
/// ```
/// use xiaoqu::{Policy, ProfileSpec};
/// let named = ProfileSpec::Named("shanghai".into());
/// assert_eq!(Policy::from_spec(&named)?.name(), "shanghai");
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert_eq!(cfg.profile, Some(ProfileSpec::Named("default".into())));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileSpec {
    /// `"default"`.
    Named(String),
    /// `{ "preset": "default", "overrides": { … }, "rules": { "DE003": "off" } }`.
    Custom {
        /// The preset it starts from.
        preset: String,
        /// Parameter values by name.
        overrides: UniqueMap<String, ParamValue>,
        /// Rule settings by code.
        rules: UniqueMap<RuleCode, RuleSetting>,
    },
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    preset: String,
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    overrides: UniqueMap<String, ParamValue>,
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    rules: UniqueMap<RuleCode, RuleSetting>,
}

impl Serialize for ProfileSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Named(n) => s.serialize_str(n),
            Self::Custom { preset, overrides, rules } => {
                RawProfile { preset: preset.clone(), overrides: overrides.clone(), rules: rules.clone() }.serialize(s)
            }
        }
    }
}

impl<'de> Deserialize<'de> for ProfileSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ProfileSpec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a preset name or { \"preset\", \"overrides\", \"rules\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ProfileSpec, E> {
                Ok(ProfileSpec::Named(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ProfileSpec, A::Error> {
                let raw = RawProfile::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(ProfileSpec::Custom { preset: raw.preset, overrides: raw.overrides, rules: raw.rules })
            }
        }
        d.deserialize_any(V)
    }
}

/// Which rules run, at what severity, with which parameters.
///
/// # Example
/// ```
/// use xiaoqu::{Policy, RuleCode};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let policy = Policy::preset("national")?;
/// assert!(policy.is_enabled(RuleCode::Cm004) && !policy.is_enabled(RuleCode::De001)); // reg on, practice off
/// assert!(xiaoqu::audit(&cfg, &policy).is_clean());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    name: String,
    customised: bool,
    bases: Vec<Basis>,
    params: Params,
    rules: BTreeMap<RuleCode, RuleSetting>,
    /// The city preset it was built from, whose citations its findings carry.
    city: Option<&'static CityPreset>,
    /// Parameters a profile set by name: their values no longer come from the city preset.
    overridden: BTreeSet<String>,
}

/// The presets this crate knows: the two national ones, then the cities of [`CITY_PRESETS`].
///
/// # Example
/// ```
/// for name in xiaoqu::policy::PRESETS {
///     assert_eq!(xiaoqu::Policy::preset(name)?.name(), *name);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const PRESETS: &[&str] = &["national", "default", "beijing", "shanghai", "hangzhou"];

impl Default for Policy {
    /// The `default` preset: national law and regulations plus party-building practice.
    fn default() -> Self {
        Self::base("default", vec![Basis::Law, Basis::Reg, Basis::Lib, Basis::Practice])
    }
}

impl Policy {
    fn base(name: &str, bases: Vec<Basis>) -> Self {
        Self {
            name: name.to_owned(),
            customised: false,
            bases,
            params: Params::default(),
            rules: BTreeMap::new(),
            city: None,
            overridden: BTreeSet::new(),
        }
    }

    /// `national` or `default`, the presets a city builds on.
    fn national_preset(name: &str) -> Option<Self> {
        match name {
            "national" => Some(Self::base("national", vec![Basis::Law, Basis::Reg, Basis::Lib])),
            "default" => Some(Self::default()),
            _ => None,
        }
    }

    /// A city preset: its base, its rules switched on, its parameter values.
    fn city_policy(city: &'static CityPreset) -> Result<Self, PolicyError> {
        let mut p = Self::national_preset(city.base).ok_or_else(|| PolicyError::UnknownPreset(city.base.to_owned()))?;
        city.name.clone_into(&mut p.name);
        for e in city.params {
            p.params.set(e.name, &e.value.to_param()).map_err(|m| PolicyError::BadValue {
                name: e.name.to_owned(),
                message: m.unwrap_or_else(|| "not a parameter".to_owned()),
            })?;
        }
        for r in city.rules {
            p.rules.insert(r.code, RuleSetting::On);
        }
        p.city = Some(city);
        Ok(p)
    }

    /// A preset by name.
    ///
    /// - `national`: rules whose basis is `law` or `reg`, and this crate's `lib` integrity rules.
    /// - `default`: `national` plus every `practice` rule (the party-building model).
    /// - `beijing`, `shanghai`, `hangzhou`: `default` with the `local` rules the city's
    ///   regulation has switched on and its parameter values, each citing its article
    ///   ([`CITY_PRESETS`]).
    ///
    /// # Errors
    /// [`PolicyError::UnknownPreset`] for any other name.
    ///
    /// # Example
    /// ```
    /// let policy = xiaoqu::Policy::preset("national")?;
    /// assert_eq!(policy.name(), "national");
    /// let shanghai = xiaoqu::Policy::preset("shanghai")?;
    /// assert_eq!(shanghai.params().term_min_years, Some(3));
    /// assert!(xiaoqu::Policy::preset("atlantis").is_err());
    /// # Ok::<(), xiaoqu::PolicyError>(())
    /// ```
    pub fn preset(name: &str) -> Result<Self, PolicyError> {
        if let Some(p) = Self::national_preset(name) {
            return Ok(p);
        }
        match city_preset(name) {
            Some(city) => Self::city_policy(city),
            None => Err(PolicyError::UnknownPreset(name.chars().take(64).collect())),
        }
    }

    /// The policy a document's `profile` describes.
    ///
    /// # Errors
    /// An unknown preset or parameter, or a parameter value of the wrong type.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{Policy, ProfileSpec};
    /// let spec: ProfileSpec = serde_json::from_str(r#"{ "preset": "default", "overrides": { "filing_days": 20 } }"#)?;
    /// let policy = Policy::from_spec(&spec)?;
    /// assert_eq!((policy.name().as_str(), policy.params().filing_days), ("default+overrides", 20));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_spec(spec: &ProfileSpec) -> Result<Self, PolicyError> {
        match spec {
            ProfileSpec::Named(n) => Self::preset(n),
            ProfileSpec::Custom { preset, overrides, rules } => {
                let mut p = Self::preset(preset)?;
                for (name, value) in overrides.iter() {
                    p.set_param(name, value)?;
                }
                for (code, setting) in rules.iter() {
                    p.set_rule(*code, *setting);
                }
                Ok(p)
            }
        }
    }

    /// The preset's name, with `+overrides` once anything was changed.
    ///
    /// # Example
    /// ```
    /// let mut policy = xiaoqu::Policy::preset("beijing")?;
    /// assert_eq!(policy.name(), "beijing");
    /// policy.set_rule(xiaoqu::RuleCode::De003, xiaoqu::RuleSetting::Off);
    /// assert_eq!(policy.name(), "beijing+overrides");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> String {
        if self.customised { format!("{}+overrides", self.name) } else { self.name.clone() }
    }

    /// The parameters.
    ///
    /// # Example
    /// ```
    /// let policy = xiaoqu::Policy::default();
    /// assert_eq!(policy.params().filing_days, 30);
    /// assert_eq!(policy.params().term_max_years, 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// Sets one parameter by name.
    ///
    /// # Errors
    /// [`PolicyError::UnknownParameter`] or [`PolicyError::BadValue`].
    ///
    /// # Example
    /// ```
    /// use xiaoqu::policy::ParamValue;
    /// let mut policy = xiaoqu::Policy::default();
    /// policy.set_param("filing_days", &ParamValue::Int(15))?;
    /// assert_eq!(policy.params().filing_days, 15);
    /// # Ok::<(), xiaoqu::PolicyError>(())
    /// ```
    pub fn set_param(&mut self, name: &str, value: &ParamValue) -> Result<(), PolicyError> {
        self.params.set(name, value).map_err(|e| match e {
            None => PolicyError::UnknownParameter(name.chars().take(64).collect()),
            Some(message) => PolicyError::BadValue { name: name.to_owned(), message },
        })?;
        self.customised = true;
        self.overridden.insert(name.to_owned());
        Ok(())
    }

    /// The city article a parameter's value comes from: `Some` when the policy was built from a
    /// city preset that sets it and no override changed it since; `None` for a value of
    /// `national`/`default` (`RULES.md`) or one a profile set.
    ///
    /// # Example
    /// ```
    /// let beijing = xiaoqu::Policy::preset("beijing")?;
    /// assert_eq!(beijing.param_source("prep_group_leader"), Some("北京市物业管理条例 第三十一条"));
    /// assert_eq!(beijing.param_source("filing_days"), None);
    /// # Ok::<(), xiaoqu::PolicyError>(())
    /// ```
    pub fn param_source(&self, name: &str) -> Option<&'static str> {
        let city = self.city?;
        city.params.iter().find(|e| e.name == name && !self.overridden.contains(e.name)).map(|e| e.citation)
    }

    /// The city article a rule's findings cite under this policy: the one of the city preset
    /// that switched the rule on, or else of a parameter of the rule it sets (not overridden
    /// since); `None` when the rule's own citation applies.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::RuleCode;
    /// let shanghai = xiaoqu::Policy::preset("shanghai")?;
    /// assert_eq!(shanghai.citation_for(RuleCode::Cm004), Some("上海市住宅物业管理规定 第二十条"));
    /// assert_eq!(xiaoqu::Policy::default().citation_for(RuleCode::Cm004), None);
    /// # Ok::<(), xiaoqu::PolicyError>(())
    /// ```
    pub fn citation_for(&self, code: RuleCode) -> Option<&'static str> {
        let city = self.city?;
        city.rules.iter().find(|r| r.code == code).map(|r| r.citation).or_else(|| {
            city.params
                .iter()
                .find(|e| e.rules.contains(&code) && !self.overridden.contains(e.name))
                .map(|e| e.citation)
        })
    }

    /// The city preset the policy was built from, if any.
    ///
    /// # Example
    /// ```
    /// let hangzhou = xiaoqu::Policy::preset("hangzhou")?;
    /// assert_eq!(hangzhou.city().map(|c| c.regulation), Some("杭州市物业管理条例"));
    /// assert!(xiaoqu::Policy::default().city().is_none());
    /// # Ok::<(), xiaoqu::PolicyError>(())
    /// ```
    pub fn city(&self) -> Option<&'static CityPreset> {
        self.city
    }

    /// Switches a rule off, on, or to a severity.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{Policy, RuleCode, RuleSetting};
    /// let mut policy = Policy::default();
    /// assert!(!policy.is_enabled(RuleCode::Nl007)); // contested: off everywhere
    /// policy.set_rule(RuleCode::Nl007, RuleSetting::On);
    /// assert!(policy.is_enabled(RuleCode::Nl007));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_rule(&mut self, code: RuleCode, setting: RuleSetting) {
        self.rules.insert(code, setting);
        self.customised = true;
    }

    /// The severity a rule runs at, or `None` when it does not run (off, not in the preset's
    /// bases, or not implemented).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{Policy, RuleCode, Severity};
    /// let policy = Policy::default();
    /// assert_eq!(policy.severity(RuleCode::Cm008), Some(Severity::Warning));
    /// assert_eq!(Policy::preset("national")?.severity(RuleCode::De003), None); // practice: not national
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn severity(&self, code: RuleCode) -> Option<Severity> {
        let meta = crate::rules::meta(code)?;
        let setting =
            self.rules.get(&code).copied().unwrap_or(if self.bases.contains(&meta.basis) && meta.on_by_default {
                RuleSetting::On
            } else {
                RuleSetting::Off
            });
        match setting {
            RuleSetting::Off => None,
            RuleSetting::On => Some(meta.severity),
            RuleSetting::Severity(s) => Some(s),
        }
    }

    /// Whether a rule runs.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{Policy, RuleCode};
    /// assert!(Policy::preset("shanghai")?.is_enabled(RuleCode::Ja013)); // a local rule Shanghai switches on
    /// assert!(!Policy::default().is_enabled(RuleCode::Ja013));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_enabled(&self, code: RuleCode) -> bool {
        self.severity(code).is_some()
    }
}
