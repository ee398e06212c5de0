//! EL: committee elections and the preparatory group (筹备组).
//!
//! The preparatory group of GR (R049): owner representatives, developer, street office and
//! residents' committee; an odd number of members; owner representatives at least half; led by
//! the street office's representative (Beijing: the residents' committee's, BJ Art 31). The
//! same composition applies to a re-election group (换届小组, R102), which the document records
//! in the same `preparatory_group` field, so every election's group is checked.
//!
//! Who counts as a member of the group: every person listed in `members`, once, and the leader
//! even when `members` does not list them (the leader is a member of the group they lead).
//!
//! Owner representatives (`EL004`) are screened with the negative-list engine
//! ([`crate::screening`]) on the day the group was formed, when they took the post: BJ Art 31
//! applies the candidate conditions of BJ Art 39 to them and QD Art 23 lists its own bars (R053).
//! Only the items whose `NL` rule the policy enables are screened, and the written commitment
//! (`NL015`) is asked of candidates only.

use foldhash::{HashSet, HashSetExt};

use super::negative_list::{emit_failures, item_help, summary};
use super::{Ctx, Finding, RuleMeta};
use crate::model::{Compound, Election, ElectionKind, PersonId, PreparatoryGroup, Represents};
use crate::policy::PrepLeader;
use crate::report::{Basis, RuleCode, Severity, doc_path};
use crate::screening::{self, Applicant, Role};

const GR_PREP: &str = "业主大会和业主委员会指导规则（筹备组组成，条号未核实）(domain-rules.md R049)";

/// The EL rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::El001,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_PREP,
        sources: "R049, R052",
        summary_zh: "筹备组成员人数为单数",
        summary_en: "the preparatory group has an odd number of members",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::El002,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: GR_PREP,
        sources: "R049, R052",
        summary_zh: "筹备组中业主代表不少于半数",
        summary_en: "owner representatives are at least half of the preparatory group",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::El003,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "业主大会和业主委员会指导规则（筹备组组长由街道办事处、乡镇人民政府代表担任，条号未核实）；北京市物业管理条例 第三十一条（居委会代表任组长） (domain-rules.md R049、R052)",
        sources: "R049, R052",
        summary_zh: "筹备组组长由街道办事处代表担任（北京为居委会代表）",
        summary_en: "the leader represents the street office (`prep_group_leader`; the residents' committee in Beijing)",
        params: &["prep_group_leader"],
    },
    RuleMeta {
        code: RuleCode::El004,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "北京市物业管理条例 第三十一条、第三十九条；青岛市物业管理条例 第二十三条 (domain-rules.md R053)",
        sources: "R053, R055",
        summary_zh: "筹备组业主代表在筹备组成立时符合已启用的候选人负面清单各项",
        summary_en: "owner representatives pass the enabled negative-list items on the day the group was formed",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::El005,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: "杭州市物业管理条例 第二十六条 (domain-rules.md R094)",
        sources: "R094",
        summary_zh: "候选人名单在投票开始前规定天数公示",
        summary_en: "the candidate list is published at least `candidate_notice_days` before the vote opens",
        params: &["candidate_notice_days"],
    },
    RuleMeta {
        code: RuleCode::El006,
        severity: Severity::Info,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "晋江市《住宅小区业主委员会委员候选人资格审查指导意见》：推动小区党支部书记通过法定程序担任业委会主任，提高“一肩挑”比例 (domain-rules.md R149、R153；筹备组阶段推荐未找到原文)",
        sources: "R149, R153",
        summary_zh: "小区党支部书记列为候选人（筹备阶段推荐“一肩挑”）；不是时作为建议提示",
        summary_en: "the branch secretary is among the candidates (one shoulder prepared at the preparatory stage); advice when not",
        params: &[],
    },
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    for (ci, c) in ctx.compounds() {
        for (ei, e) in c.elections.iter().enumerate() {
            if let Some(g) = &e.preparatory_group {
                let at = At { ci, c, ei, e, g };
                prep_group_odd(ctx, &at);
                prep_group_owner_share(ctx, &at);
                prep_group_leader(ctx, &at);
                prep_owner_reps_eligible(ctx, &at);
            }
            candidate_list_published(ctx, ci, c, ei, e);
            secretary_recommended(ctx, ci, c, ei, e);
        }
    }
}

/// A preparatory group and where it sits.
struct At<'a> {
    ci: usize,
    c: &'a Compound,
    ei: usize,
    e: &'a Election,
    g: &'a PreparatoryGroup,
}

impl At<'_> {
    /// The distinct members, the leader included.
    fn members(&self) -> Vec<&PersonId> {
        let mut seen: HashSet<&PersonId> = HashSet::new();
        self.g.members.iter().map(|m| &m.person).chain([&self.g.leader]).filter(|p| seen.insert(p)).collect()
    }

    /// The distinct owner representatives, with the index of their first entry.
    fn owner_reps(&self) -> Vec<(usize, &PersonId)> {
        let mut seen: HashSet<&PersonId> = HashSet::new();
        self.g
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.represents == Represents::Owners)
            .filter(|(_, m)| seen.insert(&m.person))
            .map(|(i, m)| (i, &m.person))
            .collect()
    }

    /// An election-level finding.
    fn finding(&self, code: RuleCode, path: crate::report::Path) -> Finding {
        Finding::new(code, self.e.id.to_string(), path).compound(Some(&self.c.id)).fact("election", self.e.id.as_str())
    }
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// EL001: an odd number of members (R049; the local texts agree: SH Art 15, BJ Art 31).
fn prep_group_odd(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::El001) {
        return;
    }
    let n = count(at.members().len());
    if n % 2 == 1 {
        return;
    }
    let (ci, ei) = (at.ci, at.ei);
    ctx.emit(
        at.finding(RuleCode::El001, doc_path!(compounds[ci].elections[ei].preparatory_group.members))
            .message(
                format!("选举 `{}` 的筹备组有 {n} 名成员，不是单数", at.e.id),
                format!("the preparatory group of election `{}` has {n} members, an even number", at.e.id),
            )
            .help("增减一名成员使人数为单数", "add or remove a member so that the number is odd")
            .fact("members", n),
    );
}

/// EL002: owner representatives at least half of the members (业主代表不少于半数: the bound
/// passes).
fn prep_group_owner_share(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::El002) {
        return;
    }
    let (owners, members) = (count(at.owner_reps().len()), count(at.members().len()));
    if members == 0 || crate::model::Ratio::HALF.reached_by(owners, members) {
        return;
    }
    let (ci, ei) = (at.ci, at.ei);
    ctx.emit(
        at.finding(RuleCode::El002, doc_path!(compounds[ci].elections[ei].preparatory_group.members))
            .message(
                format!("选举 `{}` 的筹备组 {members} 名成员中业主代表 {owners} 名，不足半数", at.e.id),
                format!(
                    "the preparatory group of election `{}` has {owners} owner representatives among {members} members, less than half",
                    at.e.id
                ),
            )
            .help("增加由业主推荐的业主代表", "add owner representatives recommended by the owners")
            .fact("owner_representatives", owners)
            .fact("members", members)
            .fact("required_share", crate::model::Ratio::HALF),
    );
}

/// EL003: the leader is listed among the members as representing the body `prep_group_leader`
/// names. A leader not listed among the members represents no known body and fails.
fn prep_group_leader(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::El003) {
        return;
    }
    let (required, zh) = match ctx.policy.params().prep_group_leader {
        PrepLeader::StreetOffice => (Represents::StreetOffice, "街道办事处"),
        PrepLeader::ResidentsCommittee => (Represents::ResidentsCommittee, "居委会"),
    };
    let leader = &at.g.leader;
    let entries: Vec<Represents> = at.g.members.iter().filter(|m| m.person == *leader).map(|m| m.represents).collect();
    if entries.contains(&required) {
        return;
    }
    let actual = entries.first().map_or("(not a listed member)", |r| r.as_str());
    let (ci, ei) = (at.ci, at.ei);
    ctx.emit(
        at.finding(RuleCode::El003, doc_path!(compounds[ci].elections[ei].preparatory_group.leader))
            .message(
                format!("选举 `{}` 的筹备组组长 `{leader}` 代表 {actual}，不是{zh}代表", at.e.id),
                format!(
                    "the leader `{leader}` of the preparatory group of election `{}` represents {actual}, not {required}",
                    at.e.id
                ),
            )
            .help(format!("由{zh}代表担任筹备组组长"), format!("the {required} representative leads the group"))
            .fact("leader", leader.as_str())
            .fact("represents", actual)
            .fact("required", required.as_str()),
    );
}

/// EL004: each owner representative passes the enabled negative-list items on `formed_on`; one
/// finding per failing reason, naming the item. A representative whose id does not resolve is
/// left to `CFG001`.
fn prep_owner_reps_eligible(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::El004) {
        return;
    }
    let on = at.g.formed_on;
    let (ci, ei, c, e) = (at.ci, at.ei, at.c, at.e);
    for (mi, rep) in at.owner_reps() {
        let Some(person) = ctx.index.person(rep.as_str()) else { continue };
        let applicant = Applicant { person, compound: c, on, role: Role::OwnerRepresentative };
        let screened = screening::screen(ctx.index, ctx.policy, &applicant);
        emit_failures(ctx, &screened, &[], |item, text| {
            let (sum_zh, _) = summary(item);
            let (help_zh, help_en) = item_help(item);
            let code = item.code();
            Finding::new(RuleCode::El004, rep.to_string(), doc_path!(compounds[ci].elections[ei].preparatory_group.members[mi]))
                .compound(Some(&c.id))
                .message(
                    format!(
                        "选举 `{}` 的筹备组业主代表 `{rep}` 于筹备组成立日 {on} 不符合 {code}“{sum_zh}”：{}",
                        e.id, text.zh
                    ),
                    format!(
                        "owner representative `{rep}` of the preparatory group of election `{}` fails {code} `{}` on {on}, the day the group was formed: {}",
                        e.id,
                        code.name(),
                        text.en
                    ),
                )
                .help(format!("更换业主代表，或：{help_zh}"), format!("replace the representative, or: {help_en}"))
                .fact("election", e.id.as_str())
                .fact("formed_on", on)
        });
    }
}

/// EL005: the candidate list is published at least `candidate_notice_days` days before the
/// vote opens (HZ Art 26 "投票前十五日": the day of publication counts from the next day, Art
/// 201, so publishing 15 days before the opening day passes and 14 days before fails). A list
/// never published fails. Silent when the election's assembly is not in the compound (`CFG001`).
fn candidate_list_published(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, ei: usize, e: &Election) {
    if !ctx.on(RuleCode::El005) {
        return;
    }
    let Some(opens) = screening::election_date(c, e) else { return };
    let required = ctx.policy.params().candidate_notice_days;
    let finding = |path| Finding::new(RuleCode::El005, e.id.to_string(), path).compound(Some(&c.id));
    let f = match e.candidate_list_published_on {
        None => finding(doc_path!(compounds[ci].elections[ei]))
            .message(
                format!("选举 `{}` 未记录候选人名单公示日期（投票自 {opens} 开始）", e.id),
                format!("election `{}` records no publication of the candidate list (the vote opens on {opens})", e.id),
            )
            .fact("opened_on", opens)
            .fact("required_days", required),
        Some(published) => {
            let days = opens.signed_duration_since(published).num_days();
            if days >= i64::from(required) {
                return;
            }
            finding(doc_path!(compounds[ci].elections[ei].candidate_list_published_on))
                .message(
                    format!("选举 `{}` 的候选人名单于 {published} 公示，距投票开始（{opens}）仅 {days} 日，少于 {required} 日", e.id),
                    format!(
                        "the candidate list of election `{}` was published on {published}, {days} days before the vote opens on {opens}, less than {required}",
                        e.id
                    ),
                )
                .fact("published_on", published)
                .fact("opened_on", opens)
                .fact("days_before", days)
                .fact("required_days", required)
        }
    };
    ctx.emit(f.help("按规定提前公示候选人名单", "publish the candidate list in time before the vote"));
}

/// EL006: the branch secretary stands in a first election or a re-election (一肩挑 prepared at
/// the preparatory stage: seed practice, R153 reports the preparatory-stage recommendation as
/// not found, so the rule is advice). By-elections fill vacancies and are not checked; nor is
/// a secretary who owns no unit in the compound, who could not stand (NL001).
fn secretary_recommended(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, ei: usize, e: &Election) {
    if !ctx.on(RuleCode::El006) || e.kind == ElectionKind::ByElection {
        return;
    }
    let Some(branch) = &c.party_branch else { return };
    let secretary = &branch.secretary;
    if !ctx.index.owns_unit(c, secretary.as_str()) || e.candidates.iter().any(|k| k.person == *secretary) {
        return;
    }
    ctx.emit(
        Finding::new(RuleCode::El006, secretary.to_string(), doc_path!(compounds[ci].elections[ei].candidates))
            .compound(Some(&c.id))
            .message(
                format!("党支部 `{}` 书记 `{secretary}` 不在选举 `{}` 的候选人中", branch.id, e.id),
                format!(
                    "the secretary `{secretary}` of branch `{}` is not a candidate in election `{}`",
                    branch.id, e.id
                ),
            )
            .help(
                "筹备阶段可推荐党支部书记依法参选业委会主任（一肩挑）",
                "at the preparatory stage, the secretary may be nominated to stand for chair (one shoulder)",
            )
            .fact("election", e.id.as_str())
            .fact("branch", branch.id.as_str()),
    );
}
