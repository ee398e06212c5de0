//! MF family: each rule passes on the reference example, fails on a document built to break it
//! (the change is spelled out in each test), and holds at each boundary of its parameters.
//!
//! The reference fund of `c-guokeyuan`: initial deposit 64780.00, one deposit of 2000.00, one
//! use `mf-001` of 6780.00 on 2025-05-20 citing `asm-2025-01/m-1` (`use_maintenance_fund`,
//! amount 6780.00, vote closed 2025-05-10, passes by tally), recorded balance 60000.00
//! (= 64780.00 + 2000.00 − 6780.00). The top-up line is 3/10 × 64780.00 = 19434.00.

use xiaoqu::model::{AssemblyId, FundUse, FundUseId, MaintenanceFund, MatterId, Money};
use xiaoqu::policy::ParamValue;
use xiaoqu::{GovernanceConfig, Policy, RuleCode, Severity};

use crate::support::{assert_finding, assert_no, audit, d, example, mutated};

const C: &str = "c-guokeyuan";

const MF: [RuleCode; 4] = [RuleCode::Mf001, RuleCode::Mf002, RuleCode::Mf003, RuleCode::Mf004];

fn money(s: &str) -> Money {
    s.parse().unwrap()
}

fn fund(c: &mut GovernanceConfig) -> &mut MaintenanceFund {
    c.compounds[0].maintenance_fund.as_mut().unwrap()
}

/// A use `id` of `amount` on `date`, emergency `category` if given, citing nothing.
fn fund_use(id: &str, date: &str, amount: &str, category: Option<&str>) -> FundUse {
    FundUse {
        id: FundUseId::new(id).unwrap(),
        date: d(date),
        amount: money(amount),
        purpose: "维修".into(),
        resolution: None,
        emergency: category.map(String::from),
    }
}

/// Spends `amount` more in an emergency lift repair and lowers the recorded balance with it,
/// so that the fund still reconciles.
fn spend_in_emergency(c: &mut GovernanceConfig, amount: &str) {
    let f = fund(c);
    f.uses.push(fund_use("mf-lift", "2025-07-01", amount, Some("lift_failure")));
    f.balance = f.balance.checked_sub(money(amount)).unwrap();
}

/// The MF findings of a report, as (code, subject).
fn mf_findings(r: &xiaoqu::Report) -> Vec<(RuleCode, String)> {
    r.diagnostics().iter().filter(|f| MF.contains(&f.code())).map(|f| (f.code(), f.subject().to_owned())).collect()
}

fn with_param(name: &str, value: &ParamValue) -> Policy {
    let mut p = Policy::default();
    p.set_param(name, value).unwrap();
    p
}

#[test]
fn reference_example_has_no_mf_finding() {
    let r = audit(&example());
    for code in MF {
        assert_no(&r, code);
    }
    let national = xiaoqu::audit(&example(), &Policy::preset("national").unwrap());
    for code in MF {
        assert_no(&national, code);
    }
}

// ---- MF001 fund use authorised ----

#[test]
fn mf001_use_without_resolution() {
    let cfg = mutated(|c| fund(c).uses[0].resolution = None);
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mf001, "mf-001", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].maintenance_fund.uses[0]");
    assert_eq!(f.compound().unwrap().as_str(), C);
    assert_eq!(mf_findings(&r), [(RuleCode::Mf001, "mf-001".to_owned())], "one fault, one finding");
}

#[test]
fn mf001_use_equal_to_the_amount_passes_one_fen_more_fails() {
    // The reference use is exactly the matter's 6780.00 and passes (see the clean example).
    let over = mutated(|c| {
        fund(c).uses[0].amount = money("6780.01");
        fund(c).balance = money("59999.99");
    });
    let r = audit(&over);
    let f = assert_finding(&r, RuleCode::Mf001, "mf-001", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].maintenance_fund.uses[0].resolution");
    assert_eq!(f.fact("authorised").unwrap().to_string(), "6780.00");
    assert_eq!(f.fact("amount").unwrap().to_string(), "6780.01");
    assert_eq!(mf_findings(&r), [(RuleCode::Mf001, "mf-001".to_owned())]);
}

#[test]
fn mf001_uses_citing_one_matter_share_its_amount() {
    // Two uses of the same resolution: 3390.00 + 3390.00 = 6780.00 passes; one fen more on the
    // later use fails, and the later use is the one reported.
    let split = |second: &'static str, balance: &'static str| {
        mutated(move |c| {
            let f = fund(c);
            f.uses[0].amount = money("3390.00");
            let mut later = f.uses[0].clone();
            later.id = FundUseId::new("mf-002").unwrap();
            later.date = d("2025-06-01");
            later.amount = money(second);
            f.uses.insert(0, later);
            f.balance = money(balance);
        })
    };
    assert_no(&audit(&split("3390.00", "60000.00")), RuleCode::Mf001);
    let r = audit(&split("3390.01", "59999.99"));
    let f = assert_finding(&r, RuleCode::Mf001, "mf-002", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].maintenance_fund.uses[0].resolution");
    assert_eq!(f.fact("used_before").unwrap().to_string(), "3390.00");
    assert_eq!(mf_findings(&r), [(RuleCode::Mf001, "mf-002".to_owned())]);
}

#[test]
fn mf001_resolution_of_another_kind() {
    // asm-2024-01/m-2 amended the rules of procedure.
    let cfg = mutated(|c| {
        let r = fund(c).uses[0].resolution.as_mut().unwrap();
        r.assembly = AssemblyId::new("asm-2024-01").unwrap();
        r.matter = MatterId::new("m-2").unwrap();
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mf001, "mf-001", Severity::Error);
    assert_eq!(f.fact("matter_kind").unwrap().to_string(), "amend_rules_of_procedure");
}

#[test]
fn mf001_declared_passed_is_not_enough() {
    // Keep three of the eleven ballots: no quorum, so m-1 did not pass by tally although it is
    // still declared passed.
    let cfg = mutated(|c| c.compounds[0].assemblies[1].ballots.truncate(3));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mf001, "mf-001", Severity::Error);
    assert_eq!(f.fact("resolution").unwrap().to_string(), "asm-2025-01/m-1");
}

#[test]
fn mf001_use_on_the_closing_day_passes_the_day_before_fails() {
    let closing_day = mutated(|c| fund(c).uses[0].date = d("2025-05-10"));
    assert_no(&audit(&closing_day), RuleCode::Mf001);
    let day_before = mutated(|c| fund(c).uses[0].date = d("2025-05-09"));
    let r = audit(&day_before);
    let f = assert_finding(&r, RuleCode::Mf001, "mf-001", Severity::Error);
    assert_eq!(f.fact("closed_on").unwrap().to_string(), "2025-05-10");
}

#[test]
fn mf001_matter_without_amount_covers_nothing() {
    let cfg = mutated(|c| c.compounds[0].assemblies[1].matters[0].amount = None);
    assert_finding(&audit(&cfg), RuleCode::Mf001, "mf-001", Severity::Error);
}

#[test]
fn mf001_leaves_dangling_references_and_emergencies_to_other_rules() {
    let dangling =
        mutated(|c| fund(c).uses[0].resolution.as_mut().unwrap().assembly = AssemblyId::new("asm-1999").unwrap());
    let r = audit(&dangling);
    assert_finding(&r, RuleCode::Cfg001, "asm-1999", Severity::Error);
    assert_no(&r, RuleCode::Mf001);
    let emergency = mutated(|c| spend_in_emergency(c, "1000.00"));
    assert_eq!(mf_findings(&audit(&emergency)), []);
}

// ---- MF002 emergency category ----

#[test]
fn mf002_unknown_emergency_category() {
    let cfg = mutated(|c| {
        spend_in_emergency(c, "1000.00");
        fund(c).uses[1].emergency = Some("garden_renovation".into());
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mf002, "mf-lift", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].maintenance_fund.uses[1].emergency");
    assert_eq!(f.fact("category").unwrap().to_string(), "garden_renovation");
    assert_no(&r, RuleCode::Mf001);
}

#[test]
fn mf002_a_profile_narrows_the_categories() {
    let cfg = mutated(|c| spend_in_emergency(c, "1000.00"));
    let only_leaks =
        with_param("emergency_categories", &ParamValue::List(vec![ParamValue::Str("roof_or_wall_leak".into())]));
    assert_finding(&xiaoqu::audit(&cfg, &only_leaks), RuleCode::Mf002, "mf-lift", Severity::Error);
    assert_no(&audit(&cfg), RuleCode::Mf002);
}

// ---- MF003 balance reconciles ----

#[test]
fn mf003_balance_one_fen_off() {
    let cfg = mutated(|c| fund(c).balance = money("60000.01"));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mf003, C, Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].maintenance_fund.balance");
    assert_eq!(f.fact("recorded_balance").unwrap().to_string(), "60000.01");
    assert_eq!(f.fact("computed_balance").unwrap().to_string(), "60000.00");
    assert_eq!(f.fact("deposits").unwrap().to_string(), "2000.00");
    assert_eq!(f.fact("uses").unwrap().to_string(), "6780.00");
}

#[test]
fn mf003_counts_every_deposit_and_use() {
    // A second deposit that the balance does not include.
    let cfg = mutated(|c| {
        let mut extra = fund(c).deposits[0].clone();
        extra.id = xiaoqu::model::DepositId::new("mf-d-002").unwrap();
        extra.entry = None;
        extra.source = xiaoqu::model::DepositSource::Interest;
        extra.amount = money("0.01");
        fund(c).deposits.push(extra);
    });
    let r = audit(&cfg);
    assert_eq!(
        assert_finding(&r, RuleCode::Mf003, C, Severity::Error).fact("computed_balance").unwrap().to_string(),
        "60000.01"
    );
}

// ---- MF004 top-up due ----

#[test]
fn mf004_exactly_thirty_percent_passes_one_fen_below_fails() {
    // 64780.00 + 2000.00 − 6780.00 − 40566.00 = 19434.00 = 3/10 × 64780.00.
    let at_line = mutated(|c| spend_in_emergency(c, "40566.00"));
    assert_eq!(mf_findings(&audit(&at_line)), []);
    let below = mutated(|c| spend_in_emergency(c, "40566.01"));
    let r = audit(&below);
    let f = assert_finding(&r, RuleCode::Mf004, C, Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].maintenance_fund.balance");
    assert_eq!(f.fact("balance").unwrap().to_string(), "19433.99");
    assert_eq!(f.fact("required_share").unwrap().to_string(), "3/10");
    assert_eq!(mf_findings(&r), [(RuleCode::Mf004, C.to_owned())], "the fund still reconciles");
}

#[test]
fn mf004_ratio_is_a_parameter() {
    // 60000.00 is below 95/100 × 64780.00 = 61541.00.
    let r = xiaoqu::audit(&example(), &with_param("fund_top_up_ratio", &ParamValue::Str("95/100".into())));
    assert_finding(&r, RuleCode::Mf004, C, Severity::Warning);
    let r = xiaoqu::audit(&example(), &with_param("fund_top_up_ratio", &ParamValue::Str("0.9262".into())));
    // 0.9262 × 64780.00 = 59999.236: 60000.00 is above it.
    assert_no(&r, RuleCode::Mf004);
}
