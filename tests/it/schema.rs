#![cfg(feature = "schema")]
//! Tests: the JSON Schema of the config format, and its agreement with the loader.
//!
//! Each refusal is checked twice: the schema refuses the document and the loader refuses it
//! too, so the schema cannot drift into refusing what the crate reads (or the reverse) unseen.

use std::sync::LazyLock;

use chrono::NaiveDate;
use serde_json::{Value, json};
use xiaoqu::GovernanceConfig;
use xiaoqu::example::GUOKEYUAN_JSON;
use xiaoqu::model::{
    Approval, CompoundId, Disbursement, Entry, EntryKind, MatterRef, Party, Purpose, Record, Scope, UnitId,
};
use xiaoqu::schema::{config_schema, profile_schema};

const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema).expect("the schema compiles as draft 2020-12")
}

/// Compiled once: the agreement tests validate hundreds of documents.
static CONFIG: LazyLock<jsonschema::Validator> = LazyLock::new(|| validator(&config_schema()));
static PROFILE: LazyLock<jsonschema::Validator> = LazyLock::new(|| validator(&profile_schema()));

fn example() -> Value {
    serde_json::from_str(GUOKEYUAN_JSON).unwrap()
}

fn loads(doc: &Value) -> bool {
    GovernanceConfig::from_json_str(&doc.to_string()).is_ok()
}

/// The schema's complaints about `doc`, one per line.
fn errors(v: &jsonschema::Validator, doc: &Value) -> String {
    v.iter_errors(doc).map(|e| format!("{} at `{}`", e, e.instance_path)).collect::<Vec<_>>().join("\n")
}

#[track_caller]
fn assert_accepted(doc: &Value, what: &str) {
    let errs = errors(&CONFIG, doc);
    assert!(errs.is_empty(), "the schema refused {what}:\n{errs}");
    assert!(loads(doc), "the loader refused {what}");
}

#[track_caller]
fn assert_refused(doc: &Value, what: &str) {
    assert!(!CONFIG.is_valid(doc), "the schema accepted {what}");
    assert!(!loads(doc), "the loader accepted {what}");
}

/// The example after `f` changed its JSON.
fn edited(f: impl FnOnce(&mut Value)) -> Value {
    let mut doc = example();
    f(&mut doc);
    doc
}

fn unit0(doc: &mut Value) -> &mut Value {
    &mut doc["compounds"][0]["units"][0]
}

fn entry0(doc: &mut Value) -> &mut Value {
    &mut doc["compounds"][0]["joint_account"]["entries"][0]
}

#[test]
fn schemas_are_draft_2020_12() {
    for (name, schema) in [("config", config_schema()), ("profile", profile_schema())] {
        assert_eq!(schema["$schema"], DRAFT_2020_12, "{name}");
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("the {name} schema is not a valid schema: {e}");
        }
    }
}

#[test]
fn reference_example_validates() {
    assert_accepted(&example(), "the reference example");
}

#[test]
fn unknown_keys_are_refused() {
    assert_refused(&edited(|d| d["colour"] = json!(1)), "an unknown top-level key");
    assert_refused(&edited(|d| unit0(d)["colour"] = json!(1)), "an unknown key in a unit");
    assert_refused(&edited(|d| entry0(d)["colour"] = json!(1)), "an unknown key in a ledger entry");
    assert_refused(&edited(|d| d["people"][0]["party"]["colour"] = json!(1)), "an unknown key in a party membership");
}

#[test]
fn money_and_area_are_strings_not_numbers() {
    assert_refused(&edited(|d| unit0(d)["area"] = json!(89.5)), "an area as a JSON number");
    assert_refused(&edited(|d| entry0(d)["amount"] = json!(3600)), "an amount as a JSON integer");
    for bad in ["89.505", "1e3", "+1.00", "1_000.00", ".50", "89.", " 89.50"] {
        assert_refused(&edited(|d| unit0(d)["area"] = json!(bad)), &format!("the area `{bad}`"));
    }
    for good in ["89", "89.5", "-3.25", "0"] {
        assert_accepted(&edited(|d| unit0(d)["area"] = json!(good)), &format!("the area `{good}`"));
    }
}

#[test]
fn dates_are_strict() {
    for bad in ["2024-6-1", " 2024-06-01", "20240601", "2024/06/01"] {
        assert_refused(&edited(|d| d["as_of"] = json!(bad)), &format!("the date `{bad}`"));
        assert_refused(&edited(|d| d["people"][0]["birth_date"] = json!(bad)), &format!("the birth date `{bad}`"));
    }
    // An optional date may be absent or null.
    assert_accepted(&edited(|d| d["people"][0]["birth_date"] = Value::Null), "a null optional date");
    assert_accepted(
        &edited(|d| _ = d["people"][0].as_object_mut().unwrap().remove("birth_date")),
        "an absent optional date",
    );
    assert_refused(&edited(|d| d["as_of"] = Value::Null), "a null required date");
}

#[test]
fn ids_are_checked() {
    for bad in ["p 01", "", "王", "p/01"] {
        assert_refused(&edited(|d| d["people"][0]["id"] = json!(bad)), &format!("the id `{bad}`"));
    }
    let long = "x".repeat(65);
    assert_refused(&edited(|d| d["people"][0]["id"] = json!(long)), "a 65-character id");
    assert_refused(&edited(|d| unit0(d)["owners"][0] = json!("p 01")), "a bad id in a reference");
}

#[test]
fn enums_and_versions_are_checked() {
    assert_refused(&edited(|d| d["compounds"][0]["category"] = json!("Managed")), "an enum value not in snake_case");
    assert_refused(&edited(|d| d["schema_version"] = json!(2)), "schema_version 2");
    assert_refused(&edited(|d| d["schema_version"] = json!("1")), "schema_version as a string");
}

#[test]
fn ledger_entries_follow_their_kind() {
    assert_refused(
        &edited(|d| _ = entry0(d).as_object_mut().unwrap().remove("source")),
        "a revenue entry without `source`",
    );
    assert_refused(&edited(|d| entry0(d)["payee"] = json!("x")), "a revenue entry with `payee`");
    assert_refused(&edited(|d| entry0(d)["kind"] = json!("refund")), "an unknown entry kind");
    assert_refused(&edited(|d| _ = entry0(d).as_object_mut().unwrap().remove("kind")), "an entry without `kind`");
}

#[test]
fn profile_object_validates() {
    let profile = json!({ "preset": "default", "overrides": { "filing_days": 20 }, "rules": { "DE003": "off" } });
    assert_accepted(&edited(|d| d["profile"] = profile.clone()), "a profile object");
    let errs = errors(&PROFILE, &profile);
    assert!(errs.is_empty(), "the profile schema refused the profile object:\n{errs}");
    assert!(xiaoqu::config::policy_from_json_str(&profile.to_string()).is_ok());

    assert!(PROFILE.is_valid(&json!("national")));
    for (bad, what) in [
        (json!("atlantis"), "an unknown preset"),
        (json!({ "preset": "default", "overrides": { "colour": 1 } }), "an unknown parameter"),
        (json!({ "preset": "default", "rules": { "XX999": "off" } }), "an unknown rule code"),
        (json!({ "preset": "default", "rules": { "DE003": "loud" } }), "an unknown rule setting"),
        (json!({ "preset": "default", "colour": 1 }), "an unknown profile key"),
        (json!({ "overrides": {} }), "a profile without a preset"),
        (json!({ "preset": "default", "overrides": { "committee_party_share": 0.5 } }), "a fraction as a number"),
    ] {
        assert!(!PROFILE.is_valid(&bad), "the profile schema accepted {what}");
        assert_refused(&edited(|d| d["profile"] = bad.clone()), &format!("a document with {what}"));
    }
}

/// Every object refuses unknown keys: structs with `additionalProperties: false`, maps by
/// constraining both their keys and their values.
#[test]
fn every_object_is_closed() {
    fn walk(v: &Value, at: &str, open: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if o.get("type") == Some(&json!("object")) {
                    let closed = match o.get("additionalProperties") {
                        Some(Value::Bool(false)) => true,
                        Some(Value::Object(_)) => o.contains_key("propertyNames"),
                        _ => false,
                    };
                    if !closed {
                        open.push(at.to_owned());
                    }
                }
                for (k, child) in o {
                    walk(child, &format!("{at}/{k}"), open);
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    walk(child, &format!("{at}/{i}"), open);
                }
            }
            _ => {}
        }
    }
    for (name, schema) in [("config", config_schema()), ("profile", profile_schema())] {
        let mut open = Vec::new();
        walk(&schema, "#", &mut open);
        assert!(open.is_empty(), "open objects in the {name} schema: {open:?}");
    }
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The example with one record of every kind (optional fields given), one entry of every kind
/// and a building-scoped vote, as the crate serializes them.
fn every_kind() -> Value {
    let mut cfg = GovernanceConfig::from_json_str(GUOKEYUAN_JSON).unwrap();
    let (d1, d2) = (date("2020-01-01"), Some(date("2021-01-01")));
    let (unit, compound): (UnitId, CompoundId) = ("u-1-101".parse().unwrap(), "c-guokeyuan".parse().unwrap());
    cfg.people[0].records = vec![
        Record::CriminalConviction { date: d1, sentence_completed_on: d2, intentional: true },
        Record::UnderCriminalInvestigation { from: d1, to: d2 },
        Record::DishonestDebtor { from: d1, to: d2 },
        Record::IllegalConstruction { unit: unit.clone(), ordered_on: d1, rectified_on: d2 },
        Record::StructuralDamage { unit: unit.clone(), found_on: d1, rectified_on: d2 },
        Record::OccupiesCommonPart { compound: compound.clone(), found_on: d1, rectified_on: d2 },
        Record::FeeArrears {
            unit,
            since: d1,
            months: 3,
            amount: "300.00".parse().unwrap(),
            court_confirmed: false,
            settled_on: d2,
        },
        Record::AdminPenalty { date: d1, property_related: true },
        Record::RemovedFromCommittee { compound: compound.clone(), date: d1 },
        Record::EconomicTies { compound, description: "leases shop 3".to_owned(), from: d1, to: d2 },
        Record::MoralMisconduct { date: d1, description: "x".to_owned() },
    ];
    let compound = &mut cfg.compounds[0];
    let account = compound.joint_account.as_mut().unwrap();
    account.entries.push(Entry {
        id: "e-900".parse().unwrap(),
        date: d1,
        amount: "1.00".parse().unwrap(),
        memo: Some("memo".to_owned()),
        kind: EntryKind::Disbursement(Disbursement {
            purpose: Purpose::AuditFee,
            payee: "auditor".to_owned(),
            approvals: vec![Approval { party: Party::OwnersCommittee, person: "p-01".parse().unwrap(), date: d1 }],
            resolution: Some(MatterRef { assembly: "a-1".parse().unwrap(), matter: "m-1".parse().unwrap() }),
        }),
    });
    compound.assemblies[1].scope = Scope::Building("b-1".parse().unwrap());
    serde_json::from_str(&cfg.to_json_string_pretty().unwrap()).unwrap()
}

/// For every tagged object at `pointers`: removing a field the schema requires is refused by
/// both, removing one it allows is accepted by both, and a field of another kind is refused by
/// both.
#[track_caller]
fn check_tagged(doc: &Value, def: &str, pointers: &[String]) {
    let schema = config_schema();
    let branches = schema["$defs"][def]["oneOf"].as_array().unwrap();
    let objects: Vec<&Value> = pointers.iter().map(|p| doc.pointer(p).unwrap()).collect();
    let kinds: Vec<&str> = objects.iter().map(|o| o["kind"].as_str().unwrap()).collect();
    for b in branches {
        let kind = b["properties"]["kind"]["const"].as_str().unwrap();
        assert!(kinds.contains(&kind), "{def} `{kind}` is not exercised");
    }
    for (p, obj) in pointers.iter().zip(&objects) {
        let kind = obj["kind"].as_str().unwrap();
        let branch = branches.iter().find(|b| b["properties"]["kind"]["const"] == kind).unwrap();
        let required: Vec<&str> = branch["required"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        for key in obj.as_object().unwrap().keys() {
            let mut d = doc.clone();
            d.pointer_mut(p).unwrap().as_object_mut().unwrap().remove(key);
            let what = format!("{def} `{kind}` without `{key}`");
            if required.contains(&key.as_str()) { assert_refused(&d, &what) } else { assert_accepted(&d, &what) }
        }
        for other in &objects {
            for (key, value) in other.as_object().unwrap() {
                if branch["properties"].get(key).is_none() {
                    let mut d = doc.clone();
                    d.pointer_mut(p).unwrap()[key] = value.clone();
                    assert_refused(&d, &format!("{def} `{kind}` with `{key}`"));
                }
            }
        }
    }
}

#[test]
fn tagged_shapes_agree_with_the_loader() {
    let doc = every_kind();
    assert_accepted(&doc, "one record, entry and scope of every kind");
    let n = |p: &str| doc.pointer(p).unwrap().as_array().unwrap().len();
    let records: Vec<String> = (0..n("/people/0/records")).map(|i| format!("/people/0/records/{i}")).collect();
    check_tagged(&doc, "Record", &records);
    let entries = "/compounds/0/joint_account/entries";
    check_tagged(&doc, "Entry", &(0..n(entries)).map(|i| format!("{entries}/{i}")).collect::<Vec<_>>());
    let scopes: Vec<String> =
        (0..n("/compounds/0/assemblies")).map(|i| format!("/compounds/0/assemblies/{i}/scope")).collect();
    check_tagged(&doc, "Scope", &scopes);
}
