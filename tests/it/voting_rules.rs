//! AV family and the tally engine.
//!
//! The reference votes: `asm-2024-01` (compound scope, window 2024-06-01..=2024-06-15, notice
//! 2024-05-15; m-1 elect committee, m-2 rules of procedure, m-3 business use of common parts,
//! all declared passed) and `asm-2025-01` (window 2025-05-01..=2025-05-10; m-1 use of the
//! maintenance fund). 12 units, 1295.60 m²; p-08 owns u-1-301 and u-1-302; u-2-302 is held by
//! the developer `org-dev-guoke` (member p-15) and does not vote: 11 heads, 10 vote, 1165.00 m².
//!
//! `engine` holds the boundaries of the law on small documents built in code and the
//! agreement with a naive tally; this file holds the AV rules on the mutated reference example
//! and the `tally` command.

mod engine;

use xiaoqu::model::{Choice, DeclaredResult, MatterId, PersonId, Scope, UnitId};
use xiaoqu::policy::{Abstention, ParamValue};
use xiaoqu::{GovernanceConfig, Policy, Report, RuleCode, RuleSetting, Severity};

use crate::support::{assert_finding, assert_no, audit, d, example, mutated};

const AV: [RuleCode; 10] = [
    RuleCode::Av001,
    RuleCode::Av002,
    RuleCode::Av003,
    RuleCode::Av004,
    RuleCode::Av005,
    RuleCode::Av006,
    RuleCode::Av007,
    RuleCode::Av008,
    RuleCode::Av009,
    RuleCode::Av010,
];

/// Removes the ballots of these units from `asm-2024-01`.
fn drop_ballots(c: &mut GovernanceConfig, units: &[&str]) {
    c.compounds[0].assemblies[0].ballots.retain(|b| !units.contains(&b.unit.as_str()));
}

/// Sets the choice of unit `unit` on matter `matter` of `asm-2024-01`.
fn set_choice(c: &mut GovernanceConfig, unit: &str, matter: &str, choice: Choice) {
    let b = c.compounds[0].assemblies[0].ballots.iter_mut().find(|b| b.unit.as_str() == unit).unwrap();
    let m = MatterId::new(matter).unwrap();
    b.choices = b.choices.iter().map(|(k, v)| (k.clone(), if *k == m { choice } else { *v })).collect();
}

/// Every AV code is on in `default` except the local AV010.
fn av_with_window(window: &str) -> Policy {
    let mut p = Policy::default();
    p.set_param("vote_window_days", &ParamValue::Str(window.into())).unwrap();
    p.set_rule(RuleCode::Av010, RuleSetting::On);
    p
}

fn no_av(r: &Report) {
    for code in AV {
        assert_no(r, code);
    }
}

#[test]
fn reference_example_has_no_av_finding() {
    no_av(&audit(&example()));
    no_av(&xiaoqu::audit(&example(), &Policy::preset("national").unwrap()));
    no_av(&xiaoqu::audit(&example(), &av_with_window("5..=60")));
    for code in AV {
        let on = Policy::default().is_enabled(code);
        assert_eq!(on, code != RuleCode::Av010, "{code}: AV010 is local, off in both presets");
    }
}

#[test]
fn tally_of_the_reference_vote() {
    let t = xiaoqu::voting::tally(&example(), "c-guokeyuan", "asm-2024-01").unwrap();
    assert_eq!(t.total().heads.0, 11);
    assert_eq!(t.total().area.to_string(), "1295.60");
    for m in t.matters() {
        assert_eq!(m.heads().participating.0, 10, "{}", m.id());
        assert_eq!(m.area().participating.to_string(), "1165.00");
        assert!(m.passed());
    }
    let m3 = t.matter("m-3").unwrap();
    assert_eq!((m3.area().in_favour.to_string(), m3.heads().in_favour.0), ("924.00".to_owned(), 8));
    assert_eq!((m3.area().against.to_string(), m3.heads().against.0), ("241.00".to_owned(), 2));
    assert_eq!(m3.approval().needed().area.to_string(), "873.75");
    let m1 = t.matter("m-1").unwrap();
    assert_eq!((m1.area().in_favour.to_string(), m1.heads().in_favour.0), ("1054.60".to_owned(), 9));
    assert!(
        matches!(xiaoqu::voting::tally(&example(), "c-x", "asm-2024-01"), Err(e) if e.to_string() == "unknown compound `c-x`")
    );
}

// ---------------------------------------------------------------------------------------------
// AV001 quorum, AV002 declared result

#[test]
fn av001_boundary_eight_heads_of_eleven() {
    // Without p-01 and p-02: 8 heads of 11 (2/3 of 11 is 7.33) and 986.00 m²: quorum met.
    let cfg = mutated(|c| drop_ballots(c, &["u-1-101", "u-1-102"]));
    no_av(&audit(&cfg));
    // Without p-04 as well: 7 heads, quorum missed although 883.70 m² ≥ 863.74.
    let cfg = mutated(|c| drop_ballots(c, &["u-1-101", "u-1-102", "u-1-201"]));
    let r = audit(&cfg);
    for m in ["m-1", "m-2", "m-3"] {
        let f = assert_finding(&r, RuleCode::Av001, &format!("asm-2024-01/{m}"), Severity::Error);
        assert_eq!(f.fact("participating_heads").unwrap().to_string(), "7");
        assert_eq!(f.fact("total_heads").unwrap().to_string(), "11");
        assert_eq!(f.fact("participating_area").unwrap().to_string(), "883.70");
        assert_eq!(f.fact("missing_heads").unwrap().to_string(), "1");
        assert_eq!(f.fact("missing_area").unwrap().to_string(), "0.00");
    }
    assert_eq!(
        r.with_code(RuleCode::Av001).next().unwrap().path().to_string(),
        "compounds[0].assemblies[0].matters[0]"
    );
    assert_no(&r, RuleCode::Av002);
}

#[test]
fn av001_is_info_when_declared_failed() {
    let cfg = mutated(|c| {
        drop_ballots(c, &["u-1-101", "u-1-102", "u-1-201"]);
        c.compounds[0].assemblies[0].matters[1].declared_result = Some(DeclaredResult::Failed);
    });
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Av001, "asm-2024-01/m-2", Severity::Info);
    assert_finding(&r, RuleCode::Av001, "asm-2024-01/m-1", Severity::Error);
}

#[test]
fn av002_declared_passed_but_not_approved() {
    // m-3 (special): with u-2-201 against, 7 of 10 heads are for: under 3/4.
    let cfg = mutated(|c| set_choice(c, "u-2-201", "m-3", Choice::Against));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av002, "asm-2024-01/m-3", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].assemblies[0].matters[2].declared_result");
    assert_eq!(f.fact("approving_heads").unwrap().to_string(), "7");
    assert_eq!(f.fact("threshold").unwrap().to_string(), "≥ 3/4");
    assert_eq!(f.fact("computed").unwrap().to_string(), "failed");
    assert_no(&r, RuleCode::Av001);
    // The same 7 of 10 approves an ordinary matter (m-2).
    let cfg = mutated(|c| set_choice(c, "u-2-201", "m-2", Choice::Against));
    assert_no(&audit(&cfg), RuleCode::Av002);
}

#[test]
fn av002_exactly_half_is_not_approved() {
    // m-2: 5 of 10 heads against is exactly half for: not more than half.
    let cfg = mutated(|c| {
        for u in ["u-2-101", "u-2-102", "u-2-201", "u-2-202", "u-2-301"] {
            set_choice(c, u, "m-2", Choice::Against);
        }
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av002, "asm-2024-01/m-2", Severity::Error);
    assert_eq!(f.fact("approving_heads").unwrap().to_string(), "5");
    // Declared failed: the tally agrees.
    let cfg = mutated(|c| {
        for u in ["u-2-101", "u-2-102", "u-2-201", "u-2-202", "u-2-301"] {
            set_choice(c, u, "m-2", Choice::Against);
        }
        c.compounds[0].assemblies[0].matters[1].declared_result = Some(DeclaredResult::Failed);
    });
    assert_no(&audit(&cfg), RuleCode::Av002);
}

#[test]
fn av002_declared_failed_but_passed() {
    let cfg = mutated(|c| c.compounds[0].assemblies[0].matters[0].declared_result = Some(DeclaredResult::Failed));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av002, "asm-2024-01/m-1", Severity::Error);
    assert_eq!(f.fact("declared").unwrap().to_string(), "failed");
}

#[test]
fn av002_reports_missing_quorum_when_av001_is_off() {
    let cfg = mutated(|c| drop_ballots(c, &["u-1-101", "u-1-102", "u-1-201"]));
    let mut p = Policy::default();
    p.set_rule(RuleCode::Av001, RuleSetting::Off);
    let r = xiaoqu::audit(&cfg, &p);
    assert_finding(&r, RuleCode::Av002, "asm-2024-01/m-1", Severity::Error);
}

#[test]
fn abstention_policy_of_the_profile_changes_the_result() {
    // asm-2025-01 m-1: make 5 of 10 abstain: 5 for is exactly half, not approved...
    let cfg = mutated(|c| {
        let a = &mut c.compounds[0].assemblies[1];
        for b in a.ballots.iter_mut().skip(5) {
            b.choices = [(MatterId::new("m-1").unwrap(), Choice::Abstain)].into_iter().collect();
        }
    });
    assert_finding(&audit(&cfg), RuleCode::Av002, "asm-2025-01/m-1", Severity::Error);
    // ...unless a covenant counts abstentions with the majority.
    let mut p = Policy::default();
    p.set_param("abstention", &ParamValue::Str("follow_majority".into())).unwrap();
    assert_eq!(p.params().abstention, Abstention::FollowMajority);
    assert_no(&xiaoqu::audit(&cfg, &p), RuleCode::Av002);
}

// ---------------------------------------------------------------------------------------------
// Ballots: AV003, AV004, AV005, AV006, AV007, AV009

#[test]
fn av003_unknown_unit_and_unit_out_of_scope() {
    let cfg = mutated(|c| c.compounds[0].assemblies[0].ballots[0].unit = UnitId::new("u-9-999").unwrap());
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av003, "asm-2024-01/u-9-999", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].assemblies[0].ballots[0].unit");
    assert_no(&r, RuleCode::Av004);
    // A vote of building b-2: the ballots of building b-1 are out of scope.
    let cfg = mutated(|c| c.compounds[0].assemblies[1].scope = Scope::Building("b-2".parse().unwrap()));
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Av003, "asm-2025-01/u-1-101", Severity::Error);
    assert_eq!(r.with_code(RuleCode::Av003).count(), 6);
    let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2025-01").unwrap();
    assert_eq!((t.total().heads.0, t.total().area.to_string()), (6, "672.00".to_owned()));
}

#[test]
fn av004_voter_must_own_hold_a_proxy_or_belong_to_the_developer() {
    let cfg = mutated(|c| c.compounds[0].assemblies[0].ballots[0].voter = PersonId::new("p-02").unwrap());
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av004, "asm-2024-01/u-1-101", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].assemblies[0].ballots[0].voter");
    // A proxy from the owner p-01 is fine; one from p-03, who does not own u-1-101, is not.
    let cfg = mutated(|c| {
        let b = &mut c.compounds[0].assemblies[0].ballots[0];
        b.voter = PersonId::new("p-02").unwrap();
        b.proxy_for = Some(PersonId::new("p-01").unwrap());
    });
    assert_no(&audit(&cfg), RuleCode::Av004);
    let cfg = mutated(|c| {
        let b = &mut c.compounds[0].assemblies[0].ballots[0];
        b.voter = PersonId::new("p-02").unwrap();
        b.proxy_for = Some(PersonId::new("p-03").unwrap());
    });
    assert_finding(&audit(&cfg), RuleCode::Av004, "asm-2024-01/u-1-101", Severity::Error);
    // The developer's unit: its member p-15 may vote it, p-14 may not.
    let dev_ballot = |voter: &str| {
        let voter = voter.to_owned();
        mutated(move |c| {
            let a = &mut c.compounds[0].assemblies[0];
            let mut b = a.ballots[0].clone();
            b.unit = UnitId::new("u-2-302").unwrap();
            b.voter = PersonId::new(&voter).unwrap();
            a.ballots.push(b);
        })
    };
    no_av(&audit(&dev_ballot("p-15")));
    let r = audit(&dev_ballot("p-14"));
    let f = assert_finding(&r, RuleCode::Av004, "asm-2024-01/u-2-302", Severity::Error);
    assert_eq!(f.fact("developer").unwrap().to_string(), "org-dev-guoke");
}

#[test]
fn av005_second_ballot_of_a_unit() {
    let cfg = mutated(|c| {
        let a = &mut c.compounds[0].assemblies[0];
        let b = a.ballots[0].clone();
        a.ballots.push(b);
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av005, "asm-2024-01/u-1-101", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].assemblies[0].ballots[11].unit");
    assert_eq!(r.with_code(RuleCode::Av005).count(), 1);
    // The second ballot does not count: participation stays at 10 heads.
    let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01").unwrap();
    assert_eq!(t.matter("m-1").unwrap().heads().participating.0, 10);
}

#[test]
fn av006_one_owner_cannot_split() {
    let cfg = mutated(|c| set_choice(c, "u-1-302", "m-1", Choice::Against));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av006, "p-08", Severity::Error);
    assert_eq!(f.fact("matters").unwrap().to_string(), "m-1");
    assert_eq!(f.path().to_string(), "compounds[0].assemblies[0].ballots[5]");
    assert_eq!(r.with_code(RuleCode::Av006).count(), 1);
    let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01").unwrap();
    let m1 = t.matter("m-1").unwrap();
    assert_eq!((m1.heads().in_favour.0, m1.heads().abstaining.0), (8, 1), "the split head abstains");
    // Splitting an abstention from a for is a split too.
    let cfg = mutated(|c| set_choice(c, "u-1-301", "m-2", Choice::Abstain));
    assert_finding(&audit(&cfg), RuleCode::Av006, "p-08", Severity::Error);
}

#[test]
fn av007_window_bounds_included() {
    for (day, fires) in [("2024-06-01", false), ("2024-06-15", false), ("2024-05-31", true), ("2024-06-16", true)] {
        let cfg = mutated(|c| c.compounds[0].assemblies[0].ballots[3].cast_on = d(day));
        let r = audit(&cfg);
        if fires {
            let f = assert_finding(&r, RuleCode::Av007, "asm-2024-01/u-1-202", Severity::Error);
            assert_eq!(f.path().to_string(), "compounds[0].assemblies[0].ballots[3].cast_on");
        } else {
            assert_no(&r, RuleCode::Av007);
        }
    }
}

#[test]
fn av009_choice_names_no_matter() {
    let cfg = mutated(|c| {
        let b = &mut c.compounds[0].assemblies[0].ballots[0];
        let mut choices: Vec<_> = b.choices.iter().map(|(k, v)| (k.clone(), *v)).collect();
        choices.push((MatterId::new("m-9").unwrap(), Choice::For));
        b.choices = choices.into_iter().collect();
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av009, "asm-2024-01/u-1-101", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].assemblies[0].ballots[0].choices[\"m-9\"]");
}

// ---------------------------------------------------------------------------------------------
// Dates: AV008 notice, AV010 window length

#[test]
fn av008_notice_fifteen_days() {
    // Opens 2024-06-01: notice on 2024-05-17 is 15 days, on 2024-05-18 only 14.
    let cfg = mutated(|c| c.compounds[0].assemblies[0].notice_published_on = d("2024-05-17"));
    assert_no(&audit(&cfg), RuleCode::Av008);
    let cfg = mutated(|c| c.compounds[0].assemblies[0].notice_published_on = d("2024-05-18"));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Av008, "asm-2024-01", Severity::Warning);
    assert_eq!(f.fact("notice_days").unwrap().to_string(), "14");
    assert_eq!(f.path().to_string(), "compounds[0].assemblies[0].notice_published_on");
    // A profile may ask for 7 days (Hangzhou, temporary meetings).
    let mut p = Policy::default();
    p.set_param("assembly_notice_days", &ParamValue::Int(7)).unwrap();
    assert_no(&xiaoqu::audit(&cfg, &p), RuleCode::Av008);
}

#[test]
fn av010_window_length_when_set() {
    // asm-2025-01 opens 2025-05-01: closing 05-06 is 5 days (Art 201), 05-05 only 4.
    let cfg = mutated(|c| c.compounds[0].assemblies[1].closed_on = d("2025-05-06"));
    assert_no(&xiaoqu::audit(&cfg, &av_with_window("5..=60")), RuleCode::Av010);
    let cfg = mutated(|c| {
        c.compounds[0].assemblies[1].closed_on = d("2025-05-05");
        for b in &mut c.compounds[0].assemblies[1].ballots {
            b.cast_on = b.cast_on.min(d("2025-05-05"));
        }
    });
    let r = xiaoqu::audit(&cfg, &av_with_window("5..=60"));
    let f = assert_finding(&r, RuleCode::Av010, "asm-2025-01", Severity::Warning);
    assert_eq!(f.fact("window_days").unwrap().to_string(), "4");
    // Off in the presets, and silent when the parameter is unset even if switched on.
    assert_no(&audit(&cfg), RuleCode::Av010);
    let mut p = Policy::default();
    p.set_rule(RuleCode::Av010, RuleSetting::On);
    assert_no(&xiaoqu::audit(&cfg, &p), RuleCode::Av010);
    // The upper bound: 60 days passes, 61 does not.
    let long = |day: &str| mutated(|c| c.compounds[0].assemblies[0].closed_on = d(day));
    assert_no(&xiaoqu::audit(&long("2024-07-31"), &av_with_window("5..=60")), RuleCode::Av010);
    assert_finding(
        &xiaoqu::audit(&long("2024-08-01"), &av_with_window("5..=60")),
        RuleCode::Av010,
        "asm-2024-01",
        Severity::Warning,
    );
}

// ---------------------------------------------------------------------------------------------
// The command

#[cfg(feature = "cli")]
mod cli {
    use std::process::Command;

    fn fixture() -> String {
        format!("{}/tests/fixtures/example-guokeyuan.json", env!("CARGO_MANIFEST_DIR"))
    }

    fn tally(args: &[&str]) -> std::process::Output {
        let fixture = fixture();
        let mut all = vec!["tally", fixture.as_str()];
        all.extend_from_slice(args);
        if !args.contains(&"--compound") {
            all.extend(["--compound", "c-guokeyuan"]);
        }
        Command::new(env!("CARGO_BIN_EXE_xiaoqu")).args(&all).output().unwrap()
    }

    #[test]
    fn text_shows_the_numbers_to_check_by_hand() {
        let o = tally(&["--assembly", "asm-2024-01", "--lang", "en"]);
        assert_eq!(o.status.code(), Some(0), "{o:?}");
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(text.contains("total: 1295.60 m², 11 heads (12 units)"), "{text}");
        let rows = |label: &str| -> Vec<Vec<String>> {
            text.lines()
                .filter(|l| l.trim_start().starts_with(label))
                .map(|l| l[label.len() + 2..].split_whitespace().map(str::to_owned).collect())
                .collect()
        };
        let participating = rows("participating");
        assert_eq!(participating.len(), 3, "one row per matter");
        assert!(participating.iter().all(|r| r[..2] == ["1165.00", "10"]), "{participating:?}");
        assert_eq!(rows("for")[2][..2], ["924.00", "8"], "m-3 for: area and heads");
        assert_eq!(rows("against")[2][..2], ["241.00", "2"]);
        assert!(text.contains("needed for approval (≥ 3/4)"), "{text}");
        assert!(text.contains("873.75"), "{text}");
        assert_eq!(text.matches("result: passed").count(), 3);
        assert!(text.contains("missing 0.00 m², 0 heads"));
        let zh = String::from_utf8(tally(&["--assembly", "asm-2024-01"]).stdout).unwrap();
        assert!(zh.contains("总计: 1295.60 m², 11 人"), "{zh}");
    }

    #[test]
    fn json_is_a_stable_object() {
        let o = tally(&["--assembly", "asm-2024-01", "--format", "json"]);
        assert_eq!(o.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["total"]["area"], "1295.60");
        assert_eq!(v["total"]["heads"], 11);
        let m3 = &v["matters"][2];
        assert_eq!(m3["id"], "m-3");
        assert_eq!(m3["majority"], "special");
        assert_eq!(m3["heads"]["participating"], 10);
        assert_eq!(m3["area"]["for"], "924.00");
        assert_eq!(m3["approval"]["needed"]["area"], "873.75");
        assert_eq!(m3["quorum"]["missing"]["heads"], 0);
        assert_eq!(m3["passed"], true);
    }

    #[test]
    fn unknown_ids_and_bad_files_exit_two_with_one_line() {
        for (args, needle) in [
            (vec!["--assembly", "asm-1999"], "unknown assembly `asm-1999`"),
            (vec!["--assembly", "asm-2024-01", "--compound", "c-x"], "unknown compound `c-x`"),
        ] {
            let o = tally(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            let err = String::from_utf8(o.stderr).unwrap();
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains(needle), "{err}");
        }
        let o = Command::new(env!("CARGO_BIN_EXE_xiaoqu"))
            .args(["tally", "/nonexistent.json", "--compound", "c", "--assembly", "a"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(String::from_utf8(o.stderr).unwrap().lines().count(), 1);
    }
}
