//! The district summary: the reference document's figures checked by hand, the boundaries of
//! every date and count it depends on, agreement with the JA rules it mirrors, the JSON keys,
//! the CSV shape, and the `summary` command.

use xiaoqu::model::{CompoundId, Money, OrgId, OrgKind, Organization};
use xiaoqu::summary::{DistrictSummary, Rate, summarize};
use xiaoqu::{GovernanceConfig, Policy, RuleCode};

use crate::support::{audit, bare_compound, d, example, mutated, pid};

fn summary(cfg: &GovernanceConfig) -> DistrictSummary {
    summarize(cfg, &Policy::default())
}

fn rate(num: u64, den: u64) -> Rate {
    Rate::new(num, den)
}

/// The reference document's figures, each worked out from the document by hand.
#[test]
fn reference_document_by_hand() {
    let cfg = example();
    let s = summary(&cfg);
    assert_eq!(s.as_of, d("2025-09-05"));
    assert_eq!(s.profile, "default");

    let t = &s.totals;
    assert_eq!(t.compounds, 1);
    // One compound with its own branch and an owners' committee.
    assert_eq!(t.coverage, rate(1, 1));
    assert_eq!(t.formation_rate, rate(1, 1));
    // Seated members p-01..p-05; p-01, p-02, p-03 have `party`, p-04 and p-05 do not.
    assert_eq!(t.party_share, rate(3, 5));
    assert_eq!(t.party_share.percent().as_deref(), Some("60.0%"));
    // Branch committee p-01, p-02, p-03, all three seated on the owners' committee.
    assert_eq!(t.cross_appointed, 3);
    // Secretary p-01 is the chair.
    assert_eq!(t.one_shoulder, 1);
    // One liaison household (p-06 in u-2-102) linking the other 11 units.
    assert_eq!(t.liaison_households, 1);
    assert_eq!(t.households_covered, rate(12, 12));
    // b-1 and b-2 each have a building party group.
    assert_eq!(t.buildings_covered, rate(2, 2));
    // 3600 + 1800 − 540 − 2400 + 3600 − 2000.
    assert_eq!(t.joint_accounts, 1);
    assert_eq!(t.balance_total.map(|m| m.to_string()).as_deref(), Some("4060.00"));
    // Quarters 2024-Q4, 2025-Q1, 2025-Q2 are past their 30 days of grace on 2025-09-05 and each
    // was published on the 8th day; Q3 ends 2025-09-30. The 2024 audit was due by 2025-03-31
    // and completed on 2025-02-20.
    assert_eq!((t.disclosures_due, t.disclosures_overdue), (3, 0));
    assert_eq!((t.audits_due, t.audits_overdue), (1, 0));
    // asm-2024-01 (3 matters) and asm-2025-01 (1 matter), both closed before as_of.
    assert_eq!(t.votes_held, 2);
    assert_eq!(t.matters_passed, rate(4, 4));

    let [c] = &s.compounds[..] else { panic!("one compound") };
    assert_eq!(c.id.as_str(), "c-guokeyuan");
    assert_eq!(c.street.as_ref().map(OrgId::as_str), Some("org-street-xiuying"));
    let ids: Vec<&str> = c.cross_appointed.iter().map(xiaoqu::model::PersonId::as_str).collect();
    assert_eq!(ids, ["p-01", "p-02", "p-03"]);
    assert!(c.one_shoulder);
    assert_eq!(c.party_share, Some(rate(3, 5)));
    let acc = c.joint_account.as_ref().unwrap();
    assert_eq!(acc.id.as_str(), "ja-guokeyuan");

    let [street] = &s.streets[..] else { panic!("one street") };
    assert_eq!(street.street.as_ref().map(OrgId::as_str), Some("org-street-xiuying"));
    assert_eq!(street.name.as_deref(), Some("秀英街道党工委"));
    assert_eq!(street.totals, s.totals);
}

/// The figures are the queries', the ledger's and the tally's, not a second implementation.
#[test]
fn reference_figures_agree_with_the_engines() {
    let cfg = example();
    let s = summary(&cfg);
    let c = &cfg.compounds[0];
    let covered = xiaoqu::queries::org::households_covered(c);
    assert_eq!(s.compounds[0].households_covered.num, u64::try_from(covered).unwrap());
    let account = c.joint_account.as_ref().unwrap();
    let balance = xiaoqu::ledger::replay(account).unwrap().closing_balance();
    assert_eq!(s.compounds[0].joint_account.as_ref().unwrap().balance, Some(balance));
    let mut passed = 0;
    for a in &c.assemblies {
        let tally = xiaoqu::voting::tally(&cfg, c.id.as_str(), a.id.as_str()).unwrap();
        passed += tally.matters().filter(|m| m.passed()).count();
    }
    assert_eq!(s.totals.matters_passed.num, u64::try_from(passed).unwrap());
}

#[test]
fn percent_rounds_half_up_in_tenths() {
    let p = |n, d| Rate::new(n, d).percent();
    assert_eq!(p(1, 3).as_deref(), Some("33.3%"));
    assert_eq!(p(2, 3).as_deref(), Some("66.7%"));
    assert_eq!(p(1, 6).as_deref(), Some("16.7%"));
    // 0.05% exactly rounds up; just below it rounds down.
    assert_eq!(p(1, 2000).as_deref(), Some("0.1%"));
    assert_eq!(p(1, 2001).as_deref(), Some("0.0%"));
    assert_eq!(p(0, 7).as_deref(), Some("0.0%"));
    assert_eq!(p(7, 7).as_deref(), Some("100.0%"));
    assert_eq!(p(u64::MAX, u64::MAX).as_deref(), Some("100.0%"));
    assert_eq!(p(0, 0), None);
}

/// A compound without branch, committee, units or account lowers the rates it is counted in
/// and leaves the others alone.
#[test]
fn bare_compound_lowers_coverage_and_formation() {
    let cfg = mutated(|c| c.compounds.push(bare_compound("c-bare")));
    let t = summary(&cfg).totals;
    assert_eq!(t.compounds, 2);
    assert_eq!(t.coverage, rate(1, 2));
    assert_eq!(t.coverage.percent().as_deref(), Some("50.0%"));
    assert_eq!(t.formation_rate, rate(1, 2));
    assert_eq!(t.party_share, rate(3, 5));
    assert_eq!(t.households_covered, rate(12, 12));
    // The bare compound's one building has neither a group nor units reached.
    assert_eq!(t.buildings_covered, rate(2, 3));
    assert_eq!(t.joint_accounts, 1);
    let bare = &summary(&cfg).compounds[1];
    assert_eq!((bare.party_branch, bare.committee, bare.party_share), (None, None, None));
    assert!(bare.joint_account.is_none() && !bare.one_shoulder && bare.cross_appointed.is_empty());
}

/// A property-management committee acts for the owners' committee: it counts as formed.
#[test]
fn any_committee_body_counts_as_formed() {
    let cfg = mutated(|c| {
        c.compounds[0].owners_committee.as_mut().unwrap().kind =
            xiaoqu::model::CommitteeKind::PropertyManagementCommittee;
    });
    let s = summary(&cfg);
    assert_eq!(s.totals.formation_rate, rate(1, 1));
    assert_eq!(s.compounds[0].committee, Some(xiaoqu::model::CommitteeKind::PropertyManagementCommittee));
}

#[test]
fn party_share_counts_seated_members_only() {
    // p-06 (a party member) joins as an alternate: not seated, so the share stays 3/5.
    let cfg = mutated(|c| {
        let oc = c.compounds[0].owners_committee.as_mut().unwrap();
        oc.members.push(xiaoqu::model::CommitteeMember {
            person: pid("p-06"),
            role: xiaoqu::model::CommitteeRole::Alternate,
        });
    });
    assert_eq!(summary(&cfg).totals.party_share, rate(3, 5));
    // p-04 becomes a party member: 4/5.
    let cfg = mutated(|c| c.people[3].party = c.people[0].party.clone());
    assert_eq!(summary(&cfg).totals.party_share, rate(4, 5));
    assert_eq!(summary(&cfg).totals.party_share.percent().as_deref(), Some("80.0%"));
}

/// The same people serving two compounds are counted once in the district.
#[test]
fn cross_appointed_people_are_distinct_in_the_district() {
    let cfg = mutated(|c| {
        let mut twin = c.compounds[0].clone();
        twin.id = CompoundId::new("c-twin").unwrap();
        c.compounds.push(twin);
    });
    let s = summary(&cfg);
    assert_eq!(s.compounds.iter().map(|c| c.cross_appointed.len()).collect::<Vec<_>>(), [3, 3]);
    assert_eq!(s.totals.cross_appointed, 3);
    assert_eq!(s.totals.one_shoulder, 2);
    assert_eq!(s.totals.party_share, rate(6, 10));
    assert_eq!(s.totals.balance_total.map(|m| m.to_string()).as_deref(), Some("8120.00"));
    assert_eq!(s.totals.votes_held, 4);
}

#[test]
fn without_secretary_chair_there_is_no_one_shoulder() {
    let cfg = mutated(|c| c.compounds[0].party_branch.as_mut().unwrap().secretary = pid("p-02"));
    let s = summary(&cfg);
    assert_eq!(s.totals.one_shoulder, 0);
    assert!(!s.compounds[0].one_shoulder);
    // p-02 is still on both bodies; cross-appointment does not depend on who chairs.
    assert_eq!(s.totals.cross_appointed, 3);
}

#[test]
fn liaison_reach_follows_the_query() {
    // The liaison household links only the 6 units of building 1: 7 of 12 units reached.
    let cfg = mutated(|c| {
        let branch = c.compounds[0].party_branch.as_mut().unwrap();
        branch.liaison_households[0].linked_units.retain(|u| u.as_str().starts_with("u-1-"));
    });
    let s = summary(&cfg);
    assert_eq!(s.totals.households_covered, rate(7, 12));
    assert_eq!(s.totals.households_covered.percent().as_deref(), Some("58.3%"));
    assert_eq!(
        s.totals.households_covered.num,
        u64::try_from(xiaoqu::queries::org::households_covered(&cfg.compounds[0])).unwrap()
    );
    // Without building groups, building 2 is no longer covered (5 of its 6 units are unreached).
    let cfg = mutated(|c| {
        let branch = c.compounds[0].party_branch.as_mut().unwrap();
        branch.liaison_households[0].linked_units.retain(|u| u.as_str().starts_with("u-1-"));
        branch.building_groups.clear();
    });
    assert_eq!(summary(&cfg).totals.buildings_covered, rate(1, 2));
}

/// A vote closed on `as_of` is held; one closing the day after is not.
#[test]
fn votes_held_boundary() {
    let closed = d("2025-05-10");
    let on = mutated(|c| c.as_of = closed);
    assert_eq!(summary(&on).totals.votes_held, 2);
    assert_eq!(summary(&on).totals.matters_passed, rate(4, 4));
    let before = mutated(|c| c.as_of = closed.pred_opt().unwrap());
    assert_eq!(summary(&before).totals.votes_held, 1);
    assert_eq!(summary(&before).totals.matters_passed, rate(3, 3));
}

/// Matters pass by tally: a vote declared passed without quorum does not count as passed.
#[test]
fn matters_pass_by_tally_not_by_declaration() {
    // asm-2024-01 keeps three of its ballots: far below 2/3 of area and heads.
    let cfg = mutated(|c| c.compounds[0].assemblies[0].ballots.truncate(3));
    let s = summary(&cfg);
    assert_eq!(s.totals.votes_held, 2);
    assert_eq!(s.totals.matters_passed, rate(1, 4));
    assert!(audit(&cfg).with_code(RuleCode::Av001).count() > 0);
}

/// The balance is the ledger's on `as_of`: entries dated after it are not in it.
#[test]
fn balance_is_taken_on_as_of() {
    // After e-004 of 2025-04-02 and before e-005 of 2025-04-10.
    let cfg = mutated(|c| c.as_of = d("2025-04-05"));
    assert_eq!(summary(&cfg).totals.balance_total.map(|m| m.to_string()).as_deref(), Some("2460.00"));
    let cfg = mutated(|c| c.as_of = d("2025-04-10"));
    assert_eq!(summary(&cfg).totals.balance_total.map(|m| m.to_string()).as_deref(), Some("6060.00"));
}

/// A ledger that leaves the decimal range has no balance, and neither has the district.
#[test]
fn overflowing_ledger_has_no_balance() {
    let cfg = mutated(|c| {
        let acc = c.compounds[0].joint_account.as_mut().unwrap();
        acc.opening_balance = "79228162514264337593543950335".parse::<Money>().unwrap();
    });
    let s = summary(&cfg);
    assert_eq!(s.compounds[0].joint_account.as_ref().unwrap().balance, None);
    assert_eq!(s.totals.balance_total, None);
    let json: serde_json::Value = serde_json::from_str(&s.to_json_string().unwrap()).unwrap();
    assert_eq!(json["totals"]["balance_total"], serde_json::Value::Null);
    assert!(s.to_text(xiaoqu::Lang::En).contains("balances total: cannot be computed"));
}

/// Two balances that fit alone but not together: the district total is `None`.
#[test]
fn overflowing_district_total_has_no_balance() {
    let cfg = mutated(|c| {
        let mut twin = c.compounds[0].clone();
        twin.id = CompoundId::new("c-twin").unwrap();
        c.compounds.push(twin);
        for c in &mut c.compounds {
            let acc = c.joint_account.as_mut().unwrap();
            acc.entries.clear();
            acc.opening_balance = "50000000000000000000000000000".parse::<Money>().unwrap();
        }
    });
    let s = summary(&cfg);
    assert!(s.compounds.iter().all(|c| c.joint_account.as_ref().unwrap().balance.is_some()));
    assert_eq!(s.totals.balance_total, None);
}

/// The overdue counts agree with JA011 and JA013 findings, at the deadline and a day after.
#[test]
fn overdue_counts_agree_with_the_ja_rules() {
    let check = |cfg: &GovernanceConfig, due: (u64, u64), overdue: (u64, u64)| {
        let t = summary(cfg).totals;
        assert_eq!((t.disclosures_due, t.audits_due), due, "due on {}", cfg.as_of);
        assert_eq!((t.disclosures_overdue, t.audits_overdue), overdue, "overdue on {}", cfg.as_of);
        // JA013 is a `local` rule, off in `default`: switch it on to compare.
        let mut policy = Policy::default();
        policy.set_rule(RuleCode::Ja013, xiaoqu::RuleSetting::On);
        let report = xiaoqu::audit(cfg, &policy);
        let found = |code| u64::try_from(report.with_code(code).count()).unwrap();
        assert_eq!((found(RuleCode::Ja011), found(RuleCode::Ja013)), overdue, "JA011/JA013 on {}", cfg.as_of);
    };
    // Q3 2025 ends 2025-09-30; its 30 days of grace end on 2025-10-30, and JA011 counts it due
    // (and missing) from that day.
    check(&mutated(|c| c.as_of = d("2025-10-29")), (3, 1), (0, 0));
    check(&mutated(|c| c.as_of = d("2025-10-30")), (4, 1), (1, 0));
    // Q2 published on day 30 after the quarter passes; on day 31 it is late.
    let published =
        |day: &str| mutated(|c| c.compounds[0].joint_account.as_mut().unwrap().disclosures[2].published_on = d(day));
    check(&published("2025-07-30"), (3, 1), (0, 0));
    check(&published("2025-07-31"), (3, 1), (1, 0));
    // The 2024 audit completed on day 90 after the year passes; on day 91 it is late; none at all
    // is overdue too.
    let completed =
        |day: &str| mutated(|c| c.compounds[0].joint_account.as_mut().unwrap().audits[0].completed_on = d(day));
    check(&completed("2025-03-31"), (3, 1), (0, 0));
    check(&completed("2025-04-01"), (3, 1), (0, 1));
    check(&mutated(|c| c.compounds[0].joint_account.as_mut().unwrap().audits.clear()), (3, 1), (0, 1));
}

/// Half-yearly (Hangzhou): quarterly statements disclose each half year when both are in time,
/// in the summary as in JA011.
#[test]
fn half_year_overdue_counts_agree_with_ja011() {
    let mut policy = xiaoqu::Policy::preset("hangzhou").unwrap();
    policy.set_rule(RuleCode::Ja013, xiaoqu::RuleSetting::Off);
    let check = |cfg: &GovernanceConfig, overdue: u64| {
        let t = summarize(cfg, &policy).totals;
        assert_eq!((t.disclosures_due, t.disclosures_overdue), (2, overdue), "{}", cfg.as_of);
        let found = xiaoqu::audit(cfg, &policy).with_code(RuleCode::Ja011).count();
        assert_eq!(u64::try_from(found).unwrap(), overdue);
    };
    check(&example(), 0);
    let q1 =
        |day: &str| mutated(|c| c.compounds[0].joint_account.as_mut().unwrap().disclosures[1].published_on = d(day));
    check(&q1("2025-07-30"), 0);
    check(&q1("2025-07-31"), 1);
    check(
        &mutated(|c| {
            c.compounds[0].joint_account.as_mut().unwrap().disclosures.remove(2);
        }),
        1,
    );
}

/// The policy's parameters set the deadlines.
#[test]
fn policy_parameters_set_the_deadlines() {
    let cfg = mutated(|c| c.compounds[0].joint_account.as_mut().unwrap().disclosures[2].published_on = d("2025-07-31"));
    let mut policy = Policy::default();
    policy.set_param("disclosure_grace_days", &xiaoqu::policy::ParamValue::Int(31)).unwrap();
    let t = summarize(&cfg, &policy).totals;
    assert_eq!(t.disclosures_overdue, 0);
    assert_eq!(summary(&cfg).totals.disclosures_overdue, 1);
}

/// Compounds are grouped by the street party working committee their chain reaches; compounds
/// reaching none come last.
#[test]
fn streets_group_compounds() {
    let cfg = mutated(|c| {
        let template = c.organizations[0].clone();
        let org = |id: &str, kind, name: &str, parent: Option<&str>| {
            let mut o: Organization = template.clone();
            o.id = OrgId::new(id).unwrap();
            o.kind = kind;
            o.name = name.to_owned();
            o.parent = parent.map(|p| OrgId::new(p).unwrap());
            o.secretary = None;
            o.members.clear();
            o.part_time_members.clear();
            o
        };
        c.organizations.push(org("org-street-b", OrgKind::StreetPartyWorkingCommittee, "乙街道党工委", None));
        c.organizations.push(org(
            "org-community-b",
            OrgKind::CommunityPartyCommittee,
            "乙社区党委",
            Some("org-street-b"),
        ));
        let mut loose = bare_compound("c-loose");
        loose.community = OrgId::new("org-nowhere").unwrap();
        c.compounds.insert(0, loose);
        let mut b = bare_compound("c-b");
        b.community = OrgId::new("org-community-b").unwrap();
        c.compounds.push(b);
    });
    let s = summary(&cfg);
    let streets: Vec<(Option<&str>, u64)> =
        s.streets.iter().map(|g| (g.street.as_ref().map(OrgId::as_str), g.totals.compounds)).collect();
    assert_eq!(streets, [(Some("org-street-xiuying"), 1), (Some("org-street-b"), 1), (None, 1)]);
    assert_eq!(s.streets[0].totals.coverage, rate(1, 1));
    assert_eq!(s.streets[1].totals.coverage, rate(0, 1));
    assert_eq!(s.totals.coverage, rate(1, 3));
    let order: Vec<&str> = s.compounds.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(order, ["c-loose", "c-guokeyuan", "c-b"]);
    let zh = s.to_text(xiaoqu::Lang::Zh);
    assert!(zh.contains("街道党工委：乙街道党工委（org-street-b）"), "{zh}");
    assert!(zh.contains("未接入街道党工委"), "{zh}");
    // With one street the text has no per-street section.
    assert!(!summary(&example()).to_text(xiaoqu::Lang::Zh).contains("街道党工委："));
}

#[test]
fn empty_document_has_empty_rates() {
    let s = summary(&GovernanceConfig::new(d("2025-09-05")));
    assert_eq!(s.totals.compounds, 0);
    assert_eq!(s.totals.coverage, rate(0, 0));
    assert_eq!(s.totals.coverage.percent(), None);
    assert_eq!(s.totals.balance_total.map(|m| m.to_string()).as_deref(), Some("0.00"));
    assert!(s.streets.is_empty());
    assert_eq!(s.to_csv().lines().count(), 1);
    let json: serde_json::Value = serde_json::from_str(&s.to_json_string().unwrap()).unwrap();
    assert_eq!(json["totals"]["coverage"]["percent"], serde_json::Value::Null);
    assert!(s.to_text(xiaoqu::Lang::En).contains("party coverage: 0/0\n"));
}

/// The keys of `xiaoqu summary --format json`, in order: a contract with callers.
#[test]
fn json_keys_are_stable() {
    let text = summary(&example()).to_json_string().unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let sorted = |k: Vec<&str>| {
        let mut k: Vec<String> = k.into_iter().map(str::to_owned).collect();
        k.sort_unstable();
        k
    };
    let totals = [
        "compounds",
        "coverage",
        "formation_rate",
        "party_share",
        "cross_appointed",
        "one_shoulder",
        "liaison_households",
        "households_covered",
        "buildings_covered",
        "joint_accounts",
        "balance_total",
        "disclosures_due",
        "disclosures_overdue",
        "audits_due",
        "audits_overdue",
        "votes_held",
        "matters_passed",
    ];
    assert_eq!(keys(&v), sorted(vec!["as_of", "profile", "totals", "streets", "compounds"]));
    assert_eq!(keys(&v["totals"]), sorted(totals.to_vec()));
    assert_eq!(keys(&v["streets"][0]), sorted(vec!["street", "name", "totals"]));
    assert_eq!(
        keys(&v["compounds"][0]),
        sorted(vec![
            "id",
            "name",
            "category",
            "old_compound",
            "street",
            "party_branch",
            "committee",
            "party_share",
            "cross_appointed",
            "one_shoulder",
            "liaison_households",
            "households_covered",
            "buildings_covered",
            "joint_account",
            "votes_held",
            "matters_passed",
        ])
    );
    assert_eq!(
        keys(&v["compounds"][0]["joint_account"]),
        sorted(vec!["id", "balance", "disclosures_due", "disclosures_overdue", "audits_due", "audits_overdue"])
    );
    assert_eq!(keys(&v["totals"]["party_share"]), sorted(vec!["num", "den", "percent"]));
    // Keys come out in declaration order.
    let totals_text = &text[text.find("\"totals\"").unwrap()..text.find("\"streets\"").unwrap()];
    let positions: Vec<usize> = totals.iter().map(|k| totals_text.find(&format!("\"{k}\"")).unwrap()).collect();
    assert!(positions.is_sorted(), "totals keys out of order: {positions:?}");
    // Values.
    assert_eq!(v["as_of"], "2025-09-05");
    assert_eq!(v["totals"]["party_share"], serde_json::json!({ "num": 3, "den": 5, "percent": "60.0%" }));
    assert_eq!(v["totals"]["balance_total"], "4060.00");
    assert_eq!(v["compounds"][0]["cross_appointed"], serde_json::json!(["p-01", "p-02", "p-03"]));
    assert_eq!(v["compounds"][0]["category"], "managed");
    assert_eq!(v["compounds"][0]["party_branch"], "compound");
    assert_eq!(v["compounds"][0]["committee"], "owners_committee");
}

const CSV_HEADER: &str = "compound,name,category,old_compound,street,party_branch,committee,committee_members,\
party_members,party_share_percent,cross_appointed,cross_appointed_people,one_shoulder,liaison_households,units,\
households_covered,households_covered_percent,buildings,buildings_covered,joint_account,balance,disclosures_due,\
disclosures_overdue,audits_due,audits_overdue,votes_held,matters_voted,matters_passed";

#[test]
fn csv_header_and_reference_row() {
    let csv = summary(&example()).to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        [
            CSV_HEADER,
            "c-guokeyuan,国科园小区,managed,false,org-street-xiuying,compound,owners_committee,5,3,60.0%,3,\
             p-01;p-02;p-03,true,1,12,12,100.0%,2,2,ja-guokeyuan,4060.00,3,0,1,0,2,4,4",
        ]
    );
    assert!(csv.ends_with('\n') && !csv.contains('\r'));
}

#[test]
fn csv_quotes_names_and_leaves_absent_values_empty() {
    let cfg = mutated(|c| {
        c.compounds[0].name = "国科园, \"东区\"".to_owned();
        c.compounds.push(bare_compound("c-bare"));
    });
    let csv = summary(&cfg).to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with("c-guokeyuan,\"国科园, \"\"东区\"\"\",managed,"), "{}", lines[1]);
    // The bare compound: no branch, committee, share or account; counts are zero.
    assert_eq!(lines[2], "c-bare,国科园小区,managed,false,org-street-xiuying,,,,,,0,,false,0,0,0,,1,0,,,,,,,0,0,0");
    assert_eq!(lines[2].split(',').count(), CSV_HEADER.split(',').count());
}

#[test]
fn text_in_both_languages() {
    let s = summary(&example());
    let zh = s.to_text(xiaoqu::Lang::Zh);
    for line in [
        "区域汇总（截至 2025-09-05，规则配置 default）",
        "党组织覆盖率：1/1（100.0%）",
        "业委会组建率：1/1（100.0%）",
        "业委会党员比例：3/5（60.0%）",
        "交叉任职人数：3",
        "党员中心户：1；联系住户：12/12（100.0%）",
        "余额合计：4060.00",
        "交叉任职：p-01、p-02、p-03；“一肩挑”：是",
        "业主大会表决（次）：2；计票通过事项：4/4（100.0%）",
    ] {
        assert!(zh.contains(line), "missing `{line}` in:\n{zh}");
    }
    let en = s.to_text(xiaoqu::Lang::En);
    for line in [
        "District summary (as of 2025-09-05, profile default)",
        "party coverage: 1/1 (100.0%)",
        "committee formation rate: 1/1 (100.0%)",
        "cross-appointed: p-01, p-02, p-03; one shoulder: yes",
        "overdue disclosures (of due): 0/3",
        "Compounds\n国科园小区 (c-guokeyuan, managed)\n",
    ] {
        assert!(en.contains(line), "missing `{line}` in:\n{en}");
    }
}

#[cfg(feature = "cli")]
mod cli {
    use std::process::{Command, Output, Stdio};

    const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/example-guokeyuan.json");

    fn xiaoqu(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_xiaoqu")).args(args).stdin(Stdio::null()).output().unwrap()
    }

    fn stderr_lines(o: &Output) -> Vec<String> {
        String::from_utf8(o.stderr.clone()).unwrap().lines().map(str::to_owned).collect()
    }

    #[test]
    fn formats_exit_zero() {
        let text = xiaoqu(&["summary", EXAMPLE]);
        assert_eq!(text.status.code(), Some(0));
        assert!(String::from_utf8(text.stdout).unwrap().contains("党组织覆盖率：1/1（100.0%）"));

        let en = xiaoqu(&["summary", EXAMPLE, "--lang", "en"]);
        assert_eq!(en.status.code(), Some(0));
        assert!(String::from_utf8(en.stdout).unwrap().contains("party coverage: 1/1 (100.0%)"));

        let json = xiaoqu(&["summary", EXAMPLE, "--format", "json"]);
        assert_eq!(json.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(v["totals"]["formation_rate"]["percent"], "100.0%");

        let csv = xiaoqu(&["summary", EXAMPLE, "--format", "csv"]);
        assert_eq!(csv.status.code(), Some(0));
        let out = String::from_utf8(csv.stdout).unwrap();
        assert_eq!(out.lines().next(), Some(super::CSV_HEADER));
        assert_eq!(out.lines().count(), 2);
        assert!(csv.stderr.is_empty());
    }

    #[test]
    fn load_errors_exit_two_with_one_line() {
        let missing = xiaoqu(&["summary", "/nonexistent/district.json"]);
        assert_eq!(missing.status.code(), Some(2));
        assert!(missing.stdout.is_empty());
        let lines = stderr_lines(&missing);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("xiaoqu: /nonexistent/district.json: cannot read"), "{lines:?}");

        let path = std::env::temp_dir().join(format!("xiaoqu-summary-{}-bad.json", std::process::id()));
        let text = std::fs::read_to_string(EXAMPLE).unwrap().replacen("\"89.50\"", "89.5", 1);
        std::fs::write(&path, text).unwrap();
        let bad = xiaoqu(&["summary", path.to_str().unwrap()]);
        let _ = std::fs::remove_file(&path);
        assert_eq!(bad.status.code(), Some(2));
        let lines = stderr_lines(&bad);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("compounds[0].units[0].area"), "{lines:?}");
    }

    #[test]
    fn unknown_format_is_a_usage_error() {
        let o = xiaoqu(&["summary", EXAMPLE, "--format", "xml"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(o.stdout.is_empty());
    }
}
