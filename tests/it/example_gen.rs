//! The district generator (`xiaoqu::example::generate`): clean output, determinism, round
//! trips, and the violation manifest as a test oracle.

use std::collections::BTreeSet;
use std::fmt::Write as _;

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
        v.iter().fold(String::new(), |mut out, (c, s, k)| {
            let _ = write!(out, "\n    {c} on `{s}` in {k}");
            out
        })
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

#[test]
fn the_same_options_give_the_same_bytes_and_another_seed_another_document() {
    let opts = ExampleOptions::new().compounds(12).seed(7).violations(true);
    let (a, b) = (generate(&opts), generate(&opts));
    assert_eq!(a.to_json_string_pretty().unwrap(), b.to_json_string_pretty().unwrap());
    assert_eq!(a.manifest_json_string_pretty().unwrap(), b.manifest_json_string_pretty().unwrap());
    let other = generate(&opts.clone().seed(8));
    assert_ne!(a.to_json_string_pretty().unwrap(), other.to_json_string_pretty().unwrap());
    assert_ne!(a.manifest(), other.manifest());
}

#[test]
fn compound_k_is_the_same_in_a_short_and_a_long_document() {
    for violations in [false, true] {
        let short = generate(&ExampleOptions::new().compounds(10).seed(3).violations(violations));
        let long = generate(&ExampleOptions::new().compounds(60).seed(3).violations(violations));
        assert_eq!(short.config().compounds[..], long.config().compounds[..10], "violations: {violations}");
        // The people of those compounds too (their ids carry the compound's number).
        let of_first_ten = |cfg: &xiaoqu::GovernanceConfig| -> Vec<xiaoqu::model::Person> {
            let mut v: Vec<_> = cfg
                .people
                .iter()
                .filter(|p| p.id.as_str().get(2..6).and_then(|n| n.parse::<usize>().ok()).is_some_and(|n| n <= 10))
                .cloned()
                .collect();
            v.sort_by(|a, b| a.id.cmp(&b.id));
            v
        };
        assert_eq!(of_first_ten(short.config()), of_first_ten(long.config()));
        let prefix: Vec<_> = long.manifest().iter().filter(|v| v.compound.as_str() <= "c-0010").cloned().collect();
        assert_eq!(short.manifest(), &prefix[..]);
    }
}

#[test]
fn sixty_compounds_of_seed_7_are_large_enough_and_clean() {
    let ex = generate(&ExampleOptions::new().compounds(60).seed(7));
    let cfg = ex.config();
    assert_eq!(cfg.compounds.len(), 60);
    let units: usize = cfg.compounds.iter().map(|c| c.units.len()).sum();
    assert!(units >= 50 * 60, "{units} units in 60 compounds");
    let loud = loud(cfg);
    assert!(loud.is_empty(), "{loud:#?}");
}

#[test]
fn json_and_toml_round_trip_and_audit_clean() {
    let ex = generate(&ExampleOptions::new().compounds(8).seed(11));
    let from_json = xiaoqu::GovernanceConfig::from_json_str(&ex.to_json_string_pretty().unwrap()).unwrap();
    let from_toml = xiaoqu::GovernanceConfig::from_toml_str(&ex.to_toml_string().unwrap()).unwrap();
    for (format, cfg) in [("json", from_json), ("toml", from_toml)] {
        assert_eq!(&cfg, ex.config(), "{format}");
        let policy = cfg.policy().unwrap();
        assert_eq!(policy.name(), "default", "{format}");
        assert!(!xiaoqu::audit(&cfg, &policy).has_at_least(Severity::Warning), "{format}");
    }
}

#[test]
fn without_violations_the_manifest_is_empty_and_with_them_it_is_in_compound_order() {
    let ex = generate(&ExampleOptions::new().compounds(20).seed(5).violations(true));
    let order: Vec<&str> = ex.manifest().iter().map(|v| v.compound.as_str()).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted);
    // Every entry names a compound of the document.
    assert!(ex.manifest().iter().all(|v| ex.config().compounds.iter().any(|c| c.id == v.compound)));
}
