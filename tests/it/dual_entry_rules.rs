//! DE family: each rule passes on the reference example, fails on a document built to break it
//! (the change is the mutation in each test), and holds at its boundary.
//!
//! The example: committee p-01 (chair), p-02 (vice chair), p-03, p-04, p-05; party members
//! p-01, p-02, p-03; branch br-guokeyuan with secretary p-01 and committee p-01..p-03; project
//! manager p-12 of org-pm-hongxing (party member, part-time member of the community party
//! committee); supervisor p-14 (residents' committee).

use chrono::NaiveDate;
use xiaoqu::model::{
    BranchKind, CommitteeMember, CommitteeRole, Employment, OrgId, PartyMembership, PartyStatus, Ratio, Relation,
    Relative,
};
use xiaoqu::policy::ParamValue;
use xiaoqu::queries::dual_entry::{
    TieRelation, committee_party_share, cross_appointed, one_shoulder, property_company_ties,
};
use xiaoqu::{GovernanceConfig, Index, Policy, RuleCode, Severity};

use crate::support::{assert_finding, assert_no, audit, example, mutated, pid};

fn party() -> PartyMembership {
    PartyMembership { status: PartyStatus::NoPost, joined_on: None }
}

fn member(person: &str, role: CommitteeRole) -> CommitteeMember {
    CommitteeMember { person: pid(person), role }
}

/// The index of `people` holding the person with this id.
fn at(c: &GovernanceConfig, id: &str) -> usize {
    c.people.iter().position(|p| p.id.as_str() == id).unwrap()
}

fn person<'a>(c: &'a mut GovernanceConfig, id: &str) -> &'a mut xiaoqu::model::Person {
    c.people.iter_mut().find(|p| p.id.as_str() == id).unwrap()
}

fn relate(c: &mut GovernanceConfig, from: &str, to: &str, relation: Relation) {
    let i = at(c, from);
    c.people[i].relatives.push(Relative { person: pid(to), relation });
}

fn members(c: &mut GovernanceConfig) -> &mut Vec<CommitteeMember> {
    &mut c.compounds[0].owners_committee.as_mut().unwrap().members
}

const DE: [RuleCode; 7] = [
    RuleCode::De001,
    RuleCode::De002,
    RuleCode::De003,
    RuleCode::De004,
    RuleCode::De005,
    RuleCode::De006,
    RuleCode::De007,
];

#[test]
fn reference_example_has_no_de_finding() {
    let r = audit(&example());
    for code in DE {
        assert_no(&r, code);
    }
}

#[test]
fn de_rules_are_practice_on_in_default_off_in_national() {
    for code in DE {
        let m = xiaoqu::rules::meta(code).unwrap();
        assert_eq!(m.basis, xiaoqu::Basis::Practice, "{code}");
        assert!(m.on_by_default, "{code}");
        assert!(Policy::default().is_enabled(code), "{code}");
        assert!(!Policy::preset("national").unwrap().is_enabled(code), "{code}");
    }
    let de7 = xiaoqu::rules::meta(RuleCode::De007).unwrap();
    assert!(
        de7.citation.contains("北京市物业管理条例 第三十九条")
            && de7.citation.contains("上海市住宅物业管理规定 第二十条")
    );
    assert!(de7.citation.contains("N3"));
    assert_eq!(xiaoqu::rules::meta(RuleCode::De001).unwrap().params, ["committee_party_share"]);
}

// DE001 -----------------------------------------------------------------------------------

#[test]
fn de001_query_counts_seated_members() {
    let cfg = example();
    let index = Index::build(&cfg);
    let share = committee_party_share(&index, &cfg.compounds[0]).unwrap();
    assert_eq!((share.party_members, share.members), (3, 5));
    let none = mutated(|c| c.compounds[0].owners_committee = None);
    assert_eq!(committee_party_share(&Index::build(&none), &none.compounds[0]), None);
}

#[test]
fn de001_exactly_half_passes_one_fewer_fails() {
    // A sixth, non-party member: 3 of 6 is exactly half (半数以上 includes the bound).
    let half = mutated(|c| members(c).push(member("p-08", CommitteeRole::Member)));
    assert_no(&audit(&half), RuleCode::De001);

    // And p-03 leaves the party: 2 of 6.
    let below = mutated(|c| {
        members(c).push(member("p-08", CommitteeRole::Member));
        let i = at(c, "p-03");
        c.people[i].party = None;
    });
    let r = audit(&below);
    let f = assert_finding(&r, RuleCode::De001, "c-guokeyuan", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members");
    assert_eq!(f.fact("party_members").unwrap().to_string(), "2");
    assert_eq!(f.fact("members").unwrap().to_string(), "6");
    assert_eq!(f.fact("required_share").unwrap().to_string(), "1/2");
}

#[test]
fn de001_four_member_committee_two_party_members() {
    // p-03 off the committee: 2 (p-01, p-02) of 4 passes; p-02 leaves the party: 1 of 4 fails.
    let four = mutated(|c| members(c).retain(|m| m.person.as_str() != "p-03"));
    assert_no(&audit(&four), RuleCode::De001);
    let one = mutated(|c| {
        members(c).retain(|m| m.person.as_str() != "p-03");
        let i = at(c, "p-02");
        c.people[i].party = None;
    });
    let r = audit(&one);
    let f = assert_finding(&r, RuleCode::De001, "c-guokeyuan", Severity::Warning);
    assert_eq!(
        (f.fact("party_members").unwrap().to_string(), f.fact("members").unwrap().to_string()),
        ("1".into(), "4".into())
    );
}

#[test]
fn de001_alternates_do_not_count() {
    // Two non-party alternates: counted, 3 of 7 would fail.
    let alts = mutated(|c| {
        members(c).push(member("p-08", CommitteeRole::Alternate));
        members(c).push(member("p-09", CommitteeRole::Alternate));
    });
    assert_no(&audit(&alts), RuleCode::De001);
    // A party-member alternate does not lift 2 of 5 (counted, 3 of 6 would pass).
    let party_alt = mutated(|c| {
        let i = at(c, "p-03");
        c.people[i].party = None;
        members(c).push(member("p-06", CommitteeRole::Alternate));
    });
    let r = audit(&party_alt);
    let f = assert_finding(&r, RuleCode::De001, "c-guokeyuan", Severity::Warning);
    assert_eq!(f.fact("members").unwrap().to_string(), "5");
}

#[test]
fn de001_share_is_a_parameter() {
    let mut policy = Policy::default();
    policy.set_param("committee_party_share", &ParamValue::Str("2/3".into())).unwrap();
    let r = xiaoqu::audit(&example(), &policy);
    let f = assert_finding(&r, RuleCode::De001, "c-guokeyuan", Severity::Warning);
    assert_eq!(f.fact("required_share").unwrap().to_string(), "2/3");
    policy.set_param("committee_party_share", &ParamValue::Str("3/5".into())).unwrap();
    assert_no(&xiaoqu::audit(&example(), &policy), RuleCode::De001);
    let share = committee_party_share(&Index::build(&example()), &example().compounds[0]).unwrap();
    assert!(share.reaches(Ratio::new(3, 5).unwrap()) && !share.reaches(Ratio::new(2, 3).unwrap()));
}

// DE002 -----------------------------------------------------------------------------------

#[test]
fn de002_party_member_outside_the_branch() {
    let cfg = mutated(|c| person(c, "p-04").party = Some(party()));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::De002, "p-04", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members[3].person");
    assert_eq!(f.fact("branch").unwrap().to_string(), "br-guokeyuan");
    assert_eq!(r.with_code(RuleCode::De002).count(), 1, "the other party members are branch members");
}

#[test]
fn de002_branch_of_any_kind_and_alternates() {
    // On the roll of a joint branch: fine.
    let joint = mutated(|c| {
        person(c, "p-04").party = Some(party());
        let b = c.compounds[0].party_branch.as_mut().unwrap();
        b.kind = BranchKind::Joint;
        b.members.push(pid("p-04"));
    });
    assert_no(&audit(&joint), RuleCode::De002);
    // A party-member alternate must join too.
    let alt = mutated(|c| {
        person(c, "p-10").party = Some(party());
        members(c).push(member("p-10", CommitteeRole::Alternate));
    });
    assert_finding(&audit(&alt), RuleCode::De002, "p-10", Severity::Warning);
}

// DE003 -----------------------------------------------------------------------------------

#[test]
fn de003_secretary_not_chair_is_advice() {
    assert!(one_shoulder(&example().compounds[0]));
    let cfg = mutated(|c| {
        members(c)[0].role = CommitteeRole::ViceChair;
        members(c)[1].role = CommitteeRole::Chair;
    });
    assert!(!one_shoulder(&cfg.compounds[0]));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::De003, "br-guokeyuan", Severity::Info);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.secretary");
    assert_eq!(f.fact("secretary").unwrap().to_string(), "p-01");
    assert_eq!(f.fact("chair").unwrap().to_string(), "p-02");
    assert!(!r.has_errors(), "{}", r.to_text(xiaoqu::Lang::En));
    assert!(r.with_code(RuleCode::De003).all(|d| d.severity() == Severity::Info));
}

#[test]
fn de003_silent_without_a_chair() {
    let cfg = mutated(|c| members(c)[0].role = CommitteeRole::Member);
    assert_no(&audit(&cfg), RuleCode::De003);
}

// DE004 -----------------------------------------------------------------------------------

#[test]
fn de004_no_branch_officer_on_the_committee() {
    assert_eq!(
        cross_appointed(&example().compounds[0]).iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        ["p-01", "p-02", "p-03"]
    );
    let cfg = mutated(|c| {
        let b = c.compounds[0].party_branch.as_mut().unwrap();
        b.secretary = pid("p-06");
        b.committee = vec![pid("p-06"), pid("p-07")];
    });
    assert!(cross_appointed(&cfg.compounds[0]).is_empty());
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::De004, "c-guokeyuan", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].party_branch.committee");
}

#[test]
fn de004_one_cross_appointment_is_enough() {
    // One branch committee member on the owners' committee.
    let one = mutated(|c| {
        let b = c.compounds[0].party_branch.as_mut().unwrap();
        b.secretary = pid("p-06");
        b.committee = vec![pid("p-06"), pid("p-07"), pid("p-03")];
    });
    assert_eq!(cross_appointed(&one.compounds[0]), [&pid("p-03")]);
    assert_no(&audit(&one), RuleCode::De004);
    // The secretary alone, not listed in the branch committee, counts.
    let secretary =
        mutated(|c| c.compounds[0].party_branch.as_mut().unwrap().committee = vec![pid("p-06"), pid("p-07")]);
    assert_no(&audit(&secretary), RuleCode::De004);
    // An alternate does not sit on the committee.
    let alternate = mutated(|c| {
        let b = c.compounds[0].party_branch.as_mut().unwrap();
        b.secretary = pid("p-06");
        b.committee = vec![pid("p-06"), pid("p-07")];
        members(c).push(member("p-07", CommitteeRole::Alternate));
    });
    assert_finding(&audit(&alternate), RuleCode::De004, "c-guokeyuan", Severity::Warning);
}

// DE005 -----------------------------------------------------------------------------------

#[test]
fn de005_party_member_manager_not_part_time_member() {
    let cfg = mutated(|c| c.organizations[2].part_time_members.clear());
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::De005, "p-12", Severity::Info);
    assert_eq!(f.path().to_string(), "compounds[0].property_service.project_manager");
    assert_eq!(f.fact("community").unwrap().to_string(), "org-community-haixia");
    // A manager who is not a party member is not asked to join the party committee.
    let non_member = mutated(|c| {
        c.organizations[2].part_time_members.clear();
        person(c, "p-12").party = None;
    });
    assert_no(&audit(&non_member), RuleCode::De005);
}

// DE006 -----------------------------------------------------------------------------------

#[test]
fn de006_supervisor_outside_the_two_committees() {
    let cfg =
        mutated(|c| c.compounds[0].property_service.as_mut().unwrap().service_quality_supervisors.push(pid("p-09")));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::De006, "p-09", Severity::Info);
    assert_eq!(f.path().to_string(), "compounds[0].property_service.service_quality_supervisors[1]");
    assert_eq!(r.with_code(RuleCode::De006).count(), 1, "p-14 sits on the residents' committee");
}

#[test]
fn de006_secretary_member_or_part_time_member_of_either_committee() {
    // p-11 is the community party committee's secretary, p-12 its part-time member.
    let cfg = mutated(|c| {
        let s = &mut c.compounds[0].property_service.as_mut().unwrap().service_quality_supervisors;
        s.push(pid("p-11"));
        s.push(pid("p-12"));
    });
    assert_no(&audit(&cfg), RuleCode::De006);
    let only_secretary = mutated(|c| {
        c.organizations[2].members.clear();
        c.compounds[0].property_service.as_mut().unwrap().service_quality_supervisors.push(pid("p-11"));
    });
    assert_no(&audit(&only_secretary), RuleCode::De006);
}

// DE007 -----------------------------------------------------------------------------------

/// p-12 works for the compound's property company from 2024-08-01, ongoing.
fn assert_tie(cfg: &GovernanceConfig, subject: &str, mi: usize, relation: &str) {
    let r = audit(cfg);
    let f = assert_finding(&r, RuleCode::De007, subject, Severity::Error);
    assert_eq!(f.path().to_string(), format!("compounds[0].owners_committee.members[{mi}]"));
    assert_eq!(f.fact("employed").unwrap().to_string(), "p-12");
    assert_eq!(f.fact("relation").unwrap().to_string(), relation);
    assert_eq!(f.fact("company").unwrap().to_string(), "org-pm-hongxing");
    assert_eq!(r.with_code(RuleCode::De007).count(), 1);
}

#[test]
fn de007_spouse_child_or_parent_whichever_side_recorded_it() {
    assert_tie(&mutated(|c| relate(c, "p-04", "p-12", Relation::Spouse)), "p-04", 3, "spouse");
    assert_tie(&mutated(|c| relate(c, "p-12", "p-04", Relation::Spouse)), "p-04", 3, "spouse");
    // p-12 is p-05's child.
    assert_tie(&mutated(|c| relate(c, "p-05", "p-12", Relation::Child)), "p-05", 4, "child");
    assert_tie(&mutated(|c| relate(c, "p-12", "p-05", Relation::Parent)), "p-05", 4, "child");
    // p-12 is p-04's parent.
    assert_tie(&mutated(|c| relate(c, "p-04", "p-12", Relation::Parent)), "p-04", 3, "parent");
    assert_tie(&mutated(|c| relate(c, "p-12", "p-04", Relation::Child)), "p-04", 3, "parent");
    // Grandchildren are lineal too.
    assert_tie(&mutated(|c| relate(c, "p-12", "p-01", Relation::Grandparent)), "p-01", 0, "grandchild");
}

#[test]
fn de007_sibling_is_not_lineal() {
    assert_no(&audit(&mutated(|c| relate(c, "p-04", "p-12", Relation::Sibling))), RuleCode::De007);
    assert_no(&audit(&mutated(|c| relate(c, "p-12", "p-04", Relation::Sibling))), RuleCode::De007);
    assert_no(&audit(&mutated(|c| relate(c, "p-12", "p-04", Relation::OtherClose))), RuleCode::De007);
}

#[test]
fn de007_member_employed_themself() {
    let cfg = mutated(|c| {
        let i = at(c, "p-03");
        c.people[i].employment.push(Employment {
            org: OrgId::new("org-pm-hongxing").unwrap(),
            role: "staff".into(),
            from: c.as_of,
            to: None,
        });
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::De007, "p-03", Severity::Error);
    assert_eq!(f.fact("employed").unwrap().to_string(), "p-03");
    assert_eq!(f.fact("relation").unwrap().to_string(), "self");
    assert_eq!(f.fact("from").unwrap().to_string(), r.as_of().format("%Y-%m-%d").to_string());
}

#[test]
fn de007_employment_must_cover_as_of() {
    let as_of = example().as_of;
    let ended = |to: NaiveDate| {
        mutated(move |c| {
            relate(c, "p-04", "p-12", Relation::Spouse);
            person(c, "p-12").employment[0].to = Some(to);
        })
    };
    // Ended the day before: no tie. Last day on as_of: a tie.
    assert_no(&audit(&ended(as_of.pred_opt().unwrap())), RuleCode::De007);
    let f = assert_finding(&audit(&ended(as_of)), RuleCode::De007, "p-04", Severity::Error).clone();
    assert_eq!(f.fact("to").unwrap().to_string(), "2025-09-05");
    // Starting the day after: no tie yet.
    let later = mutated(move |c| {
        relate(c, "p-04", "p-12", Relation::Spouse);
        person(c, "p-12").employment[0].from = as_of.succ_opt().unwrap();
    });
    assert_no(&audit(&later), RuleCode::De007);
}

#[test]
fn de007_only_the_compounds_property_company() {
    // p-13 works for the street office.
    assert_no(&audit(&mutated(|c| relate(c, "p-04", "p-13", Relation::Spouse))), RuleCode::De007);
}

#[test]
fn de007_alternates_included() {
    let cfg = mutated(|c| {
        members(c).push(member("p-09", CommitteeRole::Alternate));
        relate(c, "p-09", "p-12", Relation::Spouse);
    });
    assert_tie(&cfg, "p-09", 5, "spouse");
}

#[test]
fn de007_query_is_general() {
    let cfg = mutated(|c| {
        relate(c, "p-12", "p-08", Relation::Child);
        relate(c, "p-13", "p-08", Relation::Sibling);
    });
    let index = Index::build(&cfg);
    let company = OrgId::new("org-pm-hongxing").unwrap();
    let ties = property_company_ties(&index, &pid("p-08"), &company, cfg.as_of);
    assert_eq!(ties.len(), 1);
    assert_eq!((ties[0].person.as_str(), ties[0].relation), ("p-12", TieRelation::Relative(Relation::Parent)));
    assert_eq!(ties[0].employment.role, "project_manager");
    let own = property_company_ties(&index, &pid("p-12"), &company, cfg.as_of);
    assert_eq!(own.iter().map(|t| t.relation).collect::<Vec<_>>(), [TieRelation::Oneself]);
    // Before the employment began, nobody is tied.
    let before = NaiveDate::from_ymd_opt(2024, 7, 31).unwrap();
    assert!(property_company_ties(&index, &pid("p-08"), &company, before).is_empty());
}
