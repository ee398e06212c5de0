//! City presets: `beijing`, `shanghai`, `hangzhou` are `default` plus what each city's
//! regulation changes, every change citing its article, and the findings of the rules a preset
//! governs citing the city.
//!
//! The reference compound has 12 units totalling 1,295.60 m², a committee of five (p-01 … p-05)
//! elected 2024-06-15 for a term to 2029-06-14, and a preparatory group led by p-13 for the
//! street office (p-14 represents the residents' committee).

use std::collections::BTreeSet;

use xiaoqu::model::{CommitteeMember, CommitteeRole, UnitId};
use xiaoqu::policy::{CITY_PRESETS, ParamValue, Params, PrepLeader, Threshold};
use xiaoqu::{Basis, GovernanceConfig, Policy, Report, RuleCode, RuleSetting, Severity};

use crate::support::{assert_finding, assert_no, audit, d, example, mutated, pid};

const C: &str = "c-guokeyuan";
const SH_20: &str = "上海市住宅物业管理规定 第二十条";

fn preset(name: &str) -> Policy {
    Policy::preset(name).unwrap()
}

fn under(name: &str, cfg: &GovernanceConfig) -> Report {
    xiaoqu::audit(cfg, &preset(name))
}

/// The committee cut to p-01 (chair), p-02 (vice chair) and p-03.
fn three_members(c: &mut GovernanceConfig) {
    c.compounds[0].owners_committee.as_mut().unwrap().members.truncate(3);
}

/// Makes the units total exactly `hundredths` hundredths of a m² by changing the first unit.
fn total_area(c: &mut GovernanceConfig, hundredths: i128) {
    let units = &mut c.compounds[0].units;
    let rest: i128 = units[1..].iter().map(|u| u.area.hundredths()).sum();
    units[0].area = xiaoqu::model::Area::from_hundredths(hundredths - rest).unwrap();
}

/// Grows the compound to `n` units by copying its last unit under new ids.
fn units(c: &mut GovernanceConfig, n: usize) {
    let units = &mut c.compounds[0].units;
    let template = units.last().unwrap().clone();
    for i in units.len()..n {
        let mut u = template.clone();
        u.id = UnitId::new(&format!("u-extra-{i}")).unwrap();
        units.push(u);
    }
    assert_eq!(units.len(), n);
}

fn set_term_end(c: &mut GovernanceConfig, day: &str) {
    c.compounds[0].owners_committee.as_mut().unwrap().term_end = d(day);
}

fn codes_and_subjects(r: &Report) -> Vec<(RuleCode, String)> {
    let mut v: Vec<_> = r.diagnostics().iter().map(|f| (f.code(), f.subject().to_owned())).collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------------------------
// The presets and their data

#[test]
fn every_preset_builds_under_its_name_on_default() {
    assert_eq!(xiaoqu::policy::PRESETS, ["national", "default", "beijing", "shanghai", "hangzhou"]);
    for city in CITY_PRESETS {
        assert!(xiaoqu::policy::PRESETS.contains(&city.name), "{}", city.name);
        assert_eq!(city.base, "default", "{}", city.name);
        let p = preset(city.name);
        assert_eq!(p.name(), city.name, "a preset is not a customised profile");
        assert_eq!(p.city(), Some(city));
        // Built on default: every practice rule default runs still runs.
        for m in xiaoqu::rules::catalogue().iter().filter(|m| m.basis == Basis::Practice && m.on_by_default) {
            assert!(p.is_enabled(m.code), "{} {}", city.name, m.code);
        }
    }
    assert!(Policy::default().city().is_none() && preset("national").param_source("term_min_years").is_none());
    let err = Policy::preset("guangzhou").unwrap_err().to_string();
    assert!(err.contains("beijing, shanghai, hangzhou"), "{err}");
}

#[test]
fn every_preset_change_carries_a_citation() {
    let default = Params::default();
    for city in CITY_PRESETS {
        let p = preset(city.name);
        // No value differs from default without the data saying where it comes from.
        for info in Params::INFO {
            if p.params().get(info.name) != default.get(info.name) {
                let source = p.param_source(info.name);
                assert!(
                    source.is_some_and(|s| !s.is_empty()),
                    "{} {} changed without a citation",
                    city.name,
                    info.name
                );
            }
        }
        for e in city.params {
            assert!(Params::INFO.iter().any(|i| i.name == e.name), "{} {}", city.name, e.name);
            assert!(e.citation.starts_with(city.regulation), "{} {}: {}", city.name, e.name, e.citation);
            assert_eq!(p.param_source(e.name), Some(e.citation));
            assert_eq!(p.params().get(e.name), Some(e.value.to_param()), "{} {}", city.name, e.name);
            assert!(!e.rules.is_empty(), "{} {} governs no rule", city.name, e.name);
            for code in e.rules {
                let meta = xiaoqu::rules::meta(*code).unwrap();
                assert!(meta.params.contains(&e.name), "{} reads no `{}`", code, e.name);
            }
        }
        for r in city.rules {
            assert!(r.citation.starts_with(city.regulation), "{} {}: {}", city.name, r.code, r.citation);
            assert!(p.is_enabled(r.code), "{} {}", city.name, r.code);
            assert_eq!(p.citation_for(r.code), Some(r.citation));
        }
        // One article per rule: a rule never gets two different city citations.
        for m in xiaoqu::rules::catalogue() {
            let mut cites: BTreeSet<&str> =
                city.params.iter().filter(|e| e.rules.contains(&m.code)).map(|e| e.citation).collect();
            if let Some(r) = city.rules.iter().find(|r| r.code == m.code) {
                cites.insert(r.citation);
            }
            assert!(cites.len() <= 1, "{} {}: {cites:?}", city.name, m.code);
            assert_eq!(p.citation_for(m.code), cites.first().copied(), "{} {}", city.name, m.code);
        }
    }
}

#[test]
fn only_the_local_rules_a_city_has_run_and_never_the_contested_arrears_item() {
    for city in CITY_PRESETS {
        let p = preset(city.name);
        let listed: BTreeSet<RuleCode> = city.rules.iter().map(|r| r.code).collect();
        for m in xiaoqu::rules::catalogue().iter().filter(|m| m.basis == Basis::Local) {
            assert_eq!(p.is_enabled(m.code), listed.contains(&m.code), "{} {}", city.name, m.code);
        }
        assert!(!p.is_enabled(RuleCode::Nl007), "{}: NL007 is contested (H3)", city.name);
    }
    for name in ["national", "default"] {
        assert!(
            xiaoqu::rules::catalogue()
                .iter()
                .filter(|m| m.basis == Basis::Local)
                .all(|m| !preset(name).is_enabled(m.code))
        );
    }
}

#[test]
fn the_values_are_those_of_the_regulations() {
    let (bj, sh, hz) = (preset("beijing"), preset("shanghai"), preset("hangzhou"));
    let range = |p: &Policy, name: &str| p.params().get(name).unwrap().to_string();
    // Size: ≥ 5 odd in Beijing and Shanghai, 5–11 in Hangzhou; 3 in a small compound.
    assert_eq!(range(&bj, "committee_size"), "\"5..\"");
    assert_eq!(range(&sh, "committee_size"), "\"5..\"");
    assert_eq!(range(&hz, "committee_size"), "\"5..=11\"");
    for p in [&bj, &sh, &hz] {
        assert_eq!(range(p, "committee_size_small"), "\"3..=3\"");
        assert_eq!(p.params().committee_decision_share, Threshold::MORE_THAN_HALF, "BJ 45, SH 26, HZ 29");
    }
    assert_eq!((bj.params().small_compound_max_households, bj.params().small_compound_max_area), (Some(100), None));
    assert_eq!((sh.params().small_compound_max_households, sh.params().small_compound_max_area), (None, Some(10_000)));
    assert_eq!((hz.params().small_compound_max_households, hz.params().small_compound_max_area), (Some(100), None));
    // Term 3–5 years in Shanghai and Hangzhou; at most 5 in Beijing.
    assert_eq!((bj.params().term_min_years, bj.params().term_max_years), (None, 5));
    assert_eq!((sh.params().term_min_years, sh.params().term_max_years), (Some(3), 5));
    assert_eq!((hz.params().term_min_years, hz.params().term_max_years), (Some(3), 5));
    // Re-election reported 6 (BJ Art 49), 5 (SH Art 28), 3 (HZ Art 33) months ahead.
    let lead = |p: &Policy| p.params().reelection_lead_months;
    assert_eq!((lead(&bj), lead(&sh), lead(&hz)), (6, 5, 3));
    assert_eq!(bj.params().prep_group_leader, PrepLeader::ResidentsCommittee);
    assert_eq!(sh.params().prep_group_leader, PrepLeader::StreetOffice);
    let every = |p: &Policy| p.params().committee_meeting_every_months;
    assert_eq!((every(&bj), every(&sh), every(&hz)), (Some(2), Some(2), None));
    assert_eq!(range(&sh, "disclosure_period"), "\"quarter\"");
    assert_eq!(range(&hz, "disclosure_period"), "\"half_year\"");
    assert_eq!(range(&hz, "vote_window_days"), "\"5..=60\"");
    assert_eq!(hz.params().candidate_notice_days, 15);
    assert_eq!(sh.params().emergency_categories.len(), 5, "SH Art 73");
    assert_eq!(hz.params().emergency_categories.len(), 6, "HZ Art 73");
    assert!(!sh.params().emergency_categories.iter().any(|c| c == "drainage_blockage"));
    assert!(hz.params().emergency_categories.iter().any(|c| c == "wall_or_road_collapse"));
}

#[test]
fn shanghai_fund_share_is_strictly_more_than_half() {
    let share = preset("shanghai").params().revenue_to_fund_share.unwrap();
    assert_eq!(share, Threshold::MORE_THAN_HALF);
    assert_eq!(share.to_string(), ">1/2");
    // Amounts are whole fen: the least share of the net revenue that is more than half passes,
    // exactly half (or, for an odd net, the fen below half) fails.
    for net in [1_u64, 2, 3, 486_000, 999_999_999_999, 1_000_000_000_000, u64::MAX] {
        assert!(share.met_by(net / 2 + 1, net), "{net}");
        assert!(!share.met_by(net / 2, net), "{net}");
    }
    // The reference account under shanghai: Q1 (net 4860.00, nothing topped up) falls short;
    // Q2 (2000.00 of 3600.00) is more than half.
    let r = xiaoqu::audit(&example(), &preset("shanghai"));
    let ja015: Vec<_> = r.diagnostics().iter().filter(|d| d.code() == RuleCode::Ja015).collect();
    assert_eq!(ja015.len(), 1, "{ja015:#?}");
    assert_eq!(ja015[0].fact("period_start").map(ToString::to_string).as_deref(), Some("2025-01-01"));
    assert_eq!(ja015[0].fact("required_share").map(ToString::to_string).as_deref(), Some(">1/2"));
}

// ---------------------------------------------------------------------------------------------
// Must show: Shanghai committee size and term

#[test]
fn shanghai_three_members_under_ten_thousand_square_metres_pass_default_fails() {
    let cfg = mutated(three_members);
    assert_no(&under("shanghai", &cfg), RuleCode::Cm001);
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Cm001, C, Severity::Error);
    assert_eq!(f.citation(), "业主大会和业主委员会指导规则 第三十一条");
    assert_eq!(f.path().to_string(), "compounds[0].owners_committee.members");
}

#[test]
fn shanghai_small_compound_boundary_is_ten_thousand_square_metres_inclusive() {
    let at_bound = mutated(|c| {
        three_members(c);
        total_area(c, 1_000_000);
    });
    assert_no(&under("shanghai", &at_bound), RuleCode::Cm001);
    let above = mutated(|c| {
        three_members(c);
        total_area(c, 1_000_001);
    });
    let r = under("shanghai", &above);
    let f = assert_finding(&r, RuleCode::Cm001, C, Severity::Error);
    assert_eq!(f.citation(), SH_20);
    assert_eq!(f.fact("min").unwrap().to_string(), "5");
    assert!(f.fact("small_compound_min").is_none(), "not a small compound");
    assert!(f.message().get(xiaoqu::Lang::Zh).contains("5 人以上单数"), "{}", f.message().get(xiaoqu::Lang::Zh));
    // The exception is Shanghai's by area: 12 units do not make a compound small there.
    assert!(preset("shanghai").params().small_compound_max_households.is_none());
}

#[test]
fn the_small_compound_exception_keeps_the_size_odd_and_allows_only_three() {
    for n in [2, 4] {
        let cfg = mutated(|c| {
            let oc = c.compounds[0].owners_committee.as_mut().unwrap();
            oc.members.truncate(n);
        });
        for city in ["beijing", "shanghai", "hangzhou"] {
            let r = under(city, &cfg);
            let f = assert_finding(&r, RuleCode::Cm001, C, Severity::Error);
            assert_eq!(f.fact("small_compound_min").unwrap().to_string(), "3", "{city}");
            assert_eq!(f.fact("members").unwrap().to_string(), n.to_string(), "{city}");
        }
    }
    // Beijing and Shanghai set no maximum: thirteen members pass there, not in Hangzhou or default.
    let thirteen = mutated(|c| {
        let oc = c.compounds[0].owners_committee.as_mut().unwrap();
        for i in 6..=13 {
            oc.members.push(CommitteeMember { person: pid(&format!("p-{i:02}")), role: CommitteeRole::Member });
        }
    });
    assert_no(&under("beijing", &thirteen), RuleCode::Cm001);
    assert_no(&under("shanghai", &thirteen), RuleCode::Cm001);
    assert_finding(&under("hangzhou", &thirteen), RuleCode::Cm001, C, Severity::Error);
    assert_finding(&audit(&thirteen), RuleCode::Cm001, C, Severity::Error);
}

#[test]
fn shanghai_two_year_term_is_flagged_default_passes() {
    let cfg = mutated(|c| set_term_end(c, "2026-06-14"));
    assert_no(&audit(&cfg), RuleCode::Cm004);
    let r = under("shanghai", &cfg);
    let f = assert_finding(&r, RuleCode::Cm004, C, Severity::Error);
    assert_eq!(f.citation(), SH_20);
    let r = under("hangzhou", &cfg);
    let f = assert_finding(&r, RuleCode::Cm004, C, Severity::Error);
    assert_eq!(f.citation(), "杭州市物业管理条例 第三十三条");
    assert_no(&under("beijing", &cfg), RuleCode::Cm004);
}

#[test]
fn shanghai_term_of_exactly_three_years_passes_one_day_less_fails() {
    let three = mutated(|c| set_term_end(c, "2027-06-14"));
    assert_no(&under("shanghai", &three), RuleCode::Cm004);
    let short = mutated(|c| set_term_end(c, "2027-06-13"));
    assert_finding(&under("shanghai", &short), RuleCode::Cm004, C, Severity::Error);
    // The five-year maximum still holds.
    let long = mutated(|c| set_term_end(c, "2029-06-15"));
    assert_finding(&under("shanghai", &long), RuleCode::Cm004, C, Severity::Error);
}

// ---------------------------------------------------------------------------------------------
// Beijing and Hangzhou: small compounds by households

#[test]
fn beijing_and_hangzhou_three_members_for_at_most_one_hundred_households() {
    let twelve = mutated(three_members);
    let hundred = mutated(|c| {
        three_members(c);
        units(c, 100);
    });
    let hundred_one = mutated(|c| {
        three_members(c);
        units(c, 101);
    });
    for (city, cite) in [("beijing", "北京市物业管理条例 第三十九条"), ("hangzhou", "杭州市物业管理条例 第二十七条")]
    {
        assert_no(&under(city, &twelve), RuleCode::Cm001);
        assert_no(&under(city, &hundred), RuleCode::Cm001);
        let r = under(city, &hundred_one);
        let f = assert_finding(&r, RuleCode::Cm001, C, Severity::Error);
        assert_eq!(f.citation(), cite);
    }
}

// ---------------------------------------------------------------------------------------------
// Must show: Beijing preparatory-group leader

#[test]
fn beijing_preparatory_group_led_by_the_residents_committee_passes() {
    let cfg = mutated(|c| {
        c.compounds[0].elections[0].preparatory_group.as_mut().unwrap().leader = pid("p-14");
    });
    assert_no(&under("beijing", &cfg), RuleCode::El003);
    assert_finding(&audit(&cfg), RuleCode::El003, "el-2024", Severity::Error);
    // The reference group, led for the street office, is the national form: wrong in Beijing.
    let r = under("beijing", &example());
    let f = assert_finding(&r, RuleCode::El003, "el-2024", Severity::Error);
    assert_eq!(f.citation(), "北京市物业管理条例 第三十一条");
    assert_eq!(f.path().to_string(), "compounds[0].elections[0].preparatory_group.leader");
    assert_no(&under("shanghai", &example()), RuleCode::El003);
}

// ---------------------------------------------------------------------------------------------
// Committee decisions need more than half of all members in the three cities

#[test]
fn exactly_half_of_the_members_decides_in_default_not_in_the_cities() {
    // Six members (p-06 joins), a decision with 3 votes for.
    let cfg = mutated(|c| {
        let oc = c.compounds[0].owners_committee.as_mut().unwrap();
        oc.members.push(CommitteeMember { person: pid("p-06"), role: CommitteeRole::Member });
        c.compounds[0].meetings[1].matters[0].votes_for = Some(3);
    });
    assert_no(&audit(&cfg), RuleCode::Mt006);
    for (city, cite) in [
        ("beijing", "北京市物业管理条例 第四十五条"),
        ("shanghai", "上海市住宅物业管理规定 第二十六条"),
        ("hangzhou", "杭州市物业管理条例 第二十九条"),
    ] {
        let r = under(city, &cfg);
        let f = r.with_code(RuleCode::Mt006).next().unwrap_or_else(|| panic!("{city}: no MT006"));
        assert_eq!(f.severity(), Severity::Error);
        assert_eq!(f.citation(), cite);
    }
    let four = mutated(|c| {
        let oc = c.compounds[0].owners_committee.as_mut().unwrap();
        oc.members.push(CommitteeMember { person: pid("p-06"), role: CommitteeRole::Member });
        c.compounds[0].meetings[1].matters[0].votes_for = Some(4);
    });
    assert_no(&under("beijing", &four), RuleCode::Mt006);
}

// ---------------------------------------------------------------------------------------------
// The reference example under each preset

#[test]
fn the_reference_example_is_clean_under_national_and_default_and_these_are_its_city_findings() {
    let cfg = example();
    assert!(under("national", &cfg).diagnostics().is_empty());
    assert!(under("default", &cfg).diagnostics().is_empty());
    let mt008 = || [(RuleCode::Mt008, C.to_owned()), (RuleCode::Mt008, C.to_owned())];
    // Beijing: the group was led for the street office (BJ Art 31), and the committee met
    // once, on 2025-03-25, since its first meeting 2024-06-20 (BJ Art 45: every 2 months).
    let mut expected = vec![(RuleCode::El003, "el-2024".to_owned())];
    expected.extend(mt008());
    expected.sort();
    assert_eq!(codes_and_subjects(&under("beijing", &cfg)), expected);
    // Shanghai: the same meeting gap (SH Art 26), and nothing of 2025 Q1's net revenue of
    // 4,860.00 went to the fund in that quarter (SH Art 51: more than half, quarterly).
    let mut expected = vec![(RuleCode::Ja015, "ja-guokeyuan".to_owned())];
    expected.extend(mt008());
    expected.sort();
    let r = under("shanghai", &cfg);
    assert_eq!(codes_and_subjects(&r), expected);
    assert_eq!(r.with_code(RuleCode::Ja015).next().unwrap().fact("period_start").unwrap().to_string(), "2025-01-01");
    // Hangzhou discloses at least every six months (HZ Art 30): the quarterly statements, each
    // in time, disclose 2025-H1; the earlier half year is covered by the statement of
    // 2024-10-01..2024-12-31 (the account opened 2024-12-20). Without the Q2 statement, H1 is
    // missing.
    assert!(under("hangzhou", &cfg).is_clean(), "{:#?}", under("hangzhou", &cfg).diagnostics());
    let without_q2 = mutated(|c| {
        c.compounds[0].joint_account.as_mut().unwrap().disclosures.remove(2);
    });
    let r = under("hangzhou", &without_q2);
    assert_eq!(codes_and_subjects(&r), vec![(RuleCode::Ja011, "ja-guokeyuan".to_owned())]);
    let f = r.diagnostics().first().unwrap();
    assert_eq!(f.fact("period_end").unwrap().to_string(), "2025-06-30");
    assert_eq!(f.citation(), "杭州市物业管理条例 第三十条");
    // Every finding under a city preset cites that city.
    for city in CITY_PRESETS {
        for f in under(city.name, &cfg).diagnostics() {
            assert!(f.citation().starts_with(city.regulation), "{} {}: {}", city.name, f.code(), f.citation());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Profiles built on a city preset

#[test]
fn a_profile_file_starts_from_a_city_and_overrides_it() {
    let json = r#"{ "preset": "shanghai", "overrides": { "term_min_years": 2 }, "rules": { "MT008": "off" } }"#;
    let p = xiaoqu::config::policy_from_json_str(json).unwrap();
    assert_eq!(p.name(), "shanghai+overrides");
    assert_eq!(p.params().term_min_years, Some(2));
    assert_eq!(p.param_source("term_min_years"), None, "the override is the profile's, not SH Art 20");
    assert_eq!(p.citation_for(RuleCode::Cm004), None, "CM004 cites its national article again");
    assert_eq!(p.param_source("committee_size_small"), Some(SH_20), "the rest of the preset stays");
    assert!(!p.is_enabled(RuleCode::Mt008));
    assert!(p.is_enabled(RuleCode::Ja015));
    let two_years = mutated(|c| set_term_end(c, "2026-06-14"));
    assert_no(&xiaoqu::audit(&two_years, &p), RuleCode::Cm004);
    let r = xiaoqu::audit(&example(), &p);
    assert_no(&r, RuleCode::Mt008);
    assert_eq!(r.profile(), "shanghai+overrides");

    let toml = "preset = \"hangzhou\"\n[overrides]\nvote_window_days = \"5..=30\"\n[rules]\nJA011 = \"info\"\n";
    let p = xiaoqu::config::policy_from_toml_str(toml).unwrap();
    assert_eq!(p.params().vote_window_days.map(|r| (r.min, r.max)), Some((5, 30)));
    assert_eq!(p.param_source("vote_window_days"), None);
    assert_eq!(p.citation_for(RuleCode::Av010), Some("杭州市物业管理条例 第二十条"), "the rule is still Hangzhou's");
    assert_eq!(p.severity(RuleCode::Ja011), Some(Severity::Info));
    assert_eq!(p.params().term_min_years, Some(3));
}

#[test]
fn a_document_profile_names_a_city() {
    let mut cfg = example();
    cfg.profile = Some(xiaoqu::ProfileSpec::Named("beijing".into()));
    let p = cfg.policy().unwrap();
    assert_eq!(p, preset("beijing"));
    let json = xiaoqu::example::GUOKEYUAN_JSON.replacen("\"profile\": \"default\"", "\"profile\": \"hangzhou\"", 1);
    assert_ne!(json, xiaoqu::example::GUOKEYUAN_JSON, "the example names its profile");
    let cfg = GovernanceConfig::from_json_str(&json).unwrap();
    assert_eq!(cfg.policy().unwrap().name(), "hangzhou");
    let mut q = preset("beijing");
    q.set_rule(RuleCode::El003, RuleSetting::Off);
    assert_no(&xiaoqu::audit(&example(), &q), RuleCode::El003);
    q.set_param("prep_group_leader", &ParamValue::Str("street_office".into())).unwrap();
    assert_eq!(q.param_source("prep_group_leader"), None);
}
