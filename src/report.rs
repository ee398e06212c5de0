//! The audit report: diagnostics with stable codes, subjects, paths, legal basis and facts;
//! its renderers (JSON, text, SARIF 2.1.0) and baselines of accepted findings.
//!
//! Reports identify people by id only. Names appear only when [`ReportOptions::show_names`]
//! asks for them, and evidence records appear as their kind and dates, never their free text.
//!
//! # Example
//! ```
//! let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! cfg.compounds[0].units[3].area = "0.00".parse()?;
//! let report = xiaoqu::audit(&cfg, &cfg.policy()?);
//! let text = report.to_text(xiaoqu::Lang::En);
//! assert!(text.contains("CFG005") && text.contains("u-1-202"));
//! assert!(!text.contains("王建国"), "no names unless asked for");
//! let json: serde_json::Value = serde_json::from_str(&report.to_json_string(xiaoqu::Lang::En)?)?;
//! assert_eq!(json["diagnostics"][0]["path"], "compounds[0].units[3].area");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod baseline;
mod code;
#[cfg(feature = "json")]
mod locate;
mod options;
mod path;
mod render;
#[cfg(feature = "json")]
mod sarif;

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use baseline::{Baseline, BaselineEntry, BaselineOutcome};
pub use code::{RuleCode, UnknownCode};
pub use options::{ReportOptions, Source};
pub(crate) use path::doc_path;
pub use path::{Path, Segment};
pub use render::{ReportView, TOOL_NAME, TOOL_VERSION};
#[cfg(feature = "json")]
pub use sarif::{SARIF_SCHEMA, TOOL_INFORMATION_URI, sarif_log_string};

use crate::model::{Area, CompoundId, Money, Ratio};

/// How serious a finding is.
///
/// # Example
/// ```
/// use xiaoqu::Severity;
/// assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
/// assert_eq!(serde_json::from_str::<Severity>(r#""warning""#)?, Severity::Warning);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Advice.
    Info,
    /// Should be fixed.
    Warning,
    /// Breaks a rule.
    Error,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(xiaoqu::Severity::Warning.as_str(), "warning");
    /// assert_eq!(serde_json::to_string(&xiaoqu::Severity::Info)?, format!("\"{}\"", xiaoqu::Severity::Info.as_str()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    /// The Chinese word.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::Severity;
    /// assert_eq!((Severity::Error.zh(), Severity::Warning.zh(), Severity::Info.zh()), ("错误", "警告", "提示"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn zh(self) -> &'static str {
        match self {
            Self::Info => "提示",
            Self::Warning => "警告",
            Self::Error => "错误",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a rule comes from (see `RULES.md`).
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].units[3].area = "0.00".parse()?; // CFG005, a default of this crate
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// assert_eq!(report.diagnostics()[0].basis(), xiaoqu::Basis::Lib);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// National statute or judicial interpretation.
    Law,
    /// State Council or ministry rule.
    Reg,
    /// A city's regulation: on only in that city's preset.
    Local,
    /// Party-building practice: on in `default`.
    Practice,
    /// A default chosen by this crate.
    Lib,
}

impl Basis {
    /// `"law"`, `"reg"`, `"local"`, `"practice"` or `"lib"`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::Basis;
    /// assert_eq!(Basis::Practice.as_str(), "practice");
    /// assert_eq!(serde_json::from_str::<Basis>(r#""reg""#)?.as_str(), "reg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Law => "law",
            Self::Reg => "reg",
            Self::Local => "local",
            Self::Practice => "practice",
            Self::Lib => "lib",
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language of rendered messages.
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].units[3].area = "0.00".parse()?;
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// assert_eq!(xiaoqu::Lang::default(), xiaoqu::Lang::Zh);
/// assert!(report.to_text(xiaoqu::Lang::En).contains("not > 0"));
/// assert!(report.to_text(xiaoqu::Lang::Zh).contains("不大于零"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Chinese (the CLI default).
    #[default]
    Zh,
    /// English.
    En,
}

/// A text in both languages.
///
/// # Example
/// ```
/// let t = xiaoqu::Text::new("错误", "error");
/// assert_eq!((&*t.zh, &*t.en), ("错误", "error"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    /// Chinese.
    pub zh: Cow<'static, str>,
    /// English.
    pub en: Cow<'static, str>,
}

impl Text {
    /// A text from its two versions.
    ///
    /// # Example
    /// ```
    /// let owned = String::from("区");
    /// let t = xiaoqu::Text::new(owned, "compound");
    /// assert_eq!(t, xiaoqu::Text::new("区", String::from("compound")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self { zh: zh.into(), en: en.into() }
    }

    /// The version in `lang`.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let message = report.diagnostics()[0].message();
    /// assert_eq!(message.get(xiaoqu::Lang::En), "unit `u-1-202` has area 0.00, not > 0");
    /// assert_eq!(message.get(xiaoqu::Lang::Zh), "专有部分 `u-1-202` 的登记面积 0.00 不大于零");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A value among the facts that made a rule fire.
///
/// # Example
/// ```
/// use xiaoqu::FactValue;
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].owners_committee.as_mut().ok_or("no committee")?.members.pop();
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// let cm001 = report.with_code(xiaoqu::RuleCode::Cm001).next().ok_or("no CM001")?;
/// assert_eq!(cm001.fact("members"), Some(&FactValue::Int(4)));
/// assert_eq!(cm001.fact("odd_required"), Some(&FactValue::Bool(true)));
/// assert_eq!(FactValue::from("2025-09-05".parse::<chrono::NaiveDate>()?).to_string(), "2025-09-05");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FactValue {
    /// An integer (a count, a number of days).
    Int(i64),
    /// An exact decimal (money, area, a share).
    Decimal(Decimal),
    /// A ratio such as `2/3`.
    Ratio(Ratio),
    /// A date.
    Date(NaiveDate),
    /// A flag.
    Bool(bool),
    /// Text: an id, a kind, a name of a field.
    Text(String),
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Int(v) => v.fmt(f),
            Self::Decimal(v) => v.fmt(f),
            Self::Ratio(v) => v.fmt(f),
            Self::Date(v) => write!(f, "{}", v.format("%Y-%m-%d")),
            Self::Bool(v) => v.fmt(f),
            Self::Text(v) => f.write_str(v),
        }
    }
}

macro_rules! fact_from {
    ($($t:ty => |$v:ident| $e:expr;)*) => {$(
        impl From<$t> for FactValue {
            fn from($v: $t) -> Self { $e }
        }
    )*};
}

fact_from! {
    i64 => |v| Self::Int(v);
    u32 => |v| Self::Int(i64::from(v));
    usize => |v| Self::Int(i64::try_from(v).unwrap_or(i64::MAX));
    u64 => |v| Self::Int(i64::try_from(v).unwrap_or(i64::MAX));
    bool => |v| Self::Bool(v);
    Decimal => |v| Self::Decimal(v);
    Money => |v| Self::Decimal(v.value());
    Area => |v| Self::Decimal(v.value());
    Ratio => |v| Self::Ratio(v);
    NaiveDate => |v| Self::Date(v);
    String => |v| Self::Text(v);
    &str => |v| Self::Text(v.to_owned());
}

/// One finding.
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].units[3].area = "0.00".parse()?;
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// let d: &xiaoqu::Diagnostic = &report.diagnostics()[0];
/// assert_eq!((d.code().as_str(), d.subject(), d.severity()), ("CFG005", "u-1-202", xiaoqu::Severity::Error));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub(crate) code: RuleCode,
    pub(crate) severity: Severity,
    pub(crate) subject: String,
    pub(crate) compound: Option<CompoundId>,
    pub(crate) path: Path,
    pub(crate) message: Text,
    pub(crate) help: Option<Text>,
    pub(crate) basis: Basis,
    pub(crate) citation: Cow<'static, str>,
    pub(crate) facts: Vec<(&'static str, FactValue)>,
}

impl Diagnostic {
    /// The rule code.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert_eq!(d.code(), xiaoqu::RuleCode::Cfg005);
    /// assert_eq!(d.code().family(), "CFG");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> RuleCode {
        self.code
    }
    /// The rule's stable slug.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert_eq!(d.name(), "area_positive");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &'static str {
        self.code.name()
    }
    /// Severity after the profile's overrides.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert_eq!(d.severity(), xiaoqu::Severity::Error);
    /// let mut policy = cfg.policy()?;
    /// policy.set_rule(xiaoqu::RuleCode::Cfg005, xiaoqu::RuleSetting::Severity(xiaoqu::Severity::Warning));
    /// assert_eq!(xiaoqu::audit(&cfg, &policy).diagnostics()[0].severity(), xiaoqu::Severity::Warning);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn severity(&self) -> Severity {
        self.severity
    }
    /// The id of the entity at fault (`PARENT/CHILD` for ids unique only in a parent).
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert_eq!(d.subject(), "u-1-202");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subject(&self) -> &str {
        &self.subject
    }
    /// The compound, when the finding is inside one.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert_eq!(d.compound().map(|c| c.as_str()), Some("c-guokeyuan"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compound(&self) -> Option<&CompoundId> {
        self.compound.as_ref()
    }
    /// Where in the document (`compounds[0].units[3].area`).
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert_eq!(d.path().to_string(), "compounds[0].units[3].area");
    /// assert_eq!(d.path().segments().len(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn path(&self) -> &Path {
        &self.path
    }
    /// The message in both languages.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert!(d.message().en.contains("u-1-202"));
    /// assert!(d.message().zh.contains("u-1-202"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message(&self) -> &Text {
        &self.message
    }
    /// Optional advice on fixing it.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].owners_committee.as_mut().ok_or("no committee")?.members.pop();
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let cm001 = report.with_code(xiaoqu::RuleCode::Cm001).next().ok_or("no CM001")?;
    /// assert!(cm001.help().ok_or("no help")?.en.contains("by-election"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn help(&self) -> Option<&Text> {
        self.help.as_ref()
    }
    /// Where the rule comes from.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert_eq!(d.basis(), xiaoqu::Basis::Lib);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> Basis {
        self.basis
    }
    /// The legal citation (`民法典 第二百七十八条`).
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert!(d.citation().ends_with("第八条"), "SPC interpretation Art 8 on registered area");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn citation(&self) -> &str {
        &self.citation
    }
    /// The facts that made the rule fire, in a stable order.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// let keys: Vec<&str> = d.facts().iter().map(|(k, _)| *k).collect();
    /// assert_eq!(keys, ["area"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn facts(&self) -> &[(&'static str, FactValue)] {
        &self.facts
    }
    /// The value of one fact.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// # let d = &report.diagnostics()[0];
    /// assert_eq!(d.fact("area").map(ToString::to_string).as_deref(), Some("0.00"));
    /// assert_eq!(d.fact("members"), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fact(&self, key: &str) -> Option<&FactValue> {
        self.facts.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    fn sort_key(&self) -> (Option<&CompoundId>, &Path, RuleCode, &str) {
        (self.compound.as_ref(), &self.path, self.code, &self.subject)
    }
}

/// The result of an audit: every finding, sorted by compound, path and code.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let report: xiaoqu::Report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// assert!(report.is_clean());
/// assert_eq!(report.compounds(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub(crate) profile: String,
    pub(crate) as_of: NaiveDate,
    pub(crate) compounds: usize,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub(crate) fn new(profile: String, as_of: NaiveDate, compounds: usize, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diagnostics.dedup();
        Self { profile, as_of, compounds, diagnostics }
    }

    /// The findings, in deterministic order.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// // a zero area (CFG005) and a ballot cast after the audit date (CFG004 and AV007)
    /// let codes: Vec<&str> = report.diagnostics().iter().map(|d| d.code().as_str()).collect();
    /// assert_eq!(codes, ["CFG004", "AV007", "CFG005"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
    /// The profile the audit ran under.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// assert_eq!(report.profile(), "default");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn profile(&self) -> &str {
        &self.profile
    }
    /// The audit date.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// assert_eq!(report.as_of().to_string(), "2025-09-05");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }
    /// Number of compounds audited.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// assert_eq!(report.compounds(), cfg.compounds.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compounds(&self) -> usize {
        self.compounds
    }
    /// Number of findings of a severity.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// use xiaoqu::Severity;
    /// assert_eq!((report.count(Severity::Error), report.count(Severity::Warning), report.count(Severity::Info)), (2, 1, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
    /// Whether any finding is an error.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// assert!(report.has_errors());
    /// let clean = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// assert!(!xiaoqu::audit(&clean, &clean.policy()?).has_errors());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
    /// Whether any finding is at or above `severity`.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let mut policy = cfg.policy()?;
    /// policy.set_rule(xiaoqu::RuleCode::Cfg005, xiaoqu::RuleSetting::Off);
    /// policy.set_rule(xiaoqu::RuleCode::Av007, xiaoqu::RuleSetting::Off);
    /// let warnings_only = xiaoqu::audit(&cfg, &policy);
    /// assert!(warnings_only.has_at_least(xiaoqu::Severity::Warning));
    /// assert!(!warnings_only.has_at_least(xiaoqu::Severity::Error));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn has_at_least(&self, severity: Severity) -> bool {
        self.diagnostics.iter().any(|d| d.severity >= severity)
    }
    /// Whether there is no finding at all.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// assert!(!report.is_clean());
    /// let clean = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// assert!(xiaoqu::audit(&clean, &clean.policy()?).is_clean());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
    /// The findings of one rule.
    ///
    /// # Example
    /// ```
    /// # let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// # cfg.compounds[0].units[3].area = "0.00".parse()?;
    /// # cfg.compounds[0].assemblies[1].ballots[0].cast_on = "2026-01-01".parse()?;
    /// # let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let subjects: Vec<&str> = report.with_code(xiaoqu::RuleCode::Cfg004).map(|d| d.subject()).collect();
    /// assert_eq!(subjects, ["asm-2025-01/u-1-101"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_code(&self, code: RuleCode) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }
}
