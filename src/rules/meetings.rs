//! MT: the meetings that tie the bodies of a compound together — the branch deliberates first
//! (支部先议), each body observes the other's meetings (双议事双列席), the three parties meet
//! together (三方联动) — and the owners' committee's own meeting rules (GR Art 38–39).
//!
//! Who belongs to which body, everywhere in this family:
//! - the **branch** (党支部): its secretary, its branch committee (支委会) and its members;
//! - the **owners' committee**: its seated members, as [`voting_members`] counts them (chair,
//!   vice chairs, members, executive members, each person once). Alternates (候补委员) attend
//!   without a vote and take a seat only when one falls vacant (R079: BJ Art 39, 41; HZ Art 28):
//!   they are not members in GR Art 38's count (attendance, decisions), nor do they represent
//!   the committee at a joint meeting or as an observer (列席) of the branch;
//! - the **property company**: people whose `employment` with `property_service.company`
//!   covers the meeting's date (the same test as DE007, [`property_company_ties`]).
//!
//! A person who belongs to two bodies (cross-appointment, 交叉任职, which the DE family
//! encourages) counts for both: the sources ask that each body be present, not that it be
//! present through a different person, and counting one person once would penalise the
//! cross-appointment the practice documents push for.
//!
//! One fault, one finding: a `prior_deliberation` that names no meeting of the compound, or an
//! attendee id that does not resolve, is `CFG001`'s. The committee's size is `CM001`'s; MT005
//! and MT006 only count against the members the committee has.

use foldhash::HashSet;

use chrono::{Datelike, NaiveDate};

use super::{Ctx, Finding, RuleMeta};
use crate::dates;
use crate::model::{CommitteeKind, Compound, Decision, Meeting, MeetingBody, MeetingMatter, OwnersCommittee, PersonId};
use crate::queries::committee::voting_members;
use crate::queries::dual_entry::{TieRelation, property_company_ties};
use crate::report::{Basis, Path, RuleCode, Severity, doc_path};

const GR_38: &str = "业主大会和业主委员会指导规则 第三十八条";
const JOINT: &str = "三方联动实践：社区党组织（小区党支部）、业主委员会、物业服务企业共同议事 (domain-rules.md R155)";

/// The MT rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Mt001,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "东港嘉苑业主大会议事规则（草案）第二条、第四条：重大事项先经党组织会议讨论 (domain-rules.md R151)",
        sources: "R151",
        summary_zh: "业主委员会通过的重大事项注明事先（不晚于当日）讨论它的小区党支部会议（支部先议）",
        summary_en: "a major matter the owners' committee approved names a `prior_deliberation` branch meeting held no later than the same day",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Mt002,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "宁波市住宅小区物业管理条例 第三十三条（社区党组织可派代表列席业主委员会会议）；委员列席支部会议的原文未找到 (domain-rules.md R145、§14)",
        sources: "R145, R151",
        summary_zh: "党支部或业主委员会决定重大事项的会议，有另一方的成员列席（双列席）",
        summary_en: "a branch or committee meeting deciding a major matter has an observer who is a member of the other body",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Mt003,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "三方联动/三方共治实践 (domain-rules.md R155；“每月召开”原文未找到，频次为本库默认值)",
        sources: "R155",
        summary_zh: "as_of 之前的最近 joint_meeting_lookback_months 个整月内，每 joint_meeting_every_months 个月至少召开一次三方联席会议",
        summary_en: "in each of the last `joint_meeting_lookback_months` full months before `as_of`, a joint meeting within the last `joint_meeting_every_months` months",
        params: &["joint_meeting_lookback_months", "joint_meeting_every_months"],
    },
    RuleMeta {
        code: RuleCode::Mt004,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: JOINT,
        sources: "R155",
        summary_zh: "三方联席会议有党支部、业主委员会和物业服务企业各至少一人出席",
        summary_en: "a joint meeting has at least one attendee from the branch, the owners' committee and the property company",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Mt005,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_38,
        sources: "R074, R081",
        summary_zh: "业主委员会会议出席委员达到 committee_quorum（过半数，候补委员不计）",
        summary_en: "a committee meeting is attended by `committee_quorum` (more than half) of the members, alternates not counted",
        params: &["committee_quorum"],
    },
    RuleMeta {
        code: RuleCode::Mt006,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_38,
        sources: "R074, R081",
        summary_zh: "业主委员会通过的事项，同意票达到全体委员的 committee_decision_share（半数以上）",
        summary_en: "an approved committee matter with `votes_for` has `committee_decision_share` (at least half) of all members",
        params: &["committee_decision_share"],
    },
    RuleMeta {
        code: RuleCode::Mt007,
        severity: Severity::Warning,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "业主大会和业主委员会指导规则 第三十九条",
        sources: "R075",
        summary_zh: "业主委员会会议作出决定之日起 decision_publish_days 日内公告",
        summary_en: "committee decisions are published within `decision_publish_days` days of the meeting",
        params: &["decision_publish_days"],
    },
    RuleMeta {
        code: RuleCode::Mt008,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: "北京市物业管理条例 第四十五条；上海市住宅物业管理规定 第二十六条",
        sources: "R080",
        summary_zh: "设定 committee_meeting_every_months 时，业主委员会至少每该月数召开一次会议",
        summary_en: "when `committee_meeting_every_months` is set, the committee meets at least that often",
        params: &["committee_meeting_every_months"],
    },
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    for (ci, c) in ctx.compounds() {
        let at = At::of(ci, c);
        for (mi, m) in c.meetings.iter().enumerate() {
            branch_deliberates_first(ctx, &at, mi, m);
            mutual_attendance(ctx, &at, mi, m);
            joint_meeting_parties(ctx, &at, mi, m);
            committee_quorum(ctx, &at, mi, m);
            committee_decision_majority(ctx, &at, mi, m);
            minutes_published(ctx, &at, mi, m);
        }
        joint_meeting_cadence(ctx, &at);
        committee_meeting_frequency(ctx, &at);
    }
}

/// The compound being checked, where it sits in the document, and who belongs to its bodies.
struct At<'a> {
    ci: usize,
    c: &'a Compound,
    /// The branch's secretary, branch committee and members; `None` without a branch.
    branch: Option<HashSet<&'a PersonId>>,
    /// The committee's seated members; `None` without a committee.
    committee: Option<HashSet<&'a PersonId>>,
}

impl<'a> At<'a> {
    fn of(ci: usize, c: &'a Compound) -> Self {
        let branch = c.party_branch.as_ref().map(|b| {
            std::iter::once(&b.secretary).chain(&b.committee).chain(&b.members).collect::<HashSet<&PersonId>>()
        });
        let committee =
            c.owners_committee.as_ref().map(|oc| voting_members(oc).map(|m| &m.person).collect::<HashSet<_>>());
        Self { ci, c, branch, committee }
    }

    /// The committee GR Art 38 counts for a meeting: a meeting of body `owners_committee`, held
    /// on or after the sitting committee (of kind `owners_committee`) was elected, and its
    /// seated members (at least one). A meeting before that belongs to an earlier committee,
    /// whose members the document does not record; an interim property-management committee
    /// or a self-management council follows its own rules (R158–R162), not GR Art 38.
    fn counted_committee(&self, m: &Meeting) -> Option<(&'a OwnersCommittee, &HashSet<&'a PersonId>)> {
        let oc = self.c.owners_committee.as_ref()?;
        let members = self.committee.as_ref()?;
        let counted = m.body == MeetingBody::OwnersCommittee
            && oc.kind == CommitteeKind::OwnersCommittee
            && m.date >= oc.elected_on
            && !members.is_empty();
        counted.then_some((oc, members))
    }

    fn finding(&self, code: RuleCode, subject: String, path: Path) -> Finding {
        Finding::new(code, subject, path).compound(Some(&self.c.id))
    }
}

/// Whether a matter was decided (approved or rejected; a deferred matter was not).
fn decided(x: &MeetingMatter) -> bool {
    x.decision != Decision::Deferred
}

/// The Chinese and English names of a meeting's body.
fn body_names(body: MeetingBody) -> (&'static str, &'static str) {
    match body {
        MeetingBody::PartyBranch => ("党支部", "party branch"),
        MeetingBody::OwnersCommittee => ("业主委员会", "owners' committee"),
        MeetingBody::Joint => ("三方联席", "joint"),
        MeetingBody::PropertyManagementCommittee => ("物业管理委员会", "property-management committee"),
    }
}

/// The distinct attendees of `m` who are in `members`.
fn attending(m: &Meeting, members: &HashSet<&PersonId>) -> usize {
    m.attendees.iter().filter(|p| members.contains(p)).collect::<HashSet<_>>().len()
}

fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// MT001: a major matter approved by the owners' committee names the branch meeting that
/// deliberated it first (支部先议, R151: major matters are first discussed by the party
/// organisation and submitted to the committee after consensus).
///
/// The prior meeting must be a `party_branch` meeting of this compound dated **on or before**
/// the committee meeting. Same day passes: documents carry dates, not times, so a branch
/// meeting in the morning and a committee meeting in the afternoon cannot be told from the
/// reverse, and a finding needs evidence. R151 does not list the "major matters"; the document
/// marks them (`major`). A rejected or deferred matter was not carried, so it needs no prior
/// deliberation. A `prior_deliberation` naming no meeting of the compound is `CFG001`'s. A
/// compound without a party branch has nobody to deliberate first: the rule is silent and the
/// ORG family reports the missing branch.
fn branch_deliberates_first(ctx: &mut Ctx<'_>, at: &At<'_>, mi: usize, m: &Meeting) {
    if !ctx.on(RuleCode::Mt001) || m.body != MeetingBody::OwnersCommittee || at.branch.is_none() {
        return;
    }
    let ci = at.ci;
    for (xi, x) in m.matters.iter().enumerate() {
        if !x.major || x.decision != Decision::Approved {
            continue;
        }
        let subject = format!("{}/{}", m.id, x.id);
        let f = match &x.prior_deliberation {
            None => at.finding(RuleCode::Mt001, subject, doc_path!(compounds[ci].meetings[mi].matters[xi])).message(
                format!("业主委员会会议 `{}` 通过的重大事项 `{}` 未注明事先讨论的党支部会议", m.id, x.id),
                format!(
                    "major matter `{}` approved by committee meeting `{}` names no prior branch deliberation",
                    x.id, m.id
                ),
            ),
            Some(prior_id) => {
                let Some(prior) = at.c.meetings.iter().find(|p| p.id == *prior_id) else { continue };
                let path = doc_path!(compounds[ci].meetings[mi].matters[xi].prior_deliberation);
                if prior.body != MeetingBody::PartyBranch {
                    let (zh, en) = body_names(prior.body);
                    at.finding(RuleCode::Mt001, subject, path)
                        .message(
                            format!(
                                "重大事项 `{}/{}` 注明的事先讨论会议 `{prior_id}` 是{zh}会议，不是党支部会议",
                                m.id, x.id
                            ),
                            format!(
                                "major matter `{}/{}` names `{prior_id}` as its prior deliberation, a {en} meeting, not a party branch meeting",
                                m.id, x.id
                            ),
                        )
                        .fact("prior_body", prior.body.as_str())
                } else if prior.date > m.date {
                    at.finding(RuleCode::Mt001, subject, path)
                        .message(
                            format!(
                                "重大事项 `{}/{}` 的党支部会议 `{prior_id}`（{}）晚于业主委员会会议（{}）",
                                m.id, x.id, prior.date, m.date
                            ),
                            format!(
                                "major matter `{}/{}`: branch meeting `{prior_id}` ({}) came after the committee meeting ({})",
                                m.id, x.id, prior.date, m.date
                            ),
                        )
                        .fact("prior_date", prior.date)
                } else {
                    continue;
                }
            }
        };
        ctx.emit(
            f.help(
                "重大事项先经小区党支部会议讨论形成共识，再提交业主委员会决定",
                "have the party branch discuss a major matter first, then submit it to the committee",
            )
            .fact("meeting_date", m.date),
        );
    }
}

/// MT002: a branch or committee meeting that decides a major matter has, among its observers
/// (列席), a member of the other body: a seated committee member at a branch meeting, a branch
/// member at a committee meeting (双列席).
///
/// The sources verify one direction only (NB Art 33: the community party organisation may
/// send someone to committee meetings); reciprocal attendance is practice (domain-rules.md §14),
/// hence a warning. Only observers count: an attendee votes in their own body's capacity. When
/// the other body is not recorded (no branch, or a committee without seated members) nobody
/// could observe, and ORG/CM report the missing body; the rule is silent then.
fn mutual_attendance(ctx: &mut Ctx<'_>, at: &At<'_>, mi: usize, m: &Meeting) {
    if !ctx.on(RuleCode::Mt002) {
        return;
    }
    let Some(major) = m.matters.iter().find(|x| x.major && decided(x)) else { return };
    let (other, other_zh, other_en) = match m.body {
        MeetingBody::PartyBranch => (at.committee.as_ref(), "业主委员会委员", "seated member of the owners' committee"),
        MeetingBody::OwnersCommittee => (at.branch.as_ref(), "党支部党员", "member of the party branch"),
        _ => return,
    };
    let Some(other) = other.filter(|o| !o.is_empty()) else { return };
    if m.observers.iter().any(|p| other.contains(p)) {
        return;
    }
    let (zh, en) = body_names(m.body);
    let ci = at.ci;
    ctx.emit(
        at.finding(RuleCode::Mt002, m.id.to_string(), doc_path!(compounds[ci].meetings[mi].observers))
            .message(
                format!("{zh}会议 `{}` 决定重大事项 `{}`，但没有{other_zh}列席", m.id, major.id),
                format!("{en} meeting `{}` decided major matter `{}` with no {other_en} observing", m.id, major.id),
            )
            .help(
                "党支部会议邀请业主委员会委员列席，业主委员会会议邀请党支部党员列席",
                "invite a committee member to branch meetings and a branch member to committee meetings",
            )
            .fact("observers", m.observers.len())
            .fact("body", m.body.as_str()),
    );
}

/// MT004: a joint meeting (三方联动) has at least one attendee from each of the three parties:
/// the branch, the owners' committee (seated members) and the property company (employed by
/// `property_service.company` on the meeting's date). A party the compound does not have
/// (no branch, no committee, no property service) cannot be present: a meeting of fewer than
/// three parties is not the three-party meeting, so it is reported with the missing party.
fn joint_meeting_parties(ctx: &mut Ctx<'_>, at: &At<'_>, mi: usize, m: &Meeting) {
    if !ctx.on(RuleCode::Mt004) || m.body != MeetingBody::Joint {
        return;
    }
    let present = |body: Option<&HashSet<&PersonId>>| body.is_some_and(|b| m.attendees.iter().any(|p| b.contains(p)));
    let company = at.c.property_service.as_ref().map(|ps| &ps.company);
    let employed = company.is_some_and(|org| {
        m.attendees.iter().any(|p| {
            property_company_ties(ctx.index, p, org, m.date).iter().any(|t| t.relation == TieRelation::Oneself)
        })
    });
    let missing: Vec<(&str, &str)> = [
        (present(at.branch.as_ref()), ("党支部", "party_branch")),
        (present(at.committee.as_ref()), ("业主委员会", "owners_committee")),
        (employed, ("物业服务企业", "property_company")),
    ]
    .into_iter()
    .filter_map(|(ok, names)| (!ok).then_some(names))
    .collect();
    if missing.is_empty() {
        return;
    }
    let zh = missing.iter().map(|(z, _)| *z).collect::<Vec<_>>().join("、");
    let en = missing.iter().map(|(_, e)| *e).collect::<Vec<_>>().join(", ");
    let ci = at.ci;
    ctx.emit(
        at.finding(RuleCode::Mt004, m.id.to_string(), doc_path!(compounds[ci].meetings[mi].attendees))
            .message(
                format!("三方联席会议 `{}`（{}）没有{zh}的人员出席", m.id, m.date),
                format!("joint meeting `{}` ({}) has no attendee from: {en}", m.id, m.date),
            )
            .help(
                "三方联席会议由党支部、业主委员会和物业服务企业各派人员出席",
                "the branch, the owners' committee and the property company each send someone to a joint meeting",
            )
            .fact("missing", en)
            .fact("attendees", m.attendees.len()),
    );
}

/// MT005: more than half of the committee's members attend a committee meeting (GR Art 38:
/// 过半数出席; strictly more, Art 1259). Only seated members listed as attendees count, each
/// once: alternates, observers and other attendees do not. Which meetings are counted: see
/// [`At::counted_committee`].
fn committee_quorum(ctx: &mut Ctx<'_>, at: &At<'_>, mi: usize, m: &Meeting) {
    if !ctx.on(RuleCode::Mt005) {
        return;
    }
    let Some((_, members)) = at.counted_committee(m) else { return };
    let quorum = ctx.policy.params().committee_quorum;
    let (present, whole) = (attending(m, members), members.len());
    if quorum.met_by(to_u64(present), to_u64(whole)) {
        return;
    }
    let ci = at.ci;
    ctx.emit(
        at.finding(RuleCode::Mt005, m.id.to_string(), doc_path!(compounds[ci].meetings[mi].attendees))
            .message(
                format!("业主委员会会议 `{}` 出席委员 {present} 人，全体委员 {whole} 人，未达到 {quorum}", m.id),
                format!("committee meeting `{}` was attended by {present} of {whole} members; {quorum} required", m.id),
            )
            .help(
                "业主委员会会议应有过半数委员出席，委员不得委托他人出席",
                "more than half of the members must attend in person; no proxies",
            )
            .fact("attending_members", present)
            .fact("members", whole)
            .fact("required_share", quorum.to_string()),
    );
}

/// MT006: an approved committee matter with a recorded `votes_for` has at least half of *all*
/// members (GR Art 38: 半数以上 of the committee's members, not of those present; at least, Art
/// 1259). Local presets tighten it to more than half (R081). Without `votes_for` there is
/// nothing to count, and a rejected or deferred matter needs no majority.
fn committee_decision_majority(ctx: &mut Ctx<'_>, at: &At<'_>, mi: usize, m: &Meeting) {
    if !ctx.on(RuleCode::Mt006) {
        return;
    }
    let Some((_, members)) = at.counted_committee(m) else { return };
    let share = ctx.policy.params().committee_decision_share;
    let whole = members.len();
    let ci = at.ci;
    for (xi, x) in m.matters.iter().enumerate() {
        let Some(votes) = x.votes_for.filter(|_| x.decision == Decision::Approved) else { continue };
        if share.met_by(u64::from(votes), to_u64(whole)) {
            continue;
        }
        ctx.emit(
            at.finding(
                RuleCode::Mt006,
                format!("{}/{}", m.id, x.id),
                doc_path!(compounds[ci].meetings[mi].matters[xi].votes_for),
            )
            .message(
                format!(
                    "业主委员会会议 `{}` 通过事项 `{}` 的同意票 {votes} 票，全体委员 {whole} 人，未达到 {share}",
                    m.id, x.id
                ),
                format!(
                    "committee meeting `{}` approved `{}` with {votes} votes of {whole} members; {share} of all members required",
                    m.id, x.id
                ),
            )
            .help(
                "业主委员会的决定应经全体委员半数以上同意（以全体委员而非出席委员计）",
                "a committee decision needs at least half of all members (not of those present)",
            )
            .fact("votes_for", votes)
            .fact("members", whole)
            .fact("required_share", share.to_string()),
        );
    }
}

/// MT007: a committee meeting's decisions are published within `decision_publish_days` days
/// (GR Art 39: 自作出决定之日起3日内; the meeting's day is not counted, the last day is, see
/// [`dates::within_days`]). A meeting that decided nothing (no matter, or only deferred ones)
/// has nothing to publish. Unpublished minutes are reported once the last day has passed
/// (`as_of` after it); before that they are not late yet. A publication dated before the
/// meeting is not within the period either and is reported too (CFG003 does not order these
/// two dates).
fn minutes_published(ctx: &mut Ctx<'_>, at: &At<'_>, mi: usize, m: &Meeting) {
    if !ctx.on(RuleCode::Mt007) || m.body != MeetingBody::OwnersCommittee || !m.matters.iter().any(decided) {
        return;
    }
    let days = ctx.policy.params().decision_publish_days;
    let Some(deadline) = dates::deadline_days(m.date, days) else { return };
    let (zh, en) = match m.minutes_published_on {
        Some(on) if dates::within_days(m.date, on, days) => return,
        Some(on) if on < m.date => (
            format!("业主委员会会议 `{}`（{}）的决定公告日期 {on} 早于会议日期", m.id, m.date),
            format!(
                "committee meeting `{}` ({}) has its decisions published on {on}, before the meeting",
                m.id, m.date
            ),
        ),
        Some(on) => (
            format!("业主委员会会议 `{}`（{}）的决定于 {on} 公告，超过 {days} 日（应不晚于 {deadline}）", m.id, m.date),
            format!(
                "committee meeting `{}` ({}) published its decisions on {on}, later than {days} days (by {deadline})",
                m.id, m.date
            ),
        ),
        None if deadline < ctx.cfg.as_of => (
            format!("业主委员会会议 `{}`（{}）的决定未公告，公告期限 {deadline} 已过", m.id, m.date),
            format!("committee meeting `{}` ({}) has no published decisions; due by {deadline}", m.id, m.date),
        ),
        None => return,
    };
    let ci = at.ci;
    let mut f = at
        .finding(RuleCode::Mt007, m.id.to_string(), doc_path!(compounds[ci].meetings[mi].minutes_published_on))
        .message(zh, en)
        .help(
            "业主委员会会议的决定经参会委员签字后，自作出之日起 3 日内在物业管理区域内公告",
            "publish the decisions, signed by the attending members, in the compound within 3 days",
        )
        .fact("meeting_date", m.date)
        .fact("deadline", deadline)
        .fact("days", days);
    if let Some(on) = m.minutes_published_on {
        f = f.fact("published_on", on);
    }
    ctx.emit(f);
}

/// The first day of the month of `d`.
fn month_start(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)
}

/// MT003: in each of the last `joint_meeting_lookback_months` full calendar months before
/// `as_of` (the month of `as_of` is not full and not checked), a joint meeting was held in that
/// month or in the `joint_meeting_every_months − 1` months before it.
///
/// So with the default of every month, each month of the window needs its own joint meeting
/// (a meeting on a month's last day counts for that month); with every 2 months, each month
/// of the window needs one in it or in the month before, which is "no two consecutive months
/// without a joint meeting" and may look back before the window. An interval of 0 months is
/// read as one month. The sources set no frequency (R155: "每月" is the seed's figure, **not found**), so the
/// defaults are this crate's practice reading.
///
/// The rule needs the three parties: it is silent for a compound without a branch, a committee
/// or a property service. A month is required only when its interval began on or after both
/// the committee's election and the property-service contract's start (a committee elected on
/// 10 July owes no joint meeting for July). A joint meeting lacking a party still counts here:
/// that is MT004's finding.
fn joint_meeting_cadence(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Mt003) {
        return;
    }
    let (Some(_), Some(oc), Some(ps)) = (&at.c.party_branch, &at.c.owners_committee, &at.c.property_service) else {
        return;
    };
    let p = ctx.policy.params();
    let (lookback, every) = (p.joint_meeting_lookback_months, p.joint_meeting_every_months.max(1));
    let Some(current) = month_start(ctx.cfg.as_of) else { return };
    let parties_from = oc.elected_on.max(ps.contract.from);
    let joint: Vec<NaiveDate> = at.c.meetings.iter().filter(|m| m.body == MeetingBody::Joint).map(|m| m.date).collect();
    let mut uncovered: Vec<String> = Vec::new();
    // Oldest month first in the list; a window reaching past the calendar stops there.
    for k in 1..=lookback {
        let Some(month) = dates::sub_months(current, k) else { break };
        let (Some(from), Some(next)) = (dates::sub_months(month, every - 1), dates::add_months(month, 1)) else {
            continue;
        };
        if from < parties_from {
            break; // older months began earlier still
        }
        if !joint.iter().any(|d| from <= *d && *d < next) {
            uncovered.push(month.format("%Y-%m").to_string());
        }
    }
    uncovered.reverse();
    if uncovered.is_empty() {
        return;
    }
    let list = uncovered.join(", ");
    let ci = at.ci;
    ctx.emit(
        at.finding(RuleCode::Mt003, at.c.id.to_string(), doc_path!(compounds[ci].meetings))
            .message(
                format!(
                    "小区 `{}` 在 {list} 未按每 {every} 个月至少一次召开三方联席会议（核查 as_of 前 {lookback} 个整月）",
                    at.c.id
                ),
                format!(
                    "compound `{}` held no joint meeting at least every {every} month(s) for {list} (last {lookback} full months checked)",
                    at.c.id
                ),
            )
            .help(
                "小区党支部、业主委员会和物业服务企业定期召开三方联席会议",
                "hold joint meetings of the branch, the committee and the property company regularly",
            )
            .fact("months_without", list)
            .fact("uncovered_months", uncovered.len())
            .fact("lookback_months", lookback)
            .fact("every_months", every),
    );
}

/// MT008: when `committee_meeting_every_months` is set (BJ Art 45, SH Art 26: at least once
/// every two months), the committee meets at least that often: from its election to `as_of`
/// (or the term's last day, if earlier), no two consecutive committee meetings, and neither the
/// election and the first meeting nor the last meeting and the end, are further apart than
/// that many months (the bound included: 15 March then 15 May is every two months). The
/// committee's `first_meeting_on` counts as a meeting. One finding per gap. Local: off in
/// `national` and `default`; a city preset sets the interval.
fn committee_meeting_frequency(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let Some(every) = ctx.policy.params().committee_meeting_every_months.filter(|_| ctx.on(RuleCode::Mt008)) else {
        return;
    };
    let Some(oc) = at.c.owners_committee.as_ref().filter(|oc| oc.kind == CommitteeKind::OwnersCommittee) else {
        return;
    };
    let end = ctx.cfg.as_of.min(oc.term_end);
    let mut held: Vec<(NaiveDate, Option<usize>)> =
        at.c.meetings
            .iter()
            .enumerate()
            .filter(|(_, m)| m.body == MeetingBody::OwnersCommittee && oc.elected_on <= m.date && m.date <= end)
            .map(|(mi, m)| (m.date, Some(mi)))
            .collect();
    held.extend(oc.first_meeting_on.filter(|d| oc.elected_on <= *d && *d <= end).map(|d| (d, None)));
    held.sort_unstable();
    held.dedup_by_key(|(d, _)| *d);
    let mut prev = oc.elected_on;
    let stops = held.iter().map(|(d, mi)| (*d, *mi, true)).chain(std::iter::once((end, None, false)));
    let ci = at.ci;
    let mut found = Vec::new();
    for (date, mi, is_meeting) in stops {
        let Some(limit) = dates::add_months(prev, every) else { break };
        if date > limit {
            let path = match mi {
                Some(mi) => doc_path!(compounds[ci].meetings[mi].date),
                None if is_meeting => doc_path!(compounds[ci].owners_committee.first_meeting_on),
                None => doc_path!(compounds[ci].meetings),
            };
            let (zh, en) = if is_meeting {
                (format!("下一次会议在 {date}"), format!("the next meeting was on {date}"))
            } else {
                (format!("至 {date} 没有再开会"), format!("none since, as of {date}"))
            };
            found.push(
                at.finding(RuleCode::Mt008, at.c.id.to_string(), path)
                    .message(
                        format!("小区 `{}` 的业主委员会自 {prev} 起超过 {every} 个月未开会：{zh}", at.c.id),
                        format!(
                            "the owners' committee of `{}` went more than {every} months without a meeting after {prev}: {en}",
                            at.c.id
                        ),
                    )
                    .help("业主委员会按规定定期召开会议", "hold committee meetings at the required interval")
                    .fact("from", prev)
                    .fact("to", date)
                    .fact("every_months", every),
            );
        }
        prev = date;
    }
    for f in found {
        ctx.emit(f);
    }
}
