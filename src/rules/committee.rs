//! CM: the owners' committee (业主委员会), its composition and its lifecycle: size, members
//! who own, officers, term, re-election, first meeting, filing, collapse and election.
//!
//! Every decision goes through [`crate::queries::committee`], so a query and a finding agree.
//!
//! Scope: the family checks a committee of kind `owners_committee`. The interim property-
//! management committee (物业管理委员会) and the self-management council (自管会) are formed under
//! other rules (domain-rules.md R158–R162: non-owner members, a residents'-committee chair, their
//! own terms), which GR Art 31–33 and PMR Art 16 do not govern; they are skipped here.
//!
//! One fault, one finding: a committee member whose person id does not resolve is reported by
//! `CFG001` only, and a first meeting or filing dated before the election by `CFG003` only.

use foldhash::{HashSet, HashSetExt};

use super::{Ctx, Finding, RuleMeta};
use crate::model::{Area, CommitteeKind, CommitteeRole, Compound, OwnersCommittee, PersonId};
use crate::policy::Range;
use crate::queries::committee::{self as q, TermLength, Timeliness};
use crate::report::{Basis, RuleCode, Severity, doc_path};

const GR_31: &str = "业主大会和业主委员会指导规则 第三十一条";
const GR_32: &str = "业主大会和业主委员会指导规则 第三十二条";

/// The CM rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Cm001,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_31,
        sources: "R066, R077, R079",
        summary_zh: "业主委员会委员 5 至 11 人单数（候补委员不计）",
        summary_en: "the committee has 5 to 11 members, an odd number (alternates not counted)",
        params: &[
            "committee_size",
            "committee_size_odd",
            "committee_size_small",
            "small_compound_max_households",
            "small_compound_max_area",
        ],
    },
    RuleMeta {
        code: RuleCode::Cm002,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_31,
        sources: "R066, R089",
        summary_zh: "每名委员（含候补委员）是本小区业主",
        summary_en: "every member, alternates included, owns a unit in the compound",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cm003,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "物业管理条例 第十六条；业主大会和业主委员会指导规则 第三十二条",
        sources: "R040, R068",
        summary_zh: "主任恰有一名，副主任不限，主任、副主任从委员中产生",
        summary_en: "exactly one chair, any number of vice chairs, officers are members",
        params: &["first_meeting_days"],
    },
    RuleMeta {
        code: RuleCode::Cm004,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_32,
        sources: "R067, R078",
        summary_zh: "每届任期不超过 term_max_years 年（设定时不少于 term_min_years 年）",
        summary_en: "a term is at most `term_max_years` years (and at least `term_min_years` when set)",
        params: &["term_max_years", "term_min_years"],
    },
    RuleMeta {
        code: RuleCode::Cm005,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_32,
        sources: "R067, R101",
        summary_zh: "任期未届满，或已有换届选举记录",
        summary_en: "the term has not expired, unless a re-election is recorded",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cm006,
        severity: Severity::Warning,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "业主大会和业主委员会指导规则（换届，条号未核实）",
        sources: "R101",
        summary_zh: "任期届满前 reelection_lead_months 个月内已有换届选举",
        summary_en: "a re-election exists once the term is within `reelection_lead_months` months of its end",
        params: &["reelection_lead_months"],
    },
    RuleMeta {
        code: RuleCode::Cm007,
        severity: Severity::Warning,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_32,
        sources: "R068",
        summary_zh: "选举产生之日起 first_meeting_days 日内召开首次会议",
        summary_en: "the first meeting is held within `first_meeting_days` days of the election",
        params: &["first_meeting_days"],
    },
    RuleMeta {
        code: RuleCode::Cm008,
        severity: Severity::Warning,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "物业管理条例 第十六条；业主大会和业主委员会指导规则 第三十三条",
        sources: "R040, R069",
        summary_zh: "选举产生之日起 filing_days 日内备案",
        summary_en: "the committee is filed within `filing_days` days of the election",
        params: &["filing_days"],
    },
    RuleMeta {
        code: RuleCode::Cm009,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "业主大会和业主委员会指导规则（委员人数不足半数，条号未核实）",
        sources: "R100, R157",
        summary_zh: "委员（候补委员不计）不少于选举席位的 committee_min_share，否则应全面改选",
        summary_en: "members (alternates not counted) are at least `committee_min_share` of the seats; otherwise a full re-election is due",
        params: &["committee_min_share"],
    },
    RuleMeta {
        code: RuleCode::Cm010,
        severity: Severity::Warning,
        basis: Basis::Lib,
        on_by_default: true,
        citation: "业主大会和业主委员会指导规则 第三十一条（业主委员会由业主大会会议选举产生）",
        sources: "R066",
        summary_zh: "委员是选出本届业主委员会的选举（或其后补选）的候选人",
        summary_en: "members are candidates of the election that elected the committee (or of a later by-election)",
        params: &[],
    },
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    for (ci, c) in ctx.compounds() {
        let Some(oc) = c.owners_committee.as_ref().filter(|oc| oc.kind == CommitteeKind::OwnersCommittee) else {
            continue;
        };
        let at = At { ci, c, oc };
        committee_size(ctx, &at);
        members_are_owners(ctx, &at);
        officers(ctx, &at);
        term_length(ctx, &at);
        term_not_expired(ctx, &at);
        reelection_started(ctx, &at);
        first_meeting_timely(ctx, &at);
        filing_timely(ctx, &at);
        not_collapsed(ctx, &at);
        members_elected(ctx, &at);
    }
}

/// The committee being checked and where it sits in the document.
struct At<'a> {
    ci: usize,
    c: &'a Compound,
    oc: &'a OwnersCommittee,
}

impl At<'_> {
    /// A committee-level finding: the subject is the compound.
    fn finding(&self, code: RuleCode, path: crate::report::Path) -> Finding {
        Finding::new(code, self.c.id.to_string(), path).compound(Some(&self.c.id))
    }

    /// The members' entries to check one by one, each person once, skipping ids that do not
    /// resolve (`CFG001` reports those).
    fn distinct_known_members<'b>(&'b self, ctx: &'b Ctx<'_>) -> impl Iterator<Item = (usize, &'b PersonId)> + 'b {
        let mut seen: HashSet<&PersonId> = HashSet::new();
        self.oc
            .members
            .iter()
            .enumerate()
            .filter(move |(_, m)| seen.insert(&m.person))
            .filter(|(_, m)| ctx.index.person(m.person.as_str()).is_some())
            .map(|(i, m)| (i, &m.person))
    }
}

/// The Chinese name of a committee role.
fn role_zh(role: CommitteeRole) -> &'static str {
    match role {
        CommitteeRole::Chair => "主任",
        CommitteeRole::ViceChair => "副主任",
        CommitteeRole::Member => "委员",
        CommitteeRole::Alternate => "候补委员",
        CommitteeRole::ExecutiveMember => "执行成员",
    }
}

/// CM001: 5 to 11 members, an odd number (GR Art 31).
///
/// GR Art 31 counts the committee's members (委员) and says nothing of alternates (候补委员), which
/// exist only in local rules (BJ Art 39, HZ Art 28, SX Art 18; R079) beside the members and
/// without a vote. So alternates do not count toward the size: five members and two alternates
/// pass, four members and one alternate fail. A person listed twice counts once.
///
/// City presets add the small-compound exception: 3 members in a compound of at most 100
/// households (BJ Art 39, HZ Art 27) or of at most 10,000 m² (SH Art 20), see
/// `Params::small_committee_size`; the size must still be odd when `committee_size_odd`.
fn committee_size(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Cm001) {
        return;
    }
    let p = ctx.policy.params();
    let (range, odd) = (p.committee_size, p.committee_size_odd);
    let area = Area::checked_sum(at.c.units.iter().map(|u| u.area));
    let small = p.small_committee_size(at.c.units.len(), area);
    let n = q::voting_members(at.oc).count();
    let n64 = u64::try_from(n).unwrap_or(u64::MAX);
    let in_range = range.contains(n64) || small.is_some_and(|s| s.contains(n64));
    let parity_ok = !odd || n % 2 == 1;
    if in_range && parity_ok {
        return;
    }
    let (zh_need, en_need) = if odd { ("单数", ", an odd number") } else { ("", "") };
    let (zh_small, en_small) = small.map_or((String::new(), String::new()), |s| {
        (format!("（小型小区也可为 {}）", size_zh(s)), format!(" (or {} in a small compound)", size_en(s)))
    });
    let ci = at.ci;
    let mut f = at
        .finding(RuleCode::Cm001, doc_path!(compounds[ci].owners_committee.members))
        .message(
            format!(
                "小区 `{}` 的业主委员会有委员 {n} 人（候补委员不计），应为 {}{zh_need}{zh_small}",
                at.c.id,
                size_zh(range)
            ),
            format!(
                "the owners' committee of `{}` has {n} members (alternates not counted); {}{en_need} required{en_small}",
                at.c.id,
                size_en(range)
            ),
        )
        .help(
            "按议事规则补选或调整委员人数",
            "hold a by-election or adjust the number of seats under the rules of procedure",
        )
        .fact("members", n)
        .fact("alternates", q::alternates(at.oc).count())
        .fact("min", range.min)
        .fact("max", range.max)
        .fact("odd_required", odd);
    if let Some(s) = small {
        f = f.fact("small_compound_min", s.min).fact("small_compound_max", s.max);
    }
    ctx.emit(f);
}

/// A committee size in Chinese: `5–11 人`, `3 人`, or `5 人以上` when there is no maximum.
fn size_zh(r: Range) -> String {
    match r.max {
        u32::MAX => format!("{} 人以上", r.min),
        max if max == r.min => format!("{max} 人"),
        max => format!("{}–{max} 人", r.min),
    }
}

/// A committee size in English: `5..=11`, `3`, or `at least 5` when there is no maximum.
fn size_en(r: Range) -> String {
    match r.max {
        u32::MAX => format!("at least {}", r.min),
        max if max == r.min => max.to_string(),
        _ => r.to_string(),
    }
}

/// CM002: every member, alternates included, owns a unit in the compound (GR Art 31: members
/// are owners of the property-management area). One finding per person.
///
/// While a unit of the compound lists an owner id that does not resolve, who owns what is not
/// known (the dangling id may be a member's, misspelt): `CFG001` reports it and CM002 waits
/// for the fix rather than guess.
fn members_are_owners(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Cm002) {
        return;
    }
    let index = ctx.index;
    if !index.owners_known(at.c) {
        return;
    }
    let ci = at.ci;
    let mut found = Vec::new();
    for (i, person) in at.distinct_known_members(ctx) {
        if index.owns_unit(at.c, person.as_str()) {
            continue;
        }
        let role = at.oc.members.get(i).map_or(CommitteeRole::Member, |m| m.role);
        found.push(
            Finding::new(
                RuleCode::Cm002,
                person.to_string(),
                doc_path!(compounds[ci].owners_committee.members[i].person),
            )
            .compound(Some(&at.c.id))
            .message(
                format!("业主委员会{} `{person}` 不是小区 `{}` 的业主", role_zh(role), at.c.id),
                format!("committee member `{person}` ({role}) owns no unit in compound `{}`", at.c.id),
            )
            .help(
                "委员和候补委员须为本物业管理区域内的业主",
                "members and alternates must be owners in the property-management area",
            )
            .fact("role", role.as_str()),
        );
    }
    for f in found {
        ctx.emit(f);
    }
}

/// CM003: exactly one chair, any number of vice chairs, and the officers are members (PMR Art
/// 16: chair and vice chairs are chosen from among the members).
///
/// The first meeting chooses the officers (GR Art 32 para 2), so a committee whose first
/// meeting is not recorded and not yet due (see `CM007`) may have no chair. An officer who is
/// also listed as an alternate is not a member in the count (see `CM001`): that is a finding.
fn officers(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Cm003) {
        return;
    }
    let ci = at.ci;
    let chairs: Vec<&PersonId> = q::holders(at.oc, CommitteeRole::Chair).collect();
    let before_first_meeting =
        matches!(q::first_meeting_status(at.oc, ctx.cfg.as_of, ctx.policy.params()), Timeliness::Pending { .. });
    let mut found = Vec::new();
    if chairs.len() != 1 && !(chairs.is_empty() && before_first_meeting) {
        let names = chairs.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ");
        let (zh, en) = if chairs.is_empty() {
            ("没有主任".to_owned(), "has no chair".to_owned())
        } else {
            (format!("有 {} 名主任：{names}", chairs.len()), format!("has {} chairs: {names}", chairs.len()))
        };
        found.push(
            at.finding(RuleCode::Cm003, doc_path!(compounds[ci].owners_committee.members))
                .message(
                    format!("小区 `{}` 的业主委员会{zh}，应恰有一名", at.c.id),
                    format!("the owners' committee of `{}` {en}; exactly one required", at.c.id),
                )
                .help(
                    "由业主委员会首次会议从委员中推选一名主任",
                    "the committee's first meeting chooses one chair from among the members",
                )
                .fact("chairs", chairs.len()),
        );
    }
    let alternates: HashSet<&PersonId> = q::alternates(at.oc).map(|m| &m.person).collect();
    let mut seen: HashSet<&PersonId> = HashSet::new();
    for (i, m) in at.oc.members.iter().enumerate() {
        let officer = matches!(m.role, CommitteeRole::Chair | CommitteeRole::ViceChair);
        if !officer || !alternates.contains(&m.person) || !seen.insert(&m.person) {
            continue;
        }
        let (person, role) = (&m.person, m.role);
        found.push(
            at.finding(RuleCode::Cm003, doc_path!(compounds[ci].owners_committee.members[i]))
                .message(
                    format!("`{person}` 任{}，但同时列为候补委员，不是委员", role_zh(role)),
                    format!("`{person}` is {role} but is also listed as an alternate, not a member"),
                )
                .help("主任、副主任须从委员中推选", "the chair and vice chairs must be chosen from among the members")
                .fact("person", person.as_str())
                .fact("role", role.as_str()),
        );
    }
    for f in found {
        ctx.emit(f);
    }
}

/// CM004: the term is at most `term_max_years` (GR Art 32 para 1: each term ≤ 5 years) and, when
/// a city sets `term_min_years` (SH Art 20, HZ Art 33: 3–5 years), at least that. Measured
/// with [`crate::dates::term_last_day`]: a 5-year term from 2024-06-15 ends on 2029-06-14 at
/// the latest.
fn term_length(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Cm004) {
        return;
    }
    let p = ctx.policy.params();
    let (elected_on, term_end, ci) = (at.oc.elected_on, at.oc.term_end, at.ci);
    let (zh, en, bound_key, bound, years_key, years) = match q::term_length(at.oc, p) {
        TermLength::TooLong { latest } => (
            format!("超过 {} 年，最晚应于 {latest} 届满", p.term_max_years),
            format!("is longer than {} years; it must end by {latest}", p.term_max_years),
            "latest_end",
            latest,
            "term_max_years",
            p.term_max_years,
        ),
        TermLength::TooShort { earliest } => {
            let min = p.term_min_years.unwrap_or_default();
            (
                format!("不满 {min} 年，最早应于 {earliest} 届满"),
                format!("is shorter than {min} years; it must end on {earliest} or later"),
                "earliest_end",
                earliest,
                "term_min_years",
                min,
            )
        }
        TermLength::Allowed => return,
    };
    let f = at
        .finding(RuleCode::Cm004, doc_path!(compounds[ci].owners_committee.term_end))
        .message(
            format!("小区 `{}` 的业主委员会任期 {elected_on} 至 {term_end} {zh}", at.c.id),
            format!("the owners' committee term of `{}` from {elected_on} to {term_end} {en}", at.c.id),
        )
        .fact("elected_on", elected_on)
        .fact("term_end", term_end)
        .fact(bound_key, bound)
        .fact(years_key, years);
    ctx.emit(f);
}

/// CM005: the term has not expired on `as_of` (the last day itself still counts), unless a
/// re-election is recorded: an election of kind `re_election` whose assembly vote opened after
/// `elected_on` ([`q::recorded_reelection`]).
fn term_not_expired(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Cm005) {
        return;
    }
    let as_of = ctx.cfg.as_of;
    let status = q::term_status(at.oc, as_of, ctx.policy.params());
    if !status.expired || q::recorded_reelection(at.c).is_some() {
        return;
    }
    let ci = at.ci;
    let term_end = at.oc.term_end;
    let f = at
        .finding(RuleCode::Cm005, doc_path!(compounds[ci].owners_committee.term_end))
        .message(
            format!("小区 `{}` 的业主委员会任期已于 {term_end} 届满（审计日期 {as_of}），且无换届选举记录", at.c.id),
            format!("the owners' committee term of `{}` ended on {term_end} (audit date {as_of}) and no re-election is recorded", at.c.id),
        )
        .help("组织换届选举，或记录已举行的换届选举", "organise the re-election, or record the one held")
        .fact("term_end", term_end)
        .fact("as_of", as_of)
        .fact("days_overdue", status.days_left.saturating_neg());
    ctx.emit(f);
}

/// CM006: from `reelection_lead_months` months before `term_end` (via
/// [`crate::dates::sub_months`]) up to `term_end`, a re-election must be recorded. After
/// `term_end` the missing re-election is `CM005`'s error, so it is not reported twice.
///
/// The national 3-month lead is known only from local reproductions of GR (R101, article no.
/// not verified); cities set longer leads (BJ 6, SH 5 months).
fn reelection_started(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Cm006) {
        return;
    }
    let as_of = ctx.cfg.as_of;
    let lead = ctx.policy.params().reelection_lead_months;
    let status = q::term_status(at.oc, as_of, ctx.policy.params());
    if !status.reelection_due || status.expired || q::recorded_reelection(at.c).is_some() {
        return;
    }
    let ci = at.ci;
    let term_end = at.oc.term_end;
    let mut f = at
        .finding(RuleCode::Cm006, doc_path!(compounds[ci].owners_committee.term_end))
        .message(
            format!("小区 `{}` 的业主委员会任期将于 {term_end} 届满（剩 {} 日），届满前 {lead} 个月内尚无换届选举记录", at.c.id, status.days_left),
            format!("the owners' committee term of `{}` ends on {term_end} ({} days left) and no re-election is recorded within {lead} months of the end", at.c.id, status.days_left),
        )
        .help("报告街道办事处、乡镇人民政府并启动换届", "report to the street office and start the re-election")
        .fact("term_end", term_end)
        .fact("as_of", as_of)
        .fact("days_left", status.days_left)
        .fact("reelection_lead_months", lead);
    if let Some(from) = status.reelection_from {
        f = f.fact("due_from", from);
    }
    ctx.emit(f);
}

/// Which dated step after the election a timeliness rule checks.
#[derive(Clone, Copy)]
enum Step {
    FirstMeeting,
    Filing,
}

/// CM007 (first meeting within `first_meeting_days`, GR Art 32 para 2) and CM008 (filing within
/// `filing_days`, PMR Art 16, GR Art 33): days counted after the election, the last day
/// included ([`crate::dates::within_days`]). A step not recorded is a finding once its last day
/// has passed on `as_of`, not before.
fn timely(ctx: &mut Ctx<'_>, at: &At<'_>, step: Step) {
    let (code, field, days, (zh_step, en_step)) = match step {
        Step::FirstMeeting => {
            (RuleCode::Cm007, "first_meeting_on", ctx.policy.params().first_meeting_days, ("首次会议", "first meeting"))
        }
        Step::Filing => (RuleCode::Cm008, "filed_on", ctx.policy.params().filing_days, ("备案", "filing")),
    };
    if !ctx.on(code) {
        return;
    }
    let (as_of, elected_on, ci) = (ctx.cfg.as_of, at.oc.elected_on, at.ci);
    let status = match step {
        Step::FirstMeeting => q::first_meeting_status(at.oc, as_of, ctx.policy.params()),
        Step::Filing => q::filing_status(at.oc, as_of, ctx.policy.params()),
    };
    let path = doc_path!(compounds[ci].owners_committee).key(field);
    let f = match status {
        Timeliness::Late { on, last_day } => {
            let late = on.signed_duration_since(last_day).num_days();
            at.finding(code, path)
                .message(
                    format!("小区 `{}` 的业主委员会于 {elected_on} 选举产生，{zh_step}在 {on}，超过 {days} 日期限（最迟 {last_day}）{late} 日", at.c.id),
                    format!("the owners' committee of `{}` was elected on {elected_on}; its {en_step} on {on} is {late} days after the {days}-day limit ({last_day})", at.c.id),
                )
                .fact(field, on)
                .fact("days_late", late)
        }
        Timeliness::Overdue { last_day } => at
            .finding(code, path)
            .message(
                format!("小区 `{}` 的业主委员会于 {elected_on} 选举产生，{days} 日期限（最迟 {last_day}）已过，无{zh_step}记录", at.c.id),
                format!("the owners' committee of `{}` was elected on {elected_on}; the {days}-day limit ({last_day}) has passed with no {en_step} recorded", at.c.id),
            )
            .fact("as_of", as_of),
        Timeliness::OnTime { .. } | Timeliness::BeforeElection { .. } | Timeliness::Pending { .. } => return,
    };
    let f = f.fact("elected_on", elected_on).fact("limit_days", days);
    ctx.emit(f);
}

/// CM007: see [`timely`].
fn first_meeting_timely(ctx: &mut Ctx<'_>, at: &At<'_>) {
    timely(ctx, at, Step::FirstMeeting);
}

/// CM008: see [`timely`].
fn filing_timely(ctx: &mut Ctx<'_>, at: &At<'_>) {
    timely(ctx, at, Step::Filing);
}

/// CM009: members other than alternates are at least `committee_min_share` of the seats
/// (半数以上 passes at 1/2; R100 and R157: below half, the whole committee is re-elected).
///
/// The seats are those of the electing election ([`q::electing_election`]); when no election is
/// recorded they are unknown, the committee is taken to fill them all, and the rule cannot fire.
/// GR's collapse rule is known only from local reproductions (R157, article no. not verified);
/// some cities use 2/3 (ZB Art 34, WF Art 38), set through `committee_min_share`.
fn not_collapsed(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Cm009) {
        return;
    }
    let share = ctx.policy.params().committee_min_share;
    let Some(s) = q::strength(at.c) else { return };
    if s.reaches(share) {
        return;
    }
    let ci = at.ci;
    let election = s.election.map_or_else(String::new, ToString::to_string);
    let f = at
        .finding(RuleCode::Cm009, doc_path!(compounds[ci].owners_committee.members))
        .message(
            format!("小区 `{}` 的业主委员会仅余委员 {} 人（候补委员不计），不足选举 `{election}` 所定 {} 席的 {share}", at.c.id, s.members, s.seats),
            format!("the owners' committee of `{}` has {} members left (alternates not counted), fewer than {share} of the {} seats of election `{election}`", at.c.id, s.members, s.seats),
        )
        .help("委员人数不足时应由业主大会全面改选", "the owners' assembly must re-elect the whole committee")
        .fact("members", s.members)
        .fact("seats", s.seats)
        .fact("required_share", share)
        .fact("election", election);
    ctx.emit(f);
}

/// CM010 (a default of this crate): every member, alternates included, was a candidate of the
/// election that elected the committee, or of a by-election held after it
/// ([`q::was_candidate`]). With no electing election recorded there is nothing to compare
/// against, so the rule is skipped.
fn members_elected(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Cm010) {
        return;
    }
    let Some(election) = q::electing_election(at.c) else { return };
    let ci = at.ci;
    let mut found = Vec::new();
    for (i, person) in at.distinct_known_members(ctx) {
        if q::was_candidate(at.c, person.as_str()) != Some(false) {
            continue;
        }
        found.push(
            Finding::new(
                RuleCode::Cm010,
                person.to_string(),
                doc_path!(compounds[ci].owners_committee.members[i].person),
            )
            .compound(Some(&at.c.id))
            .message(
                format!("业主委员会成员 `{person}` 不是选举 `{}` 或其后补选的候选人", election.id),
                format!(
                    "committee member `{person}` was not a candidate of election `{}` or of a later by-election",
                    election.id
                ),
            )
            .help("记录其当选的选举或补选", "record the election or by-election that elected them")
            .fact("election", election.id.as_str()),
        );
    }
    for f in found {
        ctx.emit(f);
    }
}
