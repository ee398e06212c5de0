//! The rule catalogue and the audit driver. One file per family under `rules/`.
//!
//! A rule reads the model and the policy and emits findings through `Ctx`; it never parses,
//! prints or panics. The driver runs the families in catalogue order; the report sorts.
//!
//! # Example
//! ```
//! use xiaoqu::RuleCode;
//! let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! cfg.compounds[0].assemblies[0].ballots.truncate(6); // only building 1 votes: no quorum
//! let report = xiaoqu::audit(&cfg, &xiaoqu::Policy::preset("default")?);
//! assert_eq!(report.with_code(RuleCode::Av001).count(), 3, "m-1, m-2 and m-3 declared passed");
//! // Every finding's rule is in the catalogue, whose citation the finding carries.
//! for d in report.diagnostics() {
//!     let meta = xiaoqu::rules::meta(d.code()).ok_or("not in the catalogue")?;
//!     assert_eq!((meta.basis, meta.citation), (d.basis(), d.citation()));
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

pub use catalogue::{RuleMeta, catalogue, meta};

use crate::config::GovernanceConfig;
use crate::index::Index;
use crate::model::{Assembly, Compound, CompoundId, MatterRef};
use crate::policy::Abstention;
use crate::policy::Policy;
use crate::report::{Diagnostic, FactValue, Path, Report, RuleCode, Severity, Text};
use crate::voting::{Lean, MatterTally, ResolutionStatus};

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
    /// Tallies made during the audit, by the address of the assembly, the abstention rule and
    /// whether developer-held units were checked against the organisations.
    tallies: RefCell<HashMap<(usize, Abstention, bool), Rc<Lean<'a>>>>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(cfg: &'a GovernanceConfig, index: &'a Index<'a>, policy: &'a Policy) -> Self {
        Self { cfg, index, policy, out: Vec::new(), tallies: RefCell::new(HashMap::new()) }
    }

    /// [`voting::resolution_status`](crate::voting::resolution_status), counting each
    /// assembly once per audit however many entries or uses cite it.
    pub(crate) fn resolution_status(
        &self,
        compound: &'a Compound,
        r: &MatterRef,
        abstention: Abstention,
    ) -> ResolutionStatus {
        crate::voting::resolution_status_by(compound, r, |a| {
            self.tally(compound, a, abstention, false).matter(r.matter.as_str()).is_some_and(MatterTally::passed)
        })
    }

    /// The tally of an assembly, made once per audit: with the developer check against the
    /// document's organisations (`with_orgs`, as the AV rules count) or without it (as
    /// `resolution_status` counts). The two differ only for a compound with a developer-held
    /// unit, so elsewhere they share one tally.
    pub(crate) fn tally(
        &self,
        compound: &'a Compound,
        a: &Assembly,
        abstention: Abstention,
        with_orgs: bool,
    ) -> Rc<Lean<'a>> {
        let with_orgs = with_orgs && compound.units.iter().any(|u| u.developer_held.is_some());
        let key = (std::ptr::from_ref(a).addr(), abstention, with_orgs);
        if let Some(t) = self.tallies.borrow().get(&key) {
            return Rc::clone(t);
        }
        let orgs = if with_orgs { Some(self.cfg.organizations.as_slice()) } else { None };
        let t = Rc::new(crate::voting::tally_lean(compound, a, abstention, orgs));
        self.tallies.borrow_mut().insert(key, Rc::clone(&t));
        t
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
/// With the `parallel` feature the rule families run on rayon's threads (see
/// [`audit_sequential`] for the one-thread run); the report is the same, in the same order.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let report = xiaoqu::audit(&cfg, &xiaoqu::Policy::preset("default")?);
/// assert!(!report.has_errors());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn audit(cfg: &GovernanceConfig, policy: &Policy) -> Report {
    #[cfg(feature = "parallel")]
    {
        audit_parallel(cfg, policy)
    }
    #[cfg(not(feature = "parallel"))]
    {
        audit_sequential(cfg, policy)
    }
}

/// The families in four groups, run one after the other in [`audit_sequential`] and side by
/// side in the parallel audit. The groups keep catalogue order, so their findings, joined in
/// group order, are the sequential findings in the sequential order. The AV, JA and MF rules
/// share one group because the JA and MF rules reuse the AV rules' tallies; the structure
/// rules are two groups of about the same cost (on the generated districts), so that no group
/// is much longer than the others on two threads.
fn group_structure(ctx: &mut Ctx<'_>) {
    cfg::check(ctx);
    org::check(ctx);
    dual_entry::check(ctx);
}

fn group_people(ctx: &mut Ctx<'_>) {
    committee::check(ctx);
    negative_list::check(ctx);
    election::check(ctx);
}

fn group_votes(ctx: &mut Ctx<'_>) {
    voting::check(ctx);
    joint_account::check(ctx);
    maintenance_fund::check(ctx);
}

fn group_meetings(ctx: &mut Ctx<'_>) {
    meetings::check(ctx);
}

/// [`audit`] on the calling thread only, whatever the features: the reference the parallel
/// audit is tested against, and the better choice inside a caller that already audits many
/// documents in parallel.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let policy = xiaoqu::Policy::preset("default")?;
/// assert_eq!(xiaoqu::rules::audit_sequential(&cfg, &policy), xiaoqu::audit(&cfg, &policy));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn audit_sequential(cfg: &GovernanceConfig, policy: &Policy) -> Report {
    let index = Index::build(cfg);
    let mut ctx = Ctx::new(cfg, &index, policy);
    group_structure(&mut ctx);
    group_people(&mut ctx);
    group_votes(&mut ctx);
    group_meetings(&mut ctx);
    Report::new(policy.name(), cfg.as_of, cfg.compounds.len(), ctx.finish())
}

#[cfg(feature = "parallel")]
fn audit_parallel(cfg: &GovernanceConfig, policy: &Policy) -> Report {
    let index = Index::build(cfg);
    let run = |group: fn(&mut Ctx<'_>)| {
        let mut ctx = Ctx::new(cfg, &index, policy);
        group(&mut ctx);
        ctx.finish()
    };
    let ((mut out, people), (votes, meetings)) = rayon::join(
        || rayon::join(|| run(group_structure), || run(group_people)),
        || rayon::join(|| run(group_votes), || run(group_meetings)),
    );
    out.extend(people);
    out.extend(votes);
    out.extend(meetings);
    Report::new(policy.name(), cfg.as_of, cfg.compounds.len(), out)
}
