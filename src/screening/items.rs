//! The test of each negative-list item on one person and one day.

use chrono::NaiveDate;

use super::{Applicant, Item, Missing, Outcome, Reason, Role};
use crate::dates::{add_years, age_on, sub_months};
use crate::index::Index;
use crate::model::{CivilCapacity, Employment, OrgId, Record};
use crate::policy::Params;
use crate::queries::dual_entry::{TieRelation, property_company_ties};

/// Full age (成年): 民法典 Art 17.
const ADULT: u32 = 18;

/// What every item reads.
pub(super) struct Inputs<'i, 'a> {
    pub(super) index: &'i Index<'a>,
    pub(super) a: &'i Applicant<'i>,
    pub(super) params: &'i Params,
}

/// The verdict on one item.
pub(super) fn evaluate(item: Item, x: &Inputs<'_, '_>) -> Outcome {
    match item {
        Item::IsOwner => is_owner(x),
        Item::FullCapacity => full_capacity(x),
        Item::NoPropertyCompanyTie => property_company_tie(x),
        Item::NoIllegalConstruction => records(x, |r| match r {
            Record::IllegalConstruction { ordered_on, rectified_on, .. } => unended(*ordered_on, *rectified_on, x.a.on),
            _ => None,
        }),
        Item::NoStructuralDamage => records(x, |r| match r {
            Record::StructuralDamage { found_on, rectified_on, .. } => unended(*found_on, *rectified_on, x.a.on),
            _ => None,
        }),
        Item::NoOccupiedCommonParts => records(x, |r| match r {
            Record::OccupiesCommonPart { found_on, rectified_on, .. } => unended(*found_on, *rectified_on, x.a.on),
            _ => None,
        }),
        Item::NoFeeArrears => fee_arrears(x),
        Item::NoRecentCrime => crime(x),
        Item::NotDishonestDebtor => records(x, |r| match r {
            Record::DishonestDebtor { from, to } => unended(*from, *to, x.a.on),
            _ => None,
        }),
        Item::NoRecentPropertyPenalty => {
            let years = x.params.penalty_lookback_years;
            records(x, |r| match r {
                Record::AdminPenalty { date, property_related: true } => less_than_years_after(*date, years, x.a.on),
                _ => None,
            })
        }
        Item::Residency => residency(x),
        Item::AgeLimit => age_limit(x),
        Item::NoEconomicTies => records(x, |r| match r {
            Record::EconomicTies { compound, from, to, .. } if *compound == x.a.compound.id => {
                unended(*from, *to, x.a.on)
            }
            _ => None,
        }),
        Item::NotPreviouslyRemoved => records(x, |r| match r {
            Record::RemovedFromCommittee { compound, date } if *compound == x.a.compound.id && *date <= x.a.on => {
                Some((*date, None))
            }
            _ => None,
        }),
        Item::SignedCommitment => match x.a.role {
            Role::Candidate { commitment_signed: false } => Outcome::Fails(vec![Reason::CommitmentNotSigned]),
            _ => Outcome::Passes,
        },
    }
}

fn outcome(reasons: Vec<Reason>) -> Outcome {
    if reasons.is_empty() { Outcome::Passes } else { Outcome::Fails(reasons) }
}

/// The records for which `bars` gives `(decided_on, clears_on)`, as reasons.
fn records(x: &Inputs<'_, '_>, bars: impl Fn(&Record) -> Option<(NaiveDate, Option<NaiveDate>)>) -> Outcome {
    outcome(
        x.a.person
            .records
            .iter()
            .enumerate()
            .filter_map(|(index, r)| {
                bars(r).map(|(decided_on, clears_on)| Reason::Record { index, kind: r.kind(), decided_on, clears_on })
            })
            .collect(),
    )
}

/// A state that began on `start` and ended on `end` (if it did) holds on `on` when it began on
/// or before `on` and did not end on or before it: a rectification, settlement or delisting on
/// the day itself clears it. Gives `(start, end)`.
fn unended(start: NaiveDate, end: Option<NaiveDate>, on: NaiveDate) -> Option<(NaiveDate, Option<NaiveDate>)> {
    (start <= on && end.is_none_or(|e| on < e)).then_some((start, end))
}

/// An event on `date` bars on `on` while less than `years` years have passed (不满: the
/// anniversary itself no longer bars). Gives `(date, anniversary)`.
fn less_than_years_after(date: NaiveDate, years: u32, on: NaiveDate) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let clears = add_years(date, years);
    (date <= on && clears.is_none_or(|c| on < c)).then_some((date, clears))
}

/// NL001: owns a unit of the compound (a developer-held unit has no owner). While a unit lists
/// an owner id the index does not know, a non-owner cannot be told apart from a misspelt owner:
/// not enough data (`CFG001` reports the id).
fn is_owner(x: &Inputs<'_, '_>) -> Outcome {
    let c = x.a.compound;
    if x.index.owns_unit(c, x.a.person.id.as_str()) {
        Outcome::Passes
    } else if !x.index.owners_known(c) {
        Outcome::NotEnoughData(Missing::Ownership)
    } else {
        Outcome::Fails(vec![Reason::NotAnOwner])
    }
}

/// The age on the day; a birth date after the day counts as age 0.
fn age(x: &Inputs<'_, '_>) -> Option<u32> {
    x.a.person.birth_date.map(|b| age_on(b, x.a.on).unwrap_or(0))
}

/// NL002: full civil capacity, and 18 or older when the birth date is known. A capacity
/// failure is decided without a birth date; full capacity without one cannot be confirmed.
fn full_capacity(x: &Inputs<'_, '_>) -> Outcome {
    let mut reasons = Vec::new();
    if x.a.person.civil_capacity != CivilCapacity::Full {
        reasons.push(Reason::Capacity(x.a.person.civil_capacity));
    }
    match age(x) {
        Some(age) if age < ADULT => reasons.push(Reason::Minor { age }),
        None if reasons.is_empty() => return Outcome::NotEnoughData(Missing::BirthDate),
        Some(_) | None => {}
    }
    outcome(reasons)
}

/// NL012: age within `candidate_age`, bounds included.
fn age_limit(x: &Inputs<'_, '_>) -> Outcome {
    let allowed = x.params.candidate_age;
    match age(x) {
        None => Outcome::NotEnoughData(Missing::BirthDate),
        Some(age) if allowed.contains(u64::from(age)) => Outcome::Passes,
        Some(age) => Outcome::Fails(vec![Reason::AgeOutOfRange { age, allowed }]),
    }
}

/// Whether an employment with `company` covers `on` (both ends are days of work).
fn covers(e: &Employment, company: &OrgId, on: NaiveDate) -> bool {
    e.org == *company && e.from <= on && e.to.is_none_or(|to| on <= to)
}

/// NL003: the ties of [`property_company_ties`] to the company of the compound's property
/// service. The company is the one the document names, whatever its contract dates: a
/// candidate tied to the company that serves, or is about to serve, the compound has the same
/// conflict. No property service, no tie. When the index does not hold the person, their own
/// `employment` and `relatives` are read instead.
fn property_company_tie(x: &Inputs<'_, '_>) -> Outcome {
    let Some(ps) = &x.a.compound.property_service else { return Outcome::Passes };
    let (p, on, company) = (x.a.person, x.a.on, &ps.company);
    let mut reasons: Vec<Reason> = property_company_ties(x.index, &p.id, company, on)
        .into_iter()
        .map(|t| Reason::PropertyCompanyTie {
            employed: t.person.clone(),
            relation: t.relation,
            company: company.clone(),
            since: t.employment.from,
        })
        .collect();
    if x.index.person(p.id.as_str()).is_none() {
        if let Some(e) = p.employment.iter().find(|e| covers(e, company, on)) {
            reasons.push(Reason::PropertyCompanyTie {
                employed: p.id.clone(),
                relation: TieRelation::Oneself,
                company: company.clone(),
                since: e.from,
            });
        }
        for r in p.relatives.iter().filter(|r| r.relation.is_spouse_or_lineal()) {
            let Some(rel) = x.index.person(r.person.as_str()) else { continue };
            if let Some(e) = rel.employment.iter().find(|e| covers(e, company, on)) {
                reasons.push(Reason::PropertyCompanyTie {
                    employed: rel.id.clone(),
                    relation: TieRelation::Relative(r.relation),
                    company: company.clone(),
                    since: e.from,
                });
            }
        }
    }
    outcome(reasons)
}

/// NL007 (contested): unsettled arrears of at least `arrears_months` months on the day, and
/// only court-confirmed ones when `court_confirmed_only`.
fn fee_arrears(x: &Inputs<'_, '_>) -> Outcome {
    let (months_min, court_only) = (x.params.arrears_months, x.params.court_confirmed_only);
    records(x, |r| match r {
        Record::FeeArrears { since, months, court_confirmed, settled_on, .. }
            if *months >= months_min && (*court_confirmed || !court_only) =>
        {
            unended(*since, *settled_on, x.a.on)
        }
        _ => None,
    })
}

/// NL008: a conviction whose sentence is being served or was completed less than
/// `crime_lookback_years` before the day (only intentional crimes when `intentional_only`),
/// or an open criminal investigation (TZ Art 20; HUZ Art 17 "因涉嫌犯罪被羁押").
fn crime(x: &Inputs<'_, '_>) -> Outcome {
    let (years, intentional_only, on) = (x.params.crime_lookback_years, x.params.intentional_only, x.a.on);
    records(x, |r| match r {
        Record::CriminalConviction { date, sentence_completed_on, intentional } => {
            if *date > on || (intentional_only && !intentional) {
                return None;
            }
            match sentence_completed_on {
                // Still serving: the judgment date is what the record shows.
                None => Some((*date, None)),
                // Completed after the day: served on the day, and barred for `years` after.
                Some(done) => less_than_years_after(*done, years, on)
                    .or_else(|| (*done > on).then(|| (*done, add_years(*done, years)))),
            }
        }
        Record::UnderCriminalInvestigation { from, to } => unended(*from, *to, on),
        _ => None,
    })
}

/// NL011: days of residence in the compound in the 12 months before the day, against the
/// length of the `residency_months` months before the day. A residency period's `to` is its
/// last day. Without residency records an owner is taken to reside (CONFIG.md); anyone else
/// cannot be judged.
fn residency(x: &Inputs<'_, '_>) -> Outcome {
    let Some(months) = x.params.residency_months else { return Outcome::Passes };
    let (on, c) = (x.a.on, x.a.compound);
    let Some(periods) = &x.a.person.residency else {
        return if x.index.owns_unit(c, x.a.person.id.as_str()) {
            Outcome::Passes
        } else {
            Outcome::NotEnoughData(Missing::Residency)
        };
    };
    let (Some(start), Some(need_from)) = (sub_months(on, 12), sub_months(on, months)) else {
        return Outcome::NotEnoughData(Missing::Residency);
    };
    // Half-open spans [from, end) inside [start, on), merged so that no day counts twice.
    let mut spans: Vec<(NaiveDate, NaiveDate)> = periods
        .iter()
        .filter(|r| r.compound == c.id)
        .filter_map(|r| {
            let from = r.from.max(start);
            let end = r.to.and_then(|t| t.succ_opt()).map_or(on, |e| e.min(on));
            (from < end).then_some((from, end))
        })
        .collect();
    spans.sort_unstable();
    let mut days: u64 = 0;
    let mut cursor = start;
    for (from, end) in spans {
        let from = from.max(cursor);
        if end > from {
            let n = u64::try_from(end.signed_duration_since(from).num_days()).unwrap_or(0);
            days = days.saturating_add(n);
            cursor = end;
        }
    }
    let required = u64::try_from(on.signed_duration_since(need_from).num_days()).unwrap_or(0);
    if days >= required {
        Outcome::Passes
    } else {
        Outcome::Fails(vec![Reason::Residency { resided_days: days, required_days: required, required_months: months }])
    }
}
