//! The district generator (`xiaoqu::example::generate`): clean output, determinism, round
//! trips, and the violation manifest as a test oracle.

use std::collections::BTreeSet;

use xiaoqu::example::{Example, ExampleOptions, InjectedViolation, generate};
use xiaoqu::{Policy, Severity};

/// `code subject compound` of every error and warning of the audit under `default`.
fn loud(cfg: &xiaoqu::GovernanceConfig) -> BTreeSet<(String, String, String)> {
    xiaoqu::audit(cfg, &Policy::default())
        .diagnostics()
        .iter()
        .filter(|d| d.severity() >= Severity::Warning)
        .map(|d| {
            let compound = d.compound().map(ToString::to_string).unwrap_or_default();
            (d.code().to_string(), d.subject().to_owned(), compound)
        })
        .collect()
}

fn key(v: &InjectedViolation) -> (String, String, String) {
    (v.code.to_string(), v.subject.clone(), v.compound.to_string())
}

/// The oracle: every manifest entry is an error or warning of the audit (same code, subject
/// and compound; info findings are not listed) or, for an info rule, any finding, and every
/// error or warning of the audit is in the manifest. Panics listing what was missed and what
/// was stray.
#[track_caller]
fn assert_oracle(ex: &Example, what: &str) {
    let report = xiaoqu::audit(ex.config(), &Policy::default());
    let all: BTreeSet<(String, String, String)> = report
        .diagnostics()
        .iter()
        .map(|d| {
            let compound = d.compound().map(ToString::to_string).unwrap_or_default();
            (d.code().to_string(), d.subject().to_owned(), compound)
        })
        .collect();
    let manifest: BTreeSet<(String, String, String)> = ex.manifest().iter().map(key).collect();
    let missed: Vec<_> = manifest.difference(&all).collect();
    let stray: Vec<_> = loud(ex.config()).into_iter().filter(|k| !manifest.contains(k)).collect();
    let show = |v: &[&(String, String, String)]| -> String {
        v.iter().map(|(c, s, k)| format!("\n    {c} on `{s}` in {k}")).collect()
    };
    let stray_refs: Vec<&(String, String, String)> = stray.iter().collect();
    assert!(
        missed.is_empty() && stray.is_empty(),
        "{what}: {} injected; {} missed:{}\n  {} stray:{}",
        manifest.len(),
        missed.len(),
        show(&missed),
        stray.len(),
        show(&stray_refs)
    );
}

#[test]
fn generated_districts_audit_without_errors_or_warnings() {
    for seed in [1_u64, 2, 3] {
        let ex = generate(&ExampleOptions::new().compounds(40).seed(seed));
        let loud = loud(ex.config());
        assert!(loud.is_empty(), "seed {seed}: {loud:#?}");
        assert!(ex.manifest().is_empty());
    }
}

#[test]
fn manifests_match_the_audit_over_several_seeds() {
    for seed in 1_u64..=4 {
        let ex = generate(&ExampleOptions::new().compounds(60).seed(seed).violations(true));
        assert!(!ex.manifest().is_empty(), "seed {seed}: nothing injected");
        assert_oracle(&ex, &format!("seed {seed}"));
    }
}

#[test]
fn a_district_of_200_compounds_covers_at_least_30_codes() {
    let ex = generate(&ExampleOptions::new().compounds(200).seed(7).violations(true));
    assert_oracle(&ex, "200 compounds, seed 7");
    let codes: BTreeSet<String> = ex.manifest().iter().map(|v| v.code.to_string()).collect();
    assert!(codes.len() >= 30, "only {} distinct codes: {codes:?}", codes.len());
    // About three compounds in four receive a fault.
    let faulted: BTreeSet<&str> = ex.manifest().iter().map(|v| v.compound.as_str()).collect();
    assert!((130..=170).contains(&faulted.len()), "{} of 200 compounds faulted", faulted.len());
}
