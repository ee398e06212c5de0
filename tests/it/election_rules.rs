//! EL family: each rule passes on the reference example, fails on a document built to break it
//! (the mutation in each test), and holds at its boundaries.
//!
//! The example: election `el-2024` (first election, 5 seats) in assembly `asm-2024-01`, which
//! opens on 2024-06-01; candidate list published 2024-05-15 (17 days before). Preparatory group
//! formed 2024-04-10, led by p-13: p-13 street office, p-14 residents' committee, p-15
//! developer, p-01, p-04, p-06, p-09 owners (members[3..=6]) — 7 members, 4 owner
//! representatives. Branch secretary p-01 is a candidate.

use xiaoqu::model::{ElectionKind, PrepMember, Represents};
use xiaoqu::policy::ParamValue;
use xiaoqu::{Diagnostic, GovernanceConfig, Policy, Report, RuleCode, Severity};

use crate::support::{assert_finding, assert_no, audit, d, example, mutated, pid, rec};

fn group(c: &mut GovernanceConfig) -> &mut xiaoqu::model::PreparatoryGroup {
    c.compounds[0].elections[0].preparatory_group.as_mut().unwrap()
}

fn person<'a>(c: &'a mut GovernanceConfig, id: &str) -> &'a mut xiaoqu::model::Person {
    c.people.iter_mut().find(|p| p.id.as_str() == id).unwrap()
}

fn with_on(codes: &[RuleCode]) -> Policy {
    let mut p = Policy::default();
    for code in codes {
        p.set_rule(*code, xiaoqu::RuleSetting::On);
    }
    p
}

fn run(cfg: &GovernanceConfig, policy: &Policy) -> Report {
    xiaoqu::audit(cfg, policy)
}

fn fact(f: &Diagnostic, key: &str) -> String {
    f.fact(key).unwrap_or_else(|| panic!("no fact `{key}` in {f:?}")).to_string()
}

const EL: [RuleCode; 6] =
    [RuleCode::El001, RuleCode::El002, RuleCode::El003, RuleCode::El004, RuleCode::El005, RuleCode::El006];

#[test]
fn reference_example_has_no_el_finding_even_with_every_rule_on() {
    for policy in [Policy::default(), Policy::preset("national").unwrap(), with_on(&EL)] {
        let r = run(&example(), &policy);
        for code in EL {
            assert_no(&r, code);
        }
    }
}

#[test]
fn catalogue_matches_rules_md() {
    use xiaoqu::Basis::{Local, Practice, Reg};
    use xiaoqu::Severity::{Error as E, Info as I, Warning as W};
    let expected = [(E, Reg), (E, Reg), (E, Reg), (E, Practice), (W, Local), (I, Practice)];
    for (code, (sev, basis)) in EL.into_iter().zip(expected) {
        let m = xiaoqu::rules::meta(code).unwrap();
        assert_eq!((m.severity, m.basis), (sev, basis), "{code}");
    }
    let n = Policy::preset("national").unwrap();
    let on: Vec<&str> = EL.into_iter().filter(|c| n.is_enabled(*c)).map(RuleCode::as_str).collect();
    assert_eq!(on, ["EL001", "EL002", "EL003"]);
}

#[test]
fn el001_even_group() {
    let cfg = mutated(|c| group(c).members.push(PrepMember { person: pid("p-10"), represents: Represents::Owners }));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::El001, "el-2024", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].preparatory_group.members");
    assert_eq!(fact(f, "members"), "8");
    assert_finding(&run(&cfg, &Policy::preset("national").unwrap()), RuleCode::El001, "el-2024", Severity::Error);
}

#[test]
fn el001_leader_counts_once_even_when_not_listed() {
    // p-13 dropped from `members` but still leads: 6 listed + the leader = 7.
    let cfg = mutated(|c| {
        group(c).members.remove(0);
    });
    assert_no(&audit(&cfg), RuleCode::El001);
    // Listed twice: counted once.
    let cfg = mutated(|c| group(c).members.push(PrepMember { person: pid("p-01"), represents: Represents::Owners }));
    assert_no(&audit(&cfg), RuleCode::El001);
}

#[test]
fn el002_owner_representatives_at_least_half() {
    // p-09 now represents the police: 3 owners of 7.
    let cfg = mutated(|c| group(c).members[6].represents = Represents::Police);
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::El002, "el-2024", Severity::Error);
    assert_eq!((fact(f, "owner_representatives"), fact(f, "members")), ("3".into(), "7".into()));
    // Exactly half (3 of 6, p-15 the developer dropped) passes EL002 (and breaks EL001).
    let cfg = mutated(|c| {
        group(c).members[6].represents = Represents::Police;
        group(c).members.remove(2);
    });
    let r = audit(&cfg);
    assert_no(&r, RuleCode::El002);
    assert_finding(&r, RuleCode::El001, "el-2024", Severity::Error);
}

#[test]
fn el003_leader_represents_the_street_office() {
    let cfg = mutated(|c| group(c).leader = pid("p-14"));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::El003, "el-2024", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].preparatory_group.leader");
    assert_eq!((fact(f, "represents"), fact(f, "required")), ("residents_committee".into(), "street_office".into()));
    // Beijing: the residents' committee leads (BJ Art 31).
    let mut bj = Policy::default();
    bj.set_param("prep_group_leader", &ParamValue::Str("residents_committee".into())).unwrap();
    assert_no(&run(&cfg, &bj), RuleCode::El003);
    assert_finding(&run(&example(), &bj), RuleCode::El003, "el-2024", Severity::Error);
}

#[test]
fn el003_leader_not_listed_represents_no_known_body() {
    let cfg = mutated(|c| {
        group(c).members.remove(0);
    });
    assert_finding(&audit(&cfg), RuleCode::El003, "el-2024", Severity::Error);
}

/// The example with p-09 (owner representative, members[6]) carrying this record.
fn rep_with(record: &str) -> GovernanceConfig {
    let r = rec(record);
    mutated(move |c| person(c, "p-09").records.push(r))
}

#[test]
fn el004_owner_representative_screened_on_formation_day() {
    let cfg = rep_with(r#"{"kind":"dishonest_debtor","from":"2024-01-01"}"#);
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::El004, "p-09", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].preparatory_group.members[6]");
    assert_eq!(fact(f, "item"), "NL009");
    assert_eq!(fact(f, "formed_on"), "2024-04-10");
    assert_eq!(fact(f, "record"), "people[8].records[0]");
    // p-09 is no candidate: no NL finding.
    assert_no(&r, RuleCode::Nl009);
    // Delisted on the day the group formed, or listed the day after: passes.
    assert_no(
        &audit(&rep_with(r#"{"kind":"dishonest_debtor","from":"2024-01-01","to":"2024-04-10"}"#)),
        RuleCode::El004,
    );
    assert_no(&audit(&rep_with(r#"{"kind":"dishonest_debtor","from":"2024-04-11"}"#)), RuleCode::El004);
}

#[test]
fn el004_only_enabled_items() {
    let cfg = rep_with(r#"{"kind":"dishonest_debtor","from":"2024-01-01"}"#);
    let mut p = Policy::default();
    p.set_rule(RuleCode::Nl009, xiaoqu::RuleSetting::Off);
    assert_no(&run(&cfg, &p), RuleCode::El004);
    // Contested arrears only when NL007 is switched on.
    let arrears = rep_with(
        r#"{"kind":"fee_arrears","unit":"u-2-202","since":"2023-01-01","months":6,"amount":"1800.00","court_confirmed":true}"#,
    );
    assert_no(&audit(&arrears), RuleCode::El004);
    let r = run(&arrears, &with_on(&[RuleCode::Nl007]));
    let f = assert_finding(&r, RuleCode::El004, "p-09", Severity::Error);
    assert_eq!(fact(f, "item"), "NL007");
    assert!(f.help().unwrap().zh.contains("法工委"));
}

#[test]
fn el004_representative_who_owns_nothing() {
    // p-12 (no unit) replaces p-09 as owner representative; no birth date: NL002 undecided.
    let cfg = mutated(|c| group(c).members[6].person = pid("p-12"));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::El004, "p-12", Severity::Error);
    assert_eq!(fact(f, "item"), "NL001");
    assert_eq!(r.with_code(RuleCode::El004).count(), 1);
    // Other members are not owner representatives and are not screened.
    let cfg = mutated(|c| person(c, "p-13").records.push(rec(r#"{"kind":"dishonest_debtor","from":"2020-01-01"}"#)));
    assert_no(&audit(&cfg), RuleCode::El004);
}

#[test]
fn el005_candidate_list_published_fifteen_days_before() {
    let on = with_on(&[RuleCode::El005]);
    let published = |day: &str| {
        let day = d(day);
        mutated(move |c| c.compounds[0].elections[0].candidate_list_published_on = Some(day))
    };
    // Local: off in default.
    assert_no(&audit(&published("2024-05-30")), RuleCode::El005);
    assert_no(&run(&published("2024-05-17"), &on), RuleCode::El005);
    let r = run(&published("2024-05-18"), &on);
    let f = assert_finding(&r, RuleCode::El005, "el-2024", Severity::Warning);
    assert_eq!((fact(f, "days_before"), fact(f, "required_days")), ("14".into(), "15".into()));
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].candidate_list_published_on");
    let never = mutated(|c| c.compounds[0].elections[0].candidate_list_published_on = None);
    assert_finding(&run(&never, &on), RuleCode::El005, "el-2024", Severity::Warning);
}

#[test]
fn el006_branch_secretary_among_the_candidates() {
    let cfg = mutated(|c| {
        c.compounds[0].elections[0].candidates.remove(0);
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::El006, "p-01", Severity::Info);
    assert_eq!(fact(f, "election"), "el-2024");
    // By-elections fill vacancies: not checked.
    let by = mutated(|c| {
        c.compounds[0].elections[0].candidates.remove(0);
        c.compounds[0].elections[0].kind = ElectionKind::ByElection;
    });
    assert_no(&audit(&by), RuleCode::El006);
    // A secretary who owns no unit could not stand.
    let non_owner = mutated(|c| {
        c.compounds[0].elections[0].candidates.remove(0);
        c.compounds[0].units[0].owners = vec![pid("p-02")];
    });
    assert_no(&audit(&non_owner), RuleCode::El006);
}

/// Every EL code fires on a document built to break it, with the election, the
/// representative or the secretary as subject, with every EL rule on.
#[test]
fn every_el_code_fires_on_a_document_built_to_break_it() {
    let cases: Vec<(RuleCode, &str, GovernanceConfig)> = vec![
        (
            RuleCode::El001,
            "el-2024",
            mutated(|c| group(c).members.push(PrepMember { person: pid("p-10"), represents: Represents::Owners })),
        ),
        (RuleCode::El002, "el-2024", mutated(|c| group(c).members[6].represents = Represents::Police)),
        (RuleCode::El003, "el-2024", mutated(|c| group(c).leader = pid("p-15"))),
        (RuleCode::El004, "p-09", rep_with(r#"{"kind":"under_criminal_investigation","from":"2024-04-01"}"#)),
        (RuleCode::El005, "el-2024", mutated(|c| c.compounds[0].elections[0].candidate_list_published_on = None)),
        (
            RuleCode::El006,
            "p-01",
            mutated(|c| {
                c.compounds[0].elections[0].candidates.remove(0);
            }),
        ),
    ];
    let policy = with_on(&EL);
    for (code, subject, cfg) in &cases {
        let sev = xiaoqu::rules::meta(*code).unwrap().severity;
        assert_finding(&run(cfg, &policy), *code, subject, sev);
    }
}
