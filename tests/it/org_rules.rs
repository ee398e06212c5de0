//! ORG family: each rule passes on the reference example, fails on a document built to break it
//! (the change is the one mutation in each test), and holds at its boundary.
//!
//! Reference branch `br-guokeyuan`: secretary p-01, committee p-01..p-03, roll p-01, p-02, p-03,
//! p-06, p-07 (all party members); building groups b-1 (leader p-07) and b-2 (leader p-03);
//! one liaison household, p-06 in u-2-102, linking the other 11 units.

use xiaoqu::model::{Area, Building, BuildingId, CompoundId, OrgId, Residency, Unit, UnitId};
use xiaoqu::policy::ParamValue;
use xiaoqu::queries::org::{ChainLevel, households_covered, party_chain, uncovered_buildings};
use xiaoqu::{GovernanceConfig, Index, Policy, Report, RuleCode, RuleSetting, Severity};

use crate::support::{assert_finding, assert_no, audit, d, example, mutated, pid};

const ORG: [RuleCode; 9] = [
    RuleCode::Org001,
    RuleCode::Org002,
    RuleCode::Org003,
    RuleCode::Org004,
    RuleCode::Org005,
    RuleCode::Org006,
    RuleCode::Org007,
    RuleCode::Org008,
    RuleCode::Org009,
];

fn uid(s: &str) -> UnitId {
    UnitId::new(s).unwrap()
}

fn fact(r: &Report, code: RuleCode, subject: &str, key: &str) -> String {
    let f = r.with_code(code).find(|d| d.subject() == subject).unwrap_or_else(|| panic!("no {code} on {subject}"));
    f.fact(key).map_or_else(|| panic!("no fact `{key}`"), ToString::to_string)
}

fn branch(c: &mut GovernanceConfig) -> &mut xiaoqu::model::PartyBranch {
    c.compounds[0].party_branch.as_mut().unwrap()
}

fn audit_with(cfg: &GovernanceConfig, f: impl FnOnce(&mut Policy)) -> Report {
    let mut policy = Policy::default();
    f(&mut policy);
    xiaoqu::audit(cfg, &policy)
}

#[test]
fn reference_example_passes_every_org_rule() {
    let r = audit(&example());
    for code in ORG {
        assert_no(&r, code);
    }
    let cfg = example();
    let index = Index::build(&cfg);
    assert!(party_chain(&index, &cfg.compounds[0]).is_complete());
    assert!(uncovered_buildings(&cfg.compounds[0]).is_empty());
    assert_eq!(households_covered(&cfg.compounds[0]), 12);
}

// ORG001 ---------------------------------------------------------------------------------------

#[test]
fn org001_compound_without_branch() {
    let cfg = mutated(|c| c.compounds[0].party_branch = None);
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org001, "c-guokeyuan", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch");
    assert_eq!(f.citation(), "党建引领小区治理实践 (domain-rules.md R143, R154)");
    assert_eq!(f.basis(), xiaoqu::Basis::Practice);
    // Practice rule: off under `national`.
    let national = xiaoqu::audit(&cfg, &Policy::preset("national").unwrap());
    assert_no(&national, RuleCode::Org001);
}

#[test]
fn org001_joint_and_grid_branches_count() {
    for kind in [xiaoqu::model::BranchKind::Joint, xiaoqu::model::BranchKind::Grid] {
        let cfg = mutated(|c| branch(c).kind = kind);
        assert_no(&audit(&cfg), RuleCode::Org001);
    }
}

// ORG002 ---------------------------------------------------------------------------------------

#[test]
fn org002_committee_member_not_on_roll() {
    // p-12 is a party member of the community committee, not of this branch.
    let cfg = mutated(|c| branch(c).committee.push(pid("p-12")));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org002, "p-12", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.committee[3]");
    assert_eq!(fact(&r, RuleCode::Org002, "p-12", "branch"), "br-guokeyuan");
    assert_eq!(fact(&r, RuleCode::Org002, "p-12", "party_member"), "true");
    assert_eq!(fact(&r, RuleCode::Org002, "p-12", "branch_member"), "false");
    assert_eq!(f.citation(), "中国共产党章程 (domain-rules.md R143)");
    // A `reg` rule: on under `national` too.
    assert_finding(
        &xiaoqu::audit(&cfg, &Policy::preset("national").unwrap()),
        RuleCode::Org002,
        "p-12",
        Severity::Error,
    );
}

#[test]
fn org002_secretary_not_party_member_is_reported_once() {
    // p-04 is no party member; put them on the roll and in the chair.
    let cfg = mutated(|c| {
        let b = branch(c);
        b.members.push(pid("p-04"));
        b.secretary = pid("p-04");
        b.committee[0] = pid("p-04");
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org002, "p-04", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.secretary");
    assert_eq!(fact(&r, RuleCode::Org002, "p-04", "role"), "secretary");
    assert_eq!(fact(&r, RuleCode::Org002, "p-04", "party_member"), "false");
    assert_eq!(fact(&r, RuleCode::Org002, "p-04", "branch_member"), "true");
    assert_eq!(r.with_code(RuleCode::Org002).count(), 1, "secretary and committee seat: one finding");
    // ORG002 reports the officer; ORG003 leaves them to it.
    assert_no(&r, RuleCode::Org003);
    // With ORG002 off, ORG003 reports the same person as a member.
    let r = audit_with(&cfg, |p| p.set_rule(RuleCode::Org002, RuleSetting::Off));
    assert_finding(&r, RuleCode::Org003, "p-04", Severity::Error);
}

#[test]
fn org002_dangling_officer_is_left_to_cfg001() {
    let cfg = mutated(|c| branch(c).committee.push(pid("p-99")));
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Cfg001, "p-99", Severity::Error);
    assert_no(&r, RuleCode::Org002);
}

// ORG003 ---------------------------------------------------------------------------------------

#[test]
fn org003_member_without_party() {
    let cfg = mutated(|c| branch(c).members.push(pid("p-04")));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org003, "p-04", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.members[5]");
    assert_eq!(fact(&r, RuleCode::Org003, "p-04", "branch"), "br-guokeyuan");
    assert_eq!(r.with_code(RuleCode::Org003).count(), 1);
}

// ORG004 ---------------------------------------------------------------------------------------

#[test]
fn org004_exactly_three_party_members_pass() {
    let cfg = mutated(|c| {
        let b = branch(c);
        b.members = vec![pid("p-01"), pid("p-02"), pid("p-03")];
    });
    assert_no(&audit(&cfg), RuleCode::Org004);
}

#[test]
fn org004_two_party_members_fail() {
    // Three on the roll, but p-04 is no party member.
    let cfg = mutated(|c| branch(c).members = vec![pid("p-01"), pid("p-02"), pid("p-04")]);
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org004, "br-guokeyuan", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.members");
    assert_eq!(f.citation(), "中国共产党章程 第三十条");
    assert_eq!(fact(&r, RuleCode::Org004, "br-guokeyuan", "party_members"), "2");
    assert_eq!(fact(&r, RuleCode::Org004, "br-guokeyuan", "members"), "3");
    assert_eq!(fact(&r, RuleCode::Org004, "br-guokeyuan", "required"), "3");
}

#[test]
fn org004_a_member_listed_twice_counts_once() {
    let cfg = mutated(|c| branch(c).members = vec![pid("p-01"), pid("p-02"), pid("p-02")]);
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Org004, "br-guokeyuan", Severity::Error);
    assert_eq!(fact(&r, RuleCode::Org004, "br-guokeyuan", "party_members"), "2");
}

#[test]
fn org004_every_party_status_counts() {
    // Roll p-01 (retired), p-02 (in service), p-07 (no post); p-07 becomes floating.
    let cfg = mutated(|c| {
        branch(c).members = vec![pid("p-01"), pid("p-02"), pid("p-07")];
        let p07 = c.people.iter_mut().find(|p| p.id.as_str() == "p-07").unwrap();
        p07.party.as_mut().unwrap().status = xiaoqu::model::PartyStatus::Floating;
    });
    assert_no(&audit(&cfg), RuleCode::Org004);
}

// ORG005 ---------------------------------------------------------------------------------------

#[test]
fn org005_community_of_wrong_kind() {
    let cfg = mutated(|c| c.compounds[0].community = OrgId::new("org-rc-haixia").unwrap());
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org005, "c-guokeyuan", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].community");
    assert_eq!(fact(&r, RuleCode::Org005, "c-guokeyuan", "kind"), "residents_committee");
    assert_eq!(r.with_code(RuleCode::Org005).count(), 1, "the street link above a wrong link is not judged");
    let index = Index::build(&cfg);
    assert_eq!(party_chain(&index, &cfg.compounds[0]).broken(), [ChainLevel::Community]);
}

#[test]
fn org005_community_without_parent() {
    let cfg = mutated(|c| c.organizations[2].parent = None);
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org005, "c-guokeyuan", Severity::Error);
    assert_eq!(f.path().to_string(), "organizations[2].parent");
    assert_eq!(fact(&r, RuleCode::Org005, "c-guokeyuan", "community"), "org-community-haixia");
}

#[test]
fn org005_parent_of_wrong_kind() {
    let cfg = mutated(|c| c.organizations[2].parent = Some(OrgId::new("org-so-xiuying").unwrap()));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org005, "c-guokeyuan", Severity::Error);
    assert_eq!(f.path().to_string(), "organizations[2].parent");
    assert_eq!(fact(&r, RuleCode::Org005, "c-guokeyuan", "parent"), "org-so-xiuying");
    assert_eq!(fact(&r, RuleCode::Org005, "c-guokeyuan", "kind"), "street_office");
    let index = Index::build(&cfg);
    assert_eq!(party_chain(&index, &cfg.compounds[0]).broken(), [ChainLevel::Street]);
}

#[test]
fn org005_dangling_ids_are_left_to_cfg001() {
    let cfg = mutated(|c| c.compounds[0].community = OrgId::new("org-nowhere").unwrap());
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Cfg001, "org-nowhere", Severity::Error);
    assert_no(&r, RuleCode::Org005);
    let cfg = mutated(|c| c.organizations[2].parent = Some(OrgId::new("org-nowhere").unwrap()));
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Cfg001, "org-nowhere", Severity::Error);
    assert_no(&r, RuleCode::Org005);
}

#[test]
fn org005_missing_branch_is_org001_not_org005() {
    let cfg = mutated(|c| c.compounds[0].party_branch = None);
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Org001, "c-guokeyuan", Severity::Warning);
    assert_no(&r, RuleCode::Org005);
    let index = Index::build(&cfg);
    let chain = party_chain(&index, &cfg.compounds[0]);
    assert!(!chain.is_complete());
    assert_eq!(chain.broken(), [ChainLevel::Branch]);
}

// ORG006 ---------------------------------------------------------------------------------------

#[test]
fn org006_group_member_not_on_roll() {
    let cfg = mutated(|c| branch(c).building_groups[1].members.push(pid("p-12")));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org006, "p-12", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.building_groups[1].members[2]");
    assert_eq!(fact(&r, RuleCode::Org006, "p-12", "building"), "b-2");
    assert_eq!(fact(&r, RuleCode::Org006, "p-12", "role"), "member");
}

#[test]
fn org006_group_leader_not_on_roll_is_reported_once() {
    let cfg = mutated(|c| {
        let g = &mut branch(c).building_groups[0];
        g.leader = pid("p-12");
        g.members.push(pid("p-12"));
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org006, "p-12", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.building_groups[0].leader");
    assert_eq!(fact(&r, RuleCode::Org006, "p-12", "role"), "leader");
    assert_eq!(r.with_code(RuleCode::Org006).count(), 1);
}

// ORG007 ---------------------------------------------------------------------------------------

#[test]
fn org007_building_with_neither_group_nor_liaison() {
    let cfg = mutated(|c| {
        let b = branch(c);
        b.building_groups.retain(|g| g.building.as_str() != "b-2");
        b.liaison_households.clear();
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org007, "b-2", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].buildings[1]");
    assert_eq!(fact(&r, RuleCode::Org007, "b-2", "units"), "6");
    assert_eq!(fact(&r, RuleCode::Org007, "b-2", "reached"), "0");
    assert_eq!(r.with_code(RuleCode::Org007).count(), 1, "b-1 keeps its group");
    assert_eq!(uncovered_buildings(&cfg.compounds[0]).iter().map(|b| b.as_str()).collect::<Vec<_>>(), ["b-2"]);
}

#[test]
fn org007_liaison_reaching_every_unit_covers_a_building_without_group() {
    let cfg = mutated(|c| branch(c).building_groups.clear());
    assert_no(&audit(&cfg), RuleCode::Org007);
}

#[test]
fn org007_liaison_reaching_some_units_does_not_cover() {
    // No groups; the liaison household stops linking u-2-301 (still 10 links: ORG008 holds).
    let cfg = mutated(|c| {
        let b = branch(c);
        b.building_groups.clear();
        b.liaison_households[0].linked_units.retain(|u| u.as_str() != "u-2-301");
    });
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Org007, "b-2", Severity::Warning);
    assert_eq!(fact(&r, RuleCode::Org007, "b-2", "reached"), "5");
    assert_eq!(fact(&r, RuleCode::Org007, "b-2", "unreached"), "u-2-301");
    assert_no(&r, RuleCode::Org008);
    assert_eq!(r.with_code(RuleCode::Org007).count(), 1, "b-1 is fully linked");
    assert_eq!(households_covered(&cfg.compounds[0]), 11);
}

#[test]
fn org007_building_without_units_or_group() {
    let cfg = mutated(|c| {
        c.compounds[0].buildings.push(Building { id: BuildingId::new("b-3").unwrap(), name: "3栋".into() });
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org007, "b-3", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].buildings[2]");
    assert_eq!(fact(&r, RuleCode::Org007, "b-3", "units"), "0");
}

// ORG008 ---------------------------------------------------------------------------------------

/// The example with 20 more units in building b-2 (owned by p-10), and the liaison household
/// of p-06 linking `n` of them; `hardship` as given.
fn linking(n: usize, hardship: bool) -> GovernanceConfig {
    mutated(|c| {
        let extra: Vec<Unit> = (1..=20)
            .map(|i| Unit {
                id: uid(&format!("u-2-9{i:02}")),
                building: BuildingId::new("b-2").unwrap(),
                area: "80.00".parse::<Area>().unwrap(),
                owners: vec![pid("p-10")],
                developer_held: None,
            })
            .collect();
        let ids: Vec<UnitId> = extra.iter().take(n).map(|u| u.id.clone()).collect();
        c.compounds[0].units.extend(extra);
        let l = &mut branch(c).liaison_households[0];
        l.linked_units = ids;
        l.hardship = hardship;
    })
}

#[test]
fn org008_span_bounds_included() {
    for n in [10, 15] {
        assert_no(&audit(&linking(n, false)), RuleCode::Org008);
    }
}

#[test]
fn org008_span_outside_fails() {
    for n in [9, 16] {
        let r = audit(&linking(n, false));
        let f = assert_finding(&r, RuleCode::Org008, "p-06", Severity::Warning);
        assert_eq!(f.path().to_string(), "compounds[0].party_branch.liaison_households[0].linked_units");
        assert_eq!(fact(&r, RuleCode::Org008, "p-06", "linked"), n.to_string());
        assert_eq!(fact(&r, RuleCode::Org008, "p-06", "allowed"), "10..=15");
        assert_eq!(fact(&r, RuleCode::Org008, "p-06", "hardship"), "false");
    }
}

#[test]
fn org008_hardship_at_most_five() {
    assert_no(&audit(&linking(5, true)), RuleCode::Org008);
    assert_no(&audit(&linking(1, true)), RuleCode::Org008);
    for n in [6, 0] {
        let r = audit(&linking(n, true));
        assert_finding(&r, RuleCode::Org008, "p-06", Severity::Warning);
        assert_eq!(fact(&r, RuleCode::Org008, "p-06", "linked"), n.to_string());
        assert_eq!(fact(&r, RuleCode::Org008, "p-06", "allowed"), "1..=5");
    }
}

#[test]
fn org008_own_unit_and_repeats_do_not_count() {
    // Nine others, plus the member's own unit, plus a repeat: nine households.
    let cfg = mutated(|c| {
        let l = &mut branch(c).liaison_households[0];
        l.linked_units.truncate(9);
        l.linked_units.push(uid("u-2-102"));
        l.linked_units.push(uid("u-1-101"));
    });
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Org008, "p-06", Severity::Warning);
    assert_eq!(fact(&r, RuleCode::Org008, "p-06", "linked"), "9");
}

#[test]
fn org008_parameters_come_from_the_profile() {
    let cfg = linking(9, false);
    let r = audit_with(&cfg, |p| p.set_param("liaison_span", &ParamValue::Str("8..=12".into())).unwrap());
    assert_no(&r, RuleCode::Org008);
    let cfg = linking(6, true);
    let r = audit_with(&cfg, |p| p.set_param("liaison_hardship_max", &ParamValue::Int(6)).unwrap());
    assert_no(&r, RuleCode::Org008);
    let r = audit_with(&linking(7, true), |p| p.set_param("liaison_hardship_max", &ParamValue::Int(6)).unwrap());
    assert_eq!(fact(&r, RuleCode::Org008, "p-06", "allowed"), "1..=6");
}

// ORG009 ---------------------------------------------------------------------------------------

/// The example with p-07 (owner of u-1-202, not of u-2-102) as the liaison member of u-2-102.
fn tenant_liaison(residency: Option<Vec<Residency>>) -> GovernanceConfig {
    mutated(|c| {
        branch(c).liaison_households[0].member = pid("p-07");
        c.people.iter_mut().find(|p| p.id.as_str() == "p-07").unwrap().residency = residency;
    })
}

fn lives(compound: &str, from: &str, to: Option<&str>) -> Residency {
    Residency { compound: CompoundId::new(compound).unwrap(), from: d(from), to: to.map(d) }
}

#[test]
fn org009_non_owner_without_residency_fails() {
    let r = audit(&tenant_liaison(None));
    let f = assert_finding(&r, RuleCode::Org009, "p-07", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.liaison_households[0].member");
    assert_eq!(fact(&r, RuleCode::Org009, "p-07", "unit"), "u-2-102");
}

#[test]
fn org009_residency_covering_as_of_passes() {
    // as_of is 2025-09-05: a period ending that day still covers it.
    let cfg = tenant_liaison(Some(vec![lives("c-guokeyuan", "2020-01-01", Some("2025-09-05"))]));
    assert_no(&audit(&cfg), RuleCode::Org009);
    let cfg = tenant_liaison(Some(vec![lives("c-guokeyuan", "2025-09-05", None)]));
    assert_no(&audit(&cfg), RuleCode::Org009);
}

#[test]
fn org009_residency_ended_or_elsewhere_fails() {
    let cfg = tenant_liaison(Some(vec![lives("c-guokeyuan", "2020-01-01", Some("2025-09-04"))]));
    assert_finding(&audit(&cfg), RuleCode::Org009, "p-07", Severity::Warning);
    let cfg = tenant_liaison(Some(vec![lives("c-guokeyuan", "2025-09-06", None)]));
    assert_finding(&audit(&cfg), RuleCode::Org009, "p-07", Severity::Warning);
    let mut cfg = with_other_compound();
    cfg.compounds[0].party_branch.as_mut().unwrap().liaison_households[0].member = pid("p-07");
    cfg.people.iter_mut().find(|p| p.id.as_str() == "p-07").unwrap().residency =
        Some(vec![lives("c-other", "2020-01-01", None)]);
    assert_finding(&audit(&cfg), RuleCode::Org009, "p-07", Severity::Warning);
}

#[test]
fn org009_owner_passes_even_with_residency_elsewhere() {
    // p-06 owns u-2-102; a recorded move-out does not unmake the owner's household.
    let cfg = mutated(|c| {
        c.people.iter_mut().find(|p| p.id.as_str() == "p-06").unwrap().residency =
            Some(vec![lives("c-guokeyuan", "2000-01-01", Some("2010-01-01"))]);
    });
    assert_no(&audit(&cfg), RuleCode::Org009);
}

/// The example plus compound `c-other` with one building `b-x` and one unit `u-x-1` (owner p-10).
fn with_other_compound() -> GovernanceConfig {
    let mut cfg = example();
    let mut other = crate::support::bare_compound("c-other");
    other.units = vec![Unit {
        id: uid("u-x-1"),
        building: BuildingId::new("b-x").unwrap(),
        area: "80.00".parse::<Area>().unwrap(),
        owners: vec![pid("p-10")],
        developer_held: None,
    }];
    cfg.compounds.push(other);
    cfg
}

#[test]
fn org009_linked_unit_in_another_compound() {
    let mut cfg = with_other_compound();
    branch(&mut cfg).liaison_households[0].linked_units.push(uid("u-x-1"));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org009, "p-06", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.liaison_households[0].linked_units[11]");
    assert_eq!(fact(&r, RuleCode::Org009, "p-06", "in_compound"), "c-other");
    assert_eq!(fact(&r, RuleCode::Org009, "p-06", "linked_unit"), "u-x-1");
    // The foreign unit reaches nothing in this compound.
    assert_eq!(households_covered(&cfg.compounds[0]), 12);
}

#[test]
fn org009_own_unit_in_another_compound() {
    let mut cfg = with_other_compound();
    branch(&mut cfg).liaison_households[0].unit = uid("u-x-1");
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Org009, "p-06", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.liaison_households[0].unit");
    assert_eq!(r.with_code(RuleCode::Org009).count(), 1, "the residence of a foreign unit is not judged again");
}

// Queries and rules agree ----------------------------------------------------------------------

#[test]
fn uncovered_buildings_are_exactly_the_org007_subjects() {
    let cfg = mutated(|c| {
        c.compounds[0].buildings.push(Building { id: BuildingId::new("b-3").unwrap(), name: "3栋".into() });
        let b = branch(c);
        b.building_groups.clear();
        b.liaison_households[0].linked_units.retain(|u| !u.as_str().starts_with("u-1-"));
    });
    let r = audit(&cfg);
    let mut subjects: Vec<&str> = r.with_code(RuleCode::Org007).map(xiaoqu::Diagnostic::subject).collect();
    subjects.sort_unstable();
    let mut query: Vec<&str> = uncovered_buildings(&cfg.compounds[0]).into_iter().map(BuildingId::as_str).collect();
    query.sort_unstable();
    assert_eq!(subjects, query);
    assert_eq!(query, ["b-1", "b-3"]);
}
