//! The auditor's test support (feature `testing`): passes on the reference example, fails with a
//! message that names every finding that counts.

use std::panic::{AssertUnwindSafe, catch_unwind};

use xiaoqu::model::PersonId;
use xiaoqu::policy::ProfileSpec;
use xiaoqu::testing::{self, AssertReport as _};
use xiaoqu::{Policy, Report, RuleCode, Severity};

use crate::support::{audit, example, mutated};

/// The panic message of `f`, which must panic.
fn panic_message(f: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(f)).expect_err("the assertion must fail");
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .expect("a text panic message")
}

/// The example with unit 2's first owner replaced by a person who is not in the document:
/// one CFG001 error on `p-99` at `compounds[0].units[2].owners[0]`.
fn dangling_owner() -> xiaoqu::GovernanceConfig {
    mutated(|c| c.compounds[0].units[2].owners[0] = PersonId::new("p-99").unwrap())
}

/// The example audited under `national` with a 20-day filing deadline: the committee was filed
/// 25 days after its election, so exactly one warning (CM008) and no error.
fn one_warning() -> (xiaoqu::GovernanceConfig, Policy, Report) {
    let cfg = example();
    let policy =
        xiaoqu::config::policy_from_json_str(r#"{ "preset": "national", "overrides": { "filing_days": 20 } }"#)
            .unwrap();
    let report = xiaoqu::audit(&cfg, &policy);
    (cfg, policy, report)
}

#[test]
fn every_assertion_passes_on_the_reference_example() {
    let cfg = example();
    let report = audit(&cfg);
    testing::assert_clean(&report);
    testing::assert_no_errors(&report);
    testing::assert_below(&report, Severity::Info);
    testing::assert_no_finding(&report, RuleCode::Cfg001);
    report.assert_clean().assert_no_errors().assert_below(Severity::Info).assert_no_finding(RuleCode::Cm001);

    // The macros, by value and by reference, with the document's profile or a policy.
    assert_eq!(xiaoqu::assert_audit_clean!(cfg).profile(), "default");
    assert_eq!(xiaoqu::assert_audit_clean!(&cfg, Policy::preset("national").unwrap()).profile(), "national");
    let policy = Policy::default();
    assert!(xiaoqu::assert_audit_no_errors!(&cfg, &policy).is_clean());
    assert!(xiaoqu::assert_audit_no_errors!(cfg).is_clean());
}

#[test]
fn the_failure_message_names_code_subject_path_messages_and_citation() {
    let cfg = dangling_owner();
    let report = audit(&cfg);
    let d = report.diagnostics().iter().find(|d| d.code() == RuleCode::Cfg001).unwrap().clone();
    let msg = panic_message(|| testing::assert_clean(&report));
    assert!(msg.starts_with("the audit is not clean: "), "{msg}");
    for part in [
        "error CFG001 reference_resolves",
        "subject: p-99",
        "compound: c-guokeyuan",
        "path: compounds[0].units[2].owners[0]",
        &format!("en: {}", d.message().en),
        &format!("zh: {}", d.message().zh),
        &format!("basis: {} · {}", d.basis(), d.citation()),
    ] {
        assert!(msg.contains(part), "`{part}` missing from:\n{msg}");
    }
    // Every finding of the report is listed, one numbered block each.
    let n = report.diagnostics().len();
    assert!(msg.contains(&format!("{n} of {n} finding(s) shown")), "{msg}");
    assert!(msg.contains(&format!("{n:>3}. ")), "{msg}");
}

#[test]
fn the_macros_fail_with_the_same_message() {
    let cfg = dangling_owner();
    let msg = panic_message(|| {
        xiaoqu::assert_audit_clean!(cfg);
    });
    assert!(msg.contains("CFG001") && msg.contains("p-99") && msg.contains("compounds[0].units[2].owners[0]"), "{msg}");
    let msg = panic_message(|| {
        xiaoqu::assert_audit_no_errors!(&cfg, Policy::preset("national").unwrap());
    });
    assert!(msg.contains("at or above `error`") && msg.contains("subject: p-99"), "{msg}");
    assert!(msg.contains("profile `national`"), "{msg}");
}

#[test]
#[should_panic(expected = "path: compounds[0].units[2].owners[0]")]
fn assert_audit_clean_fails_a_test() {
    xiaoqu::assert_audit_clean!(dangling_owner());
}

#[test]
fn assert_no_errors_ignores_warnings_and_lists_only_errors() {
    let (cfg, policy, report) = one_warning();
    assert_eq!((report.count(Severity::Error), report.count(Severity::Warning)), (0, 1));
    testing::assert_no_errors(&report);
    report.assert_no_errors();
    xiaoqu::assert_audit_no_errors!(cfg, policy);
    // The warning still fails a clean assertion.
    let msg = panic_message(|| testing::assert_clean(&report));
    assert!(msg.contains("warning CM008 filing_timely"), "{msg}");

    // With an error added, only the error is listed; the warning is counted, not shown.
    let broken = mutated(|c| c.compounds[0].units[2].owners[0] = PersonId::new("p-99").unwrap());
    let report = xiaoqu::audit(&broken, &policy);
    let msg = panic_message(|| testing::assert_no_errors(&report));
    assert!(msg.contains("CFG001") && !msg.contains("CM008"), "{msg}");
    assert!(msg.contains("1 of 2 finding(s) shown (1 error(s), 1 warning(s), 0 info(s)"), "{msg}");
}

#[test]
fn assert_below_is_a_threshold_at_the_given_severity() {
    // The one finding is a warning: below `error` passes, below `warning` (--deny warnings) fails.
    let (_, _, report) = one_warning();
    testing::assert_below(&report, Severity::Error);
    let msg = panic_message(|| testing::assert_below(&report, Severity::Warning));
    assert!(msg.contains("at or above `warning`") && msg.contains("CM008"), "{msg}");
    let msg = panic_message(|| {
        report.assert_below(Severity::Info);
    });
    assert!(msg.contains("CM008"), "{msg}");
}

#[test]
fn assert_finding_returns_the_finding_or_lists_what_was_found() {
    let report = audit(&dangling_owner());
    let d = testing::assert_finding(&report, RuleCode::Cfg001, "p-99");
    assert_eq!((d.severity(), d.path().to_string()), (Severity::Error, "compounds[0].units[2].owners[0]".to_owned()));
    assert_eq!(report.assert_finding(RuleCode::Cfg001, "p-99"), d);

    // Right code, wrong subject; right subject, wrong code.
    let msg = panic_message(|| {
        testing::assert_finding(&report, RuleCode::Cfg001, "p-98");
    });
    assert!(msg.starts_with("expected a finding CFG001 (reference_resolves) on `p-98`"), "{msg}");
    assert!(msg.contains("subject: p-99"), "the findings present are listed:\n{msg}");
    let msg = panic_message(|| {
        testing::assert_finding(&report, RuleCode::Cfg002, "p-99");
    });
    assert!(msg.starts_with("expected a finding CFG002 (id_unique) on `p-99`"), "{msg}");

    // On a clean report the list is empty but the message still says what was expected.
    let clean = audit(&example());
    let msg = panic_message(|| {
        clean.assert_finding(RuleCode::Cfg001, "p-99");
    });
    assert!(msg.contains("0 of 0 finding(s) shown"), "{msg}");
}

#[test]
fn assert_no_finding_lists_only_that_rule() {
    let (_, _, warned) = one_warning();
    testing::assert_no_finding(&warned, RuleCode::Cfg001);
    let report = xiaoqu::audit(&dangling_owner(), &one_warning().1);
    let msg = panic_message(|| testing::assert_no_finding(&report, RuleCode::Cm008));
    assert!(msg.starts_with("unexpected findings of CM008 (filing_timely)"), "{msg}");
    assert!(msg.contains("CM008") && !msg.contains("CFG001"), "{msg}");
}

#[test]
fn a_profile_that_does_not_resolve_fails_with_its_error() {
    let cfg = mutated(|c| c.profile = Some(ProfileSpec::Named("mars".into())));
    let msg = panic_message(|| {
        xiaoqu::assert_audit_clean!(cfg);
    });
    assert!(msg.starts_with("the document's profile does not resolve to a policy: "), "{msg}");
    assert!(msg.contains("mars"), "{msg}");
}

#[test]
fn messages_identify_people_by_id_only() {
    // p-12 (the property company's project manager) joins the committee: findings about a person
    // name the id, and the failure message adds nothing the report does not hold.
    let cfg = mutated(|c| {
        let oc = c.compounds[0].owners_committee.as_mut().unwrap();
        oc.members.push(xiaoqu::model::CommitteeMember {
            person: PersonId::new("p-12").unwrap(),
            role: xiaoqu::model::CommitteeRole::Alternate,
        });
    });
    let report = audit(&cfg);
    let msg = panic_message(|| testing::assert_no_errors(&report));
    assert!(msg.contains("DE007") && msg.contains("subject: p-12"), "{msg}");
    let name = &cfg.people.iter().find(|p| p.id.as_str() == "p-12").unwrap().name;
    assert!(!msg.contains(name.as_str()), "the name {name} leaked into:\n{msg}");
}
