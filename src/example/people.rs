//! Person records and ids.

use chrono::NaiveDate;

use super::calendar;
use super::names;
use super::rng::Rng;
use crate::model::{
    CivilCapacity, Employment, IdError, OrgId, PartyMembership, PartyStatus, Person, PersonId, Relation, Relative,
};

/// Everything the generator builds may only fail on an id it wrote itself, which the id formats
/// of this module rule out (see [`super::generate`]).
pub(super) type Gen<T> = Result<T, IdError>;

/// Builds an id of any kind from generated text.
pub(super) fn id<T: std::str::FromStr<Err = IdError>>(s: &str) -> Gen<T> {
    s.parse()
}

/// A person born between 1 January of `born.0` and 31 December of `born.1`, not a party member,
/// with full capacity and nothing else recorded.
pub(super) fn person(rng: &mut Rng, pid: &str, born: (i32, i32)) -> Gen<Person> {
    Ok(Person {
        id: id(pid)?,
        name: names::person(rng),
        birth_date: Some(birth(rng, born)),
        civil_capacity: CivilCapacity::Full,
        party: None,
        relatives: Vec::new(),
        employment: Vec::new(),
        residency: None,
        records: Vec::new(),
    })
}

/// A birth date in the years `born.0..=born.1`.
pub(super) fn birth(rng: &mut Rng, born: (i32, i32)) -> NaiveDate {
    let year = i32::try_from(
        rng.range(u64::try_from(born.0).unwrap_or(1950), u64::try_from(born.1.max(born.0)).unwrap_or(1950)),
    )
    .unwrap_or(1960);
    let start = calendar::year_start(year).unwrap_or(NaiveDate::MIN);
    calendar::days(start, i64::try_from(rng.below(365)).unwrap_or(0))
}

/// Party membership for someone born on `birth`, joined in their twenties and at least five
/// years before `as_of` (so before any election the generator dates), never before 18.
pub(super) fn membership(rng: &mut Rng, birth: NaiveDate, as_of: NaiveDate) -> PartyMembership {
    use chrono::Datelike;
    let age_joined = i64::try_from(rng.range(21, 32)).unwrap_or(25);
    let joined = calendar::months(birth, age_joined.saturating_mul(12).saturating_add(rng_months(rng)));
    let latest = calendar::years_before(as_of, 5);
    let joined = joined.min(latest).max(calendar::months(birth, 18 * 12 + 6));
    let status = if birth.year() < as_of.year().saturating_sub(62) {
        PartyStatus::Retired
    } else if rng.chance(12) {
        PartyStatus::NoPost
    } else {
        PartyStatus::InService
    };
    PartyMembership { status, joined_on: Some(joined) }
}

fn rng_months(rng: &mut Rng) -> i64 {
    i64::try_from(rng.below(12)).unwrap_or(0)
}

/// Records `b` as `a`'s spouse (on `a`'s side only: the index makes relations symmetric).
pub(super) fn marry(a: &mut Person, b: &PersonId) {
    a.relatives.push(Relative { person: b.clone(), relation: Relation::Spouse });
}

/// An employment from `from`, open-ended.
pub(super) fn job(org: &OrgId, role: &str, from: NaiveDate) -> Employment {
    Employment { org: org.clone(), role: role.to_owned(), from, to: None }
}

/// A person of the district's offices: born 1965–1992, employed by `org` since `since`.
pub(super) fn official(
    rng: &mut Rng,
    pid: &str,
    org: &OrgId,
    role: &str,
    since: NaiveDate,
    party: bool,
    as_of: NaiveDate,
) -> Gen<Person> {
    let mut p = person(rng, pid, (1965, 1992))?;
    p.employment.push(job(org, role, since));
    if party {
        let born = p.birth_date.unwrap_or(NaiveDate::MIN);
        p.party = Some(membership(rng, born, as_of));
    }
    Ok(p)
}
