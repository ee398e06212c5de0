//! The candidate negative-list screening engine (业委会候选人负面清单).
//!
//! Given a person, the compound, a date and a [`Policy`], [`screen`] returns one [`Verdict`]
//! per negative-list item the policy enables: the person [passes](Outcome::Passes) it,
//! [fails](Outcome::Fails) it (with every [`Reason`]: the evidence record by its index and
//! kind and the date that decided it, the relative employed by the property company, the age…),
//! or there is [not enough data](Outcome::NotEnoughData) to say (no birth date for the age
//! items). Each verdict carries the item's citation, its severity under the policy, and whether
//! the item is [mandatory, optional or contested](ItemStatus).
//!
//! Election software calls it while it collects nominations; the audit calls it for every
//! candidate of every election (rules `NL001`–`NL015`), for every owner representative of a
//! preparatory group (`EL004`) and for the sitting committee members (removal grounds, at most
//! a warning). The items are the rules `NL001`–`NL015`: a profile switches an item on or off,
//! or changes its severity, exactly as it does the rule, and the items read the rules'
//! parameters (`crime_lookback_years`, `intentional_only`, `arrears_months`,
//! `court_confirmed_only`, `residency_months`, `candidate_age`, `penalty_lookback_years`).
//!
//! # How dates are judged
//! - The day of the screening is the election day: the `opened_on` of the election's assembly
//!   vote ([`election_date`]). The audit screens sitting members on `as_of`.
//! - A record dated after that day did not exist yet and is ignored.
//! - A state recorded with a start and an end (an unrectified illegal construction from
//!   `ordered_on` to `rectified_on`; arrears from `since` to `settled_on`; a dishonest-debtor
//!   listing, an investigation or economic ties from `from` to `to`) holds on the day when it
//!   began on or before it and did not end on or before it. A record rectified, settled or
//!   closed on the election day itself no longer bars (RULES.md: "`rectified_on` ≤ election
//!   date"); a listing that ended before the election does not bar.
//! - "Less than N years" (不满 N 年: 民法典 Art 1259 excludes the bound). The N years are counted
//!   from the day after the event (Art 201) and end on the corresponding day N years later
//!   (Art 202; 29 February maps to 28 February): on that anniversary the N years are full.
//!   So a sentence completed on 2019-06-01 bars an election held up to 2024-05-31 and not one
//!   held on 2024-06-01 — completed 4 years and 364 days before the election bars, exactly 5
//!   years before does not. The same reading gives ages: a person is 18 on their 18th
//!   birthday ([`crate::dates::age_on`]).
//! - A conviction without `sentence_completed_on` is a sentence still being served: it bars
//!   (TZ Art 20, HUZ Art 17: "正在服刑或者刑满释放不满五年"), and so does a completion dated after
//!   the election day.
//!
//! # No personal data in reports
//! A [`Reason`] names records by their index and kind and gives dates, ids and numbers only:
//! the free-text fields of records (`description` of economic ties and moral misconduct) and
//! of employment (`role`) never leave the document, nor do names.
//!
//! # Example
//! ```
//! use xiaoqu::screening::{self, Item, Outcome, Role};
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! let index = xiaoqu::Index::build(&cfg);
//! let policy = xiaoqu::Policy::default();
//! let compound = &cfg.compounds[0];
//! let election = &compound.elections[0];
//! let on = screening::election_date(compound, election).ok_or("no assembly")?;
//! let role = Role::Candidate { commitment_signed: true };
//! let s = screening::screen_id(&index, &policy, "p-04", compound.id.as_str(), on, role)
//!     .ok_or("unknown person or compound")?;
//! assert!(!s.fails());
//! assert_eq!(s.verdict(Item::IsOwner).map(|v| &v.outcome), Some(&Outcome::Passes));
//! // Fee arrears (contested) are not screened under the default profile.
//! assert!(s.verdict(Item::NoFeeArrears).is_none());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod items;
mod text;

use chrono::NaiveDate;

use crate::index::Index;
use crate::model::{CivilCapacity, Compound, CompoundId, Election, OrgId, Person, PersonId, RecordKind};
use crate::policy::{Policy, Range};
use crate::queries::dual_entry::TieRelation;
use crate::report::{RuleCode, Severity};

/// One item of the negative list; each is the rule of the same code (`NL001`–`NL015`).
///
/// | item | code | N-row of domain-rules.md §6.2 | status |
/// |---|---|---|---|
/// | [`IsOwner`](Self::IsOwner) | NL001 | N1 | mandatory (GR Art 31) |
/// | [`FullCapacity`](Self::FullCapacity) | NL002 | N2 | mandatory (GR Art 31) |
/// | [`NoPropertyCompanyTie`](Self::NoPropertyCompanyTie) | NL003 | N3 | mandatory (BJ Art 39, SH Art 20) |
/// | [`NoIllegalConstruction`](Self::NoIllegalConstruction) | NL004 | N5 | mandatory (SH Art 20) |
/// | [`NoStructuralDamage`](Self::NoStructuralDamage) | NL005 | N6 | mandatory (SH Art 20) |
/// | [`NoOccupiedCommonParts`](Self::NoOccupiedCommonParts) | NL006 | N7 | mandatory (BJ Art 39(6), 78(10)) |
/// | [`NoFeeArrears`](Self::NoFeeArrears) | NL007 | N8 | contested (H3) |
/// | [`NoRecentCrime`](Self::NoRecentCrime) | NL008 | N9 | optional (TZ Art 20, HUZ Art 17) |
/// | [`NotDishonestDebtor`](Self::NotDishonestDebtor) | NL009 | N10 | mandatory (BJ Art 39(5)) |
/// | [`NoRecentPropertyPenalty`](Self::NoRecentPropertyPenalty) | NL010 | N11 | optional (HUZ Art 17) |
/// | [`Residency`](Self::Residency) | NL011 | N13 | mandatory (BJ Art 39(3)) |
/// | [`AgeLimit`](Self::AgeLimit) | NL012 | N14 | optional (practice) |
/// | [`NoEconomicTies`](Self::NoEconomicTies) | NL013 | N15 | optional (practice) |
/// | [`NotPreviouslyRemoved`](Self::NotPreviouslyRemoved) | NL014 | N18 | optional (no text found) |
/// | [`SignedCommitment`](Self::SignedCommitment) | NL015 | R092 | mandatory (SH Art 20) |
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, ItemStatus};
/// assert_eq!(Item::ALL.len(), 15);
/// assert_eq!(Item::NoFeeArrears.status(), ItemStatus::Contested);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Item {
    /// Owns a unit in the compound (N1).
    IsOwner,
    /// Full civil capacity and, when the birth date is known, 18 or older (N2).
    FullCapacity,
    /// Neither the person nor a spouse or lineal relative works for the compound's property
    /// company (N3).
    NoPropertyCompanyTie,
    /// No unrectified illegal construction (N5).
    NoIllegalConstruction,
    /// No unrectified damage to the structure or facade, or change of use (N6).
    NoStructuralDamage,
    /// No unrectified occupation of common parts (N7).
    NoOccupiedCommonParts,
    /// No unsettled fee arrears (N8; contested).
    NoFeeArrears,
    /// No recent intentional conviction and no open criminal investigation (N9).
    NoRecentCrime,
    /// Not listed as a dishonest judgment debtor (N10).
    NotDishonestDebtor,
    /// No recent property-related administrative penalty (N11).
    NoRecentPropertyPenalty,
    /// Resided long enough in the compound in the last 12 months (N13).
    Residency,
    /// Age within the allowed range (N14).
    AgeLimit,
    /// No current economic ties with the compound (N15).
    NoEconomicTies,
    /// Never removed from this compound's committee (N18).
    NotPreviouslyRemoved,
    /// Signed the written commitment (R092); candidates only.
    SignedCommitment,
}

/// How binding a negative-list item is in the sources (domain-rules.md §6.2).
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, ItemStatus};
/// assert_eq!(Item::IsOwner.status(), ItemStatus::Mandatory);
/// assert_eq!(Item::NoRecentCrime.status(), ItemStatus::Optional);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemStatus {
    /// Imposed by a national rule or by a local regulation as a condition (M in §6.2).
    Mandatory,
    /// Left by the regulations to the covenant or the candidate-generation method, or found
    /// only in practice documents (O and P in §6.2).
    Optional,
    /// Found without basis in higher law by the 全国人大常委会法工委 (H3): off in every preset.
    Contested,
}

impl ItemStatus {
    /// `"mandatory"`, `"optional"` or `"contested"`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::ItemStatus;
    /// assert_eq!(ItemStatus::Contested.as_str(), "contested");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Mandatory => "mandatory",
            Self::Optional => "optional",
            Self::Contested => "contested",
        }
    }

    /// The Chinese word.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::ItemStatus;
    /// assert!(!ItemStatus::Mandatory.zh().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn zh(self) -> &'static str {
        match self {
            Self::Mandatory => "必备",
            Self::Optional => "可选",
            Self::Contested => "有争议",
        }
    }
}

impl Item {
    /// Every item, in code order.
    ///
    /// # Example
    /// ```
    /// let codes: Vec<&str> = xiaoqu::screening::Item::ALL.iter().map(|i| i.code().as_str()).collect();
    /// assert_eq!((codes.first().copied(), codes.last().copied()), (Some("NL001"), Some("NL015")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Self; 15] = [
        Self::IsOwner,
        Self::FullCapacity,
        Self::NoPropertyCompanyTie,
        Self::NoIllegalConstruction,
        Self::NoStructuralDamage,
        Self::NoOccupiedCommonParts,
        Self::NoFeeArrears,
        Self::NoRecentCrime,
        Self::NotDishonestDebtor,
        Self::NoRecentPropertyPenalty,
        Self::Residency,
        Self::AgeLimit,
        Self::NoEconomicTies,
        Self::NotPreviouslyRemoved,
        Self::SignedCommitment,
    ];

    /// The rule code of the item.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::Item;
    /// assert_eq!(Item::NoFeeArrears.code().as_str(), "NL007");
    /// assert_eq!(Item::from_code(xiaoqu::RuleCode::Nl007), Some(Item::NoFeeArrears));
    /// ```
    pub const fn code(self) -> RuleCode {
        match self {
            Self::IsOwner => RuleCode::Nl001,
            Self::FullCapacity => RuleCode::Nl002,
            Self::NoPropertyCompanyTie => RuleCode::Nl003,
            Self::NoIllegalConstruction => RuleCode::Nl004,
            Self::NoStructuralDamage => RuleCode::Nl005,
            Self::NoOccupiedCommonParts => RuleCode::Nl006,
            Self::NoFeeArrears => RuleCode::Nl007,
            Self::NoRecentCrime => RuleCode::Nl008,
            Self::NotDishonestDebtor => RuleCode::Nl009,
            Self::NoRecentPropertyPenalty => RuleCode::Nl010,
            Self::Residency => RuleCode::Nl011,
            Self::AgeLimit => RuleCode::Nl012,
            Self::NoEconomicTies => RuleCode::Nl013,
            Self::NotPreviouslyRemoved => RuleCode::Nl014,
            Self::SignedCommitment => RuleCode::Nl015,
        }
    }

    /// The item of a rule code, if the code is one of `NL001`–`NL015`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{RuleCode, screening::Item};
    /// assert_eq!(Item::from_code(RuleCode::Nl008), Some(Item::NoRecentCrime));
    /// assert_eq!(Item::from_code(RuleCode::Nl016), None); // the party share is not a personal item
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_code(code: RuleCode) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.code() == code)
    }

    /// How binding the item is in the sources.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::{Item, ItemStatus};
    /// assert_eq!(Item::SignedCommitment.status(), ItemStatus::Mandatory);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn status(self) -> ItemStatus {
        match self {
            Self::NoFeeArrears => ItemStatus::Contested,
            Self::NoRecentCrime
            | Self::NoRecentPropertyPenalty
            | Self::AgeLimit
            | Self::NoEconomicTies
            | Self::NotPreviouslyRemoved => ItemStatus::Optional,
            _ => ItemStatus::Mandatory,
        }
    }

    /// The citation of the item's rule.
    ///
    /// # Example
    /// ```
    /// assert!(xiaoqu::screening::Item::IsOwner.citation().contains("业主大会和业主委员会指导规则"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn citation(self) -> &'static str {
        crate::rules::meta(self.code()).map_or("", |m| m.citation)
    }

    /// Whether the item is screened for someone in this role (the written commitment is asked
    /// of candidates only).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::{Item, Role};
    /// assert!(Item::SignedCommitment.applies_to(Role::Candidate { commitment_signed: false }));
    /// assert!(!Item::SignedCommitment.applies_to(Role::SittingMember));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn applies_to(self, role: Role) -> bool {
        !matches!(self, Self::SignedCommitment) || matches!(role, Role::Candidate { .. })
    }
}

/// In what capacity a person is screened.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, Role, screen_id};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let policy = xiaoqu::Policy::default();
/// let unsigned = Role::Candidate { commitment_signed: false };
/// let s = screen_id(&index, &xiaoqu::Policy::preset("shanghai")?, "p-01", "c-guokeyuan", cfg.as_of, unsigned).ok_or("id")?;
/// assert!(s.verdict(Item::SignedCommitment).is_some_and(|v| v.outcome.as_str() == "fails"));
/// let s = screen_id(&index, &policy, "p-01", "c-guokeyuan", cfg.as_of, Role::SittingMember).ok_or("id")?;
/// assert!(s.verdict(Item::SignedCommitment).is_none()); // asked of candidates only
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A candidate for the owners' committee, with whether they signed the written commitment
    /// (承诺书).
    Candidate {
        /// Signed the written commitment.
        commitment_signed: bool,
    },
    /// An owner representative in a preparatory group (筹备组业主代表, BJ Art 31, QD Art 23).
    OwnerRepresentative,
    /// A sitting committee member, screened for grounds of removal (BJ Art 46, HZ Art 31).
    SittingMember,
}

/// Who is screened, for which compound, on which day, in which capacity.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Applicant, Role, screen};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let applicant = Applicant {
///     person: index.person("p-05").ok_or("no p-05")?,
///     compound: index.compound("c-guokeyuan").ok_or("no compound")?,
///     on: cfg.as_of,
///     role: Role::OwnerRepresentative,
/// };
/// assert!(!screen(&index, &xiaoqu::Policy::default(), &applicant).fails());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Applicant<'a> {
    /// The person, with their evidence records. Their relatives and employment, and those of
    /// their relatives, are read through the [`Index`] (the person's own fields when the
    /// index does not hold them).
    pub person: &'a Person,
    /// The compound of the committee.
    pub compound: &'a Compound,
    /// The day judged: the election day, or the audit date for sitting members.
    pub on: NaiveDate,
    /// The capacity.
    pub role: Role,
}

/// Why an item failed. Ids, kinds, dates and numbers only: never free text.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let role = Role::Candidate { commitment_signed: true };
/// // p-13 works for the street office and owns no unit in the compound.
/// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
/// let v = s.verdict(Item::IsOwner).ok_or("screened")?;
/// assert_eq!(v.outcome.reasons(), [Reason::NotAnOwner]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// Owns no unit in the compound.
    NotAnOwner,
    /// Civil capacity is not full.
    Capacity(CivilCapacity),
    /// Younger than 18.
    Minor {
        /// Age on the day.
        age: u32,
    },
    /// Age outside the allowed range.
    AgeOutOfRange {
        /// Age on the day.
        age: u32,
        /// The allowed range (`candidate_age`).
        allowed: Range,
    },
    /// The person or a spouse or lineal relative works for the compound's property company.
    PropertyCompanyTie {
        /// Who is employed.
        employed: PersonId,
        /// How the employed person is related to the person screened.
        relation: TieRelation,
        /// The company.
        company: OrgId,
        /// First day of the employment.
        since: NaiveDate,
    },
    /// An evidence record bars the person.
    Record {
        /// Index in the person's `records`.
        index: usize,
        /// The record's kind.
        kind: RecordKind,
        /// The date that decided: the order, finding, listing, start of arrears or penalty
        /// date, or the day the sentence was completed (the judgment date while it is served).
        decided_on: NaiveDate,
        /// The first day on which the record no longer bars, when it is known: its recorded
        /// end (rectification, settlement, delisting) after the day, or the end of the
        /// look-back window.
        clears_on: Option<NaiveDate>,
    },
    /// Resided too little in the compound in the 12 months before the day.
    Residency {
        /// Days of residence in the compound in those 12 months.
        resided_days: u64,
        /// Days required: the length of the `residency_months` months before the day.
        required_days: u64,
        /// `residency_months`.
        required_months: u32,
    },
    /// The written commitment is not signed.
    CommitmentNotSigned,
}

/// What is missing when an item cannot be decided.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, Missing, Outcome, Role, screen_id};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let mut policy = xiaoqu::Policy::default();
/// policy.set_rule(xiaoqu::RuleCode::Nl012, xiaoqu::RuleSetting::On); // the age limit, off in default
/// // p-11 has no birth date.
/// let s = screen_id(&index, &policy, "p-11", "c-guokeyuan", cfg.as_of, Role::SittingMember).ok_or("id")?;
/// assert_eq!(s.verdict(Item::AgeLimit).map(|v| &v.outcome), Some(&Outcome::NotEnoughData(Missing::BirthDate)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Missing {
    /// The birth date (age items).
    BirthDate,
    /// Residency records of a person who owns no unit (owners are taken to reside).
    Residency,
    /// Who owns what: a unit of the compound lists an owner the index does not know.
    Ownership,
}

/// The verdict on one item.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let role = Role::Candidate { commitment_signed: true };
/// // p-13 works for the street office and owns no unit in the compound.
/// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
/// assert!(matches!(s.verdict(Item::IsOwner).map(|v| &v.outcome), Some(Outcome::Fails(_))));
/// assert!(matches!(s.verdict(Item::NoRecentCrime).map(|v| &v.outcome), Some(Outcome::Passes)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The person passes.
    Passes,
    /// The person fails, for each of these reasons (never empty).
    Fails(Vec<Reason>),
    /// The data do not decide the item.
    NotEnoughData(Missing),
}

impl Outcome {
    /// `"passes"`, `"fails"` or `"not_enough_data"`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let role = Role::Candidate { commitment_signed: true };
    /// // p-13 works for the street office and owns no unit in the compound.
    /// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
    /// assert_eq!(s.verdict(Item::IsOwner).map(|v| v.outcome.as_str()), Some("fails"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Passes => "passes",
            Self::Fails(_) => "fails",
            Self::NotEnoughData(_) => "not_enough_data",
        }
    }

    /// The reasons of a failure (empty otherwise).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let role = Role::Candidate { commitment_signed: true };
    /// // p-13 works for the street office and owns no unit in the compound.
    /// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
    /// let owner = s.verdict(Item::IsOwner).ok_or("screened")?;
    /// assert_eq!(owner.outcome.reasons().len(), 1);
    /// let crime = s.verdict(Item::NoRecentCrime).ok_or("screened")?;
    /// assert!(crime.outcome.reasons().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reasons(&self) -> &[Reason] {
        match self {
            Self::Fails(r) => r,
            _ => &[],
        }
    }
}

/// The verdict on one enabled item, with what a reader needs to weigh it.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let role = Role::Candidate { commitment_signed: true };
/// // p-13 works for the street office and owns no unit in the compound.
/// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
/// let v = s.verdict(Item::IsOwner).ok_or("screened")?;
/// assert_eq!((v.item.code().as_str(), v.severity), ("NL001", xiaoqu::Severity::Error));
/// assert!(!v.citation.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The item.
    pub item: Item,
    /// The severity the policy gives the item's rule.
    pub severity: Severity,
    /// Mandatory, optional or contested.
    pub status: ItemStatus,
    /// The citation of the item's rule.
    pub citation: &'static str,
    /// Passes, fails or not enough data.
    pub outcome: Outcome,
}

/// The verdicts on every enabled item for one person.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let role = Role::Candidate { commitment_signed: true };
/// // p-13 works for the street office and owns no unit in the compound.
/// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
/// assert_eq!((s.person.as_str(), s.compound.as_str(), s.on), ("p-13", "c-guokeyuan", cfg.as_of));
/// assert!(s.verdicts.iter().all(|v| v.item.code().as_str().starts_with("NL")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    /// The person screened.
    pub person: PersonId,
    /// The compound.
    pub compound: CompoundId,
    /// The day judged.
    pub on: NaiveDate,
    /// One verdict per enabled item that applies to the role, in code order.
    pub verdicts: Vec<Verdict>,
}

impl Screening {
    /// Whether any item fails.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let role = Role::Candidate { commitment_signed: true };
    /// // p-13 works for the street office and owns no unit in the compound.
    /// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
    /// assert!(s.fails());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fails(&self) -> bool {
        self.verdicts.iter().any(|v| matches!(v.outcome, Outcome::Fails(_)))
    }

    /// The failed verdicts.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let role = Role::Candidate { commitment_signed: true };
    /// // p-13 works for the street office and owns no unit in the compound.
    /// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
    /// let failed: Vec<Item> = s.failures().map(|v| v.item).collect();
    /// assert!(failed.contains(&Item::IsOwner));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn failures(&self) -> impl Iterator<Item = &Verdict> {
        self.verdicts.iter().filter(|v| matches!(v.outcome, Outcome::Fails(_)))
    }

    /// The verdict on one item, if it was screened.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::screening::{Item, Outcome, Reason, Role, screen_id};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let role = Role::Candidate { commitment_signed: true };
    /// // p-13 works for the street office and owns no unit in the compound.
    /// let s = screen_id(&index, &xiaoqu::Policy::default(), "p-13", "c-guokeyuan", cfg.as_of, role).ok_or("unknown id")?;
    /// assert!(s.verdict(Item::NoFeeArrears).is_none()); // contested: not screened by default
    /// assert!(s.verdict(Item::IsOwner).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verdict(&self, item: Item) -> Option<&Verdict> {
        self.verdicts.iter().find(|v| v.item == item)
    }
}

/// Whether the policy screens an item: its rule is on and, for the residency item, a
/// `residency_months` is set.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Item, is_screened};
/// let mut policy = xiaoqu::Policy::default();
/// assert!(is_screened(&policy, Item::NoRecentCrime));
/// assert!(!is_screened(&policy, Item::NoFeeArrears));
/// policy.set_rule(xiaoqu::RuleCode::Nl007, xiaoqu::RuleSetting::On);
/// assert!(is_screened(&policy, Item::NoFeeArrears));
/// ```
pub fn is_screened(policy: &Policy, item: Item) -> bool {
    policy.is_enabled(item.code()) && (item != Item::Residency || policy.params().residency_months.is_some())
}

/// Screens one person against every item the policy enables that applies to their role.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Applicant, Item, Outcome, Reason, Role, screen};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// // p-13 (street office staff) owns no unit in the compound.
/// let index = xiaoqu::Index::build(&cfg);
/// let applicant = Applicant {
///     person: index.person("p-13").ok_or("p-13")?,
///     compound: &cfg.compounds[0],
///     on: cfg.as_of,
///     role: Role::Candidate { commitment_signed: false },
/// };
/// let s = screen(&index, &xiaoqu::Policy::default(), &applicant);
/// let owner = s.verdict(Item::IsOwner).ok_or("screened")?;
/// assert_eq!(owner.outcome, Outcome::Fails(vec![Reason::NotAnOwner]));
/// // p-13 has no birth date: the age half of NL002 cannot be decided.
/// assert_eq!(s.verdict(Item::FullCapacity).map(|v| v.outcome.as_str()), Some("not_enough_data"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn screen(index: &Index<'_>, policy: &Policy, applicant: &Applicant<'_>) -> Screening {
    let inputs = items::Inputs { index, a: applicant, params: policy.params() };
    let verdicts = Item::ALL
        .into_iter()
        .filter(|i| i.applies_to(applicant.role) && is_screened(policy, *i))
        .filter_map(|item| {
            Some(Verdict {
                item,
                severity: policy.severity(item.code())?,
                status: item.status(),
                citation: item.citation(),
                outcome: items::evaluate(item, &inputs),
            })
        })
        .collect();
    Screening {
        person: applicant.person.id.clone(),
        compound: applicant.compound.id.clone(),
        on: applicant.on,
        verdicts,
    }
}

/// Screens a person and a compound given by id; `None` when either is not in the index.
///
/// # Example
/// ```
/// use xiaoqu::screening::{Role, screen_id};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let policy = xiaoqu::Policy::default();
/// let s = screen_id(&index, &policy, "p-09", "c-guokeyuan", cfg.as_of, Role::OwnerRepresentative);
/// assert!(s.is_some_and(|s| !s.fails()));
/// assert!(screen_id(&index, &policy, "p-99", "c-guokeyuan", cfg.as_of, Role::SittingMember).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn screen_id(
    index: &Index<'_>,
    policy: &Policy,
    person: &str,
    compound: &str,
    on: NaiveDate,
    role: Role,
) -> Option<Screening> {
    let applicant = Applicant { person: index.person(person)?, compound: index.compound(compound)?, on, role };
    Some(screen(index, policy, &applicant))
}

/// The election day: the first voting day (`opened_on`) of the election's assembly vote in the
/// compound; `None` when the compound has no assembly of that id.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let c = &cfg.compounds[0];
/// let day = xiaoqu::screening::election_date(c, &c.elections[0]);
/// assert_eq!(day.map(|d| d.to_string()).as_deref(), Some("2024-06-01"));
/// # Ok::<(), xiaoqu::LoadError>(())
/// ```
pub fn election_date(compound: &Compound, election: &Election) -> Option<NaiveDate> {
    compound.assemblies.iter().find(|a| a.id == election.assembly).map(|a| a.opened_on)
}
