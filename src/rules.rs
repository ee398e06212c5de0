//! The rule catalogue and the audit driver. One file per family under `rules/`.
//!
//! A rule reads the model and the policy and emits findings through `Ctx`; it never parses,
//! prints or panics. The driver runs the families in catalogue order over one part of the
//! document at a time (the district's records, then each compound's); the report sorts.
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

/// The part of a document one audit context checks: the records of the whole district
/// (people, organisations, and ids unique across the document, CFG002), or one compound's
/// records, by its position in `compounds`. Every rule checks each part on its own, so the
/// parts can be audited in any order, on any thread, and their findings joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    District,
    Compound(usize),
}

/// What a rule sees: the document, its index, the policy, the part of the document it checks,
/// and where findings go.
pub(crate) struct Ctx<'a> {
    pub(crate) cfg: &'a GovernanceConfig,
    pub(crate) index: &'a Index<'a>,
    pub(crate) policy: &'a Policy,
    /// The policy's severity of each rule (`None` when off), by code position.
    severities: &'a [Option<Severity>],
    part: Part,
    out: Vec<Diagnostic>,
    /// Tallies made during the audit, by the address of the assembly, the abstention rule and
    /// whether developer-held units were checked against the organisations.
    tallies: RefCell<HashMap<(usize, Abstention, bool), Rc<Lean<'a>>>>,
    /// The position of each unit id in the part's compound, built on first use and shared by
    /// CFG001 and the tallies.
    unit_positions: std::cell::OnceCell<Rc<HashMap<&'a str, usize>>>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        cfg: &'a GovernanceConfig,
        index: &'a Index<'a>,
        policy: &'a Policy,
        severities: &'a [Option<Severity>],
        part: Part,
    ) -> Self {
        Self {
            cfg,
            index,
            policy,
            severities,
            part,
            out: Vec::new(),
            tallies: RefCell::new(HashMap::new()),
            unit_positions: std::cell::OnceCell::new(),
        }
    }

    /// The position of each unit id in `compound.units` (the first of a duplicated id) when
    /// `compound` is this part's compound; `None` for any other.
    pub(crate) fn unit_positions(&self, compound: &Compound) -> Option<Rc<HashMap<&'a str, usize>>> {
        let (_, own) = self.compounds().next()?;
        std::ptr::eq(own, compound)
            .then(|| Rc::clone(self.unit_positions.get_or_init(|| Rc::new(crate::voting::unit_positions(own)))))
    }

    /// The policy's severity of `code` (`None` when off), from the table worked out once per
    /// audit ([`severities`]).
    fn severity(&self, code: RuleCode) -> Option<Severity> {
        self.severities.get(code as usize).copied().flatten()
    }

    /// Whether this context checks the district-wide records (people, organisations, ids
    /// across the document).
    pub(crate) fn district(&self) -> bool {
        self.part == Part::District
    }

    /// The compounds this context checks, with their positions in `compounds`: none for the
    /// district part, one for a compound's.
    pub(crate) fn compounds(&self) -> impl Iterator<Item = (usize, &'a Compound)> + use<'a> {
        let one = match self.part {
            Part::District => None,
            Part::Compound(ci) => self.cfg.compounds.get(ci).map(|c| (ci, c)),
        };
        one.into_iter()
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
        let positions = self.unit_positions(compound);
        let t = Rc::new(crate::voting::tally_lean(compound, a, abstention, orgs, positions.as_deref()));
        self.tallies.borrow_mut().insert(key, Rc::clone(&t));
        t
    }

    /// Whether a rule runs under the policy; rules return early when it does not.
    pub(crate) fn on(&self, code: RuleCode) -> bool {
        self.severity(code).is_some()
    }

    /// Records a finding at the severity the policy gives its rule (dropped when off), citing
    /// the city's article when a city preset governs the rule, else the rule's own citation.
    pub(crate) fn emit(&mut self, f: Finding) {
        let (Some(severity), Some(meta)) = (self.severity(f.code), meta(f.code)) else { return };
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
/// With the `parallel` feature the compounds are audited on rayon's threads (see
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

/// Every family, in catalogue order, over one part of the document. A compound's records are
/// checked by every rule while they are in the processor's caches (the families one after the
/// other over the whole district would read each compound ten times), and the parts are what
/// the parallel audit shares out. The report sorts the findings, so the parts' order does not
/// change it.
fn audit_part<'a>(
    cfg: &'a GovernanceConfig,
    index: &'a Index<'a>,
    policy: &'a Policy,
    severities: &'a [Option<Severity>],
    part: Part,
) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(cfg, index, policy, severities, part);
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
    ctx.finish()
}

/// The policy's severity of every rule, by code position (`RuleCode` is in catalogue order):
/// asked at every check of every part, worked out once.
fn severities(policy: &Policy) -> Vec<Option<Severity>> {
    RuleCode::ALL.iter().map(|&code| policy.severity(code)).collect()
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
    let sev = severities(policy);
    let mut out = audit_part(cfg, &index, policy, &sev, Part::District);
    for ci in 0..cfg.compounds.len() {
        out.extend(audit_part(cfg, &index, policy, &sev, Part::Compound(ci)));
    }
    Report::new(policy.name(), cfg.as_of, cfg.compounds.len(), out)
}

/// The district part on one thread while the compounds are shared out over rayon's threads
/// (work stealing evens out compounds of different sizes); the compounds' findings are
/// collected in document order. A document of one compound is audited on the calling thread.
#[cfg(feature = "parallel")]
fn audit_parallel(cfg: &GovernanceConfig, policy: &Policy) -> Report {
    use rayon::prelude::*;
    // One compound has nothing to share out: waking the pool would cost more than the
    // district's part it could run beside it (a backend's audit of one compound per write).
    if cfg.compounds.len() < 2 {
        return audit_sequential(cfg, policy);
    }
    let index = Index::build(cfg);
    let sev = severities(policy);
    let (mut out, compounds) = rayon::join(
        || audit_part(cfg, &index, policy, &sev, Part::District),
        || {
            (0..cfg.compounds.len())
                .into_par_iter()
                .map(|ci| audit_part(cfg, &index, policy, &sev, Part::Compound(ci)))
                .collect::<Vec<_>>()
        },
    );
    out.extend(compounds.into_iter().flatten());
    Report::new(policy.name(), cfg.as_of, cfg.compounds.len(), out)
}
