//! Policy: which rules run, at what severity, with which parameters.
//!
//! A policy starts from a preset (`national`, `default`) and takes overrides: parameter values
//! by name, and per-rule settings (`off`, `on`, or a severity).

mod params;
mod value;

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

pub use params::{ParamInfo, Params};
pub use value::{Abstention, DisclosurePeriod, ParamType, ParamValue, PrepLeader, Range, Threshold};

use crate::model::UniqueMap;
use crate::report::{Basis, RuleCode, Severity};

/// Why a policy could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// No preset of that name.
    #[error("unknown preset `{0}` (known: national, default)")]
    UnknownPreset(String),
    /// No parameter of that name.
    #[error("unknown parameter `{0}`")]
    UnknownParameter(String),
    /// A value of the wrong type.
    #[error("parameter `{name}`: {message}")]
    BadValue {
        /// The parameter.
        name: String,
        /// What is wrong.
        message: String,
    },
}

/// How a profile sets one rule.
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    name: String,
    customised: bool,
    bases: Vec<Basis>,
    params: Params,
    rules: BTreeMap<RuleCode, RuleSetting>,
}

/// The presets this crate knows.
pub const PRESETS: &[&str] = &["national", "default"];

impl Default for Policy {
    /// The `default` preset: national law and regulations plus party-building practice.
    fn default() -> Self {
        Self::base("default", vec![Basis::Law, Basis::Reg, Basis::Lib, Basis::Practice])
    }
}

impl Policy {
    fn base(name: &str, bases: Vec<Basis>) -> Self {
        Self { name: name.to_owned(), customised: false, bases, params: Params::default(), rules: BTreeMap::new() }
    }

    /// A preset by name.
    ///
    /// - `national`: rules whose basis is `law` or `reg`, and this crate's `lib` integrity rules.
    /// - `default`: `national` plus every `practice` rule (the party-building model).
    ///
    /// # Errors
    /// [`PolicyError::UnknownPreset`] for any other name.
    ///
    /// # Example
    /// ```
    /// let policy = xiaoqu::Policy::preset("national")?;
    /// assert_eq!(policy.name(), "national");
    /// assert!(xiaoqu::Policy::preset("atlantis").is_err());
    /// # Ok::<(), xiaoqu::PolicyError>(())
    /// ```
    pub fn preset(name: &str) -> Result<Self, PolicyError> {
        match name {
            "national" => Ok(Self::base("national", vec![Basis::Law, Basis::Reg, Basis::Lib])),
            "default" => Ok(Self::default()),
            other => Err(PolicyError::UnknownPreset(other.chars().take(64).collect())),
        }
    }

    /// The policy a document's `profile` describes.
    ///
    /// # Errors
    /// An unknown preset or parameter, or a parameter value of the wrong type.
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
    pub fn name(&self) -> String {
        if self.customised { format!("{}+overrides", self.name) } else { self.name.clone() }
    }

    /// The parameters.
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
        Ok(())
    }

    /// Switches a rule off, on, or to a severity.
    pub fn set_rule(&mut self, code: RuleCode, setting: RuleSetting) {
        self.rules.insert(code, setting);
        self.customised = true;
    }

    /// The severity a rule runs at, or `None` when it does not run (off, not in the preset's
    /// bases, or not implemented).
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
    pub fn is_enabled(&self, code: RuleCode) -> bool {
        self.severity(code).is_some()
    }
}
