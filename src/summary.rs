//! The district summary (区域汇总) of `SPEC.md`: the figures a street party working committee
//! reports about its compounds — party coverage (覆盖率), committee formation (组建率), the
//! party share of committee members (党员比例), cross-appointment and 一肩挑, liaison households
//! and the households they reach, joint accounts and their balances, overdue disclosures and
//! audits, and the votes held and passed — for the whole document, per street party working
//! committee, and per compound.
//!
//! Every figure comes from the queries, the ledger and the tally engine the rules use, so a
//! summary and an audit of the same document never disagree:
//! - branch coverage of buildings and households: [`queries::org`](crate::queries::org);
//! - party share, cross-appointment, 一肩挑: [`queries::dual_entry`](crate::queries::dual_entry);
//! - balances: [`ledger::replay`]; votes passed: the Art 278 tally of [`crate::voting`].
//!
//! Rates are exact: a [`Rate`] holds its numerator and denominator, and its percentage is only
//! a rendering (one decimal, rounded half up, integer arithmetic). Nothing is a float.
//!
//! Readings fixed here:
//! - **A compound is covered** (覆盖) when it has a party branch of any kind (its own, a joint or
//!   a grid branch), as ORG001 reads it.
//! - **A committee is formed** (组建) when the compound has any body acting as the owners'
//!   committee: an owners' committee, a self-management council or a property-management
//!   committee. Beijing's 2020–2022 action plan counts 业委会 and 物管会 together
//!   (domain-rules.md §14, R148); [`CompoundSummary::committee`] names the body for a caller who
//!   wants the narrower rate.
//! - **The party share** counts seated members only (alternates excluded), as DE001 does; the
//!   district's share is the party members of all committees over all their seated members.
//! - **Cross-appointed people** in a district are counted once each, however many compounds
//!   they serve.
//! - **A vote is held** when its assembly closed on or before `as_of`; its matters pass by tally
//!   (quorum and approval of Art 278 under the policy's abstention rule), never by what the
//!   organisers declared.
//! - **Overdue disclosures and audits** are the periods JA011 and JA013 would report under the
//!   policy's `disclosure_period`, `disclosure_grace_days` and `audit_due_days`: periods due by
//!   `as_of` with no covering record made in time. They are counted whether or not the policy
//!   runs those rules: a summary reports the state of the books, not the audit.
//!
//! # Example
//! ```
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! let summary = xiaoqu::summary::summarize(&cfg, &cfg.policy()?);
//! assert_eq!(summary.totals.party_share.percent().as_deref(), Some("60.0%"));
//! assert!(summary.to_text(xiaoqu::Lang::En).contains("60.0%"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod render;

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::config::GovernanceConfig;
use crate::dates::within_days;
use crate::index::Index;
use crate::ledger;
use crate::ledger::schedule::{covers, disclosed_on_time, due_periods};
use crate::model::{
    AccountId, AuditTrigger, BranchKind, CommitteeKind, Compound, CompoundCategory, CompoundId, JointAccount, Money,
    OrgId, PersonId,
};
use crate::policy::{DisclosurePeriod, Params, Policy};
use crate::queries::{dual_entry, org};
use crate::voting;

/// An exact rate `num/den` with a rendered percentage.
///
/// Serialized as `{ "num", "den", "percent" }`, `percent` being `null` when `den` is 0.
///
/// # Example
/// ```
/// use xiaoqu::summary::Rate;
/// let r = Rate::new(3, 5);
/// assert_eq!((r.to_string(), r.percent().as_deref()), ("3/5".to_owned(), Some("60.0%")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rate {
    /// The part counted (compounds with a branch, party members…).
    pub num: u64,
    /// The whole it is counted against.
    pub den: u64,
}

impl Rate {
    /// `num/den`.
    ///
    /// # Example
    /// ```
    /// let r = xiaoqu::summary::Rate::new(1, 3);
    /// assert_eq!((r.num, r.den), (1, 3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(num: u64, den: u64) -> Self {
        Self { num, den }
    }

    /// The percentage with one decimal, rounded half up (`"60.0%"`, `"66.7%"`); `None` when
    /// the denominator is 0. Integer arithmetic only.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::summary::Rate;
    /// assert_eq!(Rate::new(3, 5).percent().as_deref(), Some("60.0%"));
    /// assert_eq!(Rate::new(2, 3).percent().as_deref(), Some("66.7%"));
    /// assert_eq!(Rate::new(1, 8).percent().as_deref(), Some("12.5%"));
    /// assert_eq!(Rate::new(0, 0).percent(), None);
    /// ```
    pub fn percent(self) -> Option<String> {
        if self.den == 0 {
            return None;
        }
        // Tenths of a per cent, rounded half up: floor((2000·num + den) / (2·den)).
        let den = u128::from(self.den);
        let tenths = (u128::from(self.num) * 2000 + den) / (den * 2);
        Some(format!("{}.{}%", tenths / 10, tenths % 10))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = s.serialize_struct("Rate", 3)?;
        st.serialize_field("num", &self.num)?;
        st.serialize_field("den", &self.den)?;
        st.serialize_field("percent", &self.percent())?;
        st.end()
    }
}

/// The books of one joint account as of the summary's date.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let summary = xiaoqu::summary::summarize(&cfg, &cfg.policy()?);
/// let account = summary.compounds[0].joint_account.as_ref().ok_or("no account")?;
/// assert_eq!(account.balance.map(|m| m.to_string()).as_deref(), Some("4060.00"));
/// assert_eq!(account.disclosures_overdue, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AccountSummary {
    /// The account.
    pub id: AccountId,
    /// The ledger's balance after every entry dated on or before `as_of`; `None` when the
    /// ledger leaves the decimal range (JA008 reports it).
    pub balance: Option<Money>,
    /// Disclosure periods (公示) whose deadline has passed by `as_of`.
    pub disclosures_due: u64,
    /// Of those, the periods with no covering disclosure published in time (JA011).
    pub disclosures_overdue: u64,
    /// Calendar years whose annual-audit deadline has passed by `as_of`.
    pub audits_due: u64,
    /// Of those, the years with no covering annual audit completed in time (JA013).
    pub audits_overdue: u64,
}

/// The figures of one compound.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let summary = xiaoqu::summary::summarize(&cfg, &cfg.policy()?);
/// let c = &summary.compounds[0];
/// assert_eq!((c.id.as_str(), c.one_shoulder), ("c-guokeyuan", true));
/// assert_eq!(c.party_share.and_then(|r| r.percent()).as_deref(), Some("60.0%"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CompoundSummary {
    /// The compound.
    pub id: CompoundId,
    /// Its name.
    pub name: String,
    /// How it is managed.
    pub category: CompoundCategory,
    /// Whether it is an old compound (老旧小区).
    pub old_compound: bool,
    /// The street party working committee above it, when the party chain reaches one.
    pub street: Option<OrgId>,
    /// The kind of its party branch; `None` without one.
    pub party_branch: Option<BranchKind>,
    /// The body acting as its owners' committee; `None` without one.
    pub committee: Option<CommitteeKind>,
    /// Party members among the committee's seated members; `None` without a committee or
    /// without a seated member.
    pub party_share: Option<Rate>,
    /// People on both the branch committee and the owners' committee, in committee order.
    pub cross_appointed: Vec<PersonId>,
    /// Whether the branch secretary chairs the committee (一肩挑).
    pub one_shoulder: bool,
    /// Party-member liaison households (党员中心户).
    pub liaison_households: u64,
    /// Units reached by the liaison households, over the compound's units.
    pub households_covered: Rate,
    /// Buildings covered by a building party group or by liaison households (ORG007), over the
    /// compound's buildings.
    pub buildings_covered: Rate,
    /// The joint account's books; `None` without an account.
    pub joint_account: Option<AccountSummary>,
    /// Assembly votes closed on or before `as_of`.
    pub votes_held: u64,
    /// Matters of those votes passed by tally, over their matters.
    pub matters_passed: Rate,
}

/// The figures of a group of compounds: the whole document, or one street.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let summary = xiaoqu::summary::summarize(&cfg, &cfg.policy()?);
/// assert_eq!(summary.totals.compounds, 1);
/// assert_eq!(summary.totals.coverage.to_string(), "1/1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Totals {
    /// Compounds counted.
    pub compounds: u64,
    /// Party coverage (覆盖率): compounds with a party branch, over the compounds.
    pub coverage: Rate,
    /// Formation rate (组建率): compounds with a committee, over the compounds.
    pub formation_rate: Rate,
    /// Party share (党员比例): party members over seated members, all committees together.
    pub party_share: Rate,
    /// Distinct cross-appointed people.
    pub cross_appointed: u64,
    /// Compounds whose branch secretary chairs the committee (一肩挑).
    pub one_shoulder: u64,
    /// Party-member liaison households.
    pub liaison_households: u64,
    /// Units reached by liaison households, over all units.
    pub households_covered: Rate,
    /// Covered buildings, over all buildings.
    pub buildings_covered: Rate,
    /// Joint accounts.
    pub joint_accounts: u64,
    /// The sum of their balances; `None` when a ledger or the sum leaves the decimal range.
    pub balance_total: Option<Money>,
    /// Disclosure periods due.
    pub disclosures_due: u64,
    /// Disclosure periods overdue.
    pub disclosures_overdue: u64,
    /// Annual audits due.
    pub audits_due: u64,
    /// Annual audits overdue.
    pub audits_overdue: u64,
    /// Assembly votes held.
    pub votes_held: u64,
    /// Matters passed by tally, over the matters voted.
    pub matters_passed: Rate,
}

/// The compounds under one street party working committee (街道党工委).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let summary = xiaoqu::summary::summarize(&cfg, &cfg.policy()?);
/// let street = summary.streets.first().ok_or("no street")?;
/// assert_eq!(street.totals.compounds, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StreetSummary {
    /// The committee; `None` gathers the compounds whose party chain reaches no street.
    pub street: Option<OrgId>,
    /// Its name.
    pub name: Option<String>,
    /// Its compounds' figures.
    pub totals: Totals,
}

/// The summary of a whole document.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let summary = xiaoqu::summary::summarize(&cfg, &cfg.policy()?);
/// assert_eq!((summary.compounds.len(), summary.totals.formation_rate.to_string()), (1, "1/1".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DistrictSummary {
    /// The document's audit date.
    #[serde(serialize_with = "crate::model::date::serialize")]
    pub as_of: NaiveDate,
    /// The policy whose parameters were used (deadlines, abstention).
    pub profile: String,
    /// The whole document.
    pub totals: Totals,
    /// Per street party working committee, in order of first appearance; compounds reaching
    /// no street come last.
    pub streets: Vec<StreetSummary>,
    /// Per compound, in document order.
    pub compounds: Vec<CompoundSummary>,
}

/// A street party working committee's id and name.
type Street<'a> = (&'a OrgId, &'a str);

/// Summarizes a document under a policy (whose parameters set the disclosure and audit
/// deadlines and the abstention rule of the tally).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let summary = xiaoqu::summary::summarize(&cfg, &cfg.policy()?);
/// let t = &summary.totals;
/// assert_eq!((t.coverage.to_string(), t.formation_rate.to_string()), ("1/1".into(), "1/1".into()));
/// assert_eq!(t.party_share.percent().as_deref(), Some("60.0%"));
/// assert_eq!(t.balance_total.map(|m| m.to_string()).as_deref(), Some("4060.00"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn summarize(cfg: &GovernanceConfig, policy: &Policy) -> DistrictSummary {
    let index = Index::build(cfg);
    let params = policy.params();
    let mut streets: Vec<(Option<Street<'_>>, Vec<usize>)> = Vec::new();
    let mut compounds = Vec::with_capacity(cfg.compounds.len());
    for (i, c) in cfg.compounds.iter().enumerate() {
        let street = match org::party_chain(&index, c).street {
            org::Link::Found(s) => Some((&s.id, s.name.as_str())),
            _ => None,
        };
        match streets.iter_mut().find(|(s, _)| s.map(|s| s.0) == street.map(|s| s.0)) {
            Some((_, members)) => members.push(i),
            None => streets.push((street, vec![i])),
        }
        compounds.push(compound_summary(cfg, &index, c, street.map(|s| s.0), params));
    }
    // Compounds reaching no street come last; the sort is stable, so first appearance holds.
    streets.sort_by_key(|(s, _)| s.is_none());
    let streets = streets
        .into_iter()
        .map(|(s, members)| StreetSummary {
            street: s.map(|s| s.0.clone()),
            name: s.map(|s| s.1.to_owned()),
            totals: Totals::of(members.iter().filter_map(|&i| compounds.get(i))),
        })
        .collect();
    DistrictSummary {
        as_of: cfg.as_of,
        profile: policy.name(),
        totals: Totals::of(compounds.iter()),
        streets,
        compounds,
    }
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

fn compound_summary(
    cfg: &GovernanceConfig,
    index: &Index<'_>,
    c: &Compound,
    street: Option<&OrgId>,
    params: &Params,
) -> CompoundSummary {
    let coverage = org::building_coverage(c);
    let held: Vec<_> = c.assemblies.iter().filter(|a| a.closed_on <= cfg.as_of).collect();
    let mut matters_passed = Rate::default();
    for a in &held {
        let tally = voting::tally_assembly_with_orgs(c, a, params.abstention, &cfg.organizations);
        matters_passed.den = matters_passed.den.saturating_add(count(tally.matters().len()));
        matters_passed.num = matters_passed.num.saturating_add(count(tally.matters().filter(|m| m.passed()).count()));
    }
    CompoundSummary {
        id: c.id.clone(),
        name: c.name.clone(),
        category: c.category,
        old_compound: c.old_compound,
        street: street.cloned(),
        party_branch: c.party_branch.as_ref().map(|b| b.kind),
        committee: c.owners_committee.as_ref().map(|oc| oc.kind),
        party_share: dual_entry::committee_party_share(index, c).map(|s| Rate::new(s.party_members, s.members)),
        cross_appointed: dual_entry::cross_appointed(c).into_iter().cloned().collect(),
        one_shoulder: dual_entry::one_shoulder(c),
        liaison_households: count(c.party_branch.as_ref().map_or(0, |b| b.liaison_households.len())),
        households_covered: Rate::new(count(org::households_covered(c)), count(c.units.len())),
        buildings_covered: Rate::new(count(coverage.iter().filter(|b| b.is_covered()).count()), count(coverage.len())),
        joint_account: c.joint_account.as_ref().map(|acc| account_summary(acc, cfg.as_of, params)),
        votes_held: count(held.len()),
        matters_passed,
    }
}

/// The books of one joint account as of `as_of`: its ledger balance and its disclosures and
/// annual audits due and overdue under `params` (`disclosure_period`, `disclosure_grace_days`,
/// `audit_due_days`), counted as JA011 and JA013 count them.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds[0].joint_account.as_ref().ok_or("no account")?;
/// let params = xiaoqu::Policy::default().params().clone();
/// let books = xiaoqu::summary::account_summary(account, cfg.as_of, &params);
/// assert_eq!((books.disclosures_due, books.disclosures_overdue), (3, 0));
/// // A month later the third quarter's disclosure is due, and none is recorded.
/// let later = NaiveDate::from_ymd_opt(2025, 10, 31).ok_or("date")?;
/// let books = xiaoqu::summary::account_summary(account, later, &params);
/// assert_eq!((books.disclosures_due, books.disclosures_overdue), (4, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn account_summary(account: &JointAccount, as_of: NaiveDate, params: &Params) -> AccountSummary {
    let opened = account.opened_on;
    let grace = params.disclosure_grace_days;
    let periods = due_periods(params.disclosure_period, opened, as_of, grace);
    let disclosures_overdue =
        periods.iter().filter(|(p, _)| !disclosed_on_time(&account.disclosures, *p, opened, grace)).count();
    let days = params.audit_due_days;
    let years = due_periods(DisclosurePeriod::Year, opened, as_of, days);
    let audits_overdue = years
        .iter()
        .filter(|(y, _)| {
            !account.audits.iter().any(|a| {
                a.trigger == AuditTrigger::Annual
                    && covers(a.period_start, a.period_end, *y, opened)
                    && within_days(y.end, a.completed_on, days)
            })
        })
        .count();
    AccountSummary {
        id: account.id.clone(),
        balance: ledger::replay(account).ok().map(|r| r.balance_through(as_of)),
        disclosures_due: count(periods.len()),
        disclosures_overdue: count(disclosures_overdue),
        audits_due: count(years.len()),
        audits_overdue: count(audits_overdue),
    }
}

impl Totals {
    /// The totals of some compounds' summaries.
    fn of<'a>(compounds: impl Iterator<Item = &'a CompoundSummary>) -> Self {
        let mut t = Self {
            compounds: 0,
            coverage: Rate::default(),
            formation_rate: Rate::default(),
            party_share: Rate::default(),
            cross_appointed: 0,
            one_shoulder: 0,
            liaison_households: 0,
            households_covered: Rate::default(),
            buildings_covered: Rate::default(),
            joint_accounts: 0,
            balance_total: Some(Money::ZERO),
            disclosures_due: 0,
            disclosures_overdue: 0,
            audits_due: 0,
            audits_overdue: 0,
            votes_held: 0,
            matters_passed: Rate::default(),
        };
        let mut people: BTreeSet<&PersonId> = BTreeSet::new();
        let add = |a: &mut u64, b: u64| *a = a.saturating_add(b);
        let add_rate = |a: &mut Rate, b: Rate| {
            a.num = a.num.saturating_add(b.num);
            a.den = a.den.saturating_add(b.den);
        };
        for c in compounds {
            add(&mut t.compounds, 1);
            add_rate(&mut t.coverage, Rate::new(u64::from(c.party_branch.is_some()), 1));
            add_rate(&mut t.formation_rate, Rate::new(u64::from(c.committee.is_some()), 1));
            if let Some(share) = c.party_share {
                add_rate(&mut t.party_share, share);
            }
            people.extend(&c.cross_appointed);
            add(&mut t.one_shoulder, u64::from(c.one_shoulder));
            add(&mut t.liaison_households, c.liaison_households);
            add_rate(&mut t.households_covered, c.households_covered);
            add_rate(&mut t.buildings_covered, c.buildings_covered);
            if let Some(acc) = &c.joint_account {
                add(&mut t.joint_accounts, 1);
                t.balance_total = t.balance_total.zip(acc.balance).and_then(|(sum, b)| sum.checked_add(b));
                add(&mut t.disclosures_due, acc.disclosures_due);
                add(&mut t.disclosures_overdue, acc.disclosures_overdue);
                add(&mut t.audits_due, acc.audits_due);
                add(&mut t.audits_overdue, acc.audits_overdue);
            }
            add(&mut t.votes_held, c.votes_held);
            add_rate(&mut t.matters_passed, c.matters_passed);
        }
        t.cross_appointed = count(people.len());
        t
    }
}
