//! Baselines: findings an auditor has accepted, so audits can be adopted incrementally.
//!
//! An entry is keyed by rule code, compound and subject (never by path or line, which move
//! when a document is edited). Applying a baseline drops every finding whose key it lists and
//! reports the entries no finding matched any more (stale: the problem was fixed, or the id
//! changed), so the baseline can be pruned. The file is JSON:
//! `{ "version": 1, "entries": [ { "code": "CFG005", "compound": "c-x", "subject": "u-1" } ] }`.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Diagnostic, Report, RuleCode};

/// One accepted finding: rule code, compound (absent for document-level findings) and subject.
///
/// # Example
/// ```
/// let entry: xiaoqu::report::BaselineEntry =
///     serde_json::from_str(r#"{ "code": "CFG005", "compound": "c-guokeyuan", "subject": "u-1-202" }"#)?;
/// assert_eq!((entry.code, entry.compound.as_deref()), (xiaoqu::RuleCode::Cfg005, Some("c-guokeyuan")));
/// assert!(serde_json::from_str::<xiaoqu::report::BaselineEntry>(r#"{ "code": "CFG005", "subject": "u", "line": 3 }"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    /// The rule code.
    pub code: RuleCode,
    /// The compound's id, when the finding is inside one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compound: Option<String>,
    /// The id of the entity at fault.
    pub subject: String,
}

impl BaselineEntry {
    /// The entry that accepts `d`.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].units[0].area = "0".parse()?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let e = xiaoqu::report::BaselineEntry::of(&report.diagnostics()[0]);
    /// assert_eq!((e.code.as_str(), e.subject.as_str()), ("CFG005", "u-1-101"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(d: &Diagnostic) -> Self {
        Self { code: d.code, compound: d.compound.as_ref().map(|c| c.as_str().to_owned()), subject: d.subject.clone() }
    }
}

/// A set of accepted findings.
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].units[3].area = "0.00".parse()?;
/// let baseline = xiaoqu::report::Baseline::from_report(&xiaoqu::audit(&cfg, &cfg.policy()?));
/// assert_eq!(baseline.version, 1);
/// assert!(baseline.to_json_string()?.contains(r#""subject": "u-1-202""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The file format's version (1).
    #[serde(default = "version_one")]
    pub version: u32,
    /// The accepted findings, sorted and without duplicates.
    pub entries: BTreeSet<BaselineEntry>,
}

const fn version_one() -> u32 {
    1
}

/// What applying a baseline did.
///
/// # Example
/// ```
/// let baseline = xiaoqu::report::Baseline::from_json_str(
///     r#"{ "entries": [ { "code": "CFG005", "compound": "c-guokeyuan", "subject": "u-1-202" },
///                      { "code": "CFG005", "compound": "c-guokeyuan", "subject": "u-1-101" } ] }"#,
/// )?;
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].units[3].area = "0.00".parse()?;
/// let (report, outcome) = xiaoqu::audit(&cfg, &cfg.policy()?).apply_baseline(&baseline);
/// assert!(report.is_clean());
/// assert_eq!((outcome.suppressed, outcome.used.len()), (1, 1));
/// assert_eq!(outcome.stale[0].subject, "u-1-101", "u-1-101 has a valid area: the entry is stale");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaselineOutcome {
    /// How many findings were dropped.
    pub suppressed: usize,
    /// The entries that matched at least one finding.
    pub used: BTreeSet<BaselineEntry>,
    /// The entries that matched none (fixed, or renamed since the baseline was written).
    pub stale: Vec<BaselineEntry>,
}

impl Baseline {
    /// An empty baseline.
    ///
    /// # Example
    /// ```
    /// assert!(xiaoqu::report::Baseline::new().entries.is_empty());
    /// ```
    pub fn new() -> Self {
        Self { version: 1, entries: BTreeSet::new() }
    }

    /// A baseline accepting every finding of `report`.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].units[0].area = "0".parse()?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let baseline = xiaoqu::report::Baseline::from_report(&report);
    /// assert_eq!(baseline.entries.len(), report.diagnostics().len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_report(report: &Report) -> Self {
        Self { version: 1, entries: report.diagnostics.iter().map(BaselineEntry::of).collect() }
    }

    /// Adds the findings of another report (e.g. of the next file).
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let mut baseline = xiaoqu::report::Baseline::new();
    /// baseline.extend(&xiaoqu::audit(&cfg, &cfg.policy()?));
    /// assert!(baseline.entries.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend(&mut self, report: &Report) {
        self.entries.extend(report.diagnostics.iter().map(BaselineEntry::of));
    }

    /// Reads a baseline file.
    ///
    /// # Errors
    /// Text that is not a baseline (unknown keys, unknown rule codes, bad JSON).
    ///
    /// # Example
    /// ```
    /// let b = xiaoqu::report::Baseline::from_json_str(
    ///     r#"{ "version": 1, "entries": [ { "code": "CFG005", "compound": "c-x", "subject": "u-1" } ] }"#,
    /// )?;
    /// assert_eq!(b.entries.len(), 1);
    /// assert!(xiaoqu::report::Baseline::from_json_str(r#"{ "entries": [ { "code": "ZZ001", "subject": "u" } ] }"#).is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_str(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The baseline file, pretty-printed.
    ///
    /// # Errors
    /// Only if serialization fails, which a baseline does not do.
    ///
    /// # Example
    /// ```
    /// let b = xiaoqu::report::Baseline::new();
    /// assert_eq!(xiaoqu::report::Baseline::from_json_str(&b.to_json_string()?)?, b);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn to_json_string(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// Entries that none of `outcomes` used: stale across several reports (several files
    /// audited against one baseline).
    ///
    /// # Example
    /// ```
    /// let b = xiaoqu::report::Baseline::from_json_str(r#"{ "entries": [ { "code": "CFG005", "subject": "u-1" } ] }"#)?;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let (_, outcome) = xiaoqu::audit(&cfg, &cfg.policy()?).apply_baseline(&b);
    /// assert_eq!(b.unused(&[outcome]).len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unused(&self, outcomes: &[BaselineOutcome]) -> Vec<BaselineEntry> {
        self.entries.iter().filter(|e| !outcomes.iter().any(|o| o.used.contains(*e))).cloned().collect()
    }
}

impl Report {
    /// The report without the findings `baseline` accepts, and what was dropped and what was
    /// stale. Summary counts of the returned report are of the remaining findings, so exit codes
    /// and `--deny` decided on it ignore accepted findings.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].units[0].area = "0".parse()?;
    /// let policy = cfg.policy()?;
    /// let baseline = xiaoqu::report::Baseline::from_report(&xiaoqu::audit(&cfg, &policy));
    /// cfg.compounds[0].units[1].area = "0".parse()?;
    /// let (report, outcome) = xiaoqu::audit(&cfg, &policy).apply_baseline(&baseline);
    /// assert_eq!(outcome.suppressed, 1);
    /// assert_eq!(report.diagnostics().len(), 1, "the new finding stays");
    /// assert!(outcome.stale.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn apply_baseline(&self, baseline: &Baseline) -> (Report, BaselineOutcome) {
        let mut outcome = BaselineOutcome::default();
        let mut kept = Vec::with_capacity(self.diagnostics.len());
        for d in &self.diagnostics {
            let key = BaselineEntry::of(d);
            if baseline.entries.contains(&key) {
                outcome.suppressed = outcome.suppressed.saturating_add(1);
                outcome.used.insert(key);
            } else {
                kept.push(d.clone());
            }
        }
        outcome.stale = baseline.entries.iter().filter(|e| !outcome.used.contains(*e)).cloned().collect();
        let report =
            Report { profile: self.profile.clone(), as_of: self.as_of, compounds: self.compounds, diagnostics: kept };
        (report, outcome)
    }
}
