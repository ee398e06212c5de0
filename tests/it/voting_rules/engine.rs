//! The tally engine on small documents built in code: the boundaries of 民法典 Art 278 and SPC
//! Art 9, invalid ballots, scope, and agreement with a naive reference tally (proptest).

use proptest::prelude::*;
use rust_decimal::Decimal;
use xiaoqu::model::{
    Area, Assembly, AssemblyId, Ballot, BuildingId, Channel, Choice, Compound, Matter, MatterId, MatterKind, MatterRef,
    OrgId, PersonId, Scope, Unit, UnitId,
};
use xiaoqu::policy::Abstention;
use xiaoqu::voting::{self, AssemblyTally, Exclusion, HeadKey, Majority, ResolutionStatus};

use crate::support::{bare_compound, d};

const ORDINARY: MatterKind = MatterKind::AmendCovenant;
const SPECIAL: MatterKind = MatterKind::RaiseMaintenanceFund;

fn area(s: &str) -> Area {
    s.parse().unwrap()
}

/// A unit `u{i}` in building `b-x` with these owners.
fn unit(i: usize, a: &str, owners: &[&str]) -> Unit {
    Unit {
        id: UnitId::new(&format!("u{i}")).unwrap(),
        building: BuildingId::new("b-x").unwrap(),
        area: area(a),
        owners: owners.iter().map(|p| PersonId::new(p).unwrap()).collect(),
        developer_held: None,
    }
}

/// A unit `u{i}` held by developer `dev`.
fn dev_unit(i: usize, a: &str) -> Unit {
    Unit { developer_held: Some(OrgId::new("dev").unwrap()), ..unit(i, a, &[]) }
}

/// A compound of these units (one owner `p{i}` each when built by [`singles`]).
fn compound(units: Vec<Unit>) -> Compound {
    let mut c = bare_compound("c-t");
    c.units = units;
    c
}

/// `n` units of the given areas, each with its own owner `p{i}`.
fn singles(areas: &[&str]) -> Compound {
    compound(areas.iter().enumerate().map(|(i, a)| unit(i, a, &[&format!("p{i}")])).collect())
}

/// A ballot of unit `u{i}` by its first owner (or `dev-m` for a developer unit), cast in the window.
fn ballot(c: &Compound, i: usize, choice: Choice) -> Ballot {
    let u = &c.units[i];
    let voter = u.owners.first().cloned().unwrap_or_else(|| PersonId::new("dev-m").unwrap());
    Ballot {
        unit: u.id.clone(),
        voter,
        proxy_for: None,
        cast_on: d("2024-06-05"),
        choices: [(MatterId::new("m").unwrap(), choice)].into_iter().collect(),
    }
}

/// An assembly with one matter `m` of `kind`, window 2024-06-01..=2024-06-15, and these ballots.
fn vote(kind: MatterKind, ballots: Vec<Ballot>) -> Assembly {
    Assembly {
        id: AssemblyId::new("a").unwrap(),
        scope: Scope::Compound,
        channel: Channel::Paper,
        notice_published_on: d("2024-05-15"),
        opened_on: d("2024-06-01"),
        closed_on: d("2024-06-15"),
        matters: vec![Matter {
            id: MatterId::new("m").unwrap(),
            kind,
            title: "t".into(),
            amount: None,
            election: None,
            declared_result: None,
        }],
        ballots,
    }
}

/// Tallies `choices[i]` for unit `i` (`None`: no ballot) on one matter of `kind`.
fn run(c: &Compound, kind: MatterKind, choices: &[Option<Choice>], abstention: Abstention) -> AssemblyTally {
    let ballots = choices.iter().enumerate().filter_map(|(i, ch)| ch.map(|ch| ballot(c, i, ch))).collect();
    voting::tally_assembly(c, &vote(kind, ballots), abstention)
}

use Choice::{Abstain as A, Against as N, For as F};

#[test]
fn exactly_two_thirds_on_both_axes_meets_quorum() {
    // 6 heads, 60.00 m²: 4 heads and 40.00 m² is exactly 2/3 of each (三分之二以上 includes it).
    let c = singles(&["10.00"; 6]);
    let t = run(&c, ORDINARY, &[Some(F), Some(F), Some(F), Some(F), None, None], Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert_eq!((m.area().total, m.heads().total.0), (area("60.00"), 6));
    assert_eq!((m.area().participating, m.heads().participating.0), (area("40.00"), 4));
    assert!(m.quorum_met() && m.passed());
    assert_eq!(m.missing_for_quorum().heads.0, 0);
    assert_eq!(m.missing_for_quorum().area, Area::ZERO);
    assert_eq!(m.quorum().needed().area, area("40.00"));
    assert_eq!(m.quorum().needed().heads.0, 4);
}

#[test]
fn one_head_fewer_fails_quorum_even_with_two_thirds_of_the_area() {
    // 90.00 m², 6 heads; u0–u2 hold 60.00 m² (exactly 2/3) but are 3 heads of 6.
    let c = singles(&["20.00", "20.00", "20.00", "10.00", "10.00", "10.00"]);
    let t = run(&c, ORDINARY, &[Some(F), Some(F), Some(F), None, None, None], Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert_eq!(m.quorum().axes(), (true, false));
    assert!(!m.quorum_met() && !m.passed());
    assert!(m.approved(), "approval alone does not pass a matter");
    assert_eq!(m.missing_for_quorum().heads.0, 1);
    assert_eq!(m.missing_for_quorum().area, Area::ZERO);
    // One more head (u3) makes 4 of 6: met.
    let t = run(&c, ORDINARY, &[Some(F), Some(F), Some(F), Some(F), None, None], Abstention::NotCounted);
    assert!(t.matter("m").unwrap().passed());
}

#[test]
fn a_hair_under_two_thirds_of_the_area_fails_quorum() {
    // u0, u1, u3, u4 are 4 heads of 6 and 60.00 of 90.00 m²: met.
    let c = singles(&["20.00", "20.00", "20.00", "10.00", "10.00", "10.00"]);
    let who = [Some(F), Some(F), None, Some(F), Some(F), None];
    assert!(run(&c, ORDINARY, &who, Abstention::NotCounted).matter("m").unwrap().quorum_met());
    // Move 0.01 m² from u4 (votes) to u5 (does not): same total, 59.99 participating.
    let c = singles(&["20.00", "20.00", "20.00", "10.00", "9.99", "10.01"]);
    let t = run(&c, ORDINARY, &who, Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert_eq!(m.quorum().axes(), (false, true));
    assert_eq!(m.missing_for_quorum().area, area("0.01"));
    assert_eq!(m.missing_for_quorum().heads.0, 0);
}

#[test]
fn exactly_half_does_not_approve() {
    // 4 participants of 4, equal areas: 2 for, 2 against is half, not more than half (过半数).
    let c = singles(&["10.00"; 4]);
    let t = run(&c, ORDINARY, &[Some(F), Some(F), Some(N), Some(N)], Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert!(m.quorum_met());
    assert_eq!(m.approval().axes(), (false, false));
    assert_eq!(m.missing_for_approval().heads.0, 1);
    assert_eq!(m.missing_for_approval().area, area("0.01"));
    assert_eq!(m.approval().needed().area, area("20.01"));
    // Half the heads but more than half the area still fails: both axes are needed.
    let c = singles(&["10.01", "10.00", "10.00", "10.00"]);
    let t = run(&c, ORDINARY, &[Some(F), Some(F), Some(N), Some(N)], Abstention::NotCounted);
    assert_eq!(t.matter("m").unwrap().approval().axes(), (true, false));
    // 3 of 4: approved.
    let t = run(&c, ORDINARY, &[Some(F), Some(F), Some(F), Some(N)], Abstention::NotCounted);
    assert!(t.matter("m").unwrap().passed());
}

#[test]
fn exactly_three_quarters_passes_a_special_matter_and_a_hair_under_fails() {
    // 4 of 6 heads take part (quorum); 3 for and 1 against: exactly 3/4 of area and heads.
    let c = singles(&["10.00", "10.00", "10.00", "10.00", "10.00", "10.00"]);
    let who = [Some(F), Some(F), Some(F), Some(N), None, None];
    let t = run(&c, SPECIAL, &who, Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert_eq!(m.majority(), Majority::Special);
    assert!(m.passed(), "四分之三以上 includes 3/4");
    assert_eq!(m.approval().needed().area, area("30.00"));
    // 0.01 m² moved from a for-unit to the against-unit: 29.99 of 40.00 m² is under 3/4.
    let c = singles(&["10.00", "10.00", "9.99", "10.01", "10.00", "10.00"]);
    let t = run(&c, SPECIAL, &who, Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert_eq!(m.approval().axes(), (false, true));
    assert_eq!(m.missing_for_approval().area, area("0.01"));
    assert!(!m.passed());
    // The same votes pass an ordinary matter.
    assert!(run(&c, ORDINARY, &who, Abstention::NotCounted).matter("m").unwrap().passed());
}

#[test]
fn a_two_unit_owner_is_one_head() {
    // p0 owns u0 and u1; p2, p3, p4 own one each. For: u0, u1 (p0), u2. Against: u3, u4.
    let c = compound(vec![
        unit(0, "10.00", &["p0"]),
        unit(1, "10.00", &["p0"]),
        unit(2, "10.00", &["p2"]),
        unit(3, "10.00", &["p3"]),
        unit(4, "10.00", &["p4"]),
    ]);
    let who = [Some(F), Some(F), Some(F), Some(N), Some(N)];
    // Counted per unit it would pass: 3 of 5 units, 30 of 50 m².
    let per_unit_for = who.iter().filter(|c| **c == Some(F)).count();
    assert!(per_unit_for * 2 > who.len());
    let t = run(&c, ORDINARY, &who, Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert_eq!(m.heads().total.0, 4, "five units, four heads");
    assert_eq!((m.heads().in_favour.0, m.heads().against.0), (2, 2));
    assert_eq!(m.area().in_favour, area("30.00"));
    assert_eq!(m.approval().axes(), (true, false));
    assert!(!m.passed(), "per owner it is 2 of 4 heads: not more than half");
    assert!(t.heads().iter().any(|h| h.units().len() == 2 && *h.key() == HeadKey::Owners(vec!["p0".parse().unwrap()])));
}

#[test]
fn three_developer_units_are_one_head() {
    let c = compound(vec![
        dev_unit(0, "10.00"),
        dev_unit(1, "10.00"),
        dev_unit(2, "10.00"),
        unit(3, "10.00", &["p3"]),
        unit(4, "10.00", &["p4"]),
        unit(5, "10.00", &["p5"]),
    ]);
    let who = [Some(F), Some(F), Some(F), Some(F), Some(N), Some(N)];
    let t = run(&c, ORDINARY, &who, Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert_eq!(t.total().heads.0, 4, "six units, four heads");
    assert_eq!((m.heads().in_favour.0, m.heads().against.0), (2, 2));
    assert!(!m.passed(), "4 of 6 units would pass; 2 of 4 heads does not");
    assert_eq!(t.heads()[0].key(), &HeadKey::Developer("dev".parse().unwrap()));
}

#[test]
fn co_ownership_links_heads() {
    // p0 owns u0; u1 is co-owned by p0 and p1; p1 owns u2: one head. p3 owns u3.
    let c = compound(vec![
        unit(0, "10.00", &["p0"]),
        unit(1, "10.00", &["p0", "p1"]),
        unit(2, "10.00", &["p1"]),
        unit(3, "10.00", &["p3"]),
    ]);
    let t = run(&c, ORDINARY, &[None; 4], Abstention::NotCounted);
    assert_eq!(t.total().heads.0, 2);
    assert_eq!(t.heads()[0].key(), &HeadKey::Owners(vec!["p0".parse().unwrap(), "p1".parse().unwrap()]));
    // A co-owned unit alone is one head, not one per co-owner.
    let c = compound(vec![unit(0, "10.00", &["p0", "p1"]), unit(1, "10.00", &["p2"])]);
    assert_eq!(run(&c, ORDINARY, &[None; 2], Abstention::NotCounted).total().heads.0, 2);
}

#[test]
fn abstentions_participate_but_do_not_approve() {
    let c = singles(&["10.00"; 4]);
    let who = [Some(F), Some(F), Some(A), Some(A)];
    let t = run(&c, ORDINARY, &who, Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert!(m.quorum_met(), "abstentions count as participation");
    assert_eq!(m.heads().abstaining.0, 2);
    assert!(!m.approved(), "2 for of 4 participating is not more than half");
    // Under a covenant where abstentions follow the majority, for leads (2 to 0) and takes them.
    let t = run(&c, ORDINARY, &who, Abstention::FollowMajority);
    let m = t.matter("m").unwrap();
    assert_eq!(m.approving().heads.0, 4);
    assert!(m.passed());
    // With against leading they join against: still not approved.
    let t = run(&c, ORDINARY, &[Some(F), Some(N), Some(N), Some(A)], Abstention::FollowMajority);
    assert_eq!(t.matter("m").unwrap().approving().heads.0, 1);
}

#[test]
fn a_split_owner_counts_as_one_abstaining_head() {
    let c = compound(vec![unit(0, "10.00", &["p0"]), unit(1, "30.00", &["p0"]), unit(2, "10.00", &["p2"])]);
    let t = run(&c, ORDINARY, &[Some(F), Some(N), Some(F)], Abstention::NotCounted);
    let m = t.matter("m").unwrap();
    assert_eq!(m.split_heads(), &[0]);
    assert_eq!((m.heads().in_favour.0, m.heads().abstaining.0, m.heads().participating.0), (1, 1, 2));
    assert_eq!((m.area().in_favour, m.area().against), (area("20.00"), area("30.00")));
}

#[test]
fn invalid_ballots_do_not_count() {
    let mut c = singles(&["10.00"; 4]);
    c.units[3].building = BuildingId::new("b-y").unwrap();
    let mut outside = ballot(&c, 1, F);
    outside.cast_on = d("2024-06-16");
    let mut stranger = ballot(&c, 2, F);
    stranger.voter = PersonId::new("p9").unwrap();
    let mut proxy = ballot(&c, 2, F);
    proxy.voter = PersonId::new("p9").unwrap();
    proxy.proxy_for = Some(PersonId::new("p2").unwrap());
    let mut unknown = ballot(&c, 0, F);
    unknown.unit = UnitId::new("u-none").unwrap();
    let ballots = vec![ballot(&c, 0, F), ballot(&c, 0, N), outside, stranger, proxy, unknown, ballot(&c, 3, F)];
    let mut a = vote(ORDINARY, ballots);
    a.scope = Scope::Building(BuildingId::new("b-x").unwrap());
    let t = voting::tally_assembly(&c, &a, Abstention::NotCounted);
    let why: Vec<_> = t.ballots().iter().map(xiaoqu::voting::BallotOutcome::excluded).collect();
    assert_eq!(
        why,
        [
            None,
            Some(Exclusion::DuplicateUnit),
            Some(Exclusion::OutsideWindow),
            Some(Exclusion::VoterNotEntitled),
            None,
            Some(Exclusion::UnknownUnit),
            Some(Exclusion::OutOfScope),
        ]
    );
    let m = t.matter("m").unwrap();
    assert_eq!((t.total().heads.0, t.total().area), (3, area("30.00")), "the scope is building b-x");
    assert_eq!((m.heads().participating.0, m.heads().in_favour.0), (2, 2), "the first ballot of u0 and the proxy");
}

#[test]
fn developer_votes_are_checked_against_its_members_when_organisations_are_given() {
    let c = compound(vec![dev_unit(0, "10.00"), unit(1, "10.00", &["p1"])]);
    let a = vote(ORDINARY, vec![ballot(&c, 0, F), ballot(&c, 1, F)]);
    assert!(voting::tally_assembly(&c, &a, Abstention::NotCounted).ballots().iter().all(|b| b.excluded().is_none()));
    let cfg = crate::support::example();
    let t = voting::tally_assembly_with_orgs(&c, &a, Abstention::NotCounted, &cfg.organizations);
    assert_eq!(t.ballots()[0].excluded(), Some(Exclusion::VoterNotEntitled), "no org `dev` with member `dev-m`");
}

#[test]
fn resolution_status_reads_the_tally() {
    let c = singles(&["10.00"; 3]);
    let mut c2 = c.clone();
    let mut a = vote(ORDINARY, vec![ballot(&c, 0, F), ballot(&c, 1, F), ballot(&c, 2, N)]);
    a.matters[0].declared_result = Some(xiaoqu::model::DeclaredResult::Failed);
    c2.assemblies.push(a.clone());
    let r = MatterRef { assembly: a.id.clone(), matter: MatterId::new("m").unwrap() };
    assert_eq!(
        voting::resolution_status(&c2, &r, Abstention::NotCounted),
        ResolutionStatus::Passed { closed_on: d("2024-06-15"), kind: ORDINARY, amount: None },
        "by tally, whatever was declared"
    );
    c2.assemblies[0].ballots[1].choices = [(MatterId::new("m").unwrap(), N)].into_iter().collect();
    assert_eq!(
        voting::resolution_status(&c2, &r, Abstention::NotCounted),
        ResolutionStatus::NotPassed { closed_on: d("2024-06-15"), kind: ORDINARY }
    );
    let nowhere = MatterRef { assembly: a.id.clone(), matter: MatterId::new("m-9").unwrap() };
    assert_eq!(voting::resolution_status(&c2, &nowhere, Abstention::NotCounted), ResolutionStatus::Unresolved);
}

#[test]
fn huge_areas_overflow_without_panicking() {
    let max = Decimal::MAX.to_string();
    let c = singles(&[&max, &max, "1.00"]);
    let t = run(&c, ORDINARY, &[Some(F), Some(F), Some(F)], Abstention::NotCounted);
    assert!(t.overflowed());
    assert!(!t.matter("m").unwrap().passed() && !t.matter("m").unwrap().quorum_met());
}

// ---------------------------------------------------------------------------------------------
// A naive reference tally: straightforward loops over units, with Decimal arithmetic.

#[derive(Debug, Clone)]
struct Case {
    /// Per unit: area in hundredths, owners (indices into p0..p5), developer-held.
    units: Vec<(i64, Vec<usize>, bool)>,
    /// Per unit: its ballot's choice, if any.
    votes: Vec<Option<Choice>>,
    special: bool,
    follow: bool,
}

fn case() -> impl Strategy<Value = Case> {
    let unit = (1i64..=30_000, prop::collection::btree_set(0usize..6, 1..=2), prop::bool::weighted(0.15))
        .prop_map(|(a, o, dev)| (a, o.into_iter().collect::<Vec<_>>(), dev));
    let choice = prop_oneof![Just(None), Just(Some(F)), Just(Some(N)), Just(Some(A)), Just(Some(F))];
    (prop::collection::vec(unit, 1..=10), any::<bool>(), any::<bool>()).prop_flat_map(
        move |(units, special, follow)| {
            let n = units.len();
            (Just(units), prop::collection::vec(choice.clone(), n), Just(special), Just(follow))
                .prop_map(|(units, votes, special, follow)| Case { units, votes, special, follow })
        },
    )
}

fn build(k: &Case) -> Compound {
    compound(
        k.units
            .iter()
            .enumerate()
            .map(|(i, (a, owners, dev))| {
                let a = Decimal::new(*a, 2).to_string();
                if *dev {
                    dev_unit(i, &a)
                } else {
                    let names: Vec<String> = owners.iter().map(|o| format!("p{o}")).collect();
                    unit(i, &a, &names.iter().map(String::as_str).collect::<Vec<_>>())
                }
            })
            .collect(),
    )
}

/// Heads by repeated merging: two units are one head when both are the developer's, or they
/// share an owner; merge until nothing changes.
fn naive_heads(k: &Case) -> Vec<usize> {
    let n = k.units.len();
    let mut label: Vec<usize> = (0..n).collect();
    loop {
        let mut changed = false;
        for i in 0..n {
            for j in 0..n {
                let (ui, uj) = (&k.units[i], &k.units[j]);
                let same = if ui.2 || uj.2 { ui.2 && uj.2 } else { ui.1.iter().any(|o| uj.1.contains(o)) };
                if same && label[i] != label[j] {
                    let m = label[i].min(label[j]);
                    label[i] = m;
                    label[j] = m;
                    changed = true;
                }
            }
        }
        if !changed {
            return label;
        }
    }
}

proptest! {
    #![proptest_config(crate::properties::config())]

    #[test]
    fn engine_agrees_with_a_naive_tally(k in case()) {
        let c = build(&k);
        let kind = if k.special { SPECIAL } else { ORDINARY };
        let abstention = if k.follow { Abstention::FollowMajority } else { Abstention::NotCounted };
        let t = run(&c, kind, &k.votes, abstention);
        let m = t.matter("m").unwrap();

        let hundredths = |h: i64| Decimal::new(h, 2);
        let labels = naive_heads(&k);
        let mut distinct = labels.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let total_heads = Decimal::from(distinct.len());
        let total_area: Decimal = k.units.iter().map(|u| hundredths(u.0)).sum();
        let (mut pa, mut fa, mut na, mut aa) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (u, v) in k.units.iter().zip(&k.votes) {
            match v {
                Some(F) => fa += hundredths(u.0),
                Some(N) => na += hundredths(u.0),
                Some(A) => aa += hundredths(u.0),
                None => continue,
            }
            pa += hundredths(u.0);
        }
        let (mut ph, mut fh, mut nh, mut ah) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for head in &distinct {
            let mut seen: Vec<Choice> = Vec::new();
            for (i, v) in k.votes.iter().enumerate() {
                match v {
                    Some(v) if labels[i] == *head && !seen.contains(v) => seen.push(*v),
                    _ => {}
                }
            }
            match seen.as_slice() {
                [] => continue,
                [F] => fh += Decimal::ONE,
                [N] => nh += Decimal::ONE,
                _ => ah += Decimal::ONE,
            }
            ph += Decimal::ONE;
        }
        let dec = |a: Area| a.value();
        let n = |h: xiaoqu::model::Headcount| Decimal::from(h.0);
        prop_assert_eq!(dec(m.area().total), total_area);
        prop_assert_eq!((dec(m.area().participating), dec(m.area().in_favour)), (pa, fa));
        prop_assert_eq!((dec(m.area().against), dec(m.area().abstaining)), (na, aa));
        prop_assert_eq!((n(m.heads().total), n(m.heads().participating)), (total_heads, ph));
        prop_assert_eq!((n(m.heads().in_favour), n(m.heads().against), n(m.heads().abstaining)), (fh, nh, ah));

        let follow = |f: Decimal, against: Decimal, abst: Decimal| if k.follow && f > against { f + abst } else { f };
        let (fa, fh) = (follow(fa, na, aa), follow(fh, nh, ah));
        let two = Decimal::TWO;
        let three = Decimal::from(3);
        let four = Decimal::from(4);
        let quorum = pa * three >= total_area * two && ph * three >= total_heads * two && ph > Decimal::ZERO;
        let approve = |f: Decimal, p: Decimal| if k.special { f * four >= p * three && f > Decimal::ZERO } else { f * two > p };
        let approved = approve(fa, pa) && approve(fh, ph);
        prop_assert_eq!(m.quorum_met(), quorum);
        prop_assert_eq!(m.approved(), approved);
        prop_assert_eq!(m.passed(), quorum && approved);

        // What is missing is exactly enough: adding it meets the test, one step less does not.
        let cent = Decimal::new(1, 2);
        let qm = m.missing_for_quorum();
        prop_assert!((pa + dec(qm.area)) * three >= total_area * two);
        prop_assert!(qm.area.value().is_zero() || (pa + dec(qm.area) - cent) * three < total_area * two);
        prop_assert!((ph + n(qm.heads)) * three >= total_heads * two);
        prop_assert!(qm.heads.0 == 0 || (ph + n(qm.heads) - Decimal::ONE) * three < total_heads * two);
        let am = m.missing_for_approval();
        prop_assert!(approve(fa + dec(am.area), pa));
        prop_assert!(am.area.value().is_zero() || !approve(fa + dec(am.area) - cent, pa));
        prop_assert!(approve(fh + n(am.heads), ph));
        prop_assert!(am.heads.0 == 0 || !approve(fh + n(am.heads) - Decimal::ONE, ph));
    }
}
