//! Strict loading: every error class of `CONFIG.md`, with kind, path, line and column, in JSON
//! and TOML; the TOML form of the reference example; and round trips (fixed and proptest).
//!
//! Bad documents are the reference example with one textual edit, so each test shows exactly
//! what changed and where; positions are computed from the edited text (line and column are
//! 1-based and count characters, not bytes).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use xiaoqu::model::{Area, Money, PersonId, UnitId};
use xiaoqu::{GovernanceConfig, LoadError, LoadErrorKind};

const EX: &str = xiaoqu::example::GUOKEYUAN_JSON;
const EX_TOML: &str = include_str!("../fixtures/example-guokeyuan.toml");

// ---------------------------------------------------------------------------------------------
// Helpers

/// `doc` with `from` replaced by `to`; `from` must occur exactly once, so the edit is the one
/// the test means.
#[track_caller]
fn edit_in(doc: &str, from: &str, to: &str) -> String {
    assert_eq!(doc.matches(from).count(), 1, "the pattern `{from}` must occur exactly once");
    let out = doc.replacen(from, to, 1);
    assert_ne!(out, doc, "the edit `{from}` -> `{to}` changed nothing");
    out
}

/// The reference JSON example with one edit.
#[track_caller]
fn edit(from: &str, to: &str) -> String {
    edit_in(EX, from, to)
}

/// The 1-based line and column (in characters) of `mark` inside `needle`, where `needle`
/// occurs exactly once in `doc`.
#[track_caller]
fn at(doc: &str, needle: &str, mark: &str) -> (usize, usize) {
    assert_eq!(doc.matches(needle).count(), 1, "`{needle}` must occur exactly once");
    let within = needle.find(mark).unwrap_or_else(|| panic!("`{mark}` is not inside `{needle}`"));
    let offset = doc.find(needle).unwrap() + within;
    let before = &doc[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

#[track_caller]
fn json_err(doc: &str) -> LoadError {
    match GovernanceConfig::from_json_str(doc) {
        Ok(_) => panic!("the document must be refused"),
        Err(e) => e,
    }
}

#[track_caller]
fn toml_err(doc: &str) -> LoadError {
    match GovernanceConfig::from_toml_str(doc) {
        Ok(_) => panic!("the document must be refused"),
        Err(e) => e,
    }
}

/// Asserts kind, path and position, and that Display is the one line
/// `PATH: MESSAGE (line L, column C)` (`(document)` for the empty path).
#[track_caller]
fn check(e: &LoadError, kind: LoadErrorKind, path: &str, (line, column): (usize, usize)) {
    assert_eq!(e.kind(), kind, "kind of: {e}");
    assert_eq!(e.path(), path, "path of: {e}");
    assert_eq!((e.line(), e.column()), (Some(line), Some(column)), "position of: {e}");
    let shown = e.to_string();
    assert!(!shown.contains('\n') && !shown.contains('\r'), "Display must be one line: {shown:?}");
    let name = if path.is_empty() { "(document)" } else { path };
    assert_eq!(shown, format!("{name}: {} (line {line}, column {column})", e.message()));
    assert!(!e.message().is_empty(), "a message is required: {shown}");
}

fn load_json(doc: &str) -> GovernanceConfig {
    GovernanceConfig::from_json_str(doc).unwrap_or_else(|e| panic!("must load: {e}"))
}

fn load_toml(doc: &str) -> GovernanceConfig {
    GovernanceConfig::from_toml_str(doc).unwrap_or_else(|e| panic!("must load: {e}"))
}

// ---------------------------------------------------------------------------------------------
// JSON: one test per error class

#[test]
fn json_syntax_error_points_at_the_offending_character() {
    let doc = edit(r#""as_of": "2025-09-05","#, r#""as_of": "2025-09-05""#);
    let e = json_err(&doc);
    // The reader stops on the key that should have followed a comma.
    check(&e, LoadErrorKind::Syntax, "", at(&doc, r#""profile": "default""#, r#"""#));
    assert_eq!(e.line(), Some(4));

    // Inside a unit the path names the object being read, not an unknown placeholder.
    let doc = edit(r#""id": "u-1-201", "building": "b-1","#, r#""id": "u-1-201" "building": "b-1","#);
    let e = json_err(&doc);
    check(&e, LoadErrorKind::Syntax, "compounds[0].units[2]", at(&doc, r#""u-1-201" "building""#, r#""building"#));
}

#[test]
fn json_unknown_key_at_top_level() {
    let doc = edit(r#""profile": "default","#, r#""profile": "default", "colour": "blue","#);
    let e = json_err(&doc);
    check(&e, LoadErrorKind::UnknownKey, "colour", at(&doc, r#""colour""#, r#""colour""#));
    assert!(e.message().contains("`colour`"), "{e}");
}

#[test]
fn json_unknown_key_inside_a_unit() {
    let doc = edit(r#""id": "u-1-202", "building": "b-1","#, r#""id": "u-1-202", "floor": 2, "building": "b-1","#);
    let e = json_err(&doc);
    check(&e, LoadErrorKind::UnknownKey, "compounds[0].units[3].floor", at(&doc, r#""floor""#, r#""floor""#));
    assert!(e.message().contains("`floor`"), "{e}");
}

#[test]
fn json_unknown_key_inside_a_ledger_entry() {
    let doc =
        edit(r#""id": "e-001", "date": "2025-01-10","#, r#""id": "e-001", "invoice": "F-1", "date": "2025-01-10","#);
    let e = json_err(&doc);
    check(
        &e,
        LoadErrorKind::UnknownKey,
        "compounds[0].joint_account.entries[0].invoice",
        at(&doc, r#""invoice""#, r#""invoice""#),
    );
    assert!(e.message().contains("`invoice`"), "{e}");
}

/// A person with one `admin_penalty` record carrying `extra`.
fn with_record(extra: &str) -> String {
    edit(
        r#"{ "id": "p-04", "name": "陈静", "birth_date": "1983-02-08" }"#,
        &format!(
            r#"{{ "id": "p-04", "name": "陈静", "birth_date": "1983-02-08",
      "records": [ {{ "kind": "admin_penalty", "date": "2020-01-01", "property_related": false{extra} }} ] }}"#
        ),
    )
}

#[test]
fn json_unknown_key_inside_a_record() {
    let ok = with_record("");
    assert_eq!(load_json(&ok).people[3].records.len(), 1, "the unmodified record loads");

    let doc = with_record(r#", "severity": "minor""#);
    let e = json_err(&doc);
    check(&e, LoadErrorKind::UnknownKey, "people[3].records[0].severity", at(&doc, r#""severity""#, r#""severity""#));
    assert!(e.message().contains("`severity`"), "{e}");

    // A field of another record kind is refused by name, at its key.
    let doc = with_record(r#", "unit": "u-9-999""#);
    let e = json_err(&doc);
    check(&e, LoadErrorKind::UnknownKey, "people[3].records[0].unit", at(&doc, r#""unit": "u-9-999""#, r#""unit""#));
    assert!(e.message().contains("`unit`") && e.message().contains("`admin_penalty`"), "{e}");
}

#[test]
fn json_duplicate_struct_field() {
    let doc = edit(
        r#""id": "u-1-101", "building": "b-1", "area": "89.50","#,
        r#""id": "u-1-101", "building": "b-1", "area": "89.50", "area": "98.50","#,
    );
    let e = json_err(&doc);
    // The path names the object; the position is the second occurrence.
    check(&e, LoadErrorKind::DuplicateKey, "compounds[0].units[0]", at(&doc, r#", "area": "98.50""#, r#""area""#));
    assert!(e.message().contains("`area`"), "{e}");
}

#[test]
fn json_ballot_naming_a_matter_twice() {
    let doc = edit(
        r#""voter": "p-09", "cast_on": "2024-06-10", "choices": { "m-1": "against", "m-2": "for", "m-3": "against" }"#,
        r#""voter": "p-09", "cast_on": "2024-06-10", "choices": { "m-1": "against", "m-2": "for", "m-1": "for" }"#,
    );
    let e = json_err(&doc);
    check(
        &e,
        LoadErrorKind::DuplicateKey,
        "compounds[0].assemblies[0].ballots[9].choices",
        at(&doc, r#""m-2": "for", "m-1": "for""#, r#""m-1""#),
    );
    assert!(e.message().contains("`m-1`"), "{e}");
}

#[test]
fn json_string_where_a_list_belongs() {
    let doc = edit(r#""area": "102.30", "owners": ["p-07"]"#, r#""area": "102.30", "owners": "p-07""#);
    let e = json_err(&doc);
    check(&e, LoadErrorKind::WrongType, "compounds[0].units[3].owners", at(&doc, r#""owners": "p-07""#, r#""p-07""#));
}

#[test]
fn json_numbers_are_refused_for_area_and_money() {
    let doc = edit(
        r#""id": "u-1-101", "building": "b-1", "area": "89.50""#,
        r#""id": "u-1-101", "building": "b-1", "area": 89.50"#,
    );
    let e = json_err(&doc);
    check(&e, LoadErrorKind::WrongType, "compounds[0].units[0].area", at(&doc, r#""area": 89.50"#, "89.50"));
    assert!(e.message().contains("decimal string"), "{e}");

    let doc = edit(
        r#""source": "parking", "amount": "3600.00", "memo": "2024年"#,
        r#""source": "parking", "amount": 3600, "memo": "2024年"#,
    );
    let e = json_err(&doc);
    check(&e, LoadErrorKind::WrongType, "compounds[0].joint_account.entries[0].amount", at(&doc, "3600,", "3600"));
    assert!(e.message().contains("\"3600.00\""), "the message shows how to write it: {e}");
}

#[test]
fn json_more_than_two_decimal_places() {
    let doc = edit(r#""opening_balance": "0.00""#, r#""opening_balance": "0.001""#);
    let e = json_err(&doc);
    check(
        &e,
        LoadErrorKind::InvalidValue,
        "compounds[0].joint_account.opening_balance",
        at(&doc, r#""0.001""#, r#"""#),
    );
    assert!(e.message().contains("more than 2 decimal places"), "{e}");

    // Two places is the boundary and loads; so do one and none.
    for ok in ["0.01", "0.1", "0", "-3.25"] {
        let cfg = load_json(&edit(r#""opening_balance": "0.00""#, &format!(r#""opening_balance": "{ok}""#)));
        let want: Decimal = ok.parse().unwrap();
        assert_eq!(cfg.compounds[0].joint_account.as_ref().unwrap().opening_balance.value(), want);
    }
}

#[test]
fn json_decimal_spellings_are_refused() {
    for bad in ["1e3", "+1.00", "1_000.00", ".50", "1.", " 1.00", "1,00", "0x10"] {
        let doc = edit(r#""initial_deposit": "64780.00""#, &format!(r#""initial_deposit": "{bad}""#));
        let e = json_err(&doc);
        let quoted = format!("\"{bad}\"");
        check(
            &e,
            LoadErrorKind::InvalidValue,
            "compounds[0].maintenance_fund.initial_deposit",
            at(&doc, &quoted, &quoted),
        );
        assert!(e.message().contains(&format!("`{bad}`")), "the message names the value: {e}");
    }
}

#[test]
fn json_non_strict_dates_are_refused() {
    for bad in ["2024-6-1", " 2024-06-01", "2024-06-01 ", "2024-02-30", "20240601", "2024/06/01", "2023-02-29"] {
        let doc = edit(r#""as_of": "2025-09-05""#, &format!(r#""as_of": "{bad}""#));
        let e = json_err(&doc);
        check(&e, LoadErrorKind::InvalidValue, "as_of", (3, 12));
        assert!(e.message().contains(&format!("`{bad}`")), "{e}");
    }
    // Leap day exists in 2024; optional dates are as strict as required ones.
    assert_eq!(
        load_json(&edit(r#""as_of": "2025-09-05""#, r#""as_of": "2024-02-29""#)).as_of.to_string(),
        "2024-02-29"
    );
    let doc = edit(r#""birth_date": "1958-03-02""#, r#""birth_date": "1958-3-02""#);
    let e = json_err(&doc);
    // Line 6 holds a Chinese name before the date: the column counts characters (50), not bytes (56).
    check(&e, LoadErrorKind::InvalidValue, "people[0].birth_date", (6, 50));
    assert_eq!(at(&doc, r#""1958-3-02""#, r#"""#), (6, 50));
}

#[test]
fn json_decimal_beyond_range() {
    let thirty = "123456789012345678901234567890";
    let doc = edit(r#""balance": "60000.00""#, &format!(r#""balance": "{thirty}""#));
    let e = json_err(&doc);
    let quoted = format!("\"{thirty}\"");
    check(&e, LoadErrorKind::InvalidValue, "compounds[0].maintenance_fund.balance", at(&doc, &quoted, &quoted));
    assert!(e.message().contains("range"), "{e}");
}

#[test]
fn json_largest_decimal_loads_and_round_trips() {
    // The largest 96-bit decimal, with and without the `.00` that the writer adds.
    for max in ["79228162514264337593543950335", "79228162514264337593543950335.00"] {
        let cfg = load_json(&edit(r#""balance": "60000.00""#, &format!(r#""balance": "{max}""#)));
        assert_eq!(cfg.compounds[0].maintenance_fund.as_ref().unwrap().balance.value(), Decimal::MAX);
        assert_eq!(load_json(&cfg.to_json_string_pretty().unwrap()), cfg);
        assert_eq!(load_toml(&cfg.to_toml_string().unwrap()), cfg);
    }
    let e = json_err(&edit(r#""balance": "60000.00""#, r#""balance": "79228162514264337593543950336""#));
    assert_eq!((e.kind(), e.path()), (LoadErrorKind::InvalidValue, "compounds[0].maintenance_fund.balance"));
}

#[test]
fn json_malformed_ids() {
    let long = "x".repeat(65);
    for bad in ["p 01", "王", long.as_str(), ""] {
        let doc = edit(r#"{ "id": "p-01", "name""#, &format!(r#"{{ "id": "{bad}", "name""#));
        let e = json_err(&doc);
        check(&e, LoadErrorKind::InvalidValue, "people[0].id", (6, 13));
        assert!(e.message().contains(&format!("`{bad}`")), "{e}");
    }
    // The same checks hold for ids in references, and 64 characters is the boundary.
    let doc = edit(r#""voter": "p-09", "cast_on": "2024-06-10""#, r#""voter": "p/09", "cast_on": "2024-06-10""#);
    check(
        &json_err(&doc),
        LoadErrorKind::InvalidValue,
        "compounds[0].assemblies[0].ballots[9].voter",
        at(&doc, r#""p/09""#, r#"""#),
    );
    let sixty_four = "x".repeat(64);
    let cfg = load_json(&edit(r#"{ "id": "p-01", "name""#, &format!(r#"{{ "id": "{sixty_four}", "name""#)));
    assert_eq!(cfg.people[0].id.as_str(), sixty_four);
    assert!(PersonId::new("a.B_9-z").is_ok() && UnitId::new("u 1").is_err());
}

#[test]
fn json_schema_version_other_than_1() {
    let doc = edit(r#""schema_version": 1"#, r#""schema_version": 2"#);
    let e = json_err(&doc);
    check(&e, LoadErrorKind::SchemaVersion, "schema_version", (2, 21));
    assert!(e.message().contains("`2`"), "{e}");
    // A string is a wrong type, not another version.
    let e = json_err(&edit(r#""schema_version": 1"#, r#""schema_version": "1""#));
    assert_eq!((e.kind(), e.path()), (LoadErrorKind::WrongType, "schema_version"));
}

#[test]
fn json_missing_required_key() {
    let doc = edit(
        r#""id": "mf-001", "date": "2025-05-20", "amount": "6780.00","#,
        r#""id": "mf-001", "date": "2025-05-20","#,
    );
    let e = json_err(&doc);
    // The path is the object lacking the key, the position its opening brace.
    check(&e, LoadErrorKind::MissingKey, "compounds[0].maintenance_fund.uses[0]", at(&doc, r#"{ "id": "mf-001""#, "{"));
    assert!(e.message().contains("`amount`"), "{e}");

    let doc = edit("\"schema_version\": 1,\n", "");
    let e = json_err(&doc);
    check(&e, LoadErrorKind::MissingKey, "", (1, 1));
    assert!(e.message().contains("`schema_version`"), "{e}");
}

#[test]
fn json_revenue_entry_without_source() {
    let doc = edit(r#""kind": "revenue", "source": "advertising", "amount""#, r#""kind": "revenue", "amount""#);
    let e = json_err(&doc);
    // Tagged shapes are checked once the entry was read; the position is still the entry's, not
    // the next element's.
    check(&e, LoadErrorKind::MissingKey, "compounds[0].joint_account.entries[1]", at(&doc, r#"{ "id": "e-002""#, "{"));
    assert!(e.message().contains("`source`") && e.message().contains("`revenue`"), "{e}");
}

#[test]
fn json_revenue_entry_with_a_field_of_another_kind() {
    let doc = edit(
        r#""kind": "revenue", "source": "advertising", "amount""#,
        r#""kind": "revenue", "source": "advertising", "payee": "某公司", "amount""#,
    );
    let e = json_err(&doc);
    check(
        &e,
        LoadErrorKind::UnknownKey,
        "compounds[0].joint_account.entries[1].payee",
        at(&doc, r#""payee": "某公司""#, r#""payee""#),
    );
    assert!(e.message().contains("`payee`") && e.message().contains("`revenue`"), "{e}");
}

#[test]
fn json_unknown_preset() {
    let doc = edit(r#""profile": "default""#, r#""profile": "atlantis""#);
    let e = json_err(&doc);
    // The path names the preset; a bare name is the preset, so the position is that string.
    check(&e, LoadErrorKind::Profile, "profile.preset", at(&doc, r#""atlantis""#, r#"""#));
    assert!(e.message().contains("`atlantis`"), "{e}");

    let doc = edit(r#""profile": "default""#, r#""profile": { "preset": "atlantis" }"#);
    let e = json_err(&doc);
    check(&e, LoadErrorKind::Profile, "profile.preset", at(&doc, r#""atlantis""#, r#"""#));
}

#[test]
fn json_unknown_profile_parameter() {
    let doc =
        edit(r#""profile": "default""#, r#""profile": { "preset": "default", "overrides": { "filing_dayz": 20 } }"#);
    let e = json_err(&doc);
    check(
        &e,
        LoadErrorKind::Profile,
        "profile.overrides.filing_dayz",
        at(&doc, r#""filing_dayz""#, r#""filing_dayz""#),
    );
    assert!(e.message().contains("`filing_dayz`"), "{e}");
}

#[test]
fn json_profile_parameter_of_the_wrong_type() {
    let doc = edit(
        r#""profile": "default""#,
        r#""profile": { "preset": "default", "overrides": { "filing_days": "thirty" } }"#,
    );
    let e = json_err(&doc);
    check(&e, LoadErrorKind::Profile, "profile.overrides.filing_days", at(&doc, r#""thirty""#, r#""thirty""#));
    assert!(e.message().contains("thirty"), "{e}");
    // And the well-typed value loads.
    let cfg = load_json(&edit(
        r#""profile": "default""#,
        r#""profile": { "preset": "default", "overrides": { "filing_days": 20 } }"#,
    ));
    assert_eq!(cfg.policy().unwrap().params().filing_days, 20);
}

#[test]
fn json_trailing_garbage() {
    assert!(EX.ends_with("}\n"));
    for tail in ["x", "{}", "]"] {
        let doc = format!("{EX}{tail}");
        let e = json_err(&doc);
        check(&e, LoadErrorKind::Syntax, "", (255, 1));
        assert!(e.message().contains("trailing"), "{e}");
    }
    // Whitespace after the document is fine.
    assert_eq!(load_json(&format!("{EX}\n\n  ")), load_json(EX));
}

#[test]
fn json_errors_from_bytes_are_those_from_str() {
    let doc = edit(r#""id": "u-1-202", "building": "b-1","#, r#""id": "u-1-202", "floor": 2, "building": "b-1","#);
    assert_eq!(GovernanceConfig::from_json_slice(doc.as_bytes()), GovernanceConfig::from_json_str(&doc));
    // Not UTF-8: a syntax error, not a panic.
    let mut bytes = EX.as_bytes().to_vec();
    let i = EX.find("王建国").unwrap();
    bytes[i] = 0xFF;
    let e = GovernanceConfig::from_json_slice(&bytes).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Syntax);
    assert_eq!(e.line(), Some(6));
}

// ---------------------------------------------------------------------------------------------
// TOML

#[test]
fn toml_example_is_the_json_example() {
    // The fixture has native TOML dates as well as date strings.
    assert!(EX_TOML.contains("\nas_of = 2025-09-05\n") && EX_TOML.contains("\ndate = \"2025-01-15\"\n"));
    let from_toml = load_toml(EX_TOML);
    let from_json = load_json(EX);
    assert_eq!(from_toml, from_json);
    assert!(xiaoqu::audit(&from_toml, &from_toml.policy().unwrap()).is_clean());
}

#[test]
fn toml_unknown_key() {
    let doc =
        edit_in(EX_TOML, "id = \"u-1-202\"\nbuilding = \"b-1\"\n", "id = \"u-1-202\"\nfloor = 2\nbuilding = \"b-1\"\n");
    let e = toml_err(&doc);
    check(&e, LoadErrorKind::UnknownKey, "compounds[0].units[3].floor", at(&doc, "floor = 2", "floor"));
    assert!(e.message().contains("`floor`"), "{e}");

    let doc = edit_in(EX_TOML, "\nas_of = 2025-09-05\n", "\nas_of = 2025-09-05\ncolour = \"blue\"\n");
    check(&toml_err(&doc), LoadErrorKind::UnknownKey, "colour", at(&doc, "colour", "colour"));
}

#[test]
fn toml_money_as_a_float_or_integer() {
    let doc = edit_in(EX_TOML, "\nbalance = \"60000.00\"\n", "\nbalance = 60000.00\n");
    let e = toml_err(&doc);
    check(&e, LoadErrorKind::WrongType, "compounds[0].maintenance_fund.balance", at(&doc, "= 60000.00", "60000.00"));
    assert!(e.message().contains("decimal string"), "{e}");

    let doc = edit_in(EX_TOML, "\nbalance = \"60000.00\"\n", "\nbalance = 60000\n");
    let e = toml_err(&doc);
    check(&e, LoadErrorKind::WrongType, "compounds[0].maintenance_fund.balance", at(&doc, "= 60000\n", "60000"));
}

#[test]
fn toml_date_with_a_time_is_refused() {
    for bad in ["2025-09-05T10:00:00", "2025-09-05 10:00:00", "2025-09-05T10:00:00+08:00", "10:00:00"] {
        let doc = edit_in(EX_TOML, "\nas_of = 2025-09-05\n", &format!("\nas_of = {bad}\n"));
        let e = toml_err(&doc);
        check(&e, LoadErrorKind::InvalidValue, "as_of", at(&doc, &format!("= {bad}"), bad));
        assert!(e.message().contains("10:00:00"), "{e}");
    }
    // Also in an optional date, and as a string.
    let doc = edit_in(EX_TOML, "birth_date = 1958-03-02", "birth_date = 1958-03-02T00:00:00");
    assert_eq!(toml_err(&doc).path(), "people[0].birth_date");
    let doc = edit_in(EX_TOML, "birth_date = \"1976-11-20\"", "birth_date = \"1976-11-20T00:00:00\"");
    check(&toml_err(&doc), LoadErrorKind::InvalidValue, "people[1].birth_date", at(&doc, "\"1976-11-20T", "\""));
}

#[test]
fn toml_duplicate_key_is_a_parse_error_with_a_line() {
    let doc = edit_in(EX_TOML, "\nas_of = 2025-09-05\n", "\nas_of = 2025-09-05\nas_of = 2025-09-06\n");
    let e = toml_err(&doc);
    // TOML refuses it while parsing, before any path is known.
    check(&e, LoadErrorKind::DuplicateKey, "", at(&doc, "as_of = 2025-09-06", "as_of"));
}

#[test]
fn toml_syntax_and_profile_errors_have_positions() {
    let doc = edit_in(EX_TOML, "\nas_of = 2025-09-05\n", "\nas_of = \"2025-09-05\n");
    let e = toml_err(&doc);
    assert_eq!(
        (e.kind(), e.path(), e.line()),
        (LoadErrorKind::Syntax, "", Some(at(&doc, "as_of = \"2025", "as_of").0))
    );

    let doc = edit_in(
        EX_TOML,
        "\nprofile = \"default\"\n",
        "\n[profile]\npreset = \"default\"\n\n[profile.overrides]\nfiling_dayz = 20\n",
    );
    // `profile` is the last top-level key before the `[[people]]` tables, so it can become a table
    // without capturing any key that follows.
    let e = toml_err(&doc);
    check(&e, LoadErrorKind::Profile, "profile.overrides.filing_dayz", at(&doc, "filing_dayz", "filing_dayz"));

    let doc = edit_in(EX_TOML, "\nprofile = \"default\"\n", "\nprofile = \"atlantis\"\n");
    check(&toml_err(&doc), LoadErrorKind::Profile, "profile.preset", at(&doc, "\"atlantis\"", "\""));
}

#[test]
fn toml_revenue_entry_with_a_field_of_another_kind() {
    let doc = edit_in(EX_TOML, "source = \"advertising\"\n", "source = \"advertising\"\npayee = \"x\"\n");
    let e = toml_err(&doc);
    check(
        &e,
        LoadErrorKind::UnknownKey,
        "compounds[0].joint_account.entries[1].payee",
        at(&doc, "payee = \"x\"", "payee"),
    );
}

// ---------------------------------------------------------------------------------------------
// Round trips and small documents

#[test]
fn minimal_document_loads_with_empty_lists() {
    for cfg in [
        load_json(r#"{ "schema_version": 1, "as_of": "2025-01-01" }"#),
        load_toml("schema_version = 1\nas_of = 2025-01-01\n"),
        load_toml("schema_version = 1\nas_of = \"2025-01-01\"\n"),
    ] {
        let want = GovernanceConfig::new(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        assert_eq!(cfg, want);
        assert!(cfg.people.is_empty() && cfg.organizations.is_empty() && cfg.compounds.is_empty());
        assert_eq!(cfg.profile, None);
    }
    let e = json_err(r#"{ "as_of": "2025-01-01" }"#);
    assert_eq!((e.kind(), e.path()), (LoadErrorKind::MissingKey, ""));
    let e = json_err(r#"{ "schema_version": 1 }"#);
    assert_eq!(e.kind(), LoadErrorKind::MissingKey);
    assert!(e.message().contains("`as_of`"), "{e}");
}

#[test]
fn example_loads_from_bytes_and_str_identically() {
    let from_bytes = GovernanceConfig::from_json_slice(EX.as_bytes()).unwrap();
    let from_str = GovernanceConfig::from_json_str(EX).unwrap();
    assert_eq!(from_bytes, from_str);
    assert_eq!(from_str.compounds[0].units.len(), 12);
}

#[test]
fn json_round_trip_is_identity() {
    let model = load_json(EX);
    let text = model.to_json_string_pretty().unwrap();
    let again = load_json(&text);
    assert_eq!(again, model);
    // And the written form is a fixed point.
    assert_eq!(again.to_json_string_pretty().unwrap(), text);
}

#[test]
fn toml_round_trip_is_identity() {
    let model = load_toml(EX_TOML);
    let text = model.to_toml_string().unwrap();
    let again = load_toml(&text);
    assert_eq!(again, model);
    assert_eq!(again.to_toml_string().unwrap(), text);
    // Across formats too.
    assert_eq!(load_json(&again.to_json_string_pretty().unwrap()), model);
}

// ---------------------------------------------------------------------------------------------
// proptest: random valid values survive model -> text -> model

/// A decimal with at most two places, up to 10^15 in magnitude, or the largest decimal.
fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        8 => (-100_000_000_000_000_000_i64..=100_000_000_000_000_000, 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => (0i64..1000).prop_map(|c| Decimal::new(c, 2)),
        1 => Just(Decimal::MAX),
    ]
}

/// A date in 1900..2100.
fn date() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    (0u64..73_049).prop_map(move |d| start + Days::new(d))
}

/// Any characters, control characters included (`any::<String>()` gives printable ones only).
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter)
}

fn id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9._-]{1,64}"
}

#[derive(Debug, Clone)]
struct Perturbation {
    as_of: NaiveDate,
    areas: Vec<Decimal>,
    amounts: Vec<(Decimal, NaiveDate, Option<String>)>,
    people: Vec<(String, String, Option<NaiveDate>)>,
    unit_ids: Vec<String>,
}

fn perturbation() -> impl Strategy<Value = Perturbation> {
    (
        date(),
        prop::collection::vec(decimal().prop_map(|d| d.abs()), 12),
        prop::collection::vec((decimal(), date(), prop::option::of(text())), 6),
        prop::collection::vec((id(), text(), prop::option::of(date())), 15),
        prop::collection::vec(id(), 12),
    )
        .prop_map(|(as_of, areas, amounts, people, unit_ids)| Perturbation {
            as_of,
            areas,
            amounts,
            people,
            unit_ids,
        })
}

fn apply(p: &Perturbation) -> GovernanceConfig {
    let mut cfg = load_json(EX);
    cfg.as_of = p.as_of;
    let compound = &mut cfg.compounds[0];
    assert_eq!(compound.units.len(), p.areas.len());
    for ((unit, area), id) in compound.units.iter_mut().zip(&p.areas).zip(&p.unit_ids) {
        unit.area = Area::new(*area).unwrap();
        unit.id = UnitId::new(id).unwrap();
    }
    let entries = &mut compound.joint_account.as_mut().unwrap().entries;
    assert_eq!(entries.len(), p.amounts.len());
    for (entry, (amount, date, memo)) in entries.iter_mut().zip(&p.amounts) {
        entry.amount = Money::new(*amount).unwrap();
        entry.date = *date;
        entry.memo.clone_from(memo);
    }
    assert_eq!(cfg.people.len(), p.people.len());
    for (person, (id, name, birth)) in cfg.people.iter_mut().zip(&p.people) {
        person.id = PersonId::new(id).unwrap();
        person.name.clone_from(name);
        person.birth_date = *birth;
    }
    cfg
}

proptest! {
    #[test]
    fn model_json_model_is_identity(p in perturbation()) {
        let model = apply(&p);
        let text = model.to_json_string_pretty().unwrap();
        let back = GovernanceConfig::from_json_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, model);
    }

    #[test]
    fn model_toml_model_is_identity(p in perturbation()) {
        let model = apply(&p);
        let text = model.to_toml_string().unwrap();
        let back = GovernanceConfig::from_toml_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, model);
    }
}
