//! Properties of the whole crate on generated documents (the strategies of `xiaoqu::strategies`,
//! feature `proptest`):
//!
//! - generated valid configs survive JSON and TOML and audit with no finding under `default`;
//! - one injected violation of rule X yields a finding of X on the expected subject;
//! - the audit is deterministic, and independent of the order of `people`, `organizations`
//!   and `compounds`;
//! - screening is monotone: adding an evidence record never clears an item that failed.
//!
//! Two more properties live beside the engines they test, and use [`config`] too: the tally
//! against a naive reference (`voting_rules::engine::engine_agrees_with_a_naive_tally`) and the
//! ledger against a naive sum (`joint_account_rules::replay_agrees_with_a_naive_sum`, with
//! `extreme_amounts_overflow_as_a_finding_never_a_panic`).
//!
//! # Cases
//! Each property runs 1,000 cases, or `PROPTEST_CASES` when it is set. proptest reads that
//! variable only into its *default* configuration, and `ProptestConfig::with_cases(n)`
//! replaces it, so [`config`] reads it itself. A 100,000-case run of this module:
//!
//! ```text
//! PROPTEST_CASES=100000 cargo test --release --all-features --test it properties
//! ```
//!
//! and of every property of the crate (the filters `naive` and `extreme_amounts` add the tally
//! and ledger properties):
//!
//! ```text
//! PROPTEST_CASES=100000 cargo test --release --all-features --test it -- properties naive extreme_amounts
//! ```
//!
//! # Regressions
//! A failing case is saved by proptest's default persistence (`SourceParallel`): beside the
//! nearest directory above the source file that holds a `main.rs` (`tests/it/`), so in
//! `tests/proptest-regressions/properties.txt` (and `…/voting_rules/engine.txt`,
//! `…/joint_account_rules.txt`), whatever the working directory. Those files are committed and
//! replayed first on every run.

use proptest::prelude::*;

/// The configuration of every property of this binary: `PROPTEST_CASES` cases when the
/// variable holds a number, otherwise 1,000.
pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.trim().parse().ok()).unwrap_or(1_000);
    ProptestConfig::with_cases(cases)
}

#[cfg(feature = "proptest")]
mod generated {
    use std::collections::HashMap;

    use chrono::NaiveDate;
    use proptest::prelude::*;
    use proptest::sample::Index as Pick;
    use serde_json::Value;
    use xiaoqu::model::{CompoundId, Record, UnitId};
    use xiaoqu::policy::ParamValue;
    use xiaoqu::screening::{self, Applicant, Outcome, Role};
    use xiaoqu::strategies::{self, VIOLATIONS, Violation, valid_config, violation};
    use xiaoqu::{GovernanceConfig, Index, Lang, Policy, Report, RuleCode, RuleSetting, Severity};

    use super::config;
    use crate::support::audit;

    fn fail(e: impl std::fmt::Display) -> TestCaseError {
        TestCaseError::fail(e.to_string())
    }

    // ---------------------------------------------------------------------------------------------
    // Order independence: a second compound, and shuffles

    /// The compound-level ids of a compound (its own, buildings, units, branch, account, entries,
    /// fund deposits and uses, assemblies, elections, meetings): unique per kind in a document.
    fn compound_ids(c: &xiaoqu::model::Compound) -> Vec<String> {
        let mut ids = vec![c.id.to_string()];
        ids.extend(c.buildings.iter().map(|b| b.id.to_string()));
        ids.extend(c.units.iter().map(|u| u.id.to_string()));
        ids.extend(c.party_branch.iter().map(|b| b.id.to_string()));
        if let Some(a) = &c.joint_account {
            ids.push(a.id.to_string());
            ids.extend(a.entries.iter().map(|e| e.id.to_string()));
        }
        if let Some(f) = &c.maintenance_fund {
            ids.extend(f.deposits.iter().map(|d| d.id.to_string()));
            ids.extend(f.uses.iter().map(|u| u.id.to_string()));
        }
        ids.extend(c.assemblies.iter().map(|a| a.id.to_string()));
        ids.extend(c.elections.iter().map(|e| e.id.to_string()));
        ids.extend(c.meetings.iter().map(|m| m.id.to_string()));
        ids
    }

    /// `cfg` with a copy of its first compound appended under fresh compound-level ids (`k.0`,
    /// `k.1`…, which no generated id can equal): the same people now own, sit and vote in two
    /// compounds, so that the order of compounds can matter.
    fn with_second_compound(mut cfg: GovernanceConfig) -> GovernanceConfig {
        fn walk(v: &mut Value, map: &HashMap<String, String>) {
            match v {
                Value::String(s) => {
                    if let Some(new) = map.get(s.as_str()) {
                        s.clone_from(new);
                    }
                }
                Value::Array(items) => items.iter_mut().for_each(|x| walk(x, map)),
                Value::Object(fields) => fields.values_mut().for_each(|x| walk(x, map)),
                _ => {}
            }
        }
        let first = cfg.compounds[0].clone();
        let map: HashMap<String, String> =
            compound_ids(&first).into_iter().enumerate().map(|(i, id)| (id, format!("k.{i}"))).collect();
        let mut v = serde_json::to_value(&first).unwrap();
        walk(&mut v, &map);
        cfg.compounds.push(serde_json::from_value(v).unwrap());
        cfg
    }

    /// Fisher–Yates driven by `picks`, used in turn (every draw is a permutation; all-zero picks,
    /// where shrinking heads, rotate the list by one).
    fn shuffle<'a, T>(items: &mut [T], picks: impl Iterator<Item = &'a Pick> + Clone) {
        for (i, pick) in (1..items.len()).rev().zip(picks.cycle()) {
            items.swap(i, pick.index(i + 1));
        }
    }

    /// What a finding says, without where: paths hold list indices, which a shuffle changes.
    type Key = (RuleCode, String, Option<String>, Severity);

    fn keys(r: &Report) -> Vec<Key> {
        let mut k: Vec<Key> = r
            .diagnostics()
            .iter()
            .map(|d| (d.code(), d.subject().to_owned(), d.compound().map(ToString::to_string), d.severity()))
            .collect();
        k.sort();
        k
    }

    /// A valid config or one with a violation (so that reports have findings to compare), with
    /// a second compound half of the time.
    fn any_document() -> impl Strategy<Value = GovernanceConfig> {
        (prop_oneof![valid_config(), violation().prop_map(|v| v.config)], any::<bool>())
            .prop_map(|(cfg, two)| if two { with_second_compound(cfg) } else { cfg })
    }

    // ---------------------------------------------------------------------------------------------
    // Screening

    fn role() -> impl Strategy<Value = Role> {
        prop_oneof![
            any::<bool>().prop_map(|commitment_signed| Role::Candidate { commitment_signed }),
            Just(Role::OwnerRepresentative),
            Just(Role::SittingMember),
        ]
    }

    /// Every negative-list item on, with a residency requirement, so that every item screens.
    fn every_item_on() -> Policy {
        let mut p = Policy::default();
        for code in RuleCode::ALL.iter().filter(|c| c.as_str().starts_with("NL")) {
            p.set_rule(*code, RuleSetting::On);
        }
        p.set_param("residency_months", &ParamValue::Int(6)).unwrap();
        p
    }

    #[derive(Debug, Clone)]
    struct ScreeningCase {
        cfg: GovernanceConfig,
        person: Pick,
        role: Role,
        on: NaiveDate,
        every_item: bool,
        before: Vec<Record>,
        added: Record,
    }

    fn screening_case() -> impl Strategy<Value = ScreeningCase> {
        valid_config().prop_flat_map(|cfg| {
            let c = &cfg.compounds[0];
            let mut units: Vec<UnitId> = c.units.iter().map(|u| u.id.clone()).collect();
            units.push(UnitId::new("u-elsewhere").unwrap());
            let compounds = vec![c.id.clone(), CompoundId::new("c-elsewhere").unwrap()];
            let dates = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap()..=cfg.as_of;
            let records = strategies::record(units, compounds, dates.clone());
            (
                Just(cfg),
                any::<Pick>(),
                role(),
                strategies::date(dates),
                any::<bool>(),
                prop::collection::vec(records.clone(), 0..3),
                records,
            )
                .prop_map(|(cfg, person, role, on, every_item, before, added)| ScreeningCase {
                    cfg,
                    person,
                    role,
                    on,
                    every_item,
                    before,
                    added,
                })
        })
    }

    fn screen(cfg: &GovernanceConfig, person: usize, case: &ScreeningCase, policy: &Policy) -> screening::Screening {
        let index = Index::build(cfg);
        let applicant =
            Applicant { person: &cfg.people[person], compound: &cfg.compounds[0], on: case.on, role: case.role };
        screening::screen(&index, policy, &applicant)
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn valid_configs_round_trip_and_audit_clean(cfg in valid_config()) {
            // The perturbation took place (ids renamed, areas drawn), so the rest is not
            // about the bare example.
            prop_assert!(cfg.people.iter().all(|p| p.id.as_str().starts_with('P')));
            let drawn = |u: &xiaoqu::model::Unit| u.id.as_str().starts_with('U') && (8_000..=12_000).contains(&u.area.hundredths());
            prop_assert!(cfg.compounds[0].units.iter().all(drawn));
            let json = cfg.to_json_string_pretty().map_err(fail)?;
            prop_assert_eq!(&GovernanceConfig::from_json_str(&json).map_err(fail)?, &cfg);
            let toml = cfg.to_toml_string().map_err(fail)?;
            prop_assert_eq!(&GovernanceConfig::from_toml_str(&toml).map_err(fail)?, &cfg);
            let report = audit(&cfg);
            prop_assert!(report.is_clean(), "{}", report.to_text(Lang::En));
        }

        #[test]
        fn an_injected_violation_is_found_on_its_subject(v in violation()) {
            let Violation { config, code, subject } = v;
            let report = audit(&config);
            prop_assert!(
                report.with_code(code).any(|d| d.subject() == subject),
                "expected {} on `{}`, got:\n{}", code, subject, report.to_text(Lang::En)
            );
        }

        #[test]
        fn the_audit_is_deterministic_and_independent_of_order(
            cfg in any_document(),
            picks in prop::collection::vec(any::<Pick>(), 1..24),
        ) {
            let report = audit(&cfg);
            // Deterministic: the same document, or a copy of it, gives the same report, paths
            // and messages included.
            prop_assert_eq!(&audit(&cfg), &report);
            prop_assert_eq!(&audit(&cfg.clone()), &report);
            // Order-independent: the same findings (code, subject, compound, severity) as a
            // multiset; paths differ by the indices that moved.
            let mut shuffled = cfg.clone();
            shuffle(&mut shuffled.people, picks.iter());
            shuffle(&mut shuffled.organizations, picks.iter().rev());
            shuffle(&mut shuffled.compounds, picks.iter());
            prop_assert_eq!(keys(&audit(&shuffled)), keys(&report));
        }

        #[test]
        fn screening_is_monotone_in_evidence(case in screening_case()) {
            let policy = if case.every_item { every_item_on() } else { Policy::default() };
            let person = case.person.index(case.cfg.people.len());
            let mut cfg = case.cfg.clone();
            cfg.people[person].records.clone_from(&case.before);
            let before = screen(&cfg, person, &case, &policy);
            cfg.people[person].records.push(case.added.clone());
            let after = screen(&cfg, person, &case, &policy);
            prop_assert_eq!(before.verdicts.len(), after.verdicts.len());
            for was in before.failures() {
                let now = after.verdict(was.item).map(|v| &v.outcome);
                let Some(Outcome::Fails(reasons)) = now else {
                    return Err(fail(format!("{:?} failed before the record was added, now {:?}", was.item, now)));
                };
                // Every reason still holds: the new record adds reasons, it removes none.
                for r in was.outcome.reasons() {
                    prop_assert!(reasons.contains(r), "{:?} lost {:?}: now {:?}", was.item, r, reasons);
                }
            }
            prop_assert!(!before.fails() || after.fails());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The strategies themselves

    #[test]
    fn violations_cover_every_family() {
        for family in ["CFG", "ORG", "DE", "CM", "NL", "EL", "AV", "JA", "MF", "MT"] {
            assert!(
                VIOLATIONS.iter().any(|c| c.as_str().strip_prefix(family).is_some_and(|n| n.starts_with('0'))),
                "{family}"
            );
        }
        // Each is on under `default`, or the property could not find it.
        for code in VIOLATIONS {
            assert!(Policy::default().is_enabled(*code), "{code}");
        }
    }

    #[test]
    fn every_injectable_rule_is_found_on_its_own() {
        // The property above draws the rules at random; here each is drawn 20 times by itself.
        for code in VIOLATIONS {
            // A runner counts its successes across runs: one per rule.
            let quiet = ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(20) };
            let mut runner = proptest::test_runner::TestRunner::new(quiet);
            let s = strategies::violation_of(&[*code]).unwrap();
            let result = runner.run(&s, |v| {
                prop_assert_eq!(v.code, *code);
                let report = audit(&v.config);
                prop_assert!(
                    report.with_code(v.code).any(|d| d.subject() == v.subject),
                    "{}",
                    report.to_text(Lang::En)
                );
                Ok(())
            });
            assert!(result.is_ok(), "{code}: {result:?}");
        }
        assert!(strategies::violation_of(&[RuleCode::Nl007]).is_none());
    }

    #[test]
    fn a_copy_of_the_compound_under_fresh_ids_audits_clean() {
        // The order property's two-compound documents start from this: a legal document in
        // which the same people own, sit and vote in two compounds.
        let cfg = with_second_compound(crate::support::example());
        let (a, b) = (&cfg.compounds[0], &cfg.compounds[1]);
        assert_eq!(b.id.as_str(), "k.0");
        assert_eq!(compound_ids(a).len(), compound_ids(b).len());
        assert!(compound_ids(b).iter().all(|id| !compound_ids(a).contains(id)));
        let r = audit(&cfg);
        assert_eq!(r.compounds(), 2);
        assert!(r.is_clean(), "{}", r.to_text(Lang::En));
    }
}
