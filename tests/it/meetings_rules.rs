//! MT family: each rule passes on the reference example, fails on a document built to break it
//! (the change is spelled out in each test), and holds at each boundary of its parameters.
//!
//! The reference meetings (`as_of` 2025-09-05): [0] `mt-2025-03-b` branch, 2025-03-20, attendees
//! p-01 p-02 p-03 p-06 p-07, observer p-04 (committee only), major matter x-1 approved;
//! [1] `mt-2025-03-c` committee, 2025-03-25, attendees p-01..p-05, observer p-06 (branch only),
//! x-1 major, approved, 5 votes, prior deliberation `mt-2025-03-b`, minutes 2025-03-27;
//! [2..=4] joint meetings 2025-06-18, 2025-07-16, 2025-08-20 (p-01 branch and committee, p-04
//! or p-05 committee, p-12 project manager of org-pm-hongxing since 2024-08-01).
//! Committee: p-01 (chair), p-02 (vice chair), p-03, p-04, p-05; branch members p-01, p-02,
//! p-03, p-06, p-07.

use xiaoqu::model::{
    CommitteeMember, CommitteeRole, Decision, Meeting, MeetingBody, MeetingId, OwnersCommittee, PersonId,
};
use xiaoqu::policy::ParamValue;
use xiaoqu::{GovernanceConfig, Policy, Report, RuleCode, RuleSetting, Severity};

use crate::support::{assert_finding, assert_no, audit, d, example, mutated, pid};

const C: &str = "c-guokeyuan";

const MT: [RuleCode; 8] = [
    RuleCode::Mt001,
    RuleCode::Mt002,
    RuleCode::Mt003,
    RuleCode::Mt004,
    RuleCode::Mt005,
    RuleCode::Mt006,
    RuleCode::Mt007,
    RuleCode::Mt008,
];

fn pids(ids: &[&str]) -> Vec<PersonId> {
    ids.iter().map(|s| pid(s)).collect()
}

fn meeting(c: &mut GovernanceConfig, i: usize) -> &mut Meeting {
    &mut c.compounds[0].meetings[i]
}

fn committee(c: &mut GovernanceConfig) -> &mut OwnersCommittee {
    c.compounds[0].owners_committee.as_mut().unwrap()
}

/// Adds `person` to the committee with `role`.
fn seat(c: &mut GovernanceConfig, person: &str, role: CommitteeRole) {
    committee(c).members.push(CommitteeMember { person: pid(person), role });
}

fn with_params(params: &[(&str, ParamValue)]) -> Policy {
    let mut p = Policy::default();
    for (name, v) in params {
        p.set_param(name, v).unwrap();
    }
    p
}

#[test]
fn reference_example_has_no_mt_finding() {
    let r = audit(&example());
    for code in MT {
        assert_no(&r, code);
    }
    let national = xiaoqu::audit(&example(), &Policy::preset("national").unwrap());
    for code in MT {
        assert_no(&national, code);
    }
}

#[test]
fn catalogue_lists_every_mt_code_with_its_basis() {
    let bases: Vec<(RuleCode, xiaoqu::Basis)> = xiaoqu::rules::catalogue()
        .iter()
        .filter(|m| m.code.as_str().starts_with("MT"))
        .map(|m| (m.code, m.basis))
        .collect();
    assert_eq!(bases.len(), 8);
    assert!(bases.contains(&(RuleCode::Mt001, xiaoqu::Basis::Practice)));
    assert!(bases.contains(&(RuleCode::Mt005, xiaoqu::Basis::Reg)));
    assert!(bases.contains(&(RuleCode::Mt008, xiaoqu::Basis::Local)));
}

// ---- MT001 branch deliberates first ----

#[test]
fn mt001_major_matter_without_prior_deliberation() {
    let cfg = mutated(|c| meeting(c, 1).matters[0].prior_deliberation = None);
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mt001, "mt-2025-03-c/x-1", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[1].matters[0]");
    assert_eq!(f.compound().unwrap().as_str(), C);
}

#[test]
fn mt001_prior_meeting_must_be_a_branch_meeting() {
    let cfg = mutated(|c| meeting(c, 1).matters[0].prior_deliberation = Some(MeetingId::new("mt-2025-06-j").unwrap()));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mt001, "mt-2025-03-c/x-1", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[1].matters[0].prior_deliberation");
    assert_eq!(f.fact("prior_body").unwrap().to_string(), "joint");
}

#[test]
fn mt001_same_day_passes_a_day_later_fails() {
    // The committee met on 2025-03-25; move the branch meeting onto that day, then one day after.
    let same_day = mutated(|c| meeting(c, 0).date = d("2025-03-25"));
    assert_no(&audit(&same_day), RuleCode::Mt001);
    let after = mutated(|c| meeting(c, 0).date = d("2025-03-26"));
    let r = audit(&after);
    let f = assert_finding(&r, RuleCode::Mt001, "mt-2025-03-c/x-1", Severity::Warning);
    assert_eq!(f.fact("prior_date").unwrap().to_string(), "2025-03-26");
}

#[test]
fn mt001_skips_rejected_and_minor_matters_and_dangling_references() {
    let rejected = mutated(|c| {
        let x = &mut meeting(c, 1).matters[0];
        x.prior_deliberation = None;
        x.decision = Decision::Rejected;
    });
    assert_no(&audit(&rejected), RuleCode::Mt001);
    let minor = mutated(|c| {
        let x = &mut meeting(c, 1).matters[0];
        x.prior_deliberation = None;
        x.major = false;
    });
    assert_no(&audit(&minor), RuleCode::Mt001);
    // A reference to no meeting is CFG001's finding, not MT001's.
    let dangling =
        mutated(|c| meeting(c, 1).matters[0].prior_deliberation = Some(MeetingId::new("mt-nowhere").unwrap()));
    let r = audit(&dangling);
    assert_finding(&r, RuleCode::Cfg001, "mt-nowhere", Severity::Error);
    assert_no(&r, RuleCode::Mt001);
}

#[test]
fn mt001_to_mt003_are_silent_without_a_branch() {
    // Nobody can deliberate first, observe for, or meet as the branch: ORG reports the branch.
    let cfg = mutated(|c| {
        c.compounds[0].party_branch = None;
        meeting(c, 1).matters[0].prior_deliberation = None;
        meeting(c, 1).observers.clear();
        c.compounds[0].meetings.remove(3);
    });
    let r = audit(&cfg);
    for code in [RuleCode::Mt001, RuleCode::Mt002, RuleCode::Mt003] {
        assert_no(&r, code);
    }
    // The joint meetings now lack the branch.
    assert_eq!(
        assert_finding(&r, RuleCode::Mt004, "mt-2025-06-j", Severity::Warning).fact("missing").unwrap().to_string(),
        "party_branch"
    );
}

// ---- MT002 mutual attendance ----

#[test]
fn mt002_branch_meeting_without_committee_observer() {
    let cfg = mutated(|c| meeting(c, 0).observers.clear());
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mt002, "mt-2025-03-b", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[0].observers");
    // p-01..p-03 attend the branch meeting and sit on the committee: attending is not observing.
    assert_eq!(r.with_code(RuleCode::Mt002).count(), 1);
}

#[test]
fn mt002_committee_meeting_without_branch_observer() {
    // p-05 observes instead of p-06: a committee member, not a branch member.
    let cfg = mutated(|c| meeting(c, 1).observers = pids(&["p-05"]));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mt002, "mt-2025-03-c", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[1].observers");
}

#[test]
fn mt002_an_alternate_does_not_observe_for_the_committee() {
    let cfg = mutated(|c| {
        seat(c, "p-08", CommitteeRole::Alternate);
        meeting(c, 0).observers = pids(&["p-08"]);
    });
    assert_finding(&audit(&cfg), RuleCode::Mt002, "mt-2025-03-b", Severity::Warning);
}

#[test]
fn mt002_only_meetings_deciding_a_major_matter() {
    let minor = mutated(|c| {
        meeting(c, 0).observers.clear();
        meeting(c, 0).matters[0].major = false;
    });
    assert_no(&audit(&minor), RuleCode::Mt002);
    let deferred = mutated(|c| {
        meeting(c, 0).observers.clear();
        meeting(c, 0).matters[0].decision = Decision::Deferred;
    });
    assert_no(&audit(&deferred), RuleCode::Mt002);
}

// ---- MT003 joint meeting cadence ----

#[test]
fn mt003_a_missing_month_fires() {
    // Drop the July joint meeting: the window is June, July, August 2025.
    let cfg = mutated(|c| {
        c.compounds[0].meetings.remove(3);
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mt003, C, Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings");
    assert_eq!(f.fact("months_without").unwrap().to_string(), "2025-07");
    assert_eq!(f.fact("uncovered_months").unwrap().to_string(), "1");
}

#[test]
fn mt003_last_day_of_month_counts_for_that_month() {
    let last_day = mutated(|c| meeting(c, 3).date = d("2025-07-31"));
    assert_no(&audit(&last_day), RuleCode::Mt003);
    let next_day = mutated(|c| meeting(c, 3).date = d("2025-08-01"));
    let r = audit(&next_day);
    assert_eq!(
        assert_finding(&r, RuleCode::Mt003, C, Severity::Warning).fact("months_without").unwrap().to_string(),
        "2025-07"
    );
}

#[test]
fn mt003_lookback_reaches_further_when_longer() {
    // No joint meeting in May 2025: a four-month window finds it, the default three does not.
    let r = xiaoqu::audit(&example(), &with_params(&[("joint_meeting_lookback_months", ParamValue::Int(4))]));
    assert_eq!(
        assert_finding(&r, RuleCode::Mt003, C, Severity::Warning).fact("months_without").unwrap().to_string(),
        "2025-05"
    );
}

#[test]
fn mt003_a_huge_lookback_counts_from_when_the_parties_existed() {
    // The contract started 2024-08-01 (after the committee's election on 2024-06-15): August
    // 2024 to May 2025 have no joint meeting, and nothing before August 2024 is required.
    let r =
        xiaoqu::audit(&example(), &with_params(&[("joint_meeting_lookback_months", ParamValue::Int(4_000_000_000))]));
    let f = assert_finding(&r, RuleCode::Mt003, C, Severity::Warning);
    assert_eq!(f.fact("uncovered_months").unwrap().to_string(), "10");
    assert!(f.fact("months_without").unwrap().to_string().starts_with("2024-08, 2024-09"));
}

#[test]
fn mt003_every_two_months_allows_one_empty_month_not_two() {
    let every_two = with_params(&[("joint_meeting_every_months", ParamValue::Int(2))]);
    let no_july = mutated(|c| {
        c.compounds[0].meetings.remove(3);
    });
    assert_no(&xiaoqu::audit(&no_july, &every_two), RuleCode::Mt003);
    // Without June and July, June (May–June) and July (June–July) are both uncovered.
    let no_june_july = mutated(|c| {
        c.compounds[0].meetings.drain(2..=3);
    });
    let r = xiaoqu::audit(&no_june_july, &every_two);
    assert_eq!(
        assert_finding(&r, RuleCode::Mt003, C, Severity::Warning).fact("months_without").unwrap().to_string(),
        "2025-06, 2025-07"
    );
}

#[test]
fn mt003_months_before_the_committee_existed_are_not_required() {
    // A committee elected on 2025-07-01 owes nothing for June; one elected 2025-07-02 owes
    // nothing for July either.
    let cfg = mutated(|c| {
        c.compounds[0].meetings.drain(2..=3);
        committee(c).elected_on = d("2025-07-01");
    });
    let r = audit(&cfg);
    assert_eq!(
        assert_finding(&r, RuleCode::Mt003, C, Severity::Warning).fact("months_without").unwrap().to_string(),
        "2025-07"
    );
    let cfg = mutated(|c| {
        c.compounds[0].meetings.drain(2..=3);
        committee(c).elected_on = d("2025-07-02");
    });
    assert_no(&audit(&cfg), RuleCode::Mt003);
}

// ---- MT004 joint meeting parties ----

#[test]
fn mt004_joint_meeting_without_the_property_company() {
    let cfg = mutated(|c| meeting(c, 2).attendees = pids(&["p-01", "p-04"]));
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mt004, "mt-2025-06-j", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[2].attendees");
    assert_eq!(f.fact("missing").unwrap().to_string(), "property_company");
}

#[test]
fn mt004_employment_must_cover_the_meeting_date() {
    // p-12's employment ends the day before the June meeting.
    let cfg = mutated(|c| c.people[11].employment[0].to = Some(d("2025-06-17")));
    let r = audit(&cfg);
    assert_finding(&r, RuleCode::Mt004, "mt-2025-06-j", Severity::Warning);
    assert_eq!(r.with_code(RuleCode::Mt004).count(), 3, "the July and August meetings too");
    let cfg = mutated(|c| c.people[11].employment[0].to = Some(d("2025-06-18")));
    let r = audit(&cfg);
    assert!(r.with_code(RuleCode::Mt004).all(|f| f.subject() != "mt-2025-06-j"));
}

#[test]
fn mt004_branch_and_committee_need_their_members() {
    // p-06 is a branch member only; p-08 an alternate; p-12 the project manager.
    let cfg = mutated(|c| {
        seat(c, "p-08", CommitteeRole::Alternate);
        meeting(c, 2).attendees = pids(&["p-06", "p-08", "p-12"]);
        meeting(c, 3).attendees = pids(&["p-04", "p-12"]);
    });
    let r = audit(&cfg);
    let f = assert_finding(&r, RuleCode::Mt004, "mt-2025-06-j", Severity::Warning);
    assert_eq!(f.fact("missing").unwrap().to_string(), "owners_committee");
    let f = assert_finding(&r, RuleCode::Mt004, "mt-2025-07-j", Severity::Warning);
    assert_eq!(f.fact("missing").unwrap().to_string(), "party_branch");
}

#[test]
fn mt004_a_cross_appointed_attendee_represents_both_bodies() {
    let cfg = mutated(|c| meeting(c, 2).attendees = pids(&["p-01", "p-12"]));
    assert_no(&audit(&cfg), RuleCode::Mt004);
}

// ---- MT005 committee quorum ----

#[test]
fn mt005_exactly_half_attending_fails_one_more_passes() {
    // Six members (p-06 seated): three attending is half, not more than half.
    let half = mutated(|c| {
        seat(c, "p-06", CommitteeRole::Member);
        meeting(c, 1).attendees = pids(&["p-01", "p-02", "p-03"]);
        meeting(c, 1).observers = pids(&["p-07"]);
    });
    let r = audit(&half);
    let f = assert_finding(&r, RuleCode::Mt005, "mt-2025-03-c", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[1].attendees");
    assert_eq!(f.fact("attending_members").unwrap().to_string(), "3");
    assert_eq!(f.fact("members").unwrap().to_string(), "6");
    assert_eq!(f.fact("required_share").unwrap().to_string(), ">1/2");
    let more = mutated(|c| {
        seat(c, "p-06", CommitteeRole::Member);
        meeting(c, 1).attendees = pids(&["p-01", "p-02", "p-03", "p-04"]);
        meeting(c, 1).observers = pids(&["p-07"]);
    });
    assert_no(&audit(&more), RuleCode::Mt005);
}

#[test]
fn mt005_alternates_and_other_attendees_do_not_count() {
    // Five members: p-01, p-02 and p-03 attend (3/5 passes); swap p-03 for an alternate and a
    // non-member, and 2/5 fails.
    let three = mutated(|c| meeting(c, 1).attendees = pids(&["p-01", "p-02", "p-03"]));
    assert_no(&audit(&three), RuleCode::Mt005);
    let two = mutated(|c| {
        seat(c, "p-08", CommitteeRole::Alternate);
        meeting(c, 1).attendees = pids(&["p-01", "p-02", "p-02", "p-08", "p-09"]);
    });
    let r = audit(&two);
    let f = assert_finding(&r, RuleCode::Mt005, "mt-2025-03-c", Severity::Error);
    assert_eq!(f.fact("attending_members").unwrap().to_string(), "2");
    assert_eq!(f.fact("members").unwrap().to_string(), "5");
}

#[test]
fn mt005_meetings_before_the_committee_was_elected_are_not_counted() {
    let cfg = mutated(|c| {
        meeting(c, 1).attendees = pids(&["p-01"]);
        meeting(c, 1).date = d("2024-06-14");
        meeting(c, 1).minutes_published_on = Some(d("2024-06-15"));
        meeting(c, 0).date = d("2024-06-10");
        meeting(c, 0).minutes_published_on = Some(d("2024-06-11"));
    });
    assert_no(&audit(&cfg), RuleCode::Mt005);
}

// ---- MT006 committee decision majority ----

#[test]
fn mt006_exactly_half_of_all_members_passes_one_fewer_fails() {
    // Six members: three votes is half of all members (半数以上 includes half).
    let half = mutated(|c| {
        seat(c, "p-06", CommitteeRole::Member);
        meeting(c, 1).observers = pids(&["p-07"]);
        meeting(c, 1).matters[0].votes_for = Some(3);
    });
    assert_no(&audit(&half), RuleCode::Mt006);
    let fewer = mutated(|c| {
        seat(c, "p-06", CommitteeRole::Member);
        meeting(c, 1).observers = pids(&["p-07"]);
        meeting(c, 1).matters[0].votes_for = Some(2);
    });
    let r = audit(&fewer);
    let f = assert_finding(&r, RuleCode::Mt006, "mt-2025-03-c/x-1", Severity::Error);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[1].matters[0].votes_for");
    assert_eq!(f.fact("votes_for").unwrap().to_string(), "2");
    assert_eq!(f.fact("members").unwrap().to_string(), "6");
    assert_eq!(f.fact("required_share").unwrap().to_string(), ">=1/2");
}

#[test]
fn mt006_counts_all_members_not_those_present() {
    // Five members, three present, all three for: 3/5 passes; 2 for fails though 2/3 of those present.
    let cfg = mutated(|c| {
        meeting(c, 1).attendees = pids(&["p-01", "p-02", "p-03"]);
        meeting(c, 1).matters[0].votes_for = Some(2);
    });
    assert_finding(&audit(&cfg), RuleCode::Mt006, "mt-2025-03-c/x-1", Severity::Error);
}

#[test]
fn mt006_local_presets_may_require_more_than_half() {
    let cfg = mutated(|c| {
        seat(c, "p-06", CommitteeRole::Member);
        meeting(c, 1).observers = pids(&["p-07"]);
        meeting(c, 1).matters[0].votes_for = Some(3);
    });
    let strict = with_params(&[("committee_decision_share", ParamValue::Str(">1/2".into()))]);
    assert_finding(&xiaoqu::audit(&cfg, &strict), RuleCode::Mt006, "mt-2025-03-c/x-1", Severity::Error);
}

#[test]
fn mt006_skips_rejected_matters_and_matters_without_a_count() {
    let rejected = mutated(|c| {
        meeting(c, 1).matters[0].votes_for = Some(1);
        meeting(c, 1).matters[0].decision = Decision::Rejected;
    });
    assert_no(&audit(&rejected), RuleCode::Mt006);
    let uncounted = mutated(|c| meeting(c, 1).matters[0].votes_for = None);
    assert_no(&audit(&uncounted), RuleCode::Mt006);
}

// ---- MT007 minutes published ----

#[test]
fn mt007_day_three_passes_day_four_fails() {
    // The committee met on 2025-03-25.
    let day3 = mutated(|c| meeting(c, 1).minutes_published_on = Some(d("2025-03-28")));
    assert_no(&audit(&day3), RuleCode::Mt007);
    let day4 = mutated(|c| meeting(c, 1).minutes_published_on = Some(d("2025-03-29")));
    let r = audit(&day4);
    let f = assert_finding(&r, RuleCode::Mt007, "mt-2025-03-c", Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings[1].minutes_published_on");
    assert_eq!(f.fact("deadline").unwrap().to_string(), "2025-03-28");
}

#[test]
fn mt007_unpublished_fires_only_once_the_deadline_has_passed() {
    let missing = mutated(|c| meeting(c, 1).minutes_published_on = None);
    assert_finding(&audit(&missing), RuleCode::Mt007, "mt-2025-03-c", Severity::Warning);
    // as_of 2025-09-05: a meeting on 2025-09-02 is due by 2025-09-05, still open; 2025-09-01 is late.
    let open = mutated(|c| {
        meeting(c, 1).minutes_published_on = None;
        meeting(c, 1).date = d("2025-09-02");
    });
    assert_no(&audit(&open), RuleCode::Mt007);
    let late = mutated(|c| {
        meeting(c, 1).minutes_published_on = None;
        meeting(c, 1).date = d("2025-09-01");
    });
    assert_finding(&audit(&late), RuleCode::Mt007, "mt-2025-03-c", Severity::Warning);
}

#[test]
fn mt007_only_committee_meetings_that_decided_something() {
    // Branch and joint meetings are not GR Art 39's; a committee meeting that only deferred has
    // nothing to publish.
    let branch = mutated(|c| meeting(c, 0).minutes_published_on = None);
    assert_no(&audit(&branch), RuleCode::Mt007);
    let deferred = mutated(|c| {
        meeting(c, 1).minutes_published_on = None;
        meeting(c, 1).matters[0].decision = Decision::Deferred;
    });
    assert_no(&audit(&deferred), RuleCode::Mt007);
    let before = mutated(|c| meeting(c, 1).minutes_published_on = Some(d("2025-03-24")));
    assert_finding(&audit(&before), RuleCode::Mt007, "mt-2025-03-c", Severity::Warning);
}

// ---- MT008 committee meeting frequency (local) ----

/// The reference document with committee meetings on `dates` (full attendance, no matters),
/// besides the first meeting (2024-06-20) and `mt-2025-03-c`.
fn committee_meetings(dates: &[&str]) -> GovernanceConfig {
    mutated(|c| {
        for (i, date) in dates.iter().enumerate() {
            c.compounds[0].meetings.push(Meeting {
                id: MeetingId::new(&format!("mt-oc-{i}")).unwrap(),
                body: MeetingBody::OwnersCommittee,
                date: d(date),
                attendees: pids(&["p-01", "p-02", "p-03", "p-04", "p-05"]),
                observers: Vec::new(),
                matters: Vec::new(),
                minutes_published_on: None,
            });
        }
    })
}

fn every_two_months() -> Policy {
    let mut p = with_params(&[("committee_meeting_every_months", ParamValue::Int(2))]);
    p.set_rule(RuleCode::Mt008, RuleSetting::On);
    p
}

const BIMONTHLY: [&str; 6] = ["2024-08-20", "2024-10-20", "2024-12-20", "2025-02-20", "2025-05-25", "2025-07-25"];

#[test]
fn mt008_off_unless_switched_on_and_set() {
    let sparse = example();
    let set_only = with_params(&[("committee_meeting_every_months", ParamValue::Int(2))]);
    assert_no(&xiaoqu::audit(&sparse, &set_only), RuleCode::Mt008);
    let mut on_only = Policy::default();
    on_only.set_rule(RuleCode::Mt008, RuleSetting::On);
    assert_no(&xiaoqu::audit(&sparse, &on_only), RuleCode::Mt008);
    assert!(xiaoqu::audit(&sparse, &every_two_months()).with_code(RuleCode::Mt008).count() > 0);
}

#[test]
fn mt008_every_two_months_passes() {
    let r: Report = xiaoqu::audit(&committee_meetings(&BIMONTHLY), &every_two_months());
    assert_no(&r, RuleCode::Mt008);
}

#[test]
fn mt008_two_months_to_the_day_passes_one_more_day_fails() {
    let mut late = BIMONTHLY;
    late[1] = "2024-10-21";
    let r = xiaoqu::audit(&committee_meetings(&late), &every_two_months());
    let f = assert_finding(&r, RuleCode::Mt008, C, Severity::Warning);
    // mt-oc-1 is the sixth meeting listed.
    assert_eq!(f.path().to_string(), "compounds[0].meetings[6].date");
    assert_eq!(f.fact("from").unwrap().to_string(), "2024-08-20");
    assert_eq!(f.fact("to").unwrap().to_string(), "2024-10-21");
    assert_eq!(r.with_code(RuleCode::Mt008).count(), 1);
}

#[test]
fn mt008_no_meeting_since_is_a_gap_up_to_as_of() {
    let r = xiaoqu::audit(&committee_meetings(&BIMONTHLY[..5]), &every_two_months());
    let f = assert_finding(&r, RuleCode::Mt008, C, Severity::Warning);
    assert_eq!(f.path().to_string(), "compounds[0].meetings");
    assert_eq!(f.fact("from").unwrap().to_string(), "2025-05-25");
    assert_eq!(f.fact("to").unwrap().to_string(), "2025-09-05");
}
