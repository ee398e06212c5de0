//! CFG family: each rule passes on the reference example, fails on a document built to break
//! it (the change is the one line in each test), and holds at its boundary.

use xiaoqu::model::{AssemblyId, BuildingId, EntryId, MatterId, OrgId, PersonId};
use xiaoqu::{RuleCode, Severity};

use crate::support::{assert_finding, assert_no, audit, d, example, mutated};

#[test]
fn reference_example_is_clean() {
    let report = audit(&example());
    assert!(report.is_clean(), "{}", report.to_text(xiaoqu::Lang::En));
    let national = xiaoqu::audit(&example(), &xiaoqu::Policy::preset("national").unwrap());
    assert!(national.is_clean(), "{}", national.to_text(xiaoqu::Lang::En));
}

#[test]
fn cfg001_dangling_person() {
    let cfg = mutated(|c| c.compounds[0].units[2].owners[0] = PersonId::new("p-99").unwrap());
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Cfg001, "p-99", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].units[2].owners[0]");
    assert_eq!(f.compound().map(xiaoqu::model::CompoundId::as_str), Some("c-guokeyuan"));
    assert_eq!(f.fact("expected").map(ToString::to_string).as_deref(), Some("person"));
    assert_eq!(r.diagnostics().len(), 1, "one fault, one finding");
}

#[test]
fn cfg001_dangling_org_building_and_entry() {
    let cfg = mutated(|c| {
        c.organizations[2].parent = Some(OrgId::new("org-nowhere").unwrap());
        c.compounds[0].units[0].building = BuildingId::new("b-9").unwrap();
        c.compounds[0].maintenance_fund.as_mut().unwrap().deposits[0].entry = Some(EntryId::new("e-999").unwrap());
    });
    let r = audit(&cfg);
    assert_eq!(
        assert_finding(&r, RuleCode::Cfg001, "org-nowhere", Severity::Error).path().to_string(),
        "organizations[2].parent"
    );
    assert_eq!(
        assert_finding(&r, RuleCode::Cfg001, "b-9", Severity::Error).path().to_string(),
        "compounds[0].units[0].building"
    );
    assert_eq!(
        assert_finding(&r, RuleCode::Cfg001, "e-999", Severity::Error).path().to_string(),
        "compounds[0].maintenance_fund.deposits[0].entry"
    );
}

#[test]
fn cfg001_matter_reference_needs_the_matter_in_that_assembly() {
    // m-3 exists in asm-2024-01 but not in asm-2025-01.
    let cfg = mutated(|c| {
        let u = &mut c.compounds[0].maintenance_fund.as_mut().unwrap().uses[0];
        u.resolution.as_mut().unwrap().matter = MatterId::new("m-3").unwrap();
    });
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Cfg001, "asm-2025-01/m-3", Severity::Error);
    let cfg = mutated(|c| {
        let u = &mut c.compounds[0].maintenance_fund.as_mut().unwrap().uses[0];
        u.resolution.as_mut().unwrap().assembly = AssemblyId::new("asm-1999").unwrap();
    });
    assert_finding(&audit(&cfg), RuleCode::Cfg001, "asm-1999", Severity::Error);
}

#[test]
fn cfg001_building_of_another_compound_does_not_resolve() {
    let mut cfg = example();
    let other = crate::support::bare_compound("c-other");
    cfg.compounds.push(other);
    cfg.compounds[0].units[0].building = BuildingId::new("b-x").unwrap();
    let r = audit(&cfg);
    assert_eq!(
        assert_finding(&r, RuleCode::Cfg001, "b-x", Severity::Error).compound().unwrap().as_str(),
        "c-guokeyuan"
    );
}

#[test]
fn cfg002_duplicate_ids() {
    let cfg = mutated(|c| {
        let dup = c.people[3].clone();
        c.people.push(dup);
        c.compounds[0].assemblies[0].matters[1].id = MatterId::new("m-1").unwrap();
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Cfg002, "p-04", Severity::Error);
    assert_eq!(f.path().to_string(), "people[15].id");
    assert_eq!(f.fact("first").unwrap().to_string(), "people[3].id");
    assert_finding(&r, RuleCode::Cfg002, "asm-2024-01/m-1", Severity::Error);
}

#[test]
fn cfg002_same_id_in_different_kinds_or_parents_is_fine() {
    // Matter ids repeat across assemblies in the example (m-1); a person and an org may share an id.
    let cfg = mutated(|c| c.people[0].id = PersonId::new("org-so-xiuying").unwrap());
    let r = audit(&cfg);
    assert_no(&r, RuleCode::Cfg002);
}

#[test]
fn cfg003_date_order_and_boundaries() {
    // Equal dates are in order for from/to; a term may not end on its election day (strict).
    let ok = mutated(|c| {
        let e = &mut c.people[11].employment[0];
        e.to = Some(e.from);
        let a = &mut c.compounds[0].assemblies[0];
        a.closed_on = a.opened_on;
    });
    assert_no(&audit(&ok), RuleCode::Cfg003);

    let bad = mutated(|c| {
        let e = &mut c.people[11].employment[0];
        e.to = Some(e.from.pred_opt().unwrap());
        let oc = c.compounds[0].owners_committee.as_mut().unwrap();
        oc.term_end = oc.elected_on;
        let a = &mut c.compounds[0].assemblies[1];
        a.closed_on = a.opened_on.pred_opt().unwrap();
    });
    let r = audit(&bad);
    let f = assert_finding(&r, RuleCode::Cfg003, "p-12", Severity::Error);
    assert_eq!(f.path().to_string(), "people[11].employment[0]");
    let f = assert_finding(&r, RuleCode::Cfg003, "c-guokeyuan", Severity::Error);
    assert_eq!(f.fact("term_end").unwrap().to_string(), "2024-06-15");
    assert_finding(&r, RuleCode::Cfg003, "asm-2025-01", Severity::Error);
}

#[test]
fn cfg004_future_events_are_warnings() {
    let as_of = example().as_of;
    let on_the_day = mutated(|c| c.compounds[0].meetings[4].date = as_of);
    assert_no(&audit(&on_the_day), RuleCode::Cfg004);

    let next_day = mutated(|c| c.compounds[0].meetings[4].date = as_of.succ_opt().unwrap());
    let r = audit(&next_day);
    let f = assert_finding(&r, RuleCode::Cfg004, "mt-2025-08-j", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[4].date");
    assert!(!r.has_errors());

    // A planned end (term_end, contract.to) in the future is normal, not an event.
    let planned = mutated(|c| c.compounds[0].property_service.as_mut().unwrap().contract.to = Some(d("2030-01-01")));
    assert_no(&audit(&planned), RuleCode::Cfg004);

    let ballot = mutated(|c| c.compounds[0].assemblies[1].ballots[0].cast_on = d("2026-01-01"));
    assert_finding(&audit(&ballot), RuleCode::Cfg004, "asm-2025-01/u-1-101", Severity::Warning);
}

#[test]
fn cfg005_area_must_be_positive() {
    let zero = mutated(|c| c.compounds[0].units[3].area = "0.00".parse().unwrap());
    let r = audit(&zero);
    let f = assert_finding(&r, RuleCode::Cfg005, "u-1-202", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].units[3].area");
    let neg = mutated(|c| c.compounds[0].units[3].area = "-1.00".parse().unwrap());
    assert_finding(&audit(&neg), RuleCode::Cfg005, "u-1-202", Severity::Error);
    let fen = mutated(|c| c.compounds[0].units[3].area = "0.01".parse().unwrap());
    assert_no(&audit(&fen), RuleCode::Cfg005);
}

#[test]
fn cfg006_owner_xor_developer() {
    let none = mutated(|c| c.compounds[0].units[0].owners.clear());
    let r = audit(&none);
    let f = assert_finding(&r, RuleCode::Cfg006, "u-1-101", Severity::Error);
    assert_eq!(f.fact("owners").unwrap().to_string(), "0");
    let both = mutated(|c| c.compounds[0].units[11].owners.push(PersonId::new("p-09").unwrap()));
    assert_finding(&audit(&both), RuleCode::Cfg006, "u-2-302", Severity::Error);
    let co_owned = mutated(|c| c.compounds[0].units[0].owners.push(PersonId::new("p-02").unwrap()));
    assert_no(&audit(&co_owned), RuleCode::Cfg006);
}

#[test]
fn rules_can_be_switched_off_and_reweighted() {
    let bad = mutated(|c| c.compounds[0].units[3].area = "0.00".parse().unwrap());
    let mut policy = xiaoqu::Policy::default();
    policy.set_rule(RuleCode::Cfg005, xiaoqu::RuleSetting::Off);
    assert_no(&xiaoqu::audit(&bad, &policy), RuleCode::Cfg005);
    policy.set_rule(RuleCode::Cfg005, xiaoqu::RuleSetting::Severity(Severity::Info));
    let r = xiaoqu::audit(&bad, &policy);
    assert_finding(&r, RuleCode::Cfg005, "u-1-202", Severity::Info);
    assert!(!r.has_errors());
    assert_eq!(r.profile(), "default+overrides");
}
