//! SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for CI systems and editors.
//!
//! One `run` per report, one `result` per finding. Each result carries the rule's code as
//! `ruleId` and its place in `tool.driver.rules` as `ruleIndex`, the finding's severity as
//! `level` (`info` is SARIF's `note`), the message in the chosen language, a logical location
//! (the document path) and, when the file and its text are known, a physical location with the
//! line and column of the value the path names. `partialFingerprints` are built from code,
//! compound and subject, the same key a [`super::Baseline`] uses, so a finding keeps its
//! identity when lines move.

use serde_json::{Map, Value, json};

use super::options::NameBook;
use super::render::{TOOL_NAME, TOOL_VERSION};
use super::{Diagnostic, FactValue, Lang, Report, ReportOptions, Severity, locate};
use crate::rules::{RuleMeta, catalogue};

/// The `$schema` written in SARIF logs: the OASIS 2.1.0 schema (errata 01).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let log = xiaoqu::audit(&cfg, &cfg.policy()?).to_sarif_value(&xiaoqu::report::ReportOptions::new());
/// assert_eq!(log["$schema"], xiaoqu::report::SARIF_SCHEMA);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where users learn about the tool (`tool.driver.informationUri`).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let log = xiaoqu::audit(&cfg, &cfg.policy()?).to_sarif_value(&xiaoqu::report::ReportOptions::new());
/// assert_eq!(log["runs"][0]["tool"]["driver"]["informationUri"], xiaoqu::report::TOOL_INFORMATION_URI);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const TOOL_INFORMATION_URI: &str = "https://docs.rs/xiaoqu";

/// The key of the fingerprint in `partialFingerprints`.
const FINGERPRINT: &str = "xiaoqu/code+compound+subject/v1";

const fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    }
}

fn fact_json(v: &FactValue) -> Value {
    match v {
        FactValue::Int(i) => json!(i),
        FactValue::Bool(b) => json!(b),
        // Decimals, ratios and dates stay strings, as in the JSON report.
        other => json!(other.to_string()),
    }
}

/// The descriptor of one rule (`reportingDescriptor`).
fn rule(m: &RuleMeta, lang: Lang) -> Value {
    let (short, other) = match lang {
        Lang::Zh => (m.summary_zh, m.summary_en),
        Lang::En => (m.summary_en, m.summary_zh),
    };
    let help = match lang {
        Lang::Zh => format!("{short}。依据: {} ({})。来源: domain-rules.md {}", m.citation, m.basis, m.sources),
        Lang::En => format!("{short}. Basis: {} ({}). Sources: domain-rules.md {}", m.citation, m.basis, m.sources),
    };
    json!({
        "id": m.code.as_str(),
        "name": m.code.name(),
        "shortDescription": { "text": short },
        "fullDescription": { "text": format!("{short} / {other}") },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(m.severity), "enabled": m.on_by_default },
        "properties": {
            "basis": m.basis.as_str(),
            "citation": m.citation,
            "sources": m.sources,
            "parameters": m.params,
            "tags": [m.code.family(), m.basis.as_str()],
        },
    })
}

fn result(
    d: &Diagnostic,
    lang: Lang,
    at: Option<(usize, usize)>,
    opts: &ReportOptions<'_>,
    book: Option<&NameBook<'_>>,
) -> Value {
    let rule_index = catalogue().iter().position(|m| m.code == d.code);
    let compound = d.compound.as_ref().map(crate::model::CompoundId::as_str);
    let mut location = Map::new();
    if let Some(uri) = opts.artifact_uri {
        let mut physical = json!({ "artifactLocation": { "uri": uri } });
        if let (Some((line, column)), Some(p)) = (at, physical.as_object_mut()) {
            p.insert("region".into(), json!({ "startLine": line, "startColumn": column }));
        }
        location.insert("physicalLocation".into(), physical);
    }
    location.insert("logicalLocations".into(), json!([{ "fullyQualifiedName": d.path.to_string(), "kind": "member" }]));
    let facts: Map<String, Value> = d.facts.iter().map(|(k, v)| ((*k).to_owned(), fact_json(v))).collect();
    let mut properties = json!({
        "name": d.code.name(),
        "subject": d.subject,
        "compound": compound,
        "path": d.path.to_string(),
        "facts": facts,
        "basis": d.basis.as_str(),
        "citation": d.citation,
        "help": d.help.as_ref().map(|h| h.get(lang)),
    });
    if let (Some(b), Some(p)) = (book, properties.as_object_mut()) {
        p.insert("names".into(), json!(b.people_of(d)));
    }
    let mut r = json!({
        "ruleId": d.code.as_str(),
        "level": level(d.severity),
        "message": { "text": d.message.get(lang) },
        "locations": [Value::Object(location)],
        "partialFingerprints": {
            FINGERPRINT: format!("{}|{}|{}", d.code, compound.unwrap_or(""), d.subject),
        },
        "properties": properties,
    });
    if let (Some(i), Some(o)) = (rule_index, r.as_object_mut()) {
        o.insert("ruleIndex".into(), json!(i));
    }
    r
}

fn run(report: &Report, opts: &ReportOptions<'_>) -> Value {
    let lang = opts.lang;
    let paths: Vec<&super::Path> = report.diagnostics.iter().map(|d| &d.path).collect();
    let lines = match (opts.artifact_uri, opts.source) {
        (Some(_), Some(source)) => locate::positions(source, &paths),
        _ => vec![None; paths.len()],
    };
    let book = opts.name_book();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .zip(lines.into_iter().chain(std::iter::repeat(None)))
        .map(|(d, at)| result(d, lang, at, opts, book.as_ref()))
        .collect();
    let mut run = json!({
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": TOOL_VERSION,
                "semanticVersion": TOOL_VERSION,
                "informationUri": TOOL_INFORMATION_URI,
                "language": language(lang),
                "rules": catalogue().iter().map(|m| rule(m, lang)).collect::<Vec<_>>(),
            }
        },
        "language": language(lang),
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "profile": report.profile,
            "as_of": report.as_of.format("%Y-%m-%d").to_string(),
            "compounds": report.compounds,
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
            "infos": report.count(Severity::Info),
        },
    });
    if let (Some(uri), Some(o)) = (opts.artifact_uri, run.as_object_mut()) {
        o.insert("artifacts".into(), json!([{ "location": { "uri": uri }, "roles": ["analysisTarget"] }]));
    }
    run
}

/// A SARIF 2.1.0 log of several reports, one run each (e.g. one per audited file).
///
/// # Errors
/// Only if serialization fails, which the log's values do not do.
///
/// # Example
/// ```
/// use xiaoqu::report::ReportOptions;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// let a = ReportOptions::new().artifact_uri("a.json");
/// let b = ReportOptions::new().artifact_uri("b.json");
/// let log: serde_json::Value = serde_json::from_str(&xiaoqu::report::sarif_log_string(&[(&report, a), (&report, b)])?)?;
/// assert_eq!(log["runs"].as_array().map(Vec::len), Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sarif_log_string(runs: &[(&Report, ReportOptions<'_>)]) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&log(runs.iter().map(|(r, o)| run(r, o)).collect()))
}

fn log(runs: Vec<Value>) -> Value {
    let mut log = Map::new();
    log.insert("$schema".into(), SARIF_SCHEMA.into());
    log.insert("version".into(), "2.1.0".into());
    log.insert("runs".into(), Value::Array(runs));
    Value::Object(log)
}

impl Report {
    /// The report as a SARIF 2.1.0 log with one run: every finding a `result`, every rule of
    /// the catalogue in `tool.driver.rules`. With [`ReportOptions::artifact_uri`] results point
    /// at the file, and with [`ReportOptions::source`] also at the line and column.
    ///
    /// # Errors
    /// Only if serialization fails, which the log's values do not do.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::report::{ReportOptions, Source};
    /// let text = xiaoqu::example::GUOKEYUAN_JSON.replacen("\"area\": \"89.50\"", "\"area\": \"0\"", 1);
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(&text)?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let opts = ReportOptions::new().artifact_uri("doc.json").source(Source::Json(text.as_bytes()));
    /// let sarif: serde_json::Value = serde_json::from_str(&report.to_sarif_string(&opts)?)?;
    /// let result = &sarif["runs"][0]["results"][0];
    /// assert_eq!(result["ruleId"], "CFG005");
    /// assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "doc.json");
    /// assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64() > Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_sarif_string(&self, opts: &ReportOptions<'_>) -> Result<String, serde_json::Error> {
        sarif_log_string(&[(self, *opts)])
    }

    /// The SARIF log of [`Report::to_sarif_string`] as a JSON value, to merge or post-process.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    /// let log = report.to_sarif_value(&xiaoqu::report::ReportOptions::new());
    /// assert_eq!(log["version"], "2.1.0");
    /// assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_sarif_value(&self, opts: &ReportOptions<'_>) -> Value {
        log(vec![run(self, opts)])
    }
}
