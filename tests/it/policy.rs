//! Policy: presets, parameters, rule settings and the document's profile.

use xiaoqu::policy::{ParamValue, Params, Threshold};
use xiaoqu::{GovernanceConfig, LoadErrorKind, Policy, PolicyError, RuleCode, RuleSetting, Severity};

#[test]
fn presets() {
    assert_eq!(Policy::preset("default").unwrap(), Policy::default());
    assert_eq!(Policy::preset("national").unwrap().name(), "national");
    assert_eq!(Policy::preset("nowhere"), Err(PolicyError::UnknownPreset("nowhere".into())));
    // The CFG rules are integrity checks: on in every preset.
    for preset in xiaoqu::policy::PRESETS {
        let p = Policy::preset(preset).unwrap();
        assert_eq!(p.severity(RuleCode::Cfg001), Some(Severity::Error), "{preset}");
        assert_eq!(p.severity(RuleCode::Cfg004), Some(Severity::Warning), "{preset}");
    }
}

#[test]
fn unimplemented_rules_never_run_but_can_be_named() {
    // Any reserved code without a check behind it: the first one not in the catalogue.
    let Some(&reserved) = RuleCode::ALL.iter().find(|c| xiaoqu::rules::meta(**c).is_none()) else { return };
    let mut p = Policy::default();
    assert!(!p.is_enabled(reserved));
    p.set_rule(reserved, RuleSetting::On);
    assert!(!p.is_enabled(reserved), "a rule without a check cannot be switched on");
}

#[test]
fn defaults_are_those_of_rules_md() {
    let p = Params::default();
    assert_eq!((p.liaison_span.min, p.liaison_span.max), (10, 15));
    assert_eq!(p.liaison_hardship_max, 5);
    assert_eq!(p.committee_party_share.to_string(), "1/2");
    assert_eq!((p.committee_size.min, p.committee_size.max), (5, 11));
    assert_eq!(p.term_max_years, 5);
    assert_eq!(p.term_min_years, None);
    assert_eq!(p.reelection_lead_months, 3);
    assert_eq!(p.first_meeting_days, 7);
    assert_eq!(p.filing_days, 30);
    assert_eq!(p.arrears_months, 1);
    assert_eq!(p.crime_lookback_years, 5);
    assert_eq!(p.penalty_lookback_years, 1);
    assert_eq!(p.residency_months, None);
    assert_eq!((p.candidate_age.min, p.candidate_age.max), (18, 75));
    assert_eq!(p.candidate_party_share.to_string(), "1/2");
    assert_eq!(p.candidate_notice_days, 15);
    assert_eq!(p.assembly_notice_days, 15);
    assert_eq!(p.vote_window_days, None);
    assert_eq!(p.required_approvals.len(), 3);
    assert_eq!(p.disclosure_grace_days, 30);
    assert_eq!(p.audit_due_days, 90);
    assert_eq!(p.fund_top_up_ratio.to_string(), "3/10");
    assert_eq!(p.joint_meeting_lookback_months, 3);
    assert_eq!(p.joint_meeting_every_months, 1);
    assert_eq!(p.committee_quorum, Threshold::MORE_THAN_HALF);
    assert_eq!(p.committee_decision_share, Threshold::AT_LEAST_HALF);
    assert_eq!(p.decision_publish_days, 3);
    assert_eq!(p.committee_meeting_every_months, None);
    // Every parameter is listed, documented and readable by name.
    for info in Params::INFO {
        assert!(!info.doc.is_empty() && !info.kind.is_empty(), "{}", info.name);
        assert!(p.get(info.name).is_some(), "{}", info.name);
    }
}

#[test]
fn every_parameter_round_trips_through_its_written_form() {
    let p = Params::default();
    for info in Params::INFO {
        let mut q = Params::default();
        let v = p.get(info.name).unwrap();
        q.set(info.name, &v).unwrap_or_else(|e| panic!("{}: {e:?}", info.name));
        assert_eq!(q, p, "{}", info.name);
    }
}

#[test]
fn parameter_values_are_typed() {
    let mut p = Policy::default();
    p.set_param("liaison_span", &ParamValue::Str("8..=12".into())).unwrap();
    assert_eq!(p.params().liaison_span.max, 12);
    p.set_param("liaison_span", &ParamValue::List(vec![ParamValue::Int(9), ParamValue::Int(14)])).unwrap();
    assert_eq!(p.params().liaison_span.min, 9);
    p.set_param("committee_party_share", &ParamValue::Str("2/3".into())).unwrap();
    p.set_param("committee_quorum", &ParamValue::Str(">=2/3".into())).unwrap();
    assert!(p.params().committee_quorum.met_by(2, 3));
    assert!(!p.params().committee_quorum.met_by(1, 2));
    p.set_param("term_min_years", &ParamValue::Int(3)).unwrap();
    assert_eq!(p.params().term_min_years, Some(3));
    p.set_param("term_min_years", &ParamValue::Null).unwrap();
    assert_eq!(p.params().term_min_years, None);

    for (name, bad) in [
        ("filing_days", ParamValue::Str("thirty".into())),
        ("filing_days", ParamValue::Int(-1)),
        ("liaison_span", ParamValue::Str("15..=10".into())),
        ("committee_party_share", ParamValue::Str("3/2".into())),
        ("committee_quorum", ParamValue::Str("1/2".into())),
        ("required_approvals", ParamValue::List(vec![ParamValue::Str("the_mayor".into())])),
        ("disclosure_period", ParamValue::Str("monthly".into())),
    ] {
        assert!(matches!(p.set_param(name, &bad), Err(PolicyError::BadValue { .. })), "{name} = {bad}");
    }
    assert_eq!(p.set_param("no_such", &ParamValue::Int(1)), Err(PolicyError::UnknownParameter("no_such".into())));
}

#[test]
fn thresholds_distinguish_more_than_half_from_at_least_half() {
    // 民法典 Art 1259: 过半数 excludes the bound, 半数以上 includes it.
    assert!(!Threshold::MORE_THAN_HALF.met_by(2, 4));
    assert!(Threshold::MORE_THAN_HALF.met_by(3, 5));
    assert!(Threshold::AT_LEAST_HALF.met_by(2, 4));
    assert!(!Threshold::AT_LEAST_HALF.met_by(1, 3));
    assert!(!Threshold::AT_LEAST_HALF.met_by(0, 0), "nothing of nothing meets no threshold");
}

#[test]
fn document_profile_drives_the_policy() {
    let text = xiaoqu::example::GUOKEYUAN_JSON.replacen(
        "\"profile\": \"default\"",
        r#""profile": { "preset": "national", "overrides": { "filing_days": 10 }, "rules": { "CFG004": "error" } }"#,
        1,
    );
    assert_ne!(text, xiaoqu::example::GUOKEYUAN_JSON);
    let cfg = GovernanceConfig::from_json_str(&text).unwrap();
    let p = cfg.policy().unwrap();
    assert_eq!(p.name(), "national+overrides");
    assert_eq!(p.params().filing_days, 10);
    assert_eq!(p.severity(RuleCode::Cfg004), Some(Severity::Error));

    let unknown = xiaoqu::example::GUOKEYUAN_JSON.replacen("\"profile\": \"default\"", "\"profile\": \"atlantis\"", 1);
    let e = GovernanceConfig::from_json_str(&unknown).unwrap_err();
    assert_eq!((e.kind(), e.path()), (LoadErrorKind::Profile, "profile.preset"));

    let bad_rule = xiaoqu::example::GUOKEYUAN_JSON.replacen(
        "\"profile\": \"default\"",
        r#""profile": { "preset": "default", "rules": { "ZZ001": "off" } }"#,
        1,
    );
    let e = GovernanceConfig::from_json_str(&bad_rule).unwrap_err();
    assert!(e.path().starts_with("profile.rules"), "{e}");

    let absent = GovernanceConfig::from_json_str(r#"{ "schema_version": 1, "as_of": "2025-01-01" }"#).unwrap();
    assert_eq!(absent.policy().unwrap(), Policy::default());
}

#[test]
fn profile_files() {
    let p = xiaoqu::config::policy_from_json_str(r#"{ "preset": "default", "rules": { "CFG004": "off" } }"#).unwrap();
    assert!(!p.is_enabled(RuleCode::Cfg004));
    let p = xiaoqu::config::policy_from_json_str(r#""national""#).unwrap();
    assert_eq!(p, Policy::preset("national").unwrap());
    let p = xiaoqu::config::policy_from_toml_str(
        "preset = \"default\"\n[overrides]\nfiling_days = 12\n[rules]\nCFG005 = \"warning\"\n",
    )
    .unwrap();
    assert_eq!(p.params().filing_days, 12);
    assert_eq!(p.severity(RuleCode::Cfg005), Some(Severity::Warning));
    let e = xiaoqu::config::policy_from_toml_str("preset = \"default\"\n[overrides]\nfiling_dayz = 12\n").unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Profile);
    assert_eq!(e.path(), "profile.overrides.filing_dayz");
    let e = xiaoqu::config::policy_from_json_str(r#"{ "preset": "default", "extra": 1 }"#).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::UnknownKey);
}
