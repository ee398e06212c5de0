//! Both languages, complete: every rule of the catalogue has both summaries, and every message
//! and help any rule emits exists in Chinese (with Chinese characters) and in English (without
//! them, apart from quoted names and ids).
//!
//! To see every code fire, the test perturbs the reference document value by value (dates moved
//! to the far past and future, ids dangled, amounts zeroed, flags flipped, lists emptied,
//! shortened and doubled, optional keys dropped) and audits each variant under a policy that
//! runs every rule, together with a generated district with injected violations. The codes none
//! of them fires are listed in `NOT_FIRED` with the reason.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use xiaoqu::model::{Candidate, Nominator, Relation, Relative};
use xiaoqu::{Diagnostic, GovernanceConfig, Policy, RuleCode, RuleSetting};

use crate::support::{mutated, pid, rec};

/// The negative list needs records on a candidate, which no single perturbation adds: p-10
/// stands with one record of each kind, p-12 (the property company's employee) stands too, and
/// committee member p-04 is p-12's spouse.
fn screened() -> GovernanceConfig {
    mutated(|c| {
        for id in ["p-10", "p-12"] {
            c.compounds[0].elections[0].candidates.push(Candidate {
                person: pid(id),
                nominated_by: Nominator::SelfNominated,
                commitment_signed: false,
            });
        }
        let p10 = c.people.iter_mut().find(|p| p.id.as_str() == "p-10").unwrap();
        p10.records = [
            r#"{"kind":"illegal_construction","unit":"u-2-301","ordered_on":"2024-01-01"}"#,
            r#"{"kind":"structural_damage","unit":"u-2-301","found_on":"2024-01-01"}"#,
            r#"{"kind":"occupies_common_part","compound":"c-guokeyuan","found_on":"2024-01-01"}"#,
            r#"{"kind":"fee_arrears","unit":"u-2-301","since":"2023-09-01","months":3,"amount":"900.00","court_confirmed":true}"#,
            r#"{"kind":"criminal_conviction","date":"2023-03-01","intentional":true}"#,
            r#"{"kind":"dishonest_debtor","from":"2023-01-01"}"#,
            r#"{"kind":"admin_penalty","date":"2024-01-01","property_related":true}"#,
            r#"{"kind":"economic_ties","compound":"c-guokeyuan","description":"x","from":"2024-01-01"}"#,
            r#"{"kind":"removed_from_committee","compound":"c-guokeyuan","date":"2021-01-01"}"#,
        ]
        .iter()
        .map(|r| rec(r))
        .collect();
        p10.residency = Some(Vec::new());
        let p04 = c.people.iter_mut().find(|p| p.id.as_str() == "p-04").unwrap();
        p04.relatives.push(Relative { person: pid("p-12"), relation: Relation::Spouse });
    })
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

/// The text outside quotes (`…`, "…", '…', 「…」): quoted names and ids may be Chinese.
fn unquoted(s: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in s.chars() {
        match close {
            Some(q) if c == q => close = None,
            Some(_) => {}
            None => match c {
                '`' | '"' => close = Some(c),
                '「' => close = Some('」'),
                '“' => close = Some('”'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// Codes no perturbation of the reference document fires, and why (each has its own failing
/// case in its family's test module, whose messages `check` does not see).
const NOT_FIRED: &[(RuleCode, &str)] = &[
    (RuleCode::Av010, "needs the window and a `vote_window_days` range moved together (voting_rules.rs)"),
    (RuleCode::Ja001, "needs the account's holder and custodians changed together (joint_account_rules.rs)"),
    (RuleCode::Ja010, "needs an entry with a prohibited use (joint_account_rules.rs)"),
    (RuleCode::Ja014, "needs a re-election without the audit before it (joint_account_rules.rs)"),
    (RuleCode::Ja015, "needs revenue with a city share of it owed to the fund (joint_account_rules.rs)"),
    (RuleCode::Mt008, "needs committee meetings spaced wider than the parameter (meetings_rules.rs)"),
];

fn every_rule_on() -> Policy {
    let mut p = Policy::default();
    for m in xiaoqu::rules::catalogue() {
        p.set_rule(m.code, RuleSetting::On);
    }
    // Parameters that rules need set before they check anything (RULES.md: "when set").
    p.set_param("residency_months", &xiaoqu::policy::ParamValue::Int(6)).unwrap();
    p
}

/// Each variant of `v` with one perturbation, as document text.
fn variants(v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    walk(v, &mut path, &mut |p, new| {
        let mut doc = v.clone();
        if let Some(slot) = pointer_mut(&mut doc, p) {
            match new {
                Some(n) => *slot = n,
                None => return,
            }
        }
        out.push(doc);
    });
    // Dropping optional keys.
    let mut keys = Vec::new();
    collect_keys(v, &mut Vec::new(), &mut keys);
    for (parent, key) in keys {
        let mut doc = v.clone();
        if let Some(Value::Object(m)) = pointer_mut(&mut doc, &parent) {
            m.remove(&key);
            out.push(doc);
        }
    }
    out
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn pointer_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut at = v;
    for s in path {
        at = match (s, at) {
            (Step::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Step::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(at)
}

fn collect_keys(v: &Value, path: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, String)>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                out.push((path.clone(), k.clone()));
                path.push(Step::Key(k.clone()));
                collect_keys(child, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                path.push(Step::Index(i));
                collect_keys(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Calls `f(path, replacement)` for each perturbation of each value.
fn walk(v: &Value, path: &mut Vec<Step>, f: &mut impl FnMut(&[Step], Option<Value>)) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                path.push(Step::Key(k.clone()));
                walk(child, path, f);
                path.pop();
            }
        }
        Value::Array(a) => {
            f(path, Some(Value::Array(Vec::new())));
            if a.len() > 1 {
                f(path, Some(Value::Array(a[1..].to_vec())));
                f(path, Some(Value::Array(a[..a.len() - 1].to_vec())));
            }
            if let Some(first) = a.first() {
                let mut doubled = a.clone();
                doubled.push(first.clone());
                f(path, Some(Value::Array(doubled)));
            }
            for (i, child) in a.iter().enumerate() {
                path.push(Step::Index(i));
                walk(child, path, f);
                path.pop();
            }
        }
        Value::Bool(b) => f(path, Some(Value::Bool(!b))),
        Value::Number(n) => {
            f(path, Some(Value::from(0)));
            f(path, Some(Value::from(n.as_i64().unwrap_or(1).saturating_mul(100))));
        }
        Value::String(s) => {
            let bytes = s.as_bytes();
            let is_date = s.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-';
            if is_date {
                for d in ["1990-01-01", "2024-06-01", "2025-09-30", "2099-01-01"] {
                    f(path, Some(Value::from(d)));
                }
            } else if s.parse::<f64>().is_ok() {
                for n in ["0", "0.01", "99999999.00"] {
                    f(path, Some(Value::from(n)));
                }
            } else {
                f(path, Some(Value::from(format!("{s}-zz"))));
            }
        }
        Value::Null => {}
    }
}

#[track_caller]
fn check(d: &Diagnostic) {
    let code = d.code();
    let texts = std::iter::once(d.message()).chain(d.help());
    for t in texts {
        assert!(!t.zh.trim().is_empty() && !t.en.trim().is_empty(), "{code}: empty text {t:?}");
        assert!(has_cjk(&t.zh), "{code}: Chinese text without Chinese: {}", t.zh);
        assert!(!has_cjk(&unquoted(&t.en)), "{code}: English text with Chinese outside quotes: {}", t.en);
        assert!(!t.zh.contains('\n') && !t.en.contains('\n'), "{code}: one line each");
    }
}

#[test]
fn every_rule_has_both_summaries() {
    for m in xiaoqu::rules::catalogue() {
        assert!(!m.summary_zh.trim().is_empty() && has_cjk(m.summary_zh), "{}: {}", m.code, m.summary_zh);
        assert!(!m.summary_en.trim().is_empty() && !has_cjk(m.summary_en), "{}: {}", m.code, m.summary_en);
    }
}

#[test]
fn every_emitted_message_and_help_exists_in_both_languages() {
    let base: Value = serde_json::from_str(xiaoqu::example::GUOKEYUAN_JSON).unwrap();
    let policies = [Policy::default(), every_rule_on()];
    let mut fired: BTreeMap<RuleCode, usize> = BTreeMap::new();
    let mut docs = 0usize;
    let loaded = variants(&base).into_iter().filter_map(|doc| GovernanceConfig::from_json_str(&doc.to_string()).ok());
    // A generated district with injected violations fires every error and warning rule of
    // `default` but ORG004, each built to break it on purpose.
    let district =
        xiaoqu::example::generate(&xiaoqu::example::ExampleOptions::new().compounds(150).seed(11).violations(true));
    for cfg in loaded.chain([screened(), district.config().clone()]) {
        docs += 1;
        for p in &policies {
            for d in xiaoqu::audit(&cfg, p).diagnostics() {
                check(d);
                *fired.entry(d.code()).or_default() += 1;
            }
        }
    }
    assert!(docs > 1000, "only {docs} variants loaded");
    let implemented: BTreeSet<RuleCode> = xiaoqu::rules::catalogue().iter().map(|m| m.code).collect();
    let excused: BTreeSet<RuleCode> = NOT_FIRED.iter().map(|(c, _)| *c).collect();
    let missing: Vec<&RuleCode> =
        implemented.iter().filter(|c| !fired.contains_key(c) && !excused.contains(c)).collect();
    assert!(missing.is_empty(), "codes never fired (fire them or list them in NOT_FIRED with a reason): {missing:?}");
    let stale: Vec<&RuleCode> = excused.iter().filter(|c| fired.contains_key(c)).collect();
    assert!(stale.is_empty(), "listed in NOT_FIRED but fired: {stale:?}");
}
