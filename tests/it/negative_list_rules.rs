//! NL family and the screening engine: each rule passes on the reference example, fails on a
//! document built to break it (the mutation in each test), and holds at its boundaries.
//!
//! The example: election `el-2024` (5 seats) votes in `asm-2024-01`, which opens on 2024-06-01
//! (the election day); candidates p-01..p-05 (party members p-01..p-03), who are also the
//! sitting committee; `as_of` is 2025-09-05. Most tests add p-10 (owner of u-2-301, born
//! 1972, no party, not on the committee nor in the preparatory group) as a sixth candidate, so
//! that only the candidate pass speaks. p-12 works for the property company `org-pm-hongxing`
//! from 2024-08-01.

use xiaoqu::model::{Candidate, CivilCapacity, CompoundId, Nominator, Relation, Relative, Residency};
use xiaoqu::policy::ParamValue;
use xiaoqu::screening::{self, Item, ItemStatus, Missing, Outcome, Reason, Role};
use xiaoqu::{Diagnostic, GovernanceConfig, Index, Policy, Report, RuleCode, Severity};

use crate::support::{assert_no, audit, d, example, mutated, pid, rec};

const DAY: &str = "2024-06-01";

fn person<'a>(c: &'a mut GovernanceConfig, id: &str) -> &'a mut xiaoqu::model::Person {
    c.people.iter_mut().find(|p| p.id.as_str() == id).unwrap()
}

/// Adds a candidate to `el-2024`.
fn stand(c: &mut GovernanceConfig, id: &str, commitment_signed: bool) {
    c.compounds[0].elections[0].candidates.push(Candidate {
        person: pid(id),
        nominated_by: Nominator::SelfNominated,
        commitment_signed,
    });
}

/// The example with p-10 as sixth candidate and these records.
fn p10_with(records: &[&str]) -> GovernanceConfig {
    mutated(|c| {
        stand(c, "p-10", true);
        person(c, "p-10").records = records.iter().map(|r| rec(r)).collect();
    })
}

/// The default policy, with these rules switched on.
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

/// The candidate-pass finding of `code` on `subject` (its path is in `elections`).
#[track_caller]
fn candidate<'a>(r: &'a Report, code: RuleCode, subject: &str, severity: Severity) -> &'a Diagnostic {
    let found = r.with_code(code).find(|d| d.subject() == subject && d.path().to_string().contains(".elections["));
    let f =
        found.unwrap_or_else(|| panic!("expected {code} on candidate `{subject}`:\n{}", r.to_text(xiaoqu::Lang::En)));
    assert_eq!(f.severity(), severity, "severity of {code} on {subject}");
    f
}

/// The sitting-member finding of `code` on `subject` (its path is in `owners_committee`).
#[track_caller]
fn sitting<'a>(r: &'a Report, code: RuleCode, subject: &str, severity: Severity) -> &'a Diagnostic {
    let found = r.with_code(code).find(|d| d.subject() == subject && d.path().to_string().contains("owners_committee"));
    let f = found.unwrap_or_else(|| panic!("expected {code} on member `{subject}`:\n{}", r.to_text(xiaoqu::Lang::En)));
    assert_eq!(f.severity(), severity, "severity of {code} on {subject}");
    f
}

fn fact(f: &Diagnostic, key: &str) -> String {
    f.fact(key).unwrap_or_else(|| panic!("no fact `{key}` in {f:?}")).to_string()
}

const NL: [RuleCode; 17] = [
    RuleCode::Nl001,
    RuleCode::Nl002,
    RuleCode::Nl003,
    RuleCode::Nl004,
    RuleCode::Nl005,
    RuleCode::Nl006,
    RuleCode::Nl007,
    RuleCode::Nl008,
    RuleCode::Nl009,
    RuleCode::Nl010,
    RuleCode::Nl011,
    RuleCode::Nl012,
    RuleCode::Nl013,
    RuleCode::Nl014,
    RuleCode::Nl015,
    RuleCode::Nl016,
    RuleCode::Nl017,
];

/// Every NL rule on, with a residency requirement so that NL011 runs.
fn all_on() -> Policy {
    let mut p = with_on(&NL);
    p.set_param("residency_months", &ParamValue::Int(6)).unwrap();
    p
}

#[test]
fn reference_example_has_no_nl_finding_even_with_every_item_on() {
    for policy in [Policy::default(), Policy::preset("national").unwrap(), all_on()] {
        let r = run(&example(), &policy);
        for code in NL {
            assert_no(&r, code);
        }
    }
}

#[test]
fn catalogue_matches_rules_md() {
    use xiaoqu::Basis::{Lib, Local, Practice, Reg};
    use xiaoqu::Severity::{Error as E, Warning as W};
    let expected = [
        (E, Reg, true),
        (E, Reg, true),
        (E, Practice, true),
        (E, Practice, true),
        (E, Practice, true),
        (E, Practice, true),
        (E, Local, false),
        (E, Practice, true),
        (E, Practice, true),
        (W, Local, true),
        (W, Local, true),
        (W, Practice, false),
        (W, Practice, true),
        (W, Practice, false),
        (W, Local, true),
        (W, Practice, true),
        (E, Lib, true),
    ];
    for (code, (sev, basis, on)) in NL.into_iter().zip(expected) {
        let m = xiaoqu::rules::meta(code).unwrap();
        assert_eq!((m.severity, m.basis, m.on_by_default), (sev, basis, on), "{code}");
        assert!(!m.citation.is_empty());
    }
    // The default preset runs the practice and national items only.
    let p = Policy::default();
    let on: Vec<&str> = NL.into_iter().filter(|c| p.is_enabled(*c)).map(RuleCode::as_str).collect();
    assert_eq!(on, ["NL001", "NL002", "NL003", "NL004", "NL005", "NL006", "NL008", "NL009", "NL013", "NL016", "NL017"]);
    let n = Policy::preset("national").unwrap();
    let on: Vec<&str> = NL.into_iter().filter(|c| n.is_enabled(*c)).map(RuleCode::as_str).collect();
    assert_eq!(on, ["NL001", "NL002", "NL017"]);
}

#[test]
fn nl001_candidate_not_an_owner() {
    // p-13 (street office staff) owns nothing in the compound.
    let cfg = mutated(|c| stand(c, "p-13", true));
    let r = audit(&cfg);
    let f = candidate(&r, RuleCode::Nl001, "p-13", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].candidates[5]");
    assert_eq!(fact(f, "election"), "el-2024");
    assert_eq!(fact(f, "election_date"), DAY);
    assert_eq!(f.compound().map(CompoundId::as_str), Some("c-guokeyuan"));
    // And under the national preset too (reg).
    candidate(&run(&cfg, &Policy::preset("national").unwrap()), RuleCode::Nl001, "p-13", Severity::Error);
}

#[test]
fn nl002_capacity_and_age_18_on_the_election_day() {
    let cfg = mutated(|c| {
        stand(c, "p-10", true);
        person(c, "p-10").civil_capacity = CivilCapacity::Limited;
    });
    let f = candidate(&audit(&cfg), RuleCode::Nl002, "p-10", Severity::Error).clone();
    assert_eq!(fact(&f, "civil_capacity"), "limited");

    let born = |b: &str| {
        let b = d(b);
        mutated(move |c| {
            stand(c, "p-10", true);
            person(c, "p-10").birth_date = Some(b);
        })
    };
    // 18 on the election day passes; a day younger fails.
    assert_no(&audit(&born("2006-06-01")), RuleCode::Nl002);
    let r = audit(&born("2006-06-02"));
    assert_eq!(fact(candidate(&r, RuleCode::Nl002, "p-10", Severity::Error), "age"), "17");
}

#[test]
fn nl002_unknown_birth_date_is_not_enough_data_and_not_a_finding() {
    let cfg = mutated(|c| {
        stand(c, "p-10", true);
        person(c, "p-10").birth_date = None;
    });
    assert_no(&audit(&cfg), RuleCode::Nl002);
    let index = Index::build(&cfg);
    let s =
        screening::screen_id(&index, &Policy::default(), "p-10", "c-guokeyuan", d(DAY), Role::SittingMember).unwrap();
    assert_eq!(s.verdict(Item::FullCapacity).unwrap().outcome, Outcome::NotEnoughData(Missing::BirthDate));
}

/// The example with p-12 working for the property company since 2020 and related to p-10.
fn tied(relation: Relation) -> GovernanceConfig {
    mutated(|c| {
        stand(c, "p-10", true);
        person(c, "p-12").employment[0].from = d("2020-01-01");
        person(c, "p-10").relatives.push(Relative { person: pid("p-12"), relation });
    })
}

#[test]
fn nl003_spouse_or_lineal_relative_at_the_property_company() {
    for (relation, seen_as) in [(Relation::Spouse, "spouse"), (Relation::Child, "child"), (Relation::Parent, "parent")]
    {
        let r = audit(&tied(relation));
        let f = candidate(&r, RuleCode::Nl003, "p-10", Severity::Error);
        assert_eq!(fact(f, "employed"), "p-12");
        assert_eq!(fact(f, "relation"), seen_as);
        assert_eq!(fact(f, "company"), "org-pm-hongxing");
    }
}

#[test]
fn nl003_sibling_is_not_lineal() {
    assert_no(&audit(&tied(Relation::Sibling)), RuleCode::Nl003);
    assert_no(&audit(&tied(Relation::OtherClose)), RuleCode::Nl003);
}

#[test]
fn nl003_employment_must_cover_the_election_day() {
    // In the example p-12 starts on 2024-08-01, after the election: no tie then.
    let cfg = mutated(|c| {
        stand(c, "p-10", true);
        person(c, "p-10").relatives.push(Relative { person: pid("p-12"), relation: Relation::Spouse });
    });
    assert_no(&audit(&cfg), RuleCode::Nl003);
    let ending = |to: &str| {
        let to = d(to);
        let mut cfg = tied(Relation::Spouse);
        person(&mut cfg, "p-12").employment[0].to = Some(to);
        cfg
    };
    assert_no(&audit(&ending("2024-05-31")), RuleCode::Nl003);
    candidate(&audit(&ending(DAY)), RuleCode::Nl003, "p-10", Severity::Error);
}

#[test]
fn nl003_candidate_employed_themself() {
    let cfg = mutated(|c| {
        stand(c, "p-10", true);
        let e = person(c, "p-12").employment[0].clone();
        person(c, "p-10").employment.push(xiaoqu::model::Employment { from: d("2024-06-01"), ..e });
    });
    let f = candidate(&audit(&cfg), RuleCode::Nl003, "p-10", Severity::Error).clone();
    assert_eq!(fact(&f, "relation"), "self");
    // The free-text role never reaches the report.
    assert!(!f.message().en.contains("project_manager") && !f.message().zh.contains("project_manager"));
}

/// Asserts the record reason of a candidate finding.
#[track_caller]
fn record_finding(r: &Report, code: RuleCode, severity: Severity, kind: &str, decided_on: &str) -> Diagnostic {
    let f = candidate(r, code, "p-10", severity).clone();
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].candidates[5]");
    assert_eq!(fact(&f, "record"), "people[9].records[0]");
    assert_eq!(fact(&f, "record_kind"), kind);
    assert_eq!(fact(&f, "decided_on"), decided_on);
    f
}

#[test]
fn nl004_to_nl006_unrectified_records() {
    let cases = [
        (RuleCode::Nl004, "illegal_construction", r#""unit":"u-2-301","ordered_on":"2024-01-10""#),
        (RuleCode::Nl005, "structural_damage", r#""unit":"u-2-301","found_on":"2024-01-10""#),
        (RuleCode::Nl006, "occupies_common_part", r#""compound":"c-guokeyuan","found_on":"2024-01-10""#),
    ];
    for (code, kind, fields) in cases {
        let open = format!(r#"{{"kind":"{kind}",{fields}}}"#);
        let f = record_finding(&audit(&p10_with(&[&open])), code, Severity::Error, kind, "2024-01-10");
        assert!(f.fact("clears_on").is_none());
        // Rectified on the election day: no longer bars. The day after: still bars on the day.
        let on_day = format!(r#"{{"kind":"{kind}",{fields},"rectified_on":"{DAY}"}}"#);
        assert_no(&audit(&p10_with(&[&on_day])), code);
        let after = format!(r#"{{"kind":"{kind}",{fields},"rectified_on":"2024-06-02"}}"#);
        let f = record_finding(&audit(&p10_with(&[&after])), code, Severity::Error, kind, "2024-01-10");
        assert_eq!(fact(&f, "clears_on"), "2024-06-02");
        // Ordered or found after the election: did not exist on the day.
        let later = open.replace("2024-01-10", "2024-06-02");
        assert_no(&audit(&p10_with(&[&later])), code);
    }
}

const ARREARS: &str = r#"{"kind":"fee_arrears","unit":"u-2-301","since":"2023-09-01","months":3,"amount":"900.00","court_confirmed":false}"#;

#[test]
fn nl007_fee_arrears_never_bar_under_national_or_default() {
    let cfg = p10_with(&[ARREARS]);
    assert_no(&audit(&cfg), RuleCode::Nl007);
    assert_no(&run(&cfg, &Policy::preset("national").unwrap()), RuleCode::Nl007);
    let index = Index::build(&cfg);
    let s = screening::screen_id(&index, &Policy::default(), "p-10", "c-guokeyuan", d(DAY), Role::SittingMember);
    assert!(s.unwrap().verdict(Item::NoFeeArrears).is_none(), "not screened unless switched on");
}

#[test]
fn nl007_switched_on_by_a_profile_says_why_it_is_contested() {
    let cfg = p10_with(&[ARREARS]);
    for preset in ["default", "national"] {
        let profile = format!(r#"{{ "preset": "{preset}", "rules": {{ "NL007": "on" }} }}"#);
        let policy = xiaoqu::config::policy_from_json_str(&profile).unwrap();
        let r = run(&cfg, &policy);
        let f = record_finding(&r, RuleCode::Nl007, Severity::Error, "fee_arrears", "2023-09-01");
        let help = f.help().unwrap();
        assert!(help.zh.contains("法工委") && help.zh.contains("H3"), "{}", help.zh);
        assert!(help.en.contains("Legislative Affairs Commission"), "{}", help.en);
        assert!(f.citation().contains("H3"));
        assert_eq!(fact(&f, "arrears_months"), "1");
    }
    assert_eq!(Item::NoFeeArrears.status(), ItemStatus::Contested);
}

#[test]
fn nl007_months_court_confirmation_and_settlement() {
    let on = with_on(&[RuleCode::Nl007]);
    let mut three = on.clone();
    three.set_param("arrears_months", &ParamValue::Int(3)).unwrap();
    let mut four = on.clone();
    four.set_param("arrears_months", &ParamValue::Int(4)).unwrap();
    let cfg = p10_with(&[ARREARS]);
    candidate(&run(&cfg, &three), RuleCode::Nl007, "p-10", Severity::Error);
    assert_no(&run(&cfg, &four), RuleCode::Nl007);

    let mut court = on.clone();
    court.set_param("court_confirmed_only", &ParamValue::Bool(true)).unwrap();
    assert_no(&run(&cfg, &court), RuleCode::Nl007);
    let confirmed = p10_with(&[&ARREARS.replace(r#""court_confirmed":false"#, r#""court_confirmed":true"#)]);
    candidate(&run(&confirmed, &court), RuleCode::Nl007, "p-10", Severity::Error);

    let settled = p10_with(&[&ARREARS.replace('}', r#","settled_on":"2024-06-01"}"#)]);
    assert_no(&run(&settled, &on), RuleCode::Nl007);
}

fn conviction(completed: &str, intentional: bool) -> String {
    format!(
        r#"{{"kind":"criminal_conviction","date":"2017-03-01","sentence_completed_on":"{completed}","intentional":{intentional}}}"#
    )
}

#[test]
fn nl008_less_than_five_years_after_the_sentence() {
    // 4 years 364 days before the election day: bars, until the fifth anniversary.
    let f = record_finding(
        &audit(&p10_with(&[&conviction("2019-06-02", true)])),
        RuleCode::Nl008,
        Severity::Error,
        "criminal_conviction",
        "2019-06-02",
    );
    assert_eq!(fact(&f, "clears_on"), "2024-06-02");
    assert_eq!(fact(&f, "crime_lookback_years"), "5");
    // Exactly five years, and five years and one day: the five years are full.
    assert_no(&audit(&p10_with(&[&conviction("2019-06-01", true)])), RuleCode::Nl008);
    assert_no(&audit(&p10_with(&[&conviction("2019-05-31", true)])), RuleCode::Nl008);
}

#[test]
fn nl008_negligent_crimes_only_when_intentional_only_is_off() {
    let cfg = p10_with(&[&conviction("2022-01-01", false)]);
    assert_no(&audit(&cfg), RuleCode::Nl008);
    let mut p = Policy::default();
    p.set_param("intentional_only", &ParamValue::Bool(false)).unwrap();
    candidate(&run(&cfg, &p), RuleCode::Nl008, "p-10", Severity::Error);
}

#[test]
fn nl008_lookback_parameter_and_sentences_being_served() {
    let mut three = Policy::default();
    three.set_param("crime_lookback_years", &ParamValue::Int(3)).unwrap();
    candidate(&run(&p10_with(&[&conviction("2021-06-02", true)]), &three), RuleCode::Nl008, "p-10", Severity::Error);
    assert_no(&run(&p10_with(&[&conviction("2021-06-01", true)]), &three), RuleCode::Nl008);
    // No completion date: still being served; decided by the judgment date.
    let serving = r#"{"kind":"criminal_conviction","date":"2010-03-01","intentional":true}"#;
    record_finding(
        &audit(&p10_with(&[serving])),
        RuleCode::Nl008,
        Severity::Error,
        "criminal_conviction",
        "2010-03-01",
    );
    // Completed after the election day: served on the day.
    record_finding(
        &audit(&p10_with(&[&conviction("2024-09-01", true)])),
        RuleCode::Nl008,
        Severity::Error,
        "criminal_conviction",
        "2024-09-01",
    );
    // A judgment after the election day did not exist yet.
    let later = r#"{"kind":"criminal_conviction","date":"2024-06-02","intentional":true}"#;
    assert_no(&audit(&p10_with(&[later])), RuleCode::Nl008);
}

#[test]
fn nl008_open_investigation() {
    let open = r#"{"kind":"under_criminal_investigation","from":"2024-05-01"}"#;
    record_finding(
        &audit(&p10_with(&[open])),
        RuleCode::Nl008,
        Severity::Error,
        "under_criminal_investigation",
        "2024-05-01",
    );
    let closed = r#"{"kind":"under_criminal_investigation","from":"2024-05-01","to":"2024-06-01"}"#;
    assert_no(&audit(&p10_with(&[closed])), RuleCode::Nl008);
}

#[test]
fn nl009_dishonest_debtor_listed_on_the_election_day() {
    let listed = r#"{"kind":"dishonest_debtor","from":"2023-01-01"}"#;
    record_finding(&audit(&p10_with(&[listed])), RuleCode::Nl009, Severity::Error, "dishonest_debtor", "2023-01-01");
    // A listing that ended before the election, or on its day, does not bar.
    let ended = |to: &str| format!(r#"{{"kind":"dishonest_debtor","from":"2023-01-01","to":"{to}"}}"#);
    assert_no(&audit(&p10_with(&[&ended("2024-05-31")])), RuleCode::Nl009);
    assert_no(&audit(&p10_with(&[&ended(DAY)])), RuleCode::Nl009);
    let f = record_finding(
        &audit(&p10_with(&[&ended("2024-06-02")])),
        RuleCode::Nl009,
        Severity::Error,
        "dishonest_debtor",
        "2023-01-01",
    );
    assert_eq!(fact(&f, "clears_on"), "2024-06-02");
    // Practice basis: not under the national preset.
    assert_no(&run(&p10_with(&[listed]), &Policy::preset("national").unwrap()), RuleCode::Nl009);
}

#[test]
fn nl010_property_penalty_less_than_a_year_before() {
    let penalty = |date: &str, related: bool| {
        format!(r#"{{"kind":"admin_penalty","date":"{date}","property_related":{related}}}"#)
    };
    let on = with_on(&[RuleCode::Nl010]);
    assert_no(&audit(&p10_with(&[&penalty("2023-06-02", true)])), RuleCode::Nl010);
    let r = run(&p10_with(&[&penalty("2023-06-02", true)]), &on);
    let f = record_finding(&r, RuleCode::Nl010, Severity::Warning, "admin_penalty", "2023-06-02");
    assert_eq!(fact(&f, "penalty_lookback_years"), "1");
    assert_no(&run(&p10_with(&[&penalty("2023-06-01", true)]), &on), RuleCode::Nl010);
    assert_no(&run(&p10_with(&[&penalty("2024-01-01", false)]), &on), RuleCode::Nl010);
}

fn resided(from: &str) -> GovernanceConfig {
    let from = d(from);
    mutated(move |c| {
        stand(c, "p-10", true);
        person(c, "p-10").residency =
            Some(vec![Residency { compound: CompoundId::new("c-guokeyuan").unwrap(), from, to: None }]);
    })
}

#[test]
fn nl011_residency_only_when_months_are_set() {
    let on = with_on(&[RuleCode::Nl011]);
    assert_no(&run(&resided("2024-05-01"), &on), RuleCode::Nl011);
    let mut six = on.clone();
    six.set_param("residency_months", &ParamValue::Int(6)).unwrap();
    // Six months before 2024-06-01 is 2023-12-01: 183 days needed.
    assert_no(&run(&resided("2023-12-01"), &six), RuleCode::Nl011);
    let r = run(&resided("2023-12-02"), &six);
    let f = candidate(&r, RuleCode::Nl011, "p-10", Severity::Warning);
    assert_eq!((fact(f, "resided_days"), fact(f, "required_days")), ("182".into(), "183".into()));
    // Without residency records an owner is taken to reside; another compound does not count.
    assert_no(&run(&p10_with(&[]), &six), RuleCode::Nl011);
    let elsewhere = mutated(|c| {
        stand(c, "p-10", true);
        person(c, "p-10").residency =
            Some(vec![Residency { compound: CompoundId::new("c-other").unwrap(), from: d("2020-01-01"), to: None }]);
    });
    assert_eq!(
        fact(candidate(&run(&elsewhere, &six), RuleCode::Nl011, "p-10", Severity::Warning), "resided_days"),
        "0"
    );
}

#[test]
fn nl012_age_limit_when_switched_on() {
    let born = |b: &str| {
        let b = d(b);
        mutated(move |c| {
            stand(c, "p-10", true);
            person(c, "p-10").birth_date = Some(b);
        })
    };
    let on = with_on(&[RuleCode::Nl012]);
    // 76 on the day: off in default, fails when on; 75 passes.
    assert_no(&audit(&born("1948-06-01")), RuleCode::Nl012);
    let r = run(&born("1948-06-01"), &on);
    assert_eq!(fact(candidate(&r, RuleCode::Nl012, "p-10", Severity::Warning), "age"), "76");
    assert_no(&run(&born("1948-06-02"), &on), RuleCode::Nl012);
    assert_no(&run(&born("2006-06-01"), &on), RuleCode::Nl012);
}

#[test]
fn nl013_current_economic_ties_without_their_description() {
    let ties = |compound: &str, to: &str| {
        format!(
            r#"{{"kind":"economic_ties","compound":"{compound}","description":"承租1号商铺","from":"2022-01-01"{to}}}"#
        )
    };
    let r = audit(&p10_with(&[&ties("c-guokeyuan", "")]));
    let f = record_finding(&r, RuleCode::Nl013, Severity::Warning, "economic_ties", "2022-01-01");
    let all = format!("{}{}{:?}", f.message().zh, f.message().en, f.facts());
    assert!(!all.contains("商铺"), "free text leaked: {all}");
    assert_no(&audit(&p10_with(&[&ties("c-other", "")])), RuleCode::Nl013);
    assert_no(&audit(&p10_with(&[&ties("c-guokeyuan", r#","to":"2024-06-01""#)])), RuleCode::Nl013);
}

#[test]
fn nl014_previously_removed_when_switched_on() {
    let removed =
        |compound: &str| format!(r#"{{"kind":"removed_from_committee","compound":"{compound}","date":"2020-05-01"}}"#);
    let on = with_on(&[RuleCode::Nl014]);
    assert_no(&audit(&p10_with(&[&removed("c-guokeyuan")])), RuleCode::Nl014);
    record_finding(
        &run(&p10_with(&[&removed("c-guokeyuan")]), &on),
        RuleCode::Nl014,
        Severity::Warning,
        "removed_from_committee",
        "2020-05-01",
    );
    assert_no(&run(&p10_with(&[&removed("c-other")]), &on), RuleCode::Nl014);
}

#[test]
fn nl015_commitment_not_signed() {
    let cfg = mutated(|c| c.compounds[0].elections[0].candidates[3].commitment_signed = false);
    assert_no(&audit(&cfg), RuleCode::Nl015);
    let r = run(&cfg, &with_on(&[RuleCode::Nl015]));
    let f = candidate(&r, RuleCode::Nl015, "p-04", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].candidates[3].commitment_signed");
}

#[test]
fn nl016_party_share_of_candidates() {
    // 3 party members of 6 candidates: exactly half passes; of 7: fails.
    assert_no(&audit(&mutated(|c| stand(c, "p-10", true))), RuleCode::Nl016);
    let cfg = mutated(|c| {
        stand(c, "p-10", true);
        stand(c, "p-08", true);
    });
    let r = audit(&cfg);
    let f = candidate(&r, RuleCode::Nl016, "el-2024", Severity::Warning);
    assert_eq!((fact(f, "party_members"), fact(f, "candidates")), ("3".into(), "7".into()));
    assert_eq!(fact(f, "required_share"), "1/2");
    // A member who joined after the election day was not one on it: 2 of 5.
    let late = mutated(|c| person(c, "p-03").party.as_mut().unwrap().joined_on = Some(d("2024-06-02")));
    let r = audit(&late);
    assert_eq!(fact(candidate(&r, RuleCode::Nl016, "el-2024", Severity::Warning), "party_members"), "2");
}

#[test]
fn nl017_candidates_fill_seats() {
    let cfg = mutated(|c| {
        c.compounds[0].elections[0].seats = 6;
        stand(c, "p-05", true); // listed twice: counts once
    });
    let r = audit(&cfg);
    let f = candidate(&r, RuleCode::Nl017, "el-2024", Severity::Error);
    assert_eq!((fact(f, "candidates"), fact(f, "seats")), ("5".into(), "6".into()));
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].candidates");
    candidate(&run(&cfg, &Policy::preset("national").unwrap()), RuleCode::Nl017, "el-2024", Severity::Error);
}

#[test]
fn sitting_members_are_screened_on_as_of_capped_at_warning() {
    // p-04 sits on the committee; listed after the election, so only the removal pass speaks.
    let cfg = mutated(|c| person(c, "p-04").records.push(rec(r#"{"kind":"dishonest_debtor","from":"2025-01-01"}"#)));
    let r = audit(&cfg);
    let f = sitting(&r, RuleCode::Nl009, "p-04", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members[3]");
    assert_eq!(fact(f, "as_of"), "2025-09-05");
    assert_eq!(r.with_code(RuleCode::Nl009).count(), 1, "no candidate finding: the listing began after the election");
    // Listed before the election: both passes report, each at its own severity.
    let cfg = mutated(|c| person(c, "p-04").records.push(rec(r#"{"kind":"dishonest_debtor","from":"2024-01-01"}"#)));
    let r = audit(&cfg);
    candidate(&r, RuleCode::Nl009, "p-04", Severity::Error);
    sitting(&r, RuleCode::Nl009, "p-04", Severity::Warning);
    // The cap never raises: an item set to info stays info.
    let mut p = Policy::default();
    p.set_rule(RuleCode::Nl009, xiaoqu::RuleSetting::Severity(Severity::Info));
    sitting(&run(&cfg, &p), RuleCode::Nl009, "p-04", Severity::Info);
}

#[test]
fn sitting_members_leave_ownership_and_property_ties_to_cm002_and_de007() {
    let cfg = mutated(|c| {
        c.compounds[0].units[8].owners = vec![pid("p-06")]; // p-05's unit u-2-201 goes
        person(c, "p-12").employment[0].from = d("2020-01-01");
        person(c, "p-03").relatives.push(Relative { person: pid("p-12"), relation: Relation::Spouse });
    });
    let r = audit(&cfg);
    assert!(r.with_code(RuleCode::Nl001).all(|f| !f.path().to_string().contains("owners_committee")));
    assert!(r.with_code(RuleCode::Nl003).all(|f| !f.path().to_string().contains("owners_committee")));
    crate::support::assert_finding(&r, RuleCode::Cm002, "p-05", Severity::Error);
    crate::support::assert_finding(&r, RuleCode::De007, "p-03", Severity::Error);
}

#[test]
fn screening_api_reports_status_citation_and_severity() {
    let cfg = p10_with(&[r#"{"kind":"dishonest_debtor","from":"2023-01-01"}"#, ARREARS]);
    let index = Index::build(&cfg);
    let policy = with_on(&[RuleCode::Nl007, RuleCode::Nl012]);
    let c = &cfg.compounds[0];
    let day = screening::election_date(c, &c.elections[0]).unwrap();
    let s =
        screening::screen_id(&index, &policy, "p-10", "c-guokeyuan", day, Role::Candidate { commitment_signed: true })
            .unwrap();
    let codes: Vec<&str> = s.verdicts.iter().map(|v| v.item.code().as_str()).collect();
    assert_eq!(
        codes,
        ["NL001", "NL002", "NL003", "NL004", "NL005", "NL006", "NL007", "NL008", "NL009", "NL012", "NL013"]
    );
    let debtor = s.verdict(Item::NotDishonestDebtor).unwrap();
    assert_eq!(debtor.status, ItemStatus::Mandatory);
    assert_eq!(debtor.severity, Severity::Error);
    assert!(debtor.citation.contains("北京市物业管理条例"));
    assert_eq!(
        debtor.outcome,
        Outcome::Fails(vec![Reason::Record {
            index: 0,
            kind: xiaoqu::model::RecordKind::DishonestDebtor,
            decided_on: d("2023-01-01"),
            clears_on: None
        }])
    );
    assert_eq!(s.verdict(Item::NoFeeArrears).unwrap().outcome.reasons().len(), 1);
    assert_eq!(s.verdict(Item::AgeLimit).unwrap().outcome, Outcome::Passes);
    assert!(s.fails());
    assert_eq!(s.failures().count(), 2);
    let table = s.to_text(xiaoqu::Lang::En);
    assert!(table.contains("NL009  mandatory  error    fails"), "{table}");
    assert!(table.contains("NL007  contested  error    fails"), "{table}");
    // Representatives and sitting members are not asked for the commitment.
    let rep = screening::screen_id(&index, &policy, "p-10", "c-guokeyuan", day, Role::OwnerRepresentative).unwrap();
    assert!(rep.verdict(Item::SignedCommitment).is_none());
}

#[test]
fn screening_a_person_the_index_does_not_hold() {
    let cfg = example();
    let index = Index::build(&cfg);
    let mut newcomer = cfg.people[9].clone();
    newcomer.id = pid("p-new");
    newcomer.employment = cfg.people[11].employment.clone();
    newcomer.relatives = vec![Relative { person: pid("p-12"), relation: Relation::Spouse }];
    let applicant = screening::Applicant {
        person: &newcomer,
        compound: &cfg.compounds[0],
        on: cfg.as_of,
        role: Role::Candidate { commitment_signed: true },
    };
    let s = screening::screen(&index, &Policy::default(), &applicant);
    let ties = s.verdict(Item::NoPropertyCompanyTie).unwrap().outcome.reasons().to_vec();
    let who: Vec<&str> = ties
        .iter()
        .map(|r| match r {
            Reason::PropertyCompanyTie { employed, .. } => employed.as_str(),
            _ => "?",
        })
        .collect();
    assert_eq!(who, ["p-new", "p-12"]);
    assert_eq!(s.verdict(Item::IsOwner).unwrap().outcome, Outcome::Fails(vec![Reason::NotAnOwner]));
}

/// Every NL code fires on a document built to break it, with the candidate (or the election,
/// for NL016 and NL017) as subject, under a policy with every item on.
#[test]
fn every_nl_code_fires_on_a_document_built_to_break_it() {
    let one = |r: &str| p10_with(&[r]);
    let cases: Vec<(RuleCode, &str, GovernanceConfig)> = vec![
        (RuleCode::Nl001, "p-13", mutated(|c| stand(c, "p-13", true))),
        (
            RuleCode::Nl002,
            "p-10",
            mutated(|c| {
                stand(c, "p-10", true);
                person(c, "p-10").civil_capacity = CivilCapacity::None;
            }),
        ),
        (RuleCode::Nl003, "p-10", tied(Relation::Spouse)),
        (RuleCode::Nl004, "p-10", one(r#"{"kind":"illegal_construction","unit":"u-2-301","ordered_on":"2024-01-01"}"#)),
        (RuleCode::Nl005, "p-10", one(r#"{"kind":"structural_damage","unit":"u-2-301","found_on":"2024-01-01"}"#)),
        (
            RuleCode::Nl006,
            "p-10",
            one(r#"{"kind":"occupies_common_part","compound":"c-guokeyuan","found_on":"2024-01-01"}"#),
        ),
        (RuleCode::Nl007, "p-10", one(ARREARS)),
        (RuleCode::Nl008, "p-10", one(&conviction("2021-01-01", true))),
        (RuleCode::Nl009, "p-10", one(r#"{"kind":"dishonest_debtor","from":"2024-01-01"}"#)),
        (RuleCode::Nl010, "p-10", one(r#"{"kind":"admin_penalty","date":"2024-01-01","property_related":true}"#)),
        (RuleCode::Nl011, "p-10", resided("2024-03-01")),
        (
            RuleCode::Nl012,
            "p-10",
            mutated(|c| {
                stand(c, "p-10", true);
                person(c, "p-10").birth_date = Some(d("1940-01-01"));
            }),
        ),
        (
            RuleCode::Nl013,
            "p-10",
            one(r#"{"kind":"economic_ties","compound":"c-guokeyuan","description":"x","from":"2024-01-01"}"#),
        ),
        (
            RuleCode::Nl014,
            "p-10",
            one(r#"{"kind":"removed_from_committee","compound":"c-guokeyuan","date":"2021-01-01"}"#),
        ),
        (RuleCode::Nl015, "p-10", mutated(|c| stand(c, "p-10", false))),
        (
            RuleCode::Nl016,
            "el-2024",
            mutated(|c| {
                stand(c, "p-10", true);
                stand(c, "p-08", true);
            }),
        ),
        (RuleCode::Nl017, "el-2024", mutated(|c| c.compounds[0].elections[0].seats = 7)),
    ];
    let policy = all_on();
    for (code, subject, cfg) in &cases {
        let r = run(cfg, &policy);
        let sev = xiaoqu::rules::meta(*code).unwrap().severity;
        candidate(&r, *code, subject, sev);
    }
    assert_eq!(cases.len(), NL.len());
}

#[test]
fn nl001_waits_while_an_owner_id_does_not_resolve() {
    // u-1-201 (p-04's unit) names p-99: CFG001 reports it; who owns what is not known.
    let cfg = mutated(|c| c.compounds[0].units[2].owners[0] = pid("p-99"));
    let r = audit(&cfg);
    assert_no(&r, RuleCode::Nl001);
    assert_no(&r, RuleCode::El004);
    let index = Index::build(&cfg);
    let s =
        screening::screen_id(&index, &Policy::default(), "p-04", "c-guokeyuan", d(DAY), Role::SittingMember).unwrap();
    assert_eq!(s.verdict(Item::IsOwner).unwrap().outcome, Outcome::NotEnoughData(Missing::Ownership));
}
