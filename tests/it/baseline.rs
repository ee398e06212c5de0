//! Baselines: accepted findings (code + compound + subject) are dropped before the exit code is
//! decided; the number dropped and the stale entries are reported.

use xiaoqu::report::{Baseline, BaselineEntry};
use xiaoqu::{GovernanceConfig, Lang, RuleCode};

use crate::support::{audit, mutated};

/// Two zero areas: CFG005 on u-1-101 and u-1-102.
fn two_areas() -> GovernanceConfig {
    mutated(|c| {
        c.compounds[0].units[0].area = "0".parse().unwrap();
        c.compounds[0].units[1].area = "0".parse().unwrap();
    })
}

fn entry(code: RuleCode, compound: Option<&str>, subject: &str) -> BaselineEntry {
    BaselineEntry { code, compound: compound.map(str::to_owned), subject: subject.to_owned() }
}

#[test]
fn a_baseline_of_a_report_suppresses_all_of_it() {
    let r = audit(&two_areas());
    assert_eq!(r.with_code(RuleCode::Cfg005).count(), 2);
    let b = Baseline::from_report(&r);
    assert_eq!(
        b.entries.iter().cloned().collect::<Vec<_>>(),
        [
            entry(RuleCode::Cfg005, Some("c-guokeyuan"), "u-1-101"),
            entry(RuleCode::Cfg005, Some("c-guokeyuan"), "u-1-102")
        ]
    );
    let (kept, outcome) = r.apply_baseline(&b);
    assert!(kept.is_clean() && !kept.has_errors());
    assert_eq!(outcome.suppressed, 2);
    assert!(outcome.stale.is_empty());
    assert_eq!(kept.count(xiaoqu::Severity::Error), 0, "counts are of what remains");
    assert!(kept.to_text(Lang::En).contains("0 errors"));
}

#[test]
fn new_findings_stay_and_fixed_ones_are_stale() {
    let b = Baseline::from_report(&audit(&two_areas()));
    // u-1-102 fixed, u-1-201 broken.
    let cfg = mutated(|c| {
        c.compounds[0].units[0].area = "0".parse().unwrap();
        c.compounds[0].units[2].area = "0".parse().unwrap();
    });
    let (kept, outcome) = audit(&cfg).apply_baseline(&b);
    assert_eq!(outcome.suppressed, 1);
    assert_eq!(kept.diagnostics().len(), 1);
    assert_eq!(kept.diagnostics()[0].subject(), "u-1-201");
    assert_eq!(outcome.stale, [entry(RuleCode::Cfg005, Some("c-guokeyuan"), "u-1-102")]);
    assert_eq!(b.unused(&[outcome]), [entry(RuleCode::Cfg005, Some("c-guokeyuan"), "u-1-102")]);
}

#[test]
fn the_key_is_code_compound_and_subject() {
    let r = audit(&two_areas());
    // Same subject, another code or another compound: not a match.
    let other_code = Baseline {
        version: 1,
        entries: [entry(RuleCode::Cfg001, Some("c-guokeyuan"), "u-1-101")].into_iter().collect(),
    };
    assert_eq!(r.apply_baseline(&other_code).1.suppressed, 0);
    let other_compound =
        Baseline { version: 1, entries: [entry(RuleCode::Cfg005, Some("c-other"), "u-1-101")].into_iter().collect() };
    assert_eq!(r.apply_baseline(&other_compound).1.suppressed, 0);
    let no_compound =
        Baseline { version: 1, entries: [entry(RuleCode::Cfg005, None, "u-1-101")].into_iter().collect() };
    assert_eq!(r.apply_baseline(&no_compound).1.suppressed, 0);
    // Document-level findings (no compound) match an entry without one.
    let doc = mutated(|c| {
        c.people[0].employment.push(xiaoqu::model::Employment {
            org: xiaoqu::model::OrgId::new("org-none").unwrap(),
            role: "staff".into(),
            from: c.as_of,
            to: None,
        });
    });
    let dr = audit(&doc);
    let d = dr.with_code(RuleCode::Cfg001).find(|d| d.compound().is_none()).unwrap();
    let b = Baseline { version: 1, entries: [entry(RuleCode::Cfg001, None, d.subject())].into_iter().collect() };
    assert!(dr.apply_baseline(&b).1.suppressed >= 1);
}

#[test]
fn the_file_round_trips_and_is_strict() {
    let b = Baseline::from_report(&audit(&two_areas()));
    let text = b.to_json_string().unwrap();
    assert!(text.contains(r#""code": "CFG005""#) && text.contains(r#""subject": "u-1-101""#), "{text}");
    assert_eq!(Baseline::from_json_str(&text).unwrap(), b);
    assert!(
        Baseline::from_json_str(r#"{ "entries": [ { "code": "CFG005", "subject": "u", "path": "x" } ] }"#).is_err()
    );
    assert!(Baseline::from_json_str(r#"{ "entries": [ { "code": "CFG999", "subject": "u" } ] }"#).is_err());
    assert!(Baseline::from_json_str(r#"{ "entries": [], "extra": 1 }"#).is_err());
    assert_eq!(Baseline::from_json_str(r#"{ "entries": [] }"#).unwrap(), Baseline::new());
}

#[cfg(feature = "cli")]
mod cli {
    use std::path::PathBuf;
    use std::process::{Command, Output};

    fn xiaoqu(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_xiaoqu")).args(args).output().unwrap()
    }

    fn temp(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("xiaoqu-baseline-{}-{name}", std::process::id()))
    }

    /// The example with the first `from` replaced by `to`, written to a temporary file.
    fn doc(name: &str, edits: &[(&str, &str)]) -> PathBuf {
        let mut text = xiaoqu::example::GUOKEYUAN_JSON.to_owned();
        for (from, to) in edits {
            assert!(text.contains(from));
            text = text.replacen(from, to, 1);
        }
        let p = temp(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    const U101: (&str, &str) = (
        r#""id": "u-1-101", "building": "b-1", "area": "89.50""#,
        r#""id": "u-1-101", "building": "b-1", "area": "0""#,
    );
    const U102: (&str, &str) = (
        r#""id": "u-1-102", "building": "b-1", "area": "89.50""#,
        r#""id": "u-1-102", "building": "b-1", "area": "0""#,
    );
    const U201: (&str, &str) = (r#""area": "102.30""#, r#""area": "0""#);
    /// A CFG004 warning (an audit completed after `as_of`).
    const LATE: (&str, &str) = (r#""completed_on": "2025-02-20""#, r#""completed_on": "2025-09-20""#);

    #[test]
    fn write_then_apply_a_baseline() {
        let before = doc("before.json", &[U101, U102, LATE]);
        let base = temp("base.json");
        let (doc_before, base_file) = (before.to_str().unwrap(), base.to_str().unwrap());

        let o = xiaoqu(&["audit", doc_before]);
        assert_eq!(o.status.code(), Some(1));
        // Writing the baseline accepts the findings: exit 0, the report still printed.
        let o = xiaoqu(&["audit", doc_before, "--write-baseline", base_file, "--lang", "en"]);
        assert_eq!(o.status.code(), Some(0), "{o:?}");
        assert!(String::from_utf8_lossy(&o.stdout).contains("2 errors, 1 warning"));
        assert!(String::from_utf8_lossy(&o.stderr).contains("wrote 3 baseline entries"));
        let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
        assert_eq!(written["entries"].as_array().unwrap().len(), 3);

        // With the baseline: nothing left, exit 0 even with --deny warnings.
        let o = xiaoqu(&["audit", doc_before, "--baseline", base_file, "--deny", "warnings", "--lang", "en"]);
        assert_eq!(o.status.code(), Some(0), "{o:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("0 errors, 0 warnings"), "{out}");
        assert!(out.contains("baseline suppressed 3 finding(s); 0 stale baseline entries"), "{out}");

        // u-1-102 fixed, u-1-201 broken: one new error fails, one stale entry is listed.
        let after = doc("after.json", &[U101, U201, LATE]);
        let doc_after = after.to_str().unwrap();
        let o = xiaoqu(&["audit", doc_after, "--baseline", base_file, "--lang", "en"]);
        assert_eq!(o.status.code(), Some(1), "{o:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("error[CFG005] u-1-201"), "{out}");
        assert!(!out.contains("error[CFG005] u-1-101"), "{out}");
        assert!(out.contains("baseline suppressed 2 finding(s); 1 stale baseline entry"), "{out}");
        assert!(out.contains("  stale: CFG005 c-guokeyuan u-1-102"), "{out}");

        // JSON keeps stdout one document; the notes go to stderr.
        let o = xiaoqu(&["audit", doc_after, "--baseline", base_file, "--format", "json"]);
        assert_eq!(o.status.code(), Some(1));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["summary"]["errors"], 1);
        assert!(String::from_utf8_lossy(&o.stderr).contains("基线已抑制 2 条发现, 1 条基线条目已不再出现"));

        // A broken baseline file is one line and exit 2.
        let bad = temp("bad.json");
        std::fs::write(&bad, r#"{ "entries": [ { "code": "NOPE" } ] }"#).unwrap();
        let o = xiaoqu(&["audit", doc_after, "--baseline", bad.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&o.stderr).lines().count(), 1, "{o:?}");
        for p in [before, after, base, bad] {
            let _ = std::fs::remove_file(p);
        }
    }
}
