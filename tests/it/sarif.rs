//! SARIF 2.1.0: the log validates against a schema of the SARIF objects we emit (and against the
//! official OASIS schema when `XIAOQU_SARIF_SCHEMA` names a copy), one result per finding,
//! rule metadata for the whole catalogue, and locations that point at the line in the file.

use std::sync::LazyLock;

use serde_json::Value;
use xiaoqu::report::{ReportOptions, Source};
use xiaoqu::{GovernanceConfig, Lang, Policy, Report};

/// The part of SARIF 2.1.0 this crate emits, as a JSON Schema written for these tests from the
/// standard (OASIS, errata 01): required members, enumerations, minimums, and no unknown keys
/// where the standard allows none.
static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let text = include_str!("../fixtures/sarif-2.1.0-subset.schema.json");
    let schema: Value = serde_json::from_str(text).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF subset schema compiles")
});

/// The official OASIS schema, when `XIAOQU_SARIF_SCHEMA` names a copy of
/// `sarif-schema-2.1.0.json` (draft 4); it is not shipped with the crate.
static OFFICIAL: LazyLock<Option<jsonschema::Validator>> = LazyLock::new(|| {
    let path = std::env::var_os("XIAOQU_SARIF_SCHEMA")?;
    let text = std::fs::read_to_string(&path).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    Some(
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .build(&schema)
            .expect("the official SARIF schema compiles as draft 4"),
    )
});

#[track_caller]
fn assert_valid(log: &Value) {
    let errors: Vec<String> = SCHEMA.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "not SARIF 2.1.0:\n{}", errors.join("\n"));
    if let Some(official) = OFFICIAL.as_ref() {
        let errors: Vec<String> = official.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "not SARIF 2.1.0 (official schema):\n{}", errors.join("\n"));
    }
}

/// The reference text with three findings: a dangling owner (CFG001 error, line 43), a zero
/// area (CFG005 error, line 41) and an audit completed after `as_of` (CFG004 warning).
fn broken_text() -> String {
    let text = xiaoqu::example::GUOKEYUAN_JSON;
    let text = text.replacen(r#""owners": ["p-04"]"#, r#""owners": ["p-99"]"#, 1);
    let text = text.replacen(r#""area": "89.50""#, r#""area": "0.00""#, 1);
    text.replacen(r#""completed_on": "2025-02-20""#, r#""completed_on": "2025-09-20""#, 1)
}

fn audited(text: &str) -> (GovernanceConfig, Report) {
    let cfg = GovernanceConfig::from_json_str(text).unwrap();
    let report = xiaoqu::audit(&cfg, &Policy::default());
    (cfg, report)
}

fn sarif(report: &Report, opts: &ReportOptions<'_>) -> Value {
    serde_json::from_str(&report.to_sarif_string(opts).unwrap()).unwrap()
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap();
    text[..at].matches('\n').count() + 1
}

#[test]
fn the_log_validates_as_sarif_2_1_0() {
    let text = broken_text();
    let (cfg, report) = audited(&text);
    let plain = sarif(&report, &ReportOptions::new());
    assert_valid(&plain);
    let located =
        sarif(&report, &ReportOptions::new().artifact_uri("district.json").source(Source::Json(text.as_bytes())));
    assert_valid(&located);
    let named = sarif(&report, &ReportOptions::new().lang(Lang::En).show_names(&cfg).artifact_uri("d.json"));
    assert_valid(&named);
    let (_, clean) = audited(xiaoqu::example::GUOKEYUAN_JSON);
    assert_valid(&sarif(&clean, &ReportOptions::new()));

    // The schema is not a rubber stamp: a wrong level is rejected.
    let mut bad = located.clone();
    bad["runs"][0]["results"][0]["level"] = "info".into();
    assert!(!SCHEMA.is_valid(&bad));
    // Nor is an unknown member of a result, a result without a message, a line 0 or another version.
    let mut bad = located.clone();
    bad["runs"][0]["results"][0]["severity"] = "error".into();
    assert!(!SCHEMA.is_valid(&bad));
    let mut bad = located.clone();
    bad["runs"][0]["results"][0].as_object_mut().unwrap().remove("message");
    assert!(!SCHEMA.is_valid(&bad));
    let mut bad = located.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert!(!SCHEMA.is_valid(&bad));
    let mut bad = located.clone();
    bad["version"] = "2.0.0".into();
    assert!(!SCHEMA.is_valid(&bad));
}

#[test]
fn one_result_per_finding_with_code_level_and_rule_index() {
    let text = broken_text();
    let (_, report) = audited(&text);
    let log = sarif(&report, &ReportOptions::new());
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), report.diagnostics().len());
    assert_eq!(results.len(), 3, "{}", report.to_text(Lang::En));
    let mut ids: Vec<(&str, &str)> =
        results.iter().map(|r| (r["ruleId"].as_str().unwrap(), r["level"].as_str().unwrap())).collect();
    ids.sort_unstable();
    assert_eq!(ids, [("CFG001", "error"), ("CFG004", "warning"), ("CFG005", "error")]);

    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), xiaoqu::rules::catalogue().len());
    for r in results {
        let i = usize::try_from(r["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at the rule");
        assert!(r["partialFingerprints"].as_object().unwrap().values().all(|v| v.as_str().is_some()));
        assert!(r["properties"]["citation"].as_str().is_some_and(|c| !c.is_empty()));
        assert!(r["properties"]["subject"].is_string() && r["properties"]["facts"].is_object());
        // Without a file there is no physical location, only the document path.
        assert!(r["locations"][0].get("physicalLocation").is_none());
        assert!(r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].is_string());
    }
    let cfg001 = results.iter().find(|r| r["ruleId"] == "CFG001").unwrap();
    assert_eq!(cfg001["properties"]["subject"], "p-99");
    assert_eq!(cfg001["properties"]["compound"], "c-guokeyuan");
    assert_eq!(cfg001["partialFingerprints"]["xiaoqu/code+compound+subject/v1"], "CFG001|c-guokeyuan|p-99");
    assert_eq!(cfg001["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "compounds[0].units[2].owners[0]");
    assert_eq!(run["properties"]["errors"], 2);
    assert_eq!(run["properties"]["warnings"], 1);
    assert_eq!(run["tool"]["driver"]["name"], "xiaoqu");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(run["tool"]["driver"]["informationUri"].as_str().is_some_and(|u| u.starts_with("https://")));
}

#[test]
fn rule_metadata_for_every_rule() {
    let (_, report) = audited(xiaoqu::example::GUOKEYUAN_JSON);
    for lang in [Lang::Zh, Lang::En] {
        let log = sarif(&report, &ReportOptions::new().lang(lang));
        let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        for (r, m) in rules.iter().zip(xiaoqu::rules::catalogue()) {
            assert_eq!(r["id"], m.code.as_str());
            assert_eq!(r["name"], m.code.name());
            let short = match lang {
                Lang::Zh => m.summary_zh,
                Lang::En => m.summary_en,
            };
            assert_eq!(r["shortDescription"]["text"], short);
            let full = r["fullDescription"]["text"].as_str().unwrap();
            assert!(full.contains(m.summary_zh) && full.contains(m.summary_en), "both languages: {full}");
            assert!(r["help"]["text"].as_str().unwrap().contains(m.citation), "help cites the source");
            let level = match m.severity {
                xiaoqu::Severity::Error => "error",
                xiaoqu::Severity::Warning => "warning",
                xiaoqu::Severity::Info => "note",
            };
            assert_eq!(r["defaultConfiguration"]["level"], level);
            assert_eq!(r["properties"]["basis"], m.basis.as_str());
            assert_eq!(r["properties"]["citation"], m.citation);
            assert_eq!(r["properties"]["sources"], m.sources);
        }
    }
}

#[test]
fn locations_point_at_the_line_in_json_and_toml() {
    let text = broken_text();
    let (_, report) = audited(&text);
    let log = sarif(&report, &ReportOptions::new().artifact_uri("district.json").source(Source::Json(text.as_bytes())));
    let results = log["runs"][0]["results"].as_array().unwrap();
    let physical =
        |code: &str| results.iter().find(|r| r["ruleId"] == code).unwrap()["locations"][0]["physicalLocation"].clone();
    let p = physical("CFG001");
    assert_eq!(p["artifactLocation"]["uri"], "district.json");
    assert_eq!(p["region"]["startLine"], line_of(&text, r#"["p-99"]"#));
    assert_eq!(p["region"]["startLine"], 43);
    // The column of the value `"p-99"` (1-based, in characters).
    let line = text.lines().nth(42).unwrap();
    assert_eq!(p["region"]["startColumn"], line.find(r#""p-99""#).unwrap() + 1);
    assert_eq!(physical("CFG005")["region"]["startLine"], line_of(&text, r#""0.00""#));
    assert_eq!(physical("CFG004")["region"]["startLine"], line_of(&text, r#""completed_on": "2025-09-20""#));
    assert_eq!(log["runs"][0]["artifacts"][0]["location"]["uri"], "district.json");

    // TOML: the same findings, lines of the TOML text.
    let toml_text = include_str!("../fixtures/example-guokeyuan.toml");
    let mut cfg = GovernanceConfig::from_toml_str(toml_text).unwrap();
    cfg.compounds[0].units[0].area = "0".parse().unwrap();
    let report = xiaoqu::audit(&cfg, &Policy::default());
    let log = sarif(&report, &ReportOptions::new().artifact_uri("d.toml").source(Source::Toml(toml_text)));
    assert_valid(&log);
    let r = &log["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "CFG005");
    let line = usize::try_from(r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap()).unwrap();
    let at = toml_text.lines().nth(line - 1).unwrap();
    assert!(at.contains("area"), "line {line} of the TOML is `{at}`");
    assert!(toml_text.lines().take(line - 1).filter(|l| l.contains("area")).count() == 0, "the first unit's area");
}

#[test]
fn messages_follow_the_language() {
    let (_, report) = audited(&broken_text());
    let zh = sarif(&report, &ReportOptions::new());
    let en = sarif(&report, &ReportOptions::new().lang(Lang::En));
    let d = report.diagnostics().iter().position(|d| d.code() == xiaoqu::RuleCode::Cfg001).unwrap();
    assert_eq!(zh["runs"][0]["results"][d]["message"]["text"], report.diagnostics()[d].message().zh.as_ref());
    assert_eq!(en["runs"][0]["results"][d]["message"]["text"], report.diagnostics()[d].message().en.as_ref());
    assert_eq!(zh["runs"][0]["language"], "zh-CN");
    assert_eq!(en["runs"][0]["language"], "en-US");
}

#[test]
fn several_reports_give_one_run_each() {
    let (_, a) = audited(&broken_text());
    let (_, b) = audited(xiaoqu::example::GUOKEYUAN_JSON);
    let text = xiaoqu::report::sarif_log_string(&[
        (&a, ReportOptions::new().artifact_uri("a.json")),
        (&b, ReportOptions::new().artifact_uri("b.json")),
    ])
    .unwrap();
    let log: Value = serde_json::from_str(&text).unwrap();
    assert_valid(&log);
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["results"].as_array().unwrap().len(), 3);
    assert_eq!(runs[1]["results"].as_array().unwrap().len(), 0);
    assert_eq!(runs[1]["artifacts"][0]["location"]["uri"], "b.json");
}
