//! Owners' committee (业主委员会) queries: who counts as a member, which election elected the
//! committee, how far its term has run, whether its first meeting and filing were on time.
//!
//! The CM rules call these functions and nothing else to decide, so a backend that shows "term
//! ends in 30 days, re-election due" and an audit that reports `CM006` never disagree.
//!
//! Readings fixed here (the rules' docs repeat them where they matter):
//! - **Alternates (候补委员) are not members in the count.** 业主大会和业主委员会指导规则 (GR)
//!   Art 31 sets "5 to 11 members, odd" and is silent on alternates; alternates are a local
//!   institution (domain-rules.md R079: BJ Art 39, 41; HZ Art 28 "no vote"; SX Art 18) that sits
//!   beside the members without a vote and fills vacancies. [`voting_members`] therefore leaves
//!   them out of size (CM001), quorum and the collapse test (CM009).
//! - **The electing election** is the first election or re-election whose assembly vote closed on
//!   or before `elected_on`, the latest such. By-elections (补选) are left out: they fill
//!   vacancies of a sitting committee and neither elect it nor fix its seats.
//! - **A re-election is recorded** when the compound lists an election of kind `re_election` whose
//!   assembly vote opened after `elected_on`: one opened earlier is the vote that elected the
//!   sitting committee (or an older one), not its successor.
//!
//! # Example
//! ```
//! use xiaoqu::queries::committee::{voting_members, was_candidate};
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! let compound = &cfg.compounds[0];
//! let committee = compound.owners_committee.as_ref().ok_or("no committee")?;
//! assert_eq!(voting_members(committee).count(), 5);
//! assert_eq!(was_candidate(compound, "p-01"), Some(true));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use foldhash::{HashSet, HashSetExt};

use chrono::NaiveDate;

use crate::dates;
use crate::model::{
    Assembly, CommitteeMember, CommitteeRole, Compound, Election, ElectionId, ElectionKind, OwnersCommittee, PersonId,
    Ratio,
};
use crate::policy::Params;

/// The members that count toward the committee's size, quorum and strength: every role except
/// `alternate`, each person once (a person listed twice counts once).
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::voting_members;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let committee = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// assert_eq!(voting_members(committee).count(), 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn voting_members(committee: &OwnersCommittee) -> impl Iterator<Item = &CommitteeMember> + '_ {
    let mut seen: HashSet<&PersonId> = HashSet::new();
    committee.members.iter().filter(move |m| m.role != CommitteeRole::Alternate && seen.insert(&m.person))
}

/// The alternates (候补委员), each person once.
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::alternates;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let committee = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// assert_eq!(alternates(committee).count(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn alternates(committee: &OwnersCommittee) -> impl Iterator<Item = &CommitteeMember> + '_ {
    let mut seen: HashSet<&PersonId> = HashSet::new();
    committee.members.iter().filter(move |m| m.role == CommitteeRole::Alternate && seen.insert(&m.person))
}

/// The people holding `role`, each once, in document order.
///
/// # Example
/// ```
/// use xiaoqu::model::CommitteeRole;
/// use xiaoqu::queries::committee::holders;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let committee = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// let chairs: Vec<&str> = holders(committee, CommitteeRole::Chair).map(|p| p.as_str()).collect();
/// assert_eq!(chairs, ["p-01"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn holders(committee: &OwnersCommittee, role: CommitteeRole) -> impl Iterator<Item = &PersonId> + '_ {
    let mut seen: HashSet<&PersonId> = HashSet::new();
    committee.members.iter().filter(move |m| m.role == role && seen.insert(&m.person)).map(|m| &m.person)
}

/// Whether `person` owns a unit of the compound.
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::owns_unit;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert!(owns_unit(&cfg.compounds[0], "p-03"));
/// assert!(!owns_unit(&cfg.compounds[0], "p-13"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn owns_unit(compound: &Compound, person: &str) -> bool {
    compound.units.iter().any(|u| u.owners.iter().any(|o| o.as_str() == person))
}

/// The compound's assembly vote with this id.
fn assembly<'a>(compound: &'a Compound, id: &str) -> Option<&'a Assembly> {
    compound.assemblies.iter().find(|a| a.id.as_str() == id)
}

/// The election that elected the sitting committee: among the compound's elections of kind
/// `first` or `re_election` whose assembly vote closed on or before the committee's
/// `elected_on`, the one that closed latest (the first listed on a tie). `None` when the
/// compound has no committee or no such election (an election whose assembly is not in the
/// compound is skipped: `CFG001` reports it).
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::electing_election;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let e = electing_election(&cfg.compounds[0]).ok_or("no election")?;
/// assert_eq!((e.id.as_str(), e.seats), ("el-2024", 5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn electing_election(compound: &Compound) -> Option<&Election> {
    let elected_on = compound.owners_committee.as_ref()?.elected_on;
    let mut best: Option<(NaiveDate, &Election)> = None;
    for e in compound.elections.iter().filter(|e| e.kind != ElectionKind::ByElection) {
        let Some(closed) = assembly(compound, e.assembly.as_str()).map(|a| a.closed_on) else { continue };
        if closed <= elected_on && best.is_none_or(|(b, _)| closed > b) {
            best = Some((closed, e));
        }
    }
    best.map(|(_, e)| e)
}

/// Elections of `kind` whose assembly vote opened after the committee's `elected_on`, in
/// document order (empty without a committee).
fn held_after(compound: &Compound, kind: ElectionKind) -> impl Iterator<Item = &Election> + '_ {
    let elected_on = compound.owners_committee.as_ref().map(|c| c.elected_on);
    compound.elections.iter().filter(move |e| {
        e.kind == kind
            && elected_on.is_some_and(|on| assembly(compound, e.assembly.as_str()).is_some_and(|a| a.opened_on > on))
    })
}

/// The re-election (换届) recorded for the sitting committee: the first election of kind
/// `re_election` whose assembly vote opened after the committee's `elected_on`.
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::recorded_reelection;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert!(recorded_reelection(&cfg.compounds[0]).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recorded_reelection(compound: &Compound) -> Option<&Election> {
    held_after(compound, ElectionKind::ReElection).next()
}

/// Whether `person` stood in the election that elected the committee, or in a by-election (补选)
/// held after it (whose assembly vote opened after `elected_on`). `None` when no electing
/// election is recorded: then nothing can be said.
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::was_candidate;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert_eq!(was_candidate(&cfg.compounds[0], "p-05"), Some(true));
/// assert_eq!(was_candidate(&cfg.compounds[0], "p-06"), Some(false));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn was_candidate(compound: &Compound, person: &str) -> Option<bool> {
    let stood = |e: &Election| e.candidates.iter().any(|c| c.person.as_str() == person);
    let electing = electing_election(compound)?;
    Some(stood(electing) || held_after(compound, ElectionKind::ByElection).any(stood))
}

/// How many members a committee has against how many seats it was elected to fill.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let s = xiaoqu::queries::committee::strength(&cfg.compounds[0]).ok_or("no committee")?;
/// assert_eq!((s.members, s.seats, s.election.map(|e| e.as_str())), (5, 5, Some("el-2024")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strength<'a> {
    /// Members other than alternates ([`voting_members`]).
    pub members: usize,
    /// The seats: those of the electing election, or `members` when none is recorded.
    pub seats: u32,
    /// The electing election the seats come from, if recorded.
    pub election: Option<&'a ElectionId>,
}

impl Strength<'_> {
    /// Whether the members reach `min_share` of the seats (bound included: 半数以上 when the
    /// share is 1/2). Zero seats cannot be short of anything, so they count as reached.
    ///
    /// # Example
    /// ```
    /// let s = xiaoqu::queries::committee::Strength { members: 3, seats: 6, election: None };
    /// assert!(s.reaches(xiaoqu::model::Ratio::HALF));
    /// let s = xiaoqu::queries::committee::Strength { members: 2, seats: 6, election: None };
    /// assert!(!s.reaches(xiaoqu::model::Ratio::HALF));
    /// ```
    pub fn reaches(&self, min_share: Ratio) -> bool {
        self.seats == 0 || min_share.reached_by(u64::try_from(self.members).unwrap_or(u64::MAX), u64::from(self.seats))
    }
}

/// The committee's [`Strength`]: its members other than alternates against the seats of the
/// electing election. Without a recorded election the seats are unknown, so the committee is
/// taken to fill all its seats (`seats = members`) and cannot look collapsed. `None` when the
/// compound has no committee.
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::strength;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let s = strength(&cfg.compounds[0]).ok_or("no committee")?;
/// assert_eq!((s.members, s.seats), (5, 5));
/// assert!(s.reaches(xiaoqu::model::Ratio::HALF));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn strength(compound: &Compound) -> Option<Strength<'_>> {
    let committee = compound.owners_committee.as_ref()?;
    let members = voting_members(committee).count();
    Some(match electing_election(compound) {
        Some(e) => Strength { members, seats: e.seats, election: Some(&e.id) },
        None => Strength { members, seats: u32::try_from(members).unwrap_or(u32::MAX), election: None },
    })
}

/// Where a committee stands in its term on a date.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let committee = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// let s = xiaoqu::queries::committee::term_status(committee, cfg.as_of, xiaoqu::Policy::default().params());
/// assert_eq!(s.term_end.to_string(), "2029-06-14");
/// assert!(s.days_left > 0 && !s.expired);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermStatus {
    /// The last day of the term.
    pub term_end: NaiveDate,
    /// Days from the date to `term_end`: 0 on the last day, negative once the term has expired.
    pub days_left: i64,
    /// The term has expired: the date is after `term_end` (the last day itself still counts).
    pub expired: bool,
    /// The first day on which a re-election must exist: `reelection_lead_months` months before
    /// `term_end` (`None` when that falls before the calendar's range).
    pub reelection_from: Option<NaiveDate>,
    /// The date is on or after `reelection_from`: a re-election is due (or overdue).
    pub reelection_due: bool,
}

/// The committee's term on `as_of`, with the re-election lead time of `params`.
///
/// Whether a re-election has been recorded is a fact of the compound, not of the term: see
/// [`recorded_reelection`].
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use xiaoqu::queries::committee::term_status;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let committee = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// let params = xiaoqu::Policy::default().params().clone();
/// let s = term_status(committee, cfg.as_of, &params);
/// assert!(!s.expired && !s.reelection_due);
/// assert_eq!(s.reelection_from, NaiveDate::from_ymd_opt(2029, 3, 14));
/// let last_day = term_status(committee, s.term_end, &params);
/// assert_eq!((last_day.days_left, last_day.expired, last_day.reelection_due), (0, false, true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn term_status(committee: &OwnersCommittee, as_of: NaiveDate, params: &Params) -> TermStatus {
    let term_end = committee.term_end;
    let reelection_from = dates::sub_months(term_end, params.reelection_lead_months);
    TermStatus {
        term_end,
        days_left: term_end.signed_duration_since(as_of).num_days(),
        expired: as_of > term_end,
        reelection_from,
        reelection_due: as_of >= reelection_from.unwrap_or(NaiveDate::MIN),
    }
}

/// Whether a term's length is allowed.
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::{TermLength, term_length};
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let shanghai = xiaoqu::Policy::preset("shanghai")?; // terms of 3 to 5 years
/// let committee = cfg.compounds[0].owners_committee.as_mut().ok_or("no committee")?;
/// committee.term_end = xiaoqu::dates::term_last_day(committee.elected_on, 2).ok_or("date")?;
/// assert!(matches!(term_length(committee, shanghai.params()), TermLength::TooShort { .. }));
/// assert_eq!(term_length(committee, xiaoqu::Policy::default().params()), TermLength::Allowed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TermLength {
    /// Within the allowed length.
    Allowed,
    /// Ends after `latest`, the last day of a `term_max_years` term.
    TooLong {
        /// The latest allowed last day.
        latest: NaiveDate,
    },
    /// Ends before `earliest`, the last day of a `term_min_years` term.
    TooShort {
        /// The earliest allowed last day.
        earliest: NaiveDate,
    },
}

/// Whether the committee's term (`elected_on` to `term_end`) is at most `term_max_years` and,
/// when set, at least `term_min_years`, measured with [`dates::term_last_day`] (a 5-year term
/// from 2024-06-15 may end on 2029-06-14 at the latest). A bound beyond the calendar's range
/// cannot be crossed.
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::{TermLength, term_length};
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let params = xiaoqu::Policy::default().params().clone();
/// let committee = cfg.compounds[0].owners_committee.as_mut().ok_or("no committee")?;
/// assert_eq!(term_length(committee, &params), TermLength::Allowed);
/// committee.term_end = committee.term_end.succ_opt().ok_or("date")?;
/// assert!(matches!(term_length(committee, &params), TermLength::TooLong { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn term_length(committee: &OwnersCommittee, params: &Params) -> TermLength {
    let (start, end) = (committee.elected_on, committee.term_end);
    if let Some(latest) = dates::term_last_day(start, params.term_max_years)
        && end > latest
    {
        return TermLength::TooLong { latest };
    }
    if let Some(earliest) = params.term_min_years.and_then(|min| dates::term_last_day(start, min))
        && end < earliest
    {
        return TermLength::TooShort { earliest };
    }
    TermLength::Allowed
}

/// Whether a step due within some days after the election (first meeting, filing) was taken in
/// time, judged on the audit date.
///
/// # Example
/// ```
/// use xiaoqu::queries::committee::{Timeliness, filing_status};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let committee = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// // Filed 2024-07-10, 25 days after the election of 2024-06-15: on time within 30 days.
/// assert!(matches!(filing_status(committee, cfg.as_of, xiaoqu::Policy::default().params()), Timeliness::OnTime { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Timeliness {
    /// Taken on `on`, by `last_day`.
    OnTime {
        /// When it was taken.
        on: NaiveDate,
        /// The last day allowed.
        last_day: NaiveDate,
    },
    /// Taken on `on`, after `last_day`.
    Late {
        /// When it was taken.
        on: NaiveDate,
        /// The last day allowed.
        last_day: NaiveDate,
    },
    /// Dated before the election itself (a date-order fault, `CFG003`).
    BeforeElection {
        /// The date given.
        on: NaiveDate,
    },
    /// Not recorded, and `last_day` has not passed yet on the audit date.
    Pending {
        /// The last day allowed.
        last_day: NaiveDate,
    },
    /// Not recorded, and `last_day` has passed on the audit date.
    Overdue {
        /// The last day allowed.
        last_day: NaiveDate,
    },
}

/// How a step due `days` days after `event` stands (bound included, 民法典 Art 1259; a deadline
/// beyond the calendar's range never passes).
fn timeliness(event: NaiveDate, taken: Option<NaiveDate>, days: u32, as_of: NaiveDate) -> Timeliness {
    let last_day = dates::deadline_days(event, days).unwrap_or(NaiveDate::MAX);
    match taken {
        Some(on) if on < event => Timeliness::BeforeElection { on },
        Some(on) if dates::within_days(event, on, days) => Timeliness::OnTime { on, last_day },
        Some(on) => Timeliness::Late { on, last_day },
        None if as_of > last_day => Timeliness::Overdue { last_day },
        None => Timeliness::Pending { last_day },
    }
}

/// Whether the first meeting was held within `first_meeting_days` days after the election (GR
/// Art 32 para 2), as of `as_of`.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use xiaoqu::queries::committee::{Timeliness, first_meeting_status};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let committee = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// let params = xiaoqu::Policy::default().params().clone();
/// let status = first_meeting_status(committee, cfg.as_of, &params);
/// assert!(matches!(status, Timeliness::OnTime { last_day, .. } if Some(last_day) == NaiveDate::from_ymd_opt(2024, 6, 22)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn first_meeting_status(committee: &OwnersCommittee, as_of: NaiveDate, params: &Params) -> Timeliness {
    timeliness(committee.elected_on, committee.first_meeting_on, params.first_meeting_days, as_of)
}

/// Whether the committee was filed (备案) within `filing_days` days after the election (PMR Art
/// 16, GR Art 33), as of `as_of`.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use xiaoqu::queries::committee::{Timeliness, filing_status};
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let params = xiaoqu::Policy::default().params().clone();
/// let committee = cfg.compounds[0].owners_committee.as_mut().ok_or("no committee")?;
/// committee.filed_on = None;
/// let last_day = NaiveDate::from_ymd_opt(2024, 7, 15).ok_or("date")?;
/// assert_eq!(filing_status(committee, last_day, &params), Timeliness::Pending { last_day });
/// let next = last_day.succ_opt().ok_or("date")?;
/// assert_eq!(filing_status(committee, next, &params), Timeliness::Overdue { last_day });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn filing_status(committee: &OwnersCommittee, as_of: NaiveDate, params: &Params) -> Timeliness {
    timeliness(committee.elected_on, committee.filed_on, params.filing_days, as_of)
}
