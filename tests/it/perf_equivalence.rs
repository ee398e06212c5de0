//! No performance target is met by skipping work: on generated districts (clean and with
//! injected violations) the audit reports the same findings in parallel and sequentially, and
//! streamed one compound per NDJSON line as whole.

use std::collections::BTreeSet;

use xiaoqu::example::{ExampleOptions, generate};
use xiaoqu::rules::audit_sequential;
use xiaoqu::stream::{audit_ndjson, documents, split_district};
use xiaoqu::{GovernanceConfig, Policy, Report};

fn district(compounds: usize, seed: u64, violations: bool) -> GovernanceConfig {
    generate(&ExampleOptions::new().compounds(compounds).seed(seed).violations(violations)).into_config()
}

/// A finding as the streamed audit can reproduce it: a line's paths index its own document
/// (`people[3]`, `compounds[0]`), so the path is left out and the indices of those three lists
/// are blanked in the message; everything else is compared.
type Key = (String, String, Option<String>, String, String);

fn keys(report: &Report) -> BTreeSet<Key> {
    report
        .diagnostics()
        .iter()
        .map(|d| {
            (
                d.code().to_string(),
                d.subject().to_owned(),
                d.compound().map(ToString::to_string),
                d.severity().to_string(),
                blank_indices(&d.message().en),
            )
        })
        .collect()
}

/// `compounds[12].units[3]` → `compounds[_].units[3]` (likewise `people[…]`, `organizations[…]`).
fn blank_indices(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) =
        ["compounds[", "people[", "organizations["].iter().filter_map(|k| rest.find(k).map(|i| i + k.len())).min()
    {
        out.push_str(&rest[..i]);
        rest = rest[i..].trim_start_matches(|c: char| c.is_ascii_digit());
        out.push('_');
    }
    out.push_str(rest);
    out
}

#[test]
fn blank_indices_blanks_only_the_three_lists() {
    assert_eq!(
        blank_indices("first at compounds[12].units[3] and people[0]"),
        "first at compounds[_].units[3] and people[_]"
    );
}

fn ndjson(cfg: &GovernanceConfig) -> Vec<u8> {
    let mut text = Vec::new();
    for doc in split_district(cfg) {
        serde_json::to_writer(&mut text, &doc).unwrap();
        text.push(b'\n');
    }
    text
}

fn streamed(cfg: &GovernanceConfig, policy: &Policy) -> BTreeSet<Key> {
    let text = ndjson(cfg);
    let mut all = BTreeSet::new();
    let mut lines = 0;
    for report in audit_ndjson(&text[..], policy) {
        all.extend(keys(&report.unwrap()));
        lines += 1;
    }
    assert_eq!(lines, cfg.compounds.len(), "one report per compound");
    all
}

#[test]
fn parallel_and_sequential_reports_are_identical() {
    let policy = Policy::preset("default").unwrap();
    for (n, seed, violations) in [(30, 7, false), (30, 7, true), (12, 3, true)] {
        let cfg = district(n, seed, violations);
        let whole = xiaoqu::audit(&cfg, &policy);
        assert_eq!(whole, audit_sequential(&cfg, &policy), "{n} compounds, seed {seed}, violations {violations}");
        if violations {
            assert!(whole.has_errors(), "the injected violations are found");
        }
    }
}

/// Either side of the parallel audit's thresholds: a one-compound document is audited on the
/// calling thread, two compounds are shared out; the index is built on one thread below 4,096
/// people and units and on two from there (the districts of `n - 1` and `n` compounds that
/// straddle it).
#[test]
fn parallel_equals_sequential_either_side_of_its_thresholds() {
    let policy = Policy::preset("default").unwrap();
    let size = |cfg: &GovernanceConfig| cfg.people.len() + cfg.compounds.iter().map(|c| c.units.len()).sum::<usize>();
    let first_at_threshold = (2..64).find(|&n| size(&district(n, 13, true)) >= 4096).unwrap();
    for n in [1, 2, first_at_threshold - 1, first_at_threshold] {
        let cfg = district(n, 13, true);
        let s = size(&cfg);
        assert_eq!(s >= 4096, n == first_at_threshold, "{n} compounds: {s} people and units");
        assert_eq!(
            xiaoqu::audit(&cfg, &policy),
            audit_sequential(&cfg, &policy),
            "{n} compounds, {s} people and units"
        );
    }
}

#[test]
fn every_rule_on_parallel_equals_sequential() {
    // Every rule switched on, so that every family of every compound part has work.
    let mut policy = Policy::preset("default").unwrap();
    for code in xiaoqu::RuleCode::ALL {
        policy.set_rule(*code, xiaoqu::RuleSetting::On);
    }
    let cfg = district(20, 11, true);
    let whole = xiaoqu::audit(&cfg, &policy);
    assert!(!whole.diagnostics().is_empty());
    assert_eq!(whole, audit_sequential(&cfg, &policy));
}

#[test]
fn streamed_findings_equal_whole_findings() {
    let policy = Policy::preset("default").unwrap();
    for (n, seed, violations) in [(30, 7, false), (30, 7, true), (40, 5, true)] {
        let cfg = district(n, seed, violations);
        let whole = keys(&xiaoqu::audit(&cfg, &policy));
        let lines = streamed(&cfg, &policy);
        let missing: Vec<_> = whole.difference(&lines).collect();
        let extra: Vec<_> = lines.difference(&whole).collect();
        assert!(missing.is_empty() && extra.is_empty(), "missing when streamed: {missing:#?}\nextra: {extra:#?}");
        if violations {
            assert!(whole.len() > 10, "a district with violations has findings to compare ({})", whole.len());
        }
    }
}

#[test]
fn split_documents_hold_one_compound_and_little_else() {
    let cfg = district(16, 2, false);
    let parts: Vec<_> = split_district(&cfg).collect();
    assert_eq!(parts.len(), 16);
    for (part, c) in parts.iter().zip(&cfg.compounds) {
        assert_eq!(part.compounds, std::slice::from_ref(c));
        assert_eq!(part.as_of, cfg.as_of);
        assert_eq!(part.profile, cfg.profile);
    }
    // People and organisations shared by compounds (street, community) are repeated on each
    // line; the compounds' own people are not.
    let people: usize = parts.iter().map(|p| p.people.len()).sum();
    assert!(people >= cfg.people.len() && people <= cfg.people.len() * 5 / 4, "{people} of {}", cfg.people.len());
}

#[test]
fn ndjson_lines_name_their_line_numbers_and_skip_blank_lines() {
    let cfg = district(3, 1, false);
    let mut text = ndjson(&cfg);
    text.extend_from_slice(b"\n   \n{\"schema_version\": 1, \"as_of\": \"2025-02-30\"}\n{not json\n");
    let docs: Vec<_> = documents(&text[..]).collect();
    assert_eq!(docs.len(), 5);
    let lines: Vec<usize> = docs.iter().take(3).map(|d| d.as_ref().unwrap().0).collect();
    assert_eq!(lines, [1, 2, 3]);
    let bad_date = docs[3].as_ref().unwrap_err();
    assert_eq!(bad_date.line(), 6);
    assert_eq!(bad_date.load_error().unwrap().path(), "as_of");
    assert!(bad_date.to_string().starts_with("line 6: "), "{bad_date}");
    let syntax = docs[4].as_ref().unwrap_err();
    assert_eq!(syntax.line(), 7);
    assert_eq!(syntax.load_error().unwrap().line(), Some(1));
}

#[test]
fn a_stream_without_a_final_newline_reads_its_last_line() {
    let cfg = district(2, 9, false);
    let mut text = ndjson(&cfg);
    assert_eq!(text.pop(), Some(b'\n'));
    let policy = Policy::preset("default").unwrap();
    assert_eq!(audit_ndjson(&text[..], &policy).flatten().count(), 2);
}

/// `xiaoqu audit FILE.ndjson`: one report per line named `FILE:LINE`, a line that does not
/// load named on stderr with its line number, exit 1 on findings and 2 on a bad line.
#[cfg(feature = "cli")]
#[test]
fn cli_audits_each_ndjson_line() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("xiaoqu-ndjson-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = district(3, 4, false);
    let clean = dir.join("district.ndjson");
    std::fs::write(&clean, ndjson(&cfg)).unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_xiaoqu")).arg("audit").args(args).output().unwrap()
    };

    let out = run(&[clean.as_os_str(), "--lang".as_ref(), "en".as_ref()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    for line in 1..=3 {
        assert!(stdout.contains(&format!("district.ndjson:{line} <==")), "{stdout}");
    }
    assert_eq!(stdout.matches(" in 1 compound ").count(), 3, "{stdout}");

    // A faulty compound (no branch: ORG001) on line 2 and a line that does not load on line 4.
    let mut faulty = cfg.clone();
    faulty.compounds[1].party_branch = None;
    let mut text = ndjson(&faulty);
    text.extend_from_slice(b"\n{\"schema_version\": 3, \"as_of\": \"2025-01-01\"}\n");
    let mixed = dir.join("mixed.data");
    std::fs::write(&mixed, text).unwrap();
    let out = run(&[mixed.as_os_str(), "--ndjson".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("mixed.data: line 5: schema_version"), "{stderr}");
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reports.as_array().map(Vec::len), Some(3));
    let codes: Vec<&str> =
        reports[1]["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"ORG001"), "{codes:?}");
    let mixed_name = mixed.to_str().unwrap();
    assert_eq!(reports[1]["document"], format!("{mixed_name}:2"));

    // JSON lines: one compact report per loaded line, in order, each naming its line.
    let out = run(&[mixed.as_os_str(), "--ndjson".as_ref(), "--format".as_ref(), "jsonl".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let documents: Vec<&str> = lines.iter().filter_map(|r| r["document"].as_str()).collect();
    let expected: Vec<String> = (1..=3).map(|n| format!("{mixed_name}:{n}")).collect();
    assert_eq!(documents, expected);
    assert_eq!(lines[1]["diagnostics"], reports[1]["diagnostics"], "the same report as in the array");
    std::fs::remove_dir_all(&dir).unwrap();
}
