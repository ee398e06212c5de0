//! Shared helpers: the reference document, mutation, and finding assertions.

use xiaoqu::{Diagnostic, GovernanceConfig, Policy, Report, RuleCode, Severity};

/// The reference example, freshly loaded.
pub fn example() -> GovernanceConfig {
    match GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON) {
        Ok(cfg) => cfg,
        Err(e) => panic!("the reference example must load: {e}"),
    }
}

/// The reference example after `f` changed it.
pub fn mutated(f: impl FnOnce(&mut GovernanceConfig)) -> GovernanceConfig {
    let mut cfg = example();
    f(&mut cfg);
    cfg
}

/// Audit under the `default` preset.
pub fn audit(cfg: &GovernanceConfig) -> Report {
    xiaoqu::audit(cfg, &Policy::default())
}

/// Asserts that the report has a finding of `code` on `subject` at `severity`, and returns it.
#[track_caller]
pub fn assert_finding<'a>(report: &'a Report, code: RuleCode, subject: &str, severity: Severity) -> &'a Diagnostic {
    match report.diagnostics().iter().find(|d| d.code() == code && d.subject() == subject) {
        Some(d) => {
            assert_eq!(d.severity(), severity, "severity of {code} on {subject}");
            d
        }
        None => panic!("expected {code} on `{subject}`, got:\n{}", report.to_text(xiaoqu::Lang::En)),
    }
}

/// Asserts that the report has no finding of `code`.
#[track_caller]
pub fn assert_no(report: &Report, code: RuleCode) {
    let hits: Vec<_> = report.with_code(code).collect();
    assert!(hits.is_empty(), "unexpected {code}:\n{}", report.to_text(xiaoqu::Lang::En));
}

/// A compound with only an id, a name, the example's community and one building `b-x`:
/// nothing else, so that adding it to a document adds no finding of its own.
pub fn bare_compound(id: &str) -> xiaoqu::model::Compound {
    let mut c = example().compounds.remove(0);
    c.id = xiaoqu::model::CompoundId::new(id).unwrap();
    c.buildings =
        vec![xiaoqu::model::Building { id: xiaoqu::model::BuildingId::new("b-x").unwrap(), name: "X栋".into() }];
    c.units.clear();
    c.party_branch = None;
    c.owners_committee = None;
    c.property_service = None;
    c.rules_of_procedure = None;
    c.joint_account = None;
    c.maintenance_fund = None;
    c.assemblies.clear();
    c.elections.clear();
    c.meetings.clear();
    c
}

/// A date from `YYYY-MM-DD`.
pub fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A person id.
pub fn pid(s: &str) -> xiaoqu::model::PersonId {
    xiaoqu::model::PersonId::new(s).unwrap()
}

/// A record as a document writes it.
pub fn rec(json: &str) -> xiaoqu::model::Record {
    serde_json::from_str(json).unwrap()
}
