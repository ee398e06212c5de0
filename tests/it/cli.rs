//! The `xiaoqu` binary: exit codes, output shapes and error lines, run as a user runs it.
#![cfg(feature = "cli")]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use xiaoqu::RuleCode;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/example-guokeyuan.json");

/// Runs the binary with `args` and no stdin.
fn xiaoqu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xiaoqu")).args(args).stdin(Stdio::null()).output().unwrap()
}

/// Runs the binary with `args`, feeding `input` on stdin.
fn xiaoqu_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xiaoqu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[track_caller]
fn exit(o: &Output) -> i32 {
    o.status.code().unwrap_or_else(|| panic!("killed by a signal: {o:?}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8(o.stderr.clone()).unwrap().lines().map(str::to_owned).collect()
}

#[track_caller]
fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", stdout(o)))
}

/// A temporary file, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    /// A file named after the process and the test, so parallel tests and runs never collide.
    fn new(test: &str, ext: &str, contents: &str) -> Self {
        let path = std::env::temp_dir().join(format!("xiaoqu-cli-{}-{test}.{ext}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The reference document with the first `from` replaced by `to`.
#[track_caller]
fn example_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    assert!(text.contains(from), "the example has no `{from}`");
    text.replacen(from, to, 1)
}

/// The example with unit `u-1-201` owned by a person who does not exist.
fn dangling_owner() -> String {
    example_with(r#""area": "102.30", "owners": ["p-04"]"#, r#""area": "102.30", "owners": ["p-99"]"#)
}

/// The example with a meeting after `as_of`: only a CFG004 warning.
/// The example with one event after `as_of` that no other rule reads: the annual audit's
/// completion date (CFG004 warns; nothing else changes).
fn future_event() -> String {
    example_with(r#""completed_on": "2025-02-20""#, r#""completed_on": "2025-09-20""#)
}

#[track_caller]
fn find_diag<'a>(report: &'a Value, code: &str, subject: &str) -> &'a Value {
    let diags = report["diagnostics"].as_array().unwrap();
    diags
        .iter()
        .find(|d| d["code"] == code && d["subject"] == subject)
        .unwrap_or_else(|| panic!("no {code} on `{subject}` in {report:#}"))
}

#[track_caller]
fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

#[test]
fn example_audits_clean() {
    let o = xiaoqu(&["audit", EXAMPLE, "--format", "json"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    assert!(o.stderr.is_empty());
    let r = json(&o);
    assert_eq!(keys(&r), ["as_of", "diagnostics", "profile", "summary", "tool"]);
    assert_eq!(r["summary"]["errors"], 0);
    assert_eq!(r["summary"]["warnings"], 0);
    assert_eq!(r["summary"]["compounds"], 1);
    assert_eq!(r["tool"]["name"], "xiaoqu");
    assert_eq!(r["profile"], "default");
    assert_eq!(r["as_of"], "2025-09-05");

    // Text is the default format; stdin is read when no file is named.
    let o = xiaoqu_stdin(&["audit"], &std::fs::read(EXAMPLE).unwrap());
    assert_eq!(exit(&o), 0, "{o:?}");
    assert!(stdout(&o).contains("0 个错误"), "{}", stdout(&o));
    let o = xiaoqu_stdin(&["audit", "-", "--format", "json"], &std::fs::read(EXAMPLE).unwrap());
    assert_eq!(json(&o)["summary"]["errors"], 0);
}

#[test]
fn dangling_reference_is_cfg001_and_exit_1() {
    let doc = Temp::new("dangling", "json", &dangling_owner());
    let o = xiaoqu(&["audit", doc.path(), "--format", "json"]);
    assert_eq!(exit(&o), 1, "{o:?}");
    let r = json(&o);
    let d = find_diag(&r, "CFG001", "p-99");
    assert_eq!(d["path"], "compounds[0].units[2].owners[0]");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["name"], "reference_resolves");
    assert_eq!(d["compound"], "c-guokeyuan");
    let mut expected =
        ["code", "name", "severity", "subject", "compound", "path", "message", "help", "basis", "citation", "facts"];
    expected.sort_unstable();
    assert_eq!(keys(d), expected);
    assert!(r["summary"]["errors"].as_u64().unwrap() >= 1);
}

#[test]
fn duplicate_person_id_is_cfg002_and_exit_1() {
    let text = example_with(r#""people": ["#, r#""people": [ { "id": "p-01", "name": "王建国二" },"#);
    let doc = Temp::new("duplicate", "json", &text);
    let o = xiaoqu(&["audit", doc.path(), "--format", "json"]);
    assert_eq!(exit(&o), 1, "{o:?}");
    let r = json(&o);
    let d = find_diag(&r, "CFG002", "p-01");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["name"], "id_unique");
}

/// Asserts exit 2, nothing on stdout, and exactly one stderr line containing every `needle`.
#[track_caller]
fn assert_load_failure(o: &Output, needles: &[&str]) {
    assert_eq!(exit(o), 2, "{o:?}");
    assert!(o.stdout.is_empty(), "stdout: {}", stdout(o));
    let lines = stderr_lines(o);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    assert!(line.starts_with("xiaoqu: "), "{line}");
    for n in needles {
        assert!(line.contains(n), "`{n}` missing from: {line}");
    }
}

#[test]
fn bad_inputs_exit_2_with_one_line_naming_the_path() {
    let cases: [(&str, String, &[&str]); 5] = [
        (
            "unknown_key",
            example_with(r#"{ "id": "u-1-101", "building""#, r#"{ "id": "u-1-101", "nickname": "x", "building""#),
            &["nickname", "compounds[0].units[0]", "line 41"],
        ),
        (
            "float_money",
            example_with(r#""area": "89.50""#, r#""area": 89.50"#),
            &["compounds[0].units[0].area:", "decimal string", "line 41"],
        ),
        (
            "bad_date",
            example_with(r#""birth_date": "1958-03-02""#, r#""birth_date": "2024-6-1""#),
            &["people[0].birth_date:", "2024-6-1", "line 6"],
        ),
        ("syntax", example_with(r#""profile": "default","#, r#""profile": "default""#), &["line 5", "column"]),
        (
            "schema_version",
            example_with(r#""schema_version": 1"#, r#""schema_version": 2"#),
            &["schema_version:", "`2`"],
        ),
    ];
    for (name, text, needles) in cases {
        let doc = Temp::new(name, "json", &text);
        let o = xiaoqu(&["audit", doc.path()]);
        let mut all = vec![doc.path()];
        all.extend_from_slice(needles);
        assert_load_failure(&o, &all);
    }

    let missing = std::env::temp_dir().join(format!("xiaoqu-cli-{}-missing.json", std::process::id()));
    let missing = missing.to_str().unwrap();
    assert_load_failure(&xiaoqu(&["audit", missing]), &[missing, "cannot read"]);

    let o = xiaoqu(&["audit", EXAMPLE, "--profile", "atlantis"]);
    assert_load_failure(&o, &["atlantis", "unknown preset"]);

    // A name with a line break is shown escaped, on the one line.
    let o = xiaoqu(&["audit", EXAMPLE, "--profile", "mars\nx"]);
    assert_load_failure(&o, &["mars\\nx", "unknown preset"]);
}

#[test]
fn unreadable_input_wins_over_findings_and_the_others_are_still_audited() {
    let bad = Temp::new("mixed_bad", "json", "{ \"schema_version\": 1, ");
    let dangling = Temp::new("mixed_dangling", "json", &dangling_owner());
    let o = xiaoqu(&["audit", bad.path(), dangling.path(), "--format", "json", "--lang", "en"]);
    assert_eq!(exit(&o), 2, "{o:?}");
    let lines = stderr_lines(&o);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains(bad.path()), "{}", lines[0]);
    let r = json(&o);
    let reports = r.as_array().unwrap();
    assert_eq!(reports.len(), 1, "only the document that loaded is reported");
    find_diag(&reports[0], "CFG001", "p-99");
    assert_eq!(reports[0]["document"], dangling.path(), "each report of an array names its document");
}

#[test]
fn deny_warnings_makes_warnings_fail() {
    let doc = Temp::new("future_event", "json", &future_event());
    let o = xiaoqu(&["audit", doc.path(), "--format", "json"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let r = json(&o);
    assert_eq!(r["summary"]["errors"], 0);
    assert_eq!(r["summary"]["warnings"], 1);
    let d = find_diag(&r, "CFG004", "ja-guokeyuan");
    assert_eq!(d["severity"], "warning");

    let o = xiaoqu(&["audit", doc.path(), "--deny", "warnings"]);
    assert_eq!(exit(&o), 1, "{o:?}");

    // A profile file that switches CFG004 off leaves nothing to deny.
    let profile = Temp::new("profile_off", "json", r#"{ "preset": "default", "rules": { "CFG004": "off" } }"#);
    let o = xiaoqu(&["audit", doc.path(), "--deny", "warnings", "--profile", profile.path(), "--format", "json"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    assert_eq!(json(&o)["profile"], "default+overrides");
    let profile = Temp::new("profile_off_toml", "toml", "preset = \"default\"\n[rules]\nCFG004 = \"off\"\n");
    let o = xiaoqu(&["audit", doc.path(), "--deny", "warnings", "--profile", profile.path()]);
    assert_eq!(exit(&o), 0, "{o:?}");

    // A broken profile file is one line and exit 2.
    let profile = Temp::new("profile_bad", "json", r#"{ "preset": "default", "overrides": { "filing_dayz": 3 } }"#);
    let o = xiaoqu(&["audit", doc.path(), "--profile", profile.path()]);
    assert_load_failure(&o, &[profile.path(), "filing_dayz"]);
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn messages_follow_the_language_chinese_by_default() {
    let doc = Temp::new("lang", "json", &dangling_owner());
    let zh = json(&xiaoqu(&["audit", doc.path(), "--format", "json"]));
    let en = json(&xiaoqu(&["audit", doc.path(), "--format", "json", "--lang", "en"]));
    let zh_msg = find_diag(&zh, "CFG001", "p-99")["message"].as_str().unwrap().to_owned();
    let en_msg = find_diag(&en, "CFG001", "p-99")["message"].as_str().unwrap().to_owned();
    assert_ne!(zh_msg, en_msg);
    assert!(has_chinese(&zh_msg), "{zh_msg}");
    assert!(!has_chinese(&en_msg), "{en_msg}");

    let zh_text = stdout(&xiaoqu(&["audit", doc.path()]));
    let en_text = stdout(&xiaoqu(&["audit", doc.path(), "--lang", "en"]));
    assert!(zh_text.contains(&zh_msg) && zh_text.contains("错误"), "{zh_text}");
    assert!(en_text.contains(&en_msg) && en_text.contains("1 error, 0 warnings"), "{en_text}");
}

#[test]
fn rules_lists_the_catalogue() {
    let o = xiaoqu(&["rules", "--format", "json"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let rules = json(&o);
    let rules = rules.as_array().unwrap();
    let codes: Vec<&str> = rules.iter().map(|r| r["code"].as_str().unwrap()).collect();
    for code in ["CFG001", "CFG002", "CFG003", "CFG004", "CFG005", "CFG006"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let mut expected =
        ["code", "name", "severity", "basis", "citation", "sources", "summary_zh", "summary_en", "params"];
    expected.sort_unstable();
    for r in rules {
        assert_eq!(keys(r), expected);
    }
    assert_eq!(rules[0]["name"], "reference_resolves");
    assert!(rules[0]["params"].is_array());

    let o = xiaoqu(&["rules"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let text = stdout(&o);
    assert_eq!(text.lines().count(), rules.len());
    let first = text.lines().next().unwrap();
    let fields: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(fields[..4], ["CFG001", "error", "lib", "reference_resolves"], "{first}");
}

#[test]
fn explain_one_rule() {
    let o = xiaoqu(&["explain", "CFG001"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let text = stdout(&o);
    assert!(text.contains("reference_resolves") && text.contains("CONFIG.md"), "{text}");
    // Both summaries whatever the language.
    assert!(text.contains("every id reference") && has_chinese(&text), "{text}");

    let o = xiaoqu(&["explain", "CFG004", "--lang", "en", "--profile", "national"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    assert!(stdout(&o).contains("under profile national: on, warning"), "{}", stdout(&o));
    let profile = Temp::new("explain_off", "toml", "preset = \"default\"\n[rules]\nCFG004 = \"off\"\n");
    let o = xiaoqu(&["explain", "CFG004", "--lang", "en", "--profile", profile.path()]);
    assert!(stdout(&o).contains("under profile default+overrides: off"), "{}", stdout(&o));

    let o = xiaoqu(&["explain", "XX999"]);
    assert_load_failure(&o, &["unknown rule code `XX999`"]);
    // A code of `RULES.md` without a check yet (ORG001 until the org family lands).
    if let Some(reserved) = RuleCode::ALL.iter().find(|c| xiaoqu::rules::meta(**c).is_none()) {
        let o = xiaoqu(&["explain", reserved.as_str()]);
        assert_load_failure(&o, &[reserved.as_str(), "reserved but not implemented"]);
    }
}

#[test]
fn explain_every_implemented_rule() {
    for m in xiaoqu::rules::catalogue() {
        for lang in ["zh", "en"] {
            let o = xiaoqu(&["explain", m.code.as_str(), "--lang", lang]);
            assert_eq!(exit(&o), 0, "{o:?}");
            let text = stdout(&o);
            assert!(text.starts_with(&format!("{} {}\n", m.code, m.code.name())), "{text}");
            for param in m.params {
                assert!(text.contains(&format!("    {param} = ")), "{param} missing from:\n{text}");
            }
        }
    }
}

#[test]
fn toml_input_by_extension() {
    let doc = Temp::new("tiny", "toml", "schema_version = 1\nas_of = 2025-09-05\n");
    let o = xiaoqu(&["audit", doc.path(), "--format", "json"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let r = json(&o);
    assert_eq!(r["as_of"], "2025-09-05");
    assert_eq!(r["summary"]["compounds"], 0);

    let bad = Temp::new("tiny_bad", "toml", "schema_version = 1\nas_of = 2025-09-05\ncolour = \"red\"\n");
    assert_load_failure(&xiaoqu(&["audit", bad.path()]), &[bad.path(), "colour", "line 3"]);
}

#[test]
fn several_files_give_an_array_or_headed_text() {
    let o = xiaoqu(&["audit", EXAMPLE, EXAMPLE, "--format", "json"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let r = json(&o);
    let reports = r.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    for report in reports {
        assert_eq!(keys(report), ["as_of", "diagnostics", "document", "profile", "summary", "tool"]);
        assert_eq!(report["document"], EXAMPLE);
    }

    let dangling = Temp::new("several_dangling", "json", &dangling_owner());
    let o = xiaoqu(&["audit", EXAMPLE, dangling.path(), "--lang", "en"]);
    assert_eq!(exit(&o), 1, "{o:?}");
    let text = stdout(&o);
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with("==> ")).collect();
    assert_eq!(headers, [format!("==> {EXAMPLE} <=="), format!("==> {} <==", dangling.path())]);
}

#[test]
fn schema_prints_json() {
    let o = xiaoqu(&["schema"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let document = json(&o);
    assert_eq!(document, json(&xiaoqu(&["schema", "document"])));
    assert!(document["properties"]["compounds"].is_object(), "the document schema");
    let o = xiaoqu(&["schema", "profile"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let profile = json(&o);
    assert_eq!(profile["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_ne!(profile, document);
    assert_eq!(exit(&xiaoqu(&["schema", "policy"])), 2, "an unknown kind is a usage error");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(exit(&xiaoqu(&["audit", "--format", "yaml"])), 2);
    assert_eq!(exit(&xiaoqu(&["no-such-command"])), 2);
    assert_eq!(exit(&xiaoqu(&["--help"])), 0);
}

/// `code subject compound` of the errors and warnings of an `audit --format json` report.
fn loud_findings(report: &Value) -> Vec<(String, String, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error" || d["severity"] == "warning")
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            (s("code"), s("subject"), s("compound"))
        })
        .collect()
}

#[test]
fn example_is_byte_identical_across_runs_and_audits_clean() {
    let args = ["example", "--compounds", "60", "--seed", "7"];
    let (a, b) = (xiaoqu(&args), xiaoqu(&args));
    assert_eq!(exit(&a), 0, "{a:?}");
    assert_eq!(a.stdout, b.stdout);
    let doc = Temp::new("example_identical", "json", &stdout(&a));
    let o = xiaoqu(&["audit", doc.path(), "--format", "json"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    assert_eq!(loud_findings(&json(&o)), []);
}

#[test]
fn example_as_toml_audits_clean() {
    let o = xiaoqu(&["example", "--compounds", "6", "--seed", "3", "--format", "toml"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let doc = Temp::new("example_toml", "toml", &stdout(&o));
    let o = xiaoqu(&["audit", doc.path(), "--format", "json"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    assert_eq!(loud_findings(&json(&o)), []);
}

#[test]
fn example_manifest_entries_are_all_found_and_nothing_else_is_loud() {
    let manifest = Temp::new("example_manifest", "json", "");
    let o = xiaoqu(&["example", "--compounds", "200", "--seed", "7", "--violations", "--manifest", manifest.path()]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let doc = Temp::new("example_violations", "json", &stdout(&o));
    let entries: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(manifest.path()).unwrap()).unwrap();
    let listed: std::collections::BTreeSet<(String, String, String)> = entries
        .iter()
        .map(|v| {
            assert_eq!(keys(v), ["code", "compound", "subject"]);
            let s = |k: &str| v[k].as_str().unwrap().to_owned();
            (s("code"), s("subject"), s("compound"))
        })
        .collect();
    let codes: std::collections::BTreeSet<&str> = listed.iter().map(|(c, _, _)| c.as_str()).collect();
    assert!(codes.len() >= 30, "{} codes: {codes:?}", codes.len());
    let o = xiaoqu(&["audit", doc.path(), "--format", "json"]);
    assert_eq!(exit(&o), 1, "errors are injected");
    let report = json(&o);
    let all: std::collections::BTreeSet<(String, String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            (s("code"), s("subject"), s("compound"))
        })
        .collect();
    let missed: Vec<_> = listed.difference(&all).collect();
    assert!(missed.is_empty(), "manifest entries not found: {missed:#?}");
    let stray: Vec<_> = loud_findings(&report).into_iter().filter(|k| !listed.contains(k)).collect();
    assert!(stray.is_empty(), "errors and warnings outside the manifest: {stray:#?}");
}

#[test]
fn explain_shows_parameters_sources_and_citation_under_a_profile() {
    let o = xiaoqu(&["explain", "CM001", "--lang", "en", "--profile", "shanghai"]);
    assert_eq!(exit(&o), 0, "{o:?}");
    let sh = stdout(&o);
    assert!(sh.contains("under profile shanghai: on, error"), "{sh}");
    assert!(sh.contains("citation under this profile: 上海市住宅物业管理规定 第二十条"), "{sh}");
    // Each parameter: its value under the profile, then where that value comes from.
    assert!(
        sh.contains("    committee_size_small = \"3..=3\"\n      source: 上海市住宅物业管理规定 第二十条\n"),
        "{sh}"
    );
    assert!(
        sh.contains("    small_compound_max_area = 10000\n      source: 上海市住宅物业管理规定 第二十条\n"),
        "{sh}"
    );
    assert!(sh.contains("    committee_size_odd = true\n      source: RULES.md default\n"), "{sh}");

    let o = xiaoqu(&["explain", "CM001", "--lang", "en", "--profile", "default"]);
    let de = stdout(&o);
    assert!(de.contains("citation under this profile: 业主大会和业主委员会指导规则 第三十一条"), "{de}");
    assert!(de.contains("    committee_size = \"5..=11\"\n      source: RULES.md default\n"), "{de}");
    assert!(de.contains("    committee_size_small = null\n      source: RULES.md default\n"), "{de}");
    assert!(de.contains("    small_compound_max_area = null\n"), "{de}");

    // A profile file that overrides a value names the profile as its source.
    let profile = Temp::new(
        "explain_override",
        "json",
        r#"{ "preset": "shanghai", "overrides": { "small_compound_max_area": 8000 } }"#,
    );
    let o = xiaoqu(&["explain", "CM001", "--lang", "zh", "--profile", profile.path()]);
    let text = stdout(&o);
    assert!(
        text.contains("    small_compound_max_area = 8000\n      取值来源: shanghai+overrides (profile)\n"),
        "{text}"
    );
    assert!(
        text.contains("    committee_size_small = \"3..=3\"\n      取值来源: 上海市住宅物业管理规定 第二十条\n"),
        "{text}"
    );

    // The help lists every preset.
    let help = stdout(&xiaoqu(&["explain", "--help"]));
    for preset in xiaoqu::policy::PRESETS {
        assert!(help.contains(preset), "{preset} missing from:\n{help}");
    }
}

#[test]
fn audit_sarif_names_the_file_and_the_line() {
    let doc = Temp::new("sarif", "json", &dangling_owner());
    let o = xiaoqu(&["audit", doc.path(), "--format", "sarif", "--lang", "en"]);
    assert_eq!(exit(&o), 1, "{o:?}");
    let log = json(&o);
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["ruleId"], "CFG001");
    assert_eq!(r["level"], "error");
    assert_eq!(r["message"]["text"], "reference to person `p-99` does not resolve");
    let p = &r["locations"][0]["physicalLocation"];
    assert_eq!(p["artifactLocation"]["uri"], doc.path());
    assert_eq!(p["region"]["startLine"], 43, "the line of `\"owners\": [\"p-99\"]`");

    // Several files: one run each; stdin has no artifact.
    let clean = xiaoqu(&["audit", EXAMPLE, doc.path(), "--format", "sarif"]);
    let log = json(&clean);
    assert_eq!(log["runs"].as_array().unwrap().len(), 2);
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
    let o = xiaoqu_stdin(&["audit", "--format", "sarif"], dangling_owner().as_bytes());
    let log = json(&o);
    assert!(log["runs"][0]["results"][0]["locations"][0].get("physicalLocation").is_none());
    assert!(log["runs"][0].get("artifacts").is_none());

    // --deny warnings decides the exit code of SARIF output like any other.
    let doc = Temp::new("sarif_warn", "json", &future_event());
    assert_eq!(exit(&xiaoqu(&["audit", doc.path(), "--format", "sarif"])), 0);
    assert_eq!(exit(&xiaoqu(&["audit", doc.path(), "--format", "sarif", "--deny", "warnings"])), 1);
}

#[test]
fn text_is_grouped_and_coloured_only_when_asked() {
    let doc = Temp::new("color", "json", &dangling_owner());
    let plain = stdout(&xiaoqu(&["audit", doc.path(), "--lang", "en"]));
    assert!(!plain.contains('\u{1b}'), "a pipe is not a terminal: no colour by default");
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines[0], "compound c-guokeyuan");
    assert!(lines[1].starts_with("  error[CFG001] p-99 at compounds[0].units[2].owners[0]: "), "{plain}");
    assert!(lines.iter().any(|l| l.starts_with("      basis: xiaoqu")), "{plain}");
    assert_eq!(
        *lines.last().unwrap(),
        "xiaoqu: 1 error, 0 warnings, 0 infos in 1 compound (profile default, as of 2025-09-05)"
    );

    let always = stdout(&xiaoqu(&["audit", doc.path(), "--lang", "en", "--color", "always"]));
    assert!(always.contains("\u{1b}[1;31merror[CFG001]\u{1b}[0m"), "{always:?}");
    let never = Command::new(env!("CARGO_BIN_EXE_xiaoqu"))
        .args(["audit", doc.path(), "--color", "never"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&never).contains('\u{1b}'));
    // NO_COLOR turns `auto` off; an explicit `--color always` still wins.
    let forced = Command::new(env!("CARGO_BIN_EXE_xiaoqu"))
        .args(["audit", doc.path(), "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(stdout(&forced).contains('\u{1b}'));
    // JSON is never coloured.
    let j = xiaoqu(&["audit", doc.path(), "--format", "json", "--color", "always"]);
    assert!(!stdout(&j).contains('\u{1b}'));
}
