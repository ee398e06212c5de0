//! The audit report: diagnostics with stable codes, subjects, paths, legal basis and facts;
//! its renderers (JSON, text, SARIF 2.1.0) and baselines of accepted findings.
//!
//! Reports identify people by id only. Names appear only when [`ReportOptions::show_names`]
//! asks for them, and evidence records appear as their kind and dates, never their free text.

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
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    /// The Chinese word.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Chinese (the CLI default).
    #[default]
    Zh,
    /// English.
    En,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    /// Chinese.
    pub zh: Cow<'static, str>,
    /// English.
    pub en: Cow<'static, str>,
}

impl Text {
    /// A text from its two versions.
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self { zh: zh.into(), en: en.into() }
    }

    /// The version in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A value among the facts that made a rule fire.
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
    pub fn code(&self) -> RuleCode {
        self.code
    }
    /// The rule's stable slug.
    pub fn name(&self) -> &'static str {
        self.code.name()
    }
    /// Severity after the profile's overrides.
    pub fn severity(&self) -> Severity {
        self.severity
    }
    /// The id of the entity at fault (`PARENT/CHILD` for ids unique only in a parent).
    pub fn subject(&self) -> &str {
        &self.subject
    }
    /// The compound, when the finding is inside one.
    pub fn compound(&self) -> Option<&CompoundId> {
        self.compound.as_ref()
    }
    /// Where in the document (`compounds[0].units[3].area`).
    pub fn path(&self) -> &Path {
        &self.path
    }
    /// The message in both languages.
    pub fn message(&self) -> &Text {
        &self.message
    }
    /// Optional advice on fixing it.
    pub fn help(&self) -> Option<&Text> {
        self.help.as_ref()
    }
    /// Where the rule comes from.
    pub fn basis(&self) -> Basis {
        self.basis
    }
    /// The legal citation (`民法典 第二百七十八条`).
    pub fn citation(&self) -> &str {
        &self.citation
    }
    /// The facts that made the rule fire, in a stable order.
    pub fn facts(&self) -> &[(&'static str, FactValue)] {
        &self.facts
    }
    /// The value of one fact.
    pub fn fact(&self, key: &str) -> Option<&FactValue> {
        self.facts.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    fn sort_key(&self) -> (Option<&CompoundId>, &Path, RuleCode, &str) {
        (self.compound.as_ref(), &self.path, self.code, &self.subject)
    }
}

/// The result of an audit: every finding, sorted by compound, path and code.
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
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
    /// The profile the audit ran under.
    pub fn profile(&self) -> &str {
        &self.profile
    }
    /// The audit date.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }
    /// Number of compounds audited.
    pub fn compounds(&self) -> usize {
        self.compounds
    }
    /// Number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
    /// Whether any finding is at or above `severity`.
    pub fn has_at_least(&self, severity: Severity) -> bool {
        self.diagnostics.iter().any(|d| d.severity >= severity)
    }
    /// Whether there is no finding at all.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
    /// The findings of one rule.
    pub fn with_code(&self, code: RuleCode) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }
}
