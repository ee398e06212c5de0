//! CM family: each rule passes on the reference example, fails on a document built to break it
//! (the change is spelled out in each test), and holds at each boundary of its parameters.
//!
//! The reference committee: elected 2024-06-15 by `el-2024` (5 seats, assembly closed that day),
//! term to 2029-06-14, first meeting 2024-06-20, filed 2024-07-10, members p-01 (chair), p-02
//! (vice chair), p-03, p-04, p-05, all owners and all candidates of `el-2024`.

use xiaoqu::model::{
    Assembly, AssemblyId, Candidate, Channel, CommitteeKind, CommitteeMember, CommitteeRole, DeclaredResult, Election,
    ElectionId, ElectionKind, Matter, MatterId, MatterKind, Nominator, OwnersCommittee, PersonId, Scope,
};
use xiaoqu::policy::ParamValue;
use xiaoqu::queries::committee as q;
use xiaoqu::{GovernanceConfig, Policy, Report, RuleCode, Severity};

use crate::support::{assert_finding, assert_no, audit, d, example, mutated};

const C: &str = "c-guokeyuan";

const CM: [RuleCode; 10] = [
    RuleCode::Cm001,
    RuleCode::Cm002,
    RuleCode::Cm003,
    RuleCode::Cm004,
    RuleCode::Cm005,
    RuleCode::Cm006,
    RuleCode::Cm007,
    RuleCode::Cm008,
    RuleCode::Cm009,
    RuleCode::Cm010,
];

fn committee(c: &mut GovernanceConfig) -> &mut OwnersCommittee {
    c.compounds[0].owners_committee.as_mut().unwrap()
}

fn member(id: &str, role: CommitteeRole) -> CommitteeMember {
    CommitteeMember { person: PersonId::new(id).unwrap(), role }
}

/// A committee of `n` members: p-01 chair, then p-02, p-03… as plain members.
fn members(n: usize) -> Vec<CommitteeMember> {
    (1..=n)
        .map(|i| member(&format!("p-{i:02}"), if i == 1 { CommitteeRole::Chair } else { CommitteeRole::Member }))
        .collect()
}

/// Adds an election of `kind` held by a new assembly vote open from `opened` to `closed`.
fn add_election(
    c: &mut GovernanceConfig,
    id: &str,
    kind: ElectionKind,
    opened: &str,
    closed: &str,
    candidates: &[&str],
) {
    let compound = &mut c.compounds[0];
    let asm = format!("asm-{id}");
    compound.assemblies.push(Assembly {
        id: AssemblyId::new(&asm).unwrap(),
        scope: Scope::Compound,
        channel: Channel::Online,
        notice_published_on: d(opened),
        opened_on: d(opened),
        closed_on: d(closed),
        matters: vec![Matter {
            id: MatterId::new("m-1").unwrap(),
            kind: MatterKind::ElectCommittee,
            title: "选举".into(),
            amount: None,
            election: Some(ElectionId::new(id).unwrap()),
            declared_result: Some(DeclaredResult::Passed),
        }],
        ballots: Vec::new(),
    });
    compound.elections.push(Election {
        id: ElectionId::new(id).unwrap(),
        kind,
        seats: 5,
        assembly: AssemblyId::new(&asm).unwrap(),
        candidate_list_published_on: None,
        preparatory_group: None,
        candidates: candidates
            .iter()
            .map(|p| Candidate {
                person: PersonId::new(p).unwrap(),
                nominated_by: Nominator::SelfNominated,
                commitment_signed: true,
            })
            .collect(),
    });
}

fn with_param(name: &str, value: &ParamValue) -> Policy {
    let mut p = Policy::default();
    p.set_param(name, value).unwrap();
    p
}

fn has(report: &Report, code: RuleCode) -> bool {
    report.with_code(code).next().is_some()
}

#[test]
fn reference_example_passes_every_cm_rule() {
    let cfg = example();
    for r in [audit(&cfg), xiaoqu::audit(&cfg, &Policy::preset("national").unwrap())] {
        for code in CM {
            assert_no(&r, code);
        }
    }
    // Every CM rule runs in both presets (CM010 is `lib`, which `national` includes).
    for code in CM {
        assert!(Policy::default().is_enabled(code) && Policy::preset("national").unwrap().is_enabled(code), "{code}");
    }
}

#[test]
fn cm_rules_skip_other_bodies() {
    // An interim property-management committee (物管会) is not governed by GR Art 31–33.
    let cfg = mutated(|c| {
        let oc = committee(c);
        oc.kind = CommitteeKind::PropertyManagementCommittee;
        oc.members = members(2);
        oc.members.push(member("p-13", CommitteeRole::Member));
        oc.first_meeting_on = None;
        oc.filed_on = None;
    });
    let r = audit(&cfg);
    for code in CM {
        assert_no(&r, code);
    }
}

#[test]
fn cm001_size_bounds() {
    for n in [5, 7, 11] {
        let r = audit(&mutated(|c| committee(c).members = members(n)));
        assert_no(&r, RuleCode::Cm001);
    }
    for n in [4, 6, 12] {
        let r = audit(&mutated(|c| committee(c).members = members(n)));
        let f = assert_finding(&r, RuleCode::Cm001, C, Severity::Error);
        assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members");
        assert_eq!(f.fact("members").unwrap().to_string(), n.to_string());
    }
}

#[test]
fn cm001_alternates_do_not_count() {
    let five_and_two = mutated(|c| {
        let oc = committee(c);
        oc.members.push(member("p-06", CommitteeRole::Alternate));
        oc.members.push(member("p-07", CommitteeRole::Alternate));
    });
    assert_no(&audit(&five_and_two), RuleCode::Cm001);

    let four_and_one = mutated(|c| committee(c).members[4].role = CommitteeRole::Alternate);
    let r = audit(&four_and_one);
    let f = assert_finding(&r, RuleCode::Cm001, C, Severity::Error);
    assert_eq!(f.fact("members").unwrap().to_string(), "4");
    assert_eq!(f.fact("alternates").unwrap().to_string(), "1");
}

#[test]
fn cm001_parameters() {
    let six = mutated(|c| committee(c).members = members(6));
    assert_no(&xiaoqu::audit(&six, &with_param("committee_size_odd", &ParamValue::Bool(false))), RuleCode::Cm001);
    let three = mutated(|c| committee(c).members = members(3));
    assert!(has(&audit(&three), RuleCode::Cm001));
    assert_no(
        &xiaoqu::audit(&three, &with_param("committee_size", &ParamValue::Str("3..=11".into()))),
        RuleCode::Cm001,
    );
}

#[test]
fn cm002_members_and_alternates_are_owners() {
    // p-11 and p-12 own no unit in the compound.
    let cfg = mutated(|c| {
        let oc = committee(c);
        oc.members[4].person = PersonId::new("p-11").unwrap();
        oc.members.push(member("p-12", CommitteeRole::Alternate));
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Cm002, "p-11", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members[4].person");
    assert_eq!(f.compound().unwrap().as_str(), C);
    let f = assert_finding(&r, RuleCode::Cm002, "p-12", Severity::Error);
    assert_eq!(f.fact("role").unwrap().to_string(), "alternate");
    assert_eq!(r.with_code(RuleCode::Cm002).count(), 2);
}

#[test]
fn cm002_dangling_member_is_cfg001_only() {
    let cfg = mutated(|c| committee(c).members[4].person = PersonId::new("p-99").unwrap());
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Cfg001, "p-99", Severity::Error);
    assert_no(&r, RuleCode::Cm002);
    assert_no(&r, RuleCode::Cm010);
}

#[test]
fn cm003_exactly_one_chair() {
    let no_vice = mutated(|c| committee(c).members[1].role = CommitteeRole::Member);
    assert_no(&audit(&no_vice), RuleCode::Cm003);

    let two_chairs = mutated(|c| committee(c).members[1].role = CommitteeRole::Chair);
    let r = audit(&two_chairs);
    let f = assert_finding(&r, RuleCode::Cm003, C, Severity::Error);
    assert_eq!(f.fact("chairs").unwrap().to_string(), "2");
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members");

    let no_chair = mutated(|c| committee(c).members[0].role = CommitteeRole::Member);
    let f = assert_finding(&audit(&no_chair), RuleCode::Cm003, C, Severity::Error).clone();
    assert_eq!(f.fact("chairs").unwrap().to_string(), "0");
}

#[test]
fn cm003_officer_listed_as_alternate_is_not_a_member() {
    let cfg = mutated(|c| committee(c).members.push(member("p-02", CommitteeRole::Alternate)));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Cm003, C, Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members[1]");
    assert_eq!(f.fact("person").unwrap().to_string(), "p-02");
}

#[test]
fn cm003_no_chair_is_fine_until_the_first_meeting_is_due() {
    // The first meeting chooses the chair; 7 days after 2024-06-15 is 2024-06-22.
    let at = |as_of: &str| {
        mutated(|c| {
            c.as_of = d(as_of);
            let oc = committee(c);
            oc.members[0].role = CommitteeRole::Member;
            oc.members[1].role = CommitteeRole::Member;
            oc.first_meeting_on = None;
        })
    };
    assert_no(&audit(&at("2024-06-22")), RuleCode::Cm003);
    let r = audit(&at("2024-06-23"));
    assert_finding(&r, RuleCode::Cm003, C, Severity::Error);
    assert_finding(&r, RuleCode::Cm007, C, Severity::Warning);
}

#[test]
fn cm004_term_at_most_five_years() {
    let last = mutated(|c| committee(c).term_end = d("2029-06-14"));
    assert_no(&audit(&last), RuleCode::Cm004);
    let over = mutated(|c| committee(c).term_end = d("2029-06-15"));
    let r = audit(&over);
    let f = assert_finding(&r, RuleCode::Cm004, C, Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.term_end");
    assert_eq!(f.fact("latest_end").unwrap().to_string(), "2029-06-14");
}

#[test]
fn cm004_term_min_years_when_set() {
    let policy = with_param("term_min_years", &ParamValue::Int(3));
    let shortest = mutated(|c| committee(c).term_end = d("2027-06-14"));
    assert_no(&xiaoqu::audit(&shortest, &policy), RuleCode::Cm004);
    assert_no(&audit(&shortest), RuleCode::Cm004);
    let short = mutated(|c| committee(c).term_end = d("2027-06-13"));
    let r = xiaoqu::audit(&short, &policy);
    let f = assert_finding(&r, RuleCode::Cm004, C, Severity::Error);
    assert_eq!(f.fact("earliest_end").unwrap().to_string(), "2027-06-14");
    assert_no(&audit(&short), RuleCode::Cm004);
}

#[test]
fn cm005_expiry_boundary() {
    let on_last_day = mutated(|c| c.as_of = d("2029-06-14"));
    assert_no(&audit(&on_last_day), RuleCode::Cm005);
    let day_after = mutated(|c| c.as_of = d("2029-06-15"));
    let r = audit(&day_after);
    let f = assert_finding(&r, RuleCode::Cm005, C, Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.term_end");
    assert_eq!(f.fact("days_overdue").unwrap().to_string(), "1");
}

#[test]
fn cm005_recorded_reelection_excuses_expiry() {
    let cfg = mutated(|c| {
        c.as_of = d("2029-06-15");
        add_election(c, "el-2029", ElectionKind::ReElection, "2029-05-01", "2029-05-10", &["p-01"]);
    });
    assert_no(&audit(&cfg), RuleCode::Cm005);

    // A re-election whose vote opened before the committee was elected is not its successor, and
    // neither is a by-election.
    let old = mutated(|c| {
        c.as_of = d("2029-06-15");
        c.compounds[0].elections[0].kind = ElectionKind::ReElection;
        add_election(c, "el-by", ElectionKind::ByElection, "2026-05-01", "2026-05-10", &["p-01"]);
    });
    assert_finding(&audit(&old), RuleCode::Cm005, C, Severity::Error);
}

#[test]
fn cm006_reelection_lead_boundary() {
    // Three months before 2029-06-14 is 2029-03-14.
    let before = mutated(|c| c.as_of = d("2029-03-13"));
    assert_no(&audit(&before), RuleCode::Cm006);
    let due = mutated(|c| c.as_of = d("2029-03-14"));
    let r = audit(&due);
    let f = assert_finding(&r, RuleCode::Cm006, C, Severity::Warning);
    assert_eq!(f.fact("due_from").unwrap().to_string(), "2029-03-14");
    assert_eq!(f.fact("days_left").unwrap().to_string(), "92");
    let last_day = mutated(|c| c.as_of = d("2029-06-14"));
    assert_finding(&audit(&last_day), RuleCode::Cm006, C, Severity::Warning);
    // After the term ends, CM005 reports the missing re-election, not CM006 again.
    let r = audit(&mutated(|c| c.as_of = d("2029-06-15")));
    assert_no(&r, RuleCode::Cm006);
    assert!(has(&r, RuleCode::Cm005));
}

#[test]
fn cm006_recorded_reelection_and_lead_parameter() {
    let started = mutated(|c| {
        c.as_of = d("2029-04-01");
        add_election(c, "el-2029", ElectionKind::ReElection, "2029-03-20", "2029-03-30", &["p-01"]);
    });
    assert_no(&audit(&started), RuleCode::Cm006);
    let six_months = with_param("reelection_lead_months", &ParamValue::Int(6));
    assert!(has(&xiaoqu::audit(&mutated(|c| c.as_of = d("2028-12-14")), &six_months), RuleCode::Cm006));
    assert_no(&xiaoqu::audit(&mutated(|c| c.as_of = d("2028-12-13")), &six_months), RuleCode::Cm006);
}

#[test]
fn cm007_first_meeting_within_seven_days() {
    let day7 = mutated(|c| committee(c).first_meeting_on = Some(d("2024-06-22")));
    assert_no(&audit(&day7), RuleCode::Cm007);
    let day8 = mutated(|c| committee(c).first_meeting_on = Some(d("2024-06-23")));
    let r = audit(&day8);
    let f = assert_finding(&r, RuleCode::Cm007, C, Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.first_meeting_on");
    assert_eq!(f.fact("days_late").unwrap().to_string(), "1");
}

#[test]
fn cm007_missing_first_meeting_after_the_deadline() {
    let missing = |as_of: &str| {
        mutated(|c| {
            c.as_of = d(as_of);
            committee(c).first_meeting_on = None;
        })
    };
    assert_no(&audit(&missing("2024-06-22")), RuleCode::Cm007);
    assert_finding(&audit(&missing("2024-06-23")), RuleCode::Cm007, C, Severity::Warning);
    assert_finding(&audit(&missing("2025-09-05")), RuleCode::Cm007, C, Severity::Warning);
}

#[test]
fn cm008_filing_within_thirty_days() {
    let day30 = mutated(|c| committee(c).filed_on = Some(d("2024-07-15")));
    assert_no(&audit(&day30), RuleCode::Cm008);
    let day31 = mutated(|c| committee(c).filed_on = Some(d("2024-07-16")));
    let f = assert_finding(&audit(&day31), RuleCode::Cm008, C, Severity::Warning).path().to_string();
    assert_eq!(f, "compounds[0].owners_committee.filed_on");
    let missing = |as_of: &str| {
        mutated(|c| {
            c.as_of = d(as_of);
            committee(c).filed_on = None;
        })
    };
    assert_no(&audit(&missing("2024-07-15")), RuleCode::Cm008);
    assert_finding(&audit(&missing("2024-07-16")), RuleCode::Cm008, C, Severity::Warning);
    let shorter = with_param("filing_days", &ParamValue::Int(20));
    assert!(has(&xiaoqu::audit(&day30, &shorter), RuleCode::Cm008));
}

#[test]
fn cm007_cm008_dates_before_election_are_cfg003_only() {
    let cfg = mutated(|c| committee(c).first_meeting_on = Some(d("2024-06-14")));
    let r = audit(&cfg);
    assert!(has(&r, RuleCode::Cfg003));
    assert_no(&r, RuleCode::Cm007);
}

#[test]
fn cm009_collapse_boundary() {
    // Ten seats: five members are exactly half (半数以上 passes), four are fewer.
    let half = mutated(|c| c.compounds[0].elections[0].seats = 10);
    assert_no(&audit(&half), RuleCode::Cm009);
    let fewer = mutated(|c| {
        c.compounds[0].elections[0].seats = 10;
        committee(c).members.pop();
    });
    let r = audit(&fewer);
    let f = assert_finding(&r, RuleCode::Cm009, C, Severity::Error);
    assert_eq!(f.fact("members").unwrap().to_string(), "4");
    assert_eq!(f.fact("seats").unwrap().to_string(), "10");
    assert_eq!(f.fact("election").unwrap().to_string(), "el-2024");
    // Five seats: three left pass, two do not.
    assert_no(&audit(&mutated(|c| committee(c).members.truncate(3))), RuleCode::Cm009);
    assert_finding(&audit(&mutated(|c| committee(c).members.truncate(2))), RuleCode::Cm009, C, Severity::Error);
}

#[test]
fn cm009_alternates_do_not_count_and_no_election_cannot_collapse() {
    let alternates = mutated(|c| {
        let oc = committee(c);
        oc.members.truncate(2);
        oc.members.push(member("p-03", CommitteeRole::Alternate));
    });
    assert_finding(&audit(&alternates), RuleCode::Cm009, C, Severity::Error);
    let unknown_seats = mutated(|c| {
        committee(c).members.truncate(2);
        c.compounds[0].elections.clear();
    });
    assert_no(&audit(&unknown_seats), RuleCode::Cm009);
    let two_thirds = with_param("committee_min_share", &ParamValue::Str("2/3".into()));
    let three = mutated(|c| committee(c).members.truncate(3));
    assert!(has(&xiaoqu::audit(&three, &two_thirds), RuleCode::Cm009));
}

#[test]
fn cm010_members_are_candidates() {
    // p-06 owns a unit but did not stand in el-2024.
    let cfg = mutated(|c| {
        committee(c).members[4].person = PersonId::new("p-06").unwrap();
        committee(c).members.push(member("p-07", CommitteeRole::Alternate));
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Cm010, "p-06", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members[4].person");
    assert_eq!(f.fact("election").unwrap().to_string(), "el-2024");
    assert_finding(&r, RuleCode::Cm010, "p-07", Severity::Warning);
    assert_no(&r, RuleCode::Cm002);
}

#[test]
fn cm010_later_by_election_and_missing_election() {
    let by_election = mutated(|c| {
        committee(c).members[4].person = PersonId::new("p-06").unwrap();
        add_election(c, "el-by", ElectionKind::ByElection, "2025-03-01", "2025-03-10", &["p-06"]);
    });
    assert_no(&audit(&by_election), RuleCode::Cm010);
    let no_election = mutated(|c| {
        committee(c).members[4].person = PersonId::new("p-06").unwrap();
        c.compounds[0].elections.clear();
    });
    assert_no(&audit(&no_election), RuleCode::Cm010);
}

#[test]
fn queries_pick_the_electing_election() {
    // A later first election closing after elected_on does not count; an earlier one loses to
    // the latest; a by-election never elects the committee.
    let cfg = mutated(|c| {
        add_election(c, "el-2019", ElectionKind::First, "2019-06-01", "2019-06-10", &[]);
        add_election(c, "el-by", ElectionKind::ByElection, "2024-06-14", "2024-06-15", &[]);
        add_election(c, "el-later", ElectionKind::First, "2024-06-10", "2024-06-16", &[]);
    });
    let compound = &cfg.compounds[0];
    assert_eq!(q::electing_election(compound).unwrap().id.as_str(), "el-2024");
    let cfg = mutated(|c| {
        c.compounds[0].elections.clear();
        add_election(c, "el-2019", ElectionKind::First, "2019-06-01", "2019-06-10", &[]);
    });
    assert_eq!(q::electing_election(&cfg.compounds[0]).unwrap().id.as_str(), "el-2019");
    assert!(q::electing_election(&mutated(|c| c.compounds[0].elections.clear()).compounds[0]).is_none());
}

#[test]
fn queries_and_rules_agree_on_the_term() {
    let params = Policy::default().params().clone();
    for as_of in ["2029-03-13", "2029-03-14", "2029-06-14", "2029-06-15"] {
        let cfg = mutated(|c| c.as_of = d(as_of));
        let status = q::term_status(cfg.compounds[0].owners_committee.as_ref().unwrap(), cfg.as_of, &params);
        let r = audit(&cfg);
        assert_eq!(has(&r, RuleCode::Cm006), status.reelection_due && !status.expired, "{as_of}");
        assert_eq!(has(&r, RuleCode::Cm005), status.expired, "{as_of}");
    }
}

#[test]
fn cm002_waits_while_an_owner_id_dangles() {
    // p-04's unit names p-99 instead: CFG001 reports the dangling id, and CM002 does not guess
    // that p-04 owns nothing.
    let cfg = mutated(|c| c.compounds[0].units[2].owners[0] = PersonId::new("p-99").unwrap());
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Cfg001, "p-99", Severity::Error);
    assert_no(&r, RuleCode::Cm002);
    // Once the unit names someone else who exists, p-04 owns nothing and CM002 reports it.
    let cfg = mutated(|c| c.compounds[0].units[2].owners[0] = PersonId::new("p-13").unwrap());
    assert_finding(&audit(&cfg), RuleCode::Cm002, "p-04", Severity::Error);
}
