//! The report contract of SPEC.md: JSON keys, deterministic order, both languages.

use xiaoqu::model::{PersonId, UnitId};
use xiaoqu::{Lang, RuleCode};

use crate::support::{audit, mutated};

fn broken() -> xiaoqu::GovernanceConfig {
    mutated(|c| {
        c.compounds[0].units[10].owners[0] = PersonId::new("p-98").unwrap();
        c.compounds[0].units[2].owners[0] = PersonId::new("p-99").unwrap();
        c.compounds[0].units[3].area = "0.00".parse().unwrap();
        c.people[0].employment.push(xiaoqu::model::Employment {
            org: xiaoqu::model::OrgId::new("org-none").unwrap(),
            role: "staff".into(),
            from: c.as_of,
            to: None,
        });
        c.compounds[0].party_branch.as_mut().unwrap().liaison_households[0].linked_units[0] =
            UnitId::new("u-x").unwrap();
    })
}

#[test]
fn json_has_exactly_the_normative_keys() {
    let report = audit(&broken());
    let v: serde_json::Value = serde_json::from_str(&report.to_json_string(Lang::En).unwrap()).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["as_of", "diagnostics", "profile", "summary", "tool"]);
    assert_eq!(keys(&v["tool"]), ["name", "version"]);
    assert_eq!(v["tool"]["name"], "xiaoqu");
    assert_eq!(keys(&v["summary"]), ["compounds", "errors", "infos", "warnings"]);
    assert_eq!(v["summary"]["errors"], 5);
    assert_eq!(v["summary"]["compounds"], 1);
    assert_eq!(v["as_of"], "2025-09-05");
    let d = &v["diagnostics"][0];
    assert_eq!(
        keys(d),
        ["basis", "citation", "code", "compound", "facts", "help", "message", "name", "path", "severity", "subject"]
    );
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["citation"].as_str().is_some_and(|c| !c.is_empty())));
}

#[test]
fn order_is_compound_then_path_then_code() {
    let report = audit(&broken());
    let order: Vec<(Option<&str>, String, &str)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.compound().map(xiaoqu::model::CompoundId::as_str), d.path().to_string(), d.code().as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (None, "people[0].employment[0].org".to_owned(), "CFG001"),
            (
                Some("c-guokeyuan"),
                "compounds[0].party_branch.liaison_households[0].linked_units[0]".to_owned(),
                "CFG001"
            ),
            (Some("c-guokeyuan"), "compounds[0].units[2].owners[0]".to_owned(), "CFG001"),
            (Some("c-guokeyuan"), "compounds[0].units[3].area".to_owned(), "CFG005"),
            (Some("c-guokeyuan"), "compounds[0].units[10].owners[0]".to_owned(), "CFG001"),
        ],
        "units[10] sorts after units[3]: indices compare as numbers"
    );
    assert_eq!(audit(&broken()), report, "deterministic");
}

#[test]
fn messages_in_both_languages() {
    let report = audit(&broken());
    for d in report.diagnostics() {
        assert!(d.message().zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", d.message().zh);
        assert!(d.message().en.is_ascii(), "{}", d.message().en);
        assert!(!d.message().zh.contains('\n') && !d.message().en.contains('\n'));
    }
    let zh = report.to_text(Lang::Zh);
    let en = report.to_text(Lang::En);
    assert!(zh.contains("错误[CFG001]") && zh.contains("5 个错误"));
    assert!(en.contains("error[CFG001]") && en.contains("5 errors, 0 warnings, 0 infos in 1 compound "));
}

#[test]
fn facts_carry_the_numbers() {
    let report = audit(&broken());
    let d = report.with_code(RuleCode::Cfg005).next().unwrap();
    assert_eq!(d.fact("area").unwrap().to_string(), "0.00");
    let v: serde_json::Value = serde_json::from_str(&report.to_json_string(Lang::Zh).unwrap()).unwrap();
    let cfg005 = v["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "CFG005").unwrap();
    assert_eq!(cfg005["facts"]["area"], "0.00", "decimals are strings in JSON, never floats");
    assert_eq!(cfg005["basis"], "lib");
    assert_eq!(cfg005["name"], "area_positive");
    assert_eq!(cfg005["subject"], "u-1-202");
}
