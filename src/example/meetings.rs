//! Meetings: each quarter the branch deliberates a major matter first (支部先议) with a
//! committee member observing, and the committee then decides it with a branch member observing
//! (双议事双列席) and publishes its decision within three days; every month the branch, the
//! committee and the property company meet together (三方联动).

use chrono::{Datelike, NaiveDate};

use super::calendar;
use super::committee::Plan;
use super::compound::{Env, Site};
use super::people::{Gen, id};
use super::rng::Rng;
use crate::model::{Decision, Meeting, MeetingBody, MeetingId, MeetingMatter, PersonId};

/// Major matters a branch deliberates and the committee decides.
const MAJOR: &[&str] = &[
    "公共收益支出计划",
    "物业服务合同续签方案",
    "专项维修资金使用方案",
    "小区安防系统改造方案",
    "年度财务收支情况",
    "老旧设施更新改造方案",
];

/// Everyday matters of the joint meeting.
const JOINT: &[&str] = &[
    "电动车充电桩安装选址",
    "汛期排水设施巡查",
    "楼道堆物清理",
    "垃圾分类投放点改造",
    "小区绿化补植",
    "消防通道整治",
    "物业服务质量评议",
    "停车秩序整治",
];

/// Months back from `as_of`'s month at which the quarterly branch and committee meetings fall.
const QUARTERLY: [i64; 4] = [2, 5, 8, 11];

/// Full months before `as_of` with a joint meeting.
const JOINT_MONTHS: i64 = 6;

fn matter(mid: &str, title: &str, major: bool, votes_for: Option<u32>, prior: Option<MeetingId>) -> Gen<MeetingMatter> {
    Ok(MeetingMatter {
        id: id(mid)?,
        title: title.to_owned(),
        major,
        decision: Decision::Approved,
        votes_for,
        prior_deliberation: prior,
    })
}

fn meeting_id(site: &Site, d: NaiveDate, suffix: &str) -> Gen<MeetingId> {
    id(&format!("mt-{}-{}{:02}-{suffix}", site.tag, d.year(), d.month()))
}

/// The compound's meetings.
pub(super) fn meetings(rng: &mut Rng, site: &mut Site, env: &Env<'_>, plan: &Plan) -> Gen<()> {
    let Some(branch) = &site.c.party_branch else { return Ok(()) };
    let as_of = env.as_of;
    let r = &site.r;
    let mut branch_people: Vec<PersonId> = branch.committee.clone();
    for p in branch.members.iter().take(8) {
        if !branch_people.contains(p) {
            branch_people.push(p.clone());
        }
    }
    let seated = r.seated();
    let vice = r.vice().cloned();
    // A branch committee member who is not on the owners' committee observes its meetings.
    let observer = branch.committee.iter().find(|p| !seated.contains(p)).cloned();
    let this_month = calendar::month_start(as_of);
    let mut out: Vec<Meeting> = Vec::new();
    for back in QUARTERLY {
        let month = calendar::months(this_month, -back);
        let b_date = calendar::in_month(month, rng.range_u32(6, 14));
        let title =
            format!("{}{}", calendar::quarter_label(b_date), rng.pick(MAJOR).copied().unwrap_or("公共收益支出计划"));
        let with_committee = plan.committee && b_date >= calendar::days(plan.elected_on, 10);
        let bid = meeting_id(site, b_date, "b")?;
        out.push(Meeting {
            id: bid.clone(),
            body: MeetingBody::PartyBranch,
            date: b_date,
            attendees: branch_people.clone(),
            observers: if with_committee { vice.iter().cloned().collect() } else { Vec::new() },
            matters: vec![matter("x-1", &title, with_committee, None, None)?],
            minutes_published_on: Some(calendar::days(b_date, 1)),
        });
        if !with_committee {
            continue;
        }
        let c_date = calendar::days(b_date, i64::try_from(rng.range(2, 7)).unwrap_or(3));
        // Everyone attends, except one ordinary member now and then in a larger committee.
        let mut attendees = seated.clone();
        if attendees.len() >= 7 && rng.chance(40) {
            attendees.pop();
        }
        let votes = u32::try_from(attendees.len()).unwrap_or(0);
        out.push(Meeting {
            id: meeting_id(site, c_date, "c")?,
            body: MeetingBody::OwnersCommittee,
            date: c_date,
            attendees,
            observers: observer.iter().cloned().collect(),
            matters: vec![matter("x-1", &title, true, Some(votes), Some(bid))?],
            minutes_published_on: Some(calendar::days(c_date, i64::try_from(rng.range(1, 3)).unwrap_or(1))),
        });
    }
    // Joint meetings for the months the three parties have all existed (MT003).
    if let (Some(ps), true) = (&site.c.property_service, plan.committee) {
        let from = plan.elected_on.max(ps.contract.from);
        let attendees: Vec<PersonId> = r.secretary.iter().chain(vice.iter()).chain(r.pm.iter()).cloned().collect();
        for back in (1..=JOINT_MONTHS).rev() {
            let month = calendar::months(this_month, -back);
            if month < from {
                continue;
            }
            let date = calendar::in_month(month, rng.range_u32(10, 25));
            let title = rng.pick(JOINT).copied().unwrap_or("楼道堆物清理");
            out.push(Meeting {
                id: meeting_id(site, date, "j")?,
                body: MeetingBody::Joint,
                date,
                attendees: attendees.clone(),
                observers: Vec::new(),
                matters: vec![matter("x-1", title, false, None, None)?],
                minutes_published_on: Some(calendar::days(date, 1)),
            });
        }
    }
    out.sort_by_key(|m| m.date);
    site.c.meetings = out;
    Ok(())
}
