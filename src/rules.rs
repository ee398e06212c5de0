//! The rule catalogue and the audit driver. One file per family under `rules/`.
//!
//! A rule reads the model and the policy and emits findings through `Ctx`; it never parses,
//! prints or panics. The driver runs the families in catalogue order; the report sorts.

mod catalogue;
mod cfg;
mod committee;
mod dual_entry;
mod election;
mod joint_account;
mod maintenance_fund;
mod meetings;
mod negative_list;
mod org;
mod voting;

use std::borrow::Cow;

pub use catalogue::{RuleMeta, catalogue, meta};

use crate::config::GovernanceConfig;
use crate::index::Index;
use crate::model::CompoundId;
use crate::policy::Policy;
use crate::report::{Diagnostic, FactValue, Path, Report, RuleCode, Severity, Text};

/// A finding before the policy gives it a severity.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    code: RuleCode,
    subject: String,
    compound: Option<CompoundId>,
    path: Path,
    message: Text,
    help: Option<Text>,
    facts: Vec<(&'static str, FactValue)>,
    cap: Option<Severity>,
}

impl Finding {
    pub(crate) fn new(code: RuleCode, subject: impl Into<String>, path: Path) -> Self {
        Self {
            code,
            subject: subject.into(),
            compound: None,
            path,
            message: Text::new("", ""),
            help: None,
            facts: Vec::new(),
            cap: None,
        }
    }

    pub(crate) fn compound(mut self, id: Option<&CompoundId>) -> Self {
        self.compound = id.cloned();
        self
    }

    pub(crate) fn message(mut self, zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        self.message = Text::new(zh, en);
        self
    }

    pub(crate) fn help(mut self, zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(Text::new(zh, en));
        self
    }

    /// Reports at most at `severity`, whatever the policy says (e.g. a negative-list item found
    /// on a sitting committee member is grounds for removal, reported as a warning).
    pub(crate) fn at_most(mut self, severity: Severity) -> Self {
        self.cap = Some(severity);
        self
    }

    pub(crate) fn fact(mut self, key: &'static str, value: impl Into<FactValue>) -> Self {
        self.facts.push((key, value.into()));
        self
    }
}

/// What a rule sees: the document, its index, the policy, and where findings go.
pub(crate) struct Ctx<'a> {
    pub(crate) cfg: &'a GovernanceConfig,
    pub(crate) index: &'a Index<'a>,
    pub(crate) policy: &'a Policy,
    out: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(cfg: &'a GovernanceConfig, index: &'a Index<'a>, policy: &'a Policy) -> Self {
        Self { cfg, index, policy, out: Vec::new() }
    }

    /// Whether a rule runs under the policy; rules return early when it does not.
    pub(crate) fn on(&self, code: RuleCode) -> bool {
        self.policy.is_enabled(code)
    }

    /// Records a finding at the severity the policy gives its rule (dropped when off), citing
    /// the city's article when a city preset governs the rule, else the rule's own citation.
    pub(crate) fn emit(&mut self, f: Finding) {
        let (Some(severity), Some(meta)) = (self.policy.severity(f.code), meta(f.code)) else { return };
        let severity = f.cap.map_or(severity, |cap| severity.min(cap));
        self.out.push(Diagnostic {
            code: f.code,
            severity,
            subject: f.subject,
            compound: f.compound,
            path: f.path,
            message: f.message,
            help: f.help,
            basis: meta.basis,
            citation: Cow::Borrowed(self.policy.citation_for(f.code).unwrap_or(meta.citation)),
            facts: f.facts,
        });
    }

    pub(crate) fn finish(self) -> Vec<Diagnostic> {
        self.out
    }
}

/// Audits a document under a policy. Never panics and never fails: findings are the result.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let report = xiaoqu::audit(&cfg, &xiaoqu::Policy::preset("default")?);
/// assert!(!report.has_errors());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn audit(cfg: &GovernanceConfig, policy: &Policy) -> Report {
    let index = Index::build(cfg);
    let mut ctx = Ctx::new(cfg, &index, policy);
    cfg::check(&mut ctx);
    org::check(&mut ctx);
    dual_entry::check(&mut ctx);
    committee::check(&mut ctx);
    negative_list::check(&mut ctx);
    election::check(&mut ctx);
    voting::check(&mut ctx);
    joint_account::check(&mut ctx);
    maintenance_fund::check(&mut ctx);
    meetings::check(&mut ctx);
    Report::new(policy.name(), cfg.as_of, cfg.compounds.len(), ctx.finish())
}
