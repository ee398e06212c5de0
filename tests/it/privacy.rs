//! Privacy by default (个人信息保护法, data minimisation): reports name people by id only; names
//! appear only when asked for (`ReportOptions::show_names`, `--show-names`), and the free text of
//! evidence records never appears, asked or not.
//!
//! The document: the reference example with p-10 standing as a candidate
//! while serving a criminal sentence and holding economic ties with the compound (a record with
//! a distinctive description), and committee member p-04 married to p-12, who works for the
//! property company.

use xiaoqu::model::{Candidate, Nominator, Relation, Relative};
use xiaoqu::report::{ReportOptions, Source};
use xiaoqu::{GovernanceConfig, Lang, Report, RuleCode};

use crate::support::{audit, mutated, pid, rec};

/// Text that exists only in the records' free-text fields.
const SECRET: &str = "秘密描述-挪用维修资金案卷7734";
const MISCONDUCT: &str = "邻里纠纷笔录-XQ-PRIVATE-0042";

fn name_of(cfg: &GovernanceConfig, id: &str) -> String {
    cfg.people.iter().find(|p| p.id.as_str() == id).unwrap().name.clone()
}

fn document() -> GovernanceConfig {
    mutated(|c| {
        c.compounds[0].elections[0].candidates.push(Candidate {
            person: pid("p-10"),
            nominated_by: Nominator::SelfNominated,
            commitment_signed: true,
        });
        let p10 = c.people.iter_mut().find(|p| p.id.as_str() == "p-10").unwrap();
        p10.records = vec![
            // Sentenced, not yet completed on the election day: NL008.
            rec(r#"{"kind":"criminal_conviction","date":"2023-03-01","intentional":true}"#),
            rec(&format!(
                r#"{{"kind":"economic_ties","compound":"c-guokeyuan","description":"{SECRET}","from":"2022-01-01"}}"#
            )),
            rec(&format!(r#"{{"kind":"moral_misconduct","date":"2023-05-01","description":"{MISCONDUCT}"}}"#)),
        ];
        let p04 = c.people.iter_mut().find(|p| p.id.as_str() == "p-04").unwrap();
        p04.relatives.push(Relative { person: pid("p-12"), relation: Relation::Spouse });
    })
}

/// Every person's name in the document (all are at least two characters).
fn names(cfg: &GovernanceConfig) -> Vec<String> {
    cfg.people.iter().map(|p| p.name.clone()).collect()
}

#[track_caller]
fn assert_private(what: &str, text: &str, cfg: &GovernanceConfig) {
    for name in names(cfg) {
        assert!(!text.contains(&name), "{what} names `{name}`:\n{text}");
    }
    assert!(!text.contains(SECRET) && !text.contains(MISCONDUCT), "{what} spills a record's description:\n{text}");
}

fn report() -> (GovernanceConfig, Report) {
    let cfg = document();
    let report = audit(&cfg);
    (cfg, report)
}

#[test]
fn the_document_fires_the_rules_that_read_the_records() {
    let (_, r) = report();
    let nl008 = r.with_code(RuleCode::Nl008).next().expect("the conviction bars the candidate");
    assert_eq!(nl008.subject(), "p-10");
    assert_eq!(nl008.fact("record_kind").map(ToString::to_string).as_deref(), Some("criminal_conviction"));
    assert_eq!(
        nl008.fact("decided_on").map(ToString::to_string).as_deref(),
        Some("2023-03-01"),
        "the date that decided it"
    );
    assert!(r.with_code(RuleCode::Nl013).any(|d| d.subject() == "p-10"), "economic ties");
    let de007 = r.with_code(RuleCode::De007).next().expect("the spouse works for the property company");
    assert_eq!(de007.subject(), "p-04");
    assert_eq!(de007.fact("employed").map(ToString::to_string).as_deref(), Some("p-12"));
}

#[test]
fn reports_carry_ids_not_names_nor_descriptions() {
    let (cfg, r) = report();
    for lang in [Lang::Zh, Lang::En] {
        assert_private("text", &r.to_text(lang), &cfg);
        assert_private("JSON", &r.to_json_string(lang).unwrap(), &cfg);
        let text = cfg.to_json_string_pretty().unwrap();
        let opts = ReportOptions::new().lang(lang).artifact_uri("d.json").source(Source::Json(text.as_bytes()));
        assert_private("SARIF", &r.to_sarif_string(&opts).unwrap(), &cfg);
        // The ids are there.
        assert!(r.to_text(lang).contains("p-10") && r.to_text(lang).contains("p-04"));
    }
    // The finding itself holds no name: messages, help and facts.
    for d in r.diagnostics() {
        let all = format!("{} {} {:?} {:?}", d.message().zh, d.message().en, d.help(), d.facts());
        assert_private(d.code().as_str(), &all, &cfg);
    }
}

#[test]
fn show_names_adds_names_but_never_descriptions() {
    let (cfg, r) = report();
    let (p10, p04, p12) = (name_of(&cfg, "p-10"), name_of(&cfg, "p-04"), name_of(&cfg, "p-12"));
    let opts = ReportOptions::new().lang(Lang::En).show_names(&cfg);

    let text = r.render_text(&opts);
    assert!(text.contains(&format!("p-10 ({p10})")), "{text}");
    assert!(text.contains(&format!("p-04 ({p04})")), "{text}");
    assert!(text.contains(&format!("employed=p-12 ({p12})")), "person-valued facts too:\n{text}");

    let json: serde_json::Value = serde_json::from_str(&r.to_json_string_with(&opts).unwrap()).unwrap();
    let de007 = json["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "DE007").unwrap();
    assert_eq!(de007["names"]["p-04"], p04.as_str());
    assert_eq!(de007["names"]["p-12"], p12.as_str());
    assert_eq!(de007["subject"], "p-04", "the subject stays the id");

    let sarif: serde_json::Value = serde_json::from_str(&r.to_sarif_string(&opts).unwrap()).unwrap();
    let nl008 = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|x| x["ruleId"] == "NL008").unwrap();
    assert_eq!(nl008["properties"]["names"]["p-10"], p10.as_str());

    for out in [text, json.to_string(), sarif.to_string()] {
        assert!(!out.contains(SECRET) && !out.contains(MISCONDUCT), "{out}");
    }
    // Without the option the JSON has exactly the normative keys (no `names`).
    let plain: serde_json::Value = serde_json::from_str(&r.to_json_string(Lang::En).unwrap()).unwrap();
    assert!(plain["diagnostics"].as_array().unwrap().iter().all(|d| d.get("names").is_none()));
}

#[cfg(feature = "cli")]
fn cli(args: &[&str], input: &[u8]) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_xiaoqu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    String::from_utf8(o.stdout).unwrap()
}

#[cfg(feature = "cli")]
#[test]
fn cli_shows_names_only_with_show_names() {
    let cfg = document();
    let doc = cfg.to_json_string_pretty().unwrap();
    let p10 = name_of(&cfg, "p-10");
    for format in ["text", "json", "sarif"] {
        for lang in ["zh", "en"] {
            let out = cli(&["audit", "--format", format, "--lang", lang], doc.as_bytes());
            assert_private(&format!("xiaoqu audit --format {format} --lang {lang}"), &out, &cfg);
            let named = cli(&["audit", "--format", format, "--lang", lang, "--show-names"], doc.as_bytes());
            assert!(named.contains(&p10), "--show-names --format {format}:\n{named}");
            assert!(!named.contains(SECRET) && !named.contains(MISCONDUCT), "{named}");
        }
    }
}
