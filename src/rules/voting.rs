//! AV: owners'-assembly votes (业主大会表决, 民法典 Art 278).
//!
//! Every count comes from the tally engine [`crate::voting`] (run with the document's
//! organisations, so that a developer-held unit is voted by a member of its developer), so a
//! finding and `xiaoqu tally` agree. Read the engine's module docs for how heads, areas,
//! abstentions and invalid ballots are counted.
//!
//! One fault, one finding:
//! - a vote declared passed without quorum is AV001 (error), not also AV002; AV002 reports a
//!   declared result the tally contradicts otherwise (or always, when AV001 is switched off);
//! - a ballot whose unit is unknown or out of scope is AV003 only (not AV004 or AV005);
//! - a ballot for a unit with neither owner nor developer is CFG006's fault, and a ballot whose
//!   voter, proxy giver, unit owners or developer do not resolve is CFG001's, not AV004's;
//! - a notice published after opening, or a window closing before it opens, is CFG003's fault,
//!   not AV008's or AV010's.
//!
//! AV010 counts the window's length in days from the day after opening (民法典 Art 201: the
//! first day is not counted), so a window from 1 to 6 June lasts 5 days; 杭州市物业管理条例
//! Art 20 sets 5 to 60 days without saying how to count, so the crate follows Art 201 as in
//! [`crate::dates`]. AV008 counts the notice the same way: published on 17 May for a vote
//! opening on 1 June is 15 days' notice.

use foldhash::HashMap;

use super::{Ctx, Finding, RuleMeta};
use crate::model::{Assembly, Ballot, Choice, Compound, DeclaredResult, Ratio, Scope, Unit};
use crate::report::{Basis, Path, RuleCode, Severity, doc_path};
use crate::voting::{self, HeadKey, Lean, Majority, MatterTally};

const CC_278: &str = "民法典 第二百七十八条";
const LIB: &str = "xiaoqu 计票约定 (RULES.md AV)";

/// The AV rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Av001,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: CC_278,
        sources: "R009, H2",
        summary_zh: "宣布通过的事项须达到参与表决的法定人数：专有部分面积和人数均占三分之二以上；宣布未通过的为提示",
        summary_en: "a matter declared passed has participation of >= 2/3 of the area and >= 2/3 of the heads; info when declared failed",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Av002,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "民法典 第二百七十八条；最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第八条、第九条",
        sources: "R009, R010, R011, R026, R027, H2",
        summary_zh: "宣布的表决结果与按面积和人数计票的结果一致",
        summary_en: "`declared_result` equals the result computed by area and heads",
        params: &["abstention"],
    },
    RuleMeta {
        code: RuleCode::Av003,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "民法典 第二百七十八条；最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第八条",
        sources: "R009, R026, R065",
        summary_zh: "表决票的专有部分存在且在本次表决范围内",
        summary_en: "a ballot's unit exists and is in the vote's scope",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Av004,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第一条、第九条；物业管理条例 第十二条",
        sources: "R027, R028, R036",
        summary_zh: "投票人是该专有部分的业主或业主的受托人；建设单位持有的专有部分由建设单位的人员表决",
        summary_en: "the voter owns the unit or holds a proxy from one of its owners; developer units are voted by the developer's members",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Av005,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第九条",
        sources: "R027",
        summary_zh: "每个专有部分只有一张表决票",
        summary_en: "no unit has two ballots",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Av006,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第九条",
        sources: "R027",
        summary_zh: "同一业主名下多个专有部分对同一事项的表决一致（一人不可分票）",
        summary_en: "an owner's ballots for several units give the same choice per matter (one head cannot split)",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Av007,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB,
        sources: "R061",
        summary_zh: "表决票在表决期内（开始日至截止日）投出",
        summary_en: "a ballot is cast between `opened_on` and `closed_on`",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Av008,
        severity: Severity::Warning,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "物业管理条例 第十四条",
        sources: "R058",
        summary_zh: "表决开始前至少 assembly_notice_days（15）日公告",
        summary_en: "notice published >= `assembly_notice_days` (15) days before the vote opens",
        params: &["assembly_notice_days"],
    },
    RuleMeta {
        code: RuleCode::Av009,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB,
        sources: "R057",
        summary_zh: "表决票的每项选择都指向本次表决的事项",
        summary_en: "every choice names a matter of the vote",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Av010,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: "杭州市物业管理条例 第二十条",
        sources: "R061",
        summary_zh: "设定 vote_window_days 时，表决期天数在其范围内（杭州 5 至 60 日）",
        summary_en: "the voting window lasts within `vote_window_days` when set (Hangzhou 5..=60)",
        params: &["vote_window_days"],
    },
];

const TWO_THIRDS: Ratio = match Ratio::new(2, 3) {
    Some(r) => r,
    None => Ratio::HALF,
};

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let needs_tally = ctx.on(RuleCode::Av001) || ctx.on(RuleCode::Av002) || ctx.on(RuleCode::Av006);
    let abstention = ctx.policy.params().abstention;
    for (ci, c) in ctx.compounds() {
        for (ai, a) in c.assemblies.iter().enumerate() {
            let at = At { ci, ai, compound: c, assembly: a };
            if needs_tally {
                let tally = ctx.tally(c, a, abstention, true);
                for (mi, m) in tally.matters().enumerate() {
                    quorum_and_result(ctx, &at, mi, m, &tally);
                }
                one_owner_one_head(ctx, &at, &tally);
            }
            ballots(ctx, &at);
            notice_period(ctx, &at);
            window_length(ctx, &at);
        }
    }
}

/// Where an assembly sits in the document.
struct At<'a> {
    ci: usize,
    ai: usize,
    compound: &'a Compound,
    assembly: &'a Assembly,
}

impl At<'_> {
    fn subject(&self, child: &str) -> String {
        format!("{}/{child}", self.assembly.id)
    }

    fn finding(&self, code: RuleCode, subject: String, path: Path) -> Finding {
        Finding::new(code, subject, path).compound(Some(&self.compound.id))
    }
}

/// AV001 (quorum) and AV002 (declared result against the tally) for one matter.
fn quorum_and_result(ctx: &mut Ctx<'_>, at: &At<'_>, mi: usize, m: &MatterTally, tally: &Lean<'_>) {
    let (ci, ai) = (at.ci, at.ai);
    let declared = at.assembly.matters.get(mi).and_then(|x| x.declared_result);
    let subject = at.subject(m.id().as_str());
    let (area, heads) = (m.area(), m.heads());
    let numbers = |f: Finding| {
        f.fact("participating_area", area.participating)
            .fact("total_area", area.total)
            .fact("participating_heads", heads.participating.0)
            .fact("total_heads", heads.total.0)
            .fact("required_share", TWO_THIRDS)
    };
    let (zh_short, en_short) = match (tally.overflowed(), m.quorum().axes()) {
        (true, _) => {
            ("面积之和超出计算范围，无法计票", "the areas sum beyond the decimal range: nothing can be decided")
        }
        (false, (false, false)) => ("面积和人数均未达三分之二", "below 2/3 of the area and of the heads"),
        (false, (false, true)) => ("面积未达三分之二", "below 2/3 of the area"),
        (false, _) => ("人数未达三分之二", "below 2/3 of the heads"),
    };
    if !m.quorum_met() && ctx.on(RuleCode::Av001) {
        let missing = m.missing_for_quorum();
        let f = at
            .finding(RuleCode::Av001, subject.clone(), doc_path!(compounds[ci].assemblies[ai].matters[mi]))
            .message(
                format!(
                    "事项 `{subject}` 参与表决面积 {} / {} m²、人数 {} / {}，{zh_short}",
                    area.participating, area.total, heads.participating, heads.total
                ),
                format!(
                    "matter `{subject}`: participation {} of {} m² and {} of {} heads, {en_short}",
                    area.participating, area.total, heads.participating, heads.total
                ),
            )
            .help(
                format!("尚缺 {} m²、{} 人参与表决", missing.area, missing.heads),
                format!("{} m² and {} heads more would have to take part", missing.area, missing.heads),
            );
        let f = numbers(f).fact("missing_area", missing.area).fact("missing_heads", missing.heads.0);
        let f = if declared == Some(DeclaredResult::Passed) {
            f.fact("declared", "passed")
        } else {
            f.at_most(Severity::Info).fact("declared", declared.map_or("none", DeclaredResult::as_str))
        };
        ctx.emit(f);
    }
    let Some(declared) = declared else { return };
    let computed = if m.passed() { DeclaredResult::Passed } else { DeclaredResult::Failed };
    let reported_by_av001 = declared == DeclaredResult::Passed && !m.quorum_met() && ctx.on(RuleCode::Av001);
    if declared == computed || reported_by_av001 || !ctx.on(RuleCode::Av002) {
        return;
    }
    let approving = m.approving();
    let bound = m.majority().bound();
    let class = match m.majority() {
        Majority::Ordinary => "过半数",
        Majority::Special => "四分之三以上",
    };
    let f = at
        .finding(RuleCode::Av002, subject.clone(), doc_path!(compounds[ci].assemblies[ai].matters[mi].declared_result))
        .message(
            format!(
                "事项 `{subject}` 宣布{}，计票结果为{}：同意面积 {} / 参与 {} m²，同意人数 {} / 参与 {}，须{class}",
                zh_result(declared),
                zh_result(computed),
                approving.area,
                area.participating,
                approving.heads,
                heads.participating
            ),
            format!(
                "matter `{subject}` declared {declared} but the tally says {computed}: for {} of {} m² and {} of {} heads participating, needs {bound} of each",
                approving.area, area.participating, approving.heads, heads.participating
            ),
        )
        .fact("declared", declared.as_str())
        .fact("computed", computed.as_str())
        .fact("quorum_met", m.quorum_met())
        .fact("for_area", area.in_favour)
        .fact("for_heads", heads.in_favour.0)
        .fact("approving_area", approving.area)
        .fact("approving_heads", approving.heads.0)
        .fact("threshold", bound);
    ctx.emit(numbers(f));
}

fn zh_result(r: DeclaredResult) -> &'static str {
    match r {
        DeclaredResult::Passed => "通过",
        DeclaredResult::Failed => "未通过",
    }
}

/// AV003, AV004, AV005, AV007 and AV009: one pass over the ballots.
fn ballots(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let on = |code| ctx.on(code);
    let (in_scope_on, entitled_on, once_on, window_on, names_on) =
        (on(RuleCode::Av003), on(RuleCode::Av004), on(RuleCode::Av005), on(RuleCode::Av007), on(RuleCode::Av009));
    if !(in_scope_on || entitled_on || once_on || window_on || names_on) {
        return;
    }
    let (ci, ai, a) = (at.ci, at.ai, at.assembly);
    let c = at.compound;
    // The position of each unit id (the first of a duplicated id), shared with CFG001 and the
    // tallies; built here only for a compound of no part (not the case in an audit).
    let positions = ctx.unit_positions(c).unwrap_or_else(|| std::rc::Rc::new(voting::unit_positions(c)));
    // The first counted ballot of each unit, by the unit's position.
    let mut first_ballot: Vec<Option<usize>> = vec![None; c.units.len()];
    // Where a ballot's choices sit on the agenda, for AV009 (shared with the tally).
    let agenda = voting::Agenda::of(a);
    for (bi, b) in a.ballots.iter().enumerate() {
        let position = positions.get(b.unit.as_str()).copied();
        let unit = position.and_then(|p| c.units.get(p));
        let scoped = unit.filter(|u| voting::unit_in_scope(u, &a.scope));
        if in_scope_on && scoped.is_none() {
            ctx.emit(out_of_scope(at, bi, b, unit));
        }
        if let Some(u) = scoped {
            // The entitlement first: it reads the unit only, and most ballots pass it;
            // `judgeable` looks every person involved up in the index.
            if entitled_on && !voting::voter_entitled(u, b, Some(&ctx.cfg.organizations)) && judgeable(ctx, u, b) {
                ctx.emit(not_entitled(at, bi, u, b));
            }
            match position.and_then(|p| first_ballot.get_mut(p)) {
                Some(Some(first)) if once_on => ctx.emit(second_ballot(at, bi, b, *first)),
                Some(slot @ None) => *slot = Some(bi),
                _ => {}
            }
        }
        if window_on && (b.cast_on < a.opened_on || b.cast_on > a.closed_on) {
            ctx.emit(outside_window(at, bi, b));
        }
        if names_on {
            // The subject is written only when a finding needs it.
            let mut subject = None;
            for (_, (matter, _)) in b.choices.iter().enumerate().filter(|(i, (m, _))| agenda.position(*i, m).is_none())
            {
                let subject: &String = subject.get_or_insert_with(|| at.subject(b.unit.as_str()));
                ctx.emit(
                    at.finding(
                        RuleCode::Av009,
                        subject.clone(),
                        doc_path!(compounds[ci].assemblies[ai].ballots[bi].choices).key(matter.to_string()),
                    )
                    .message(
                        format!("表决票 `{subject}` 对事项 `{matter}` 作出选择，但本次表决没有该事项"),
                        format!("ballot `{subject}` names matter `{matter}`, which is not on the agenda of `{}`", a.id),
                    )
                    .fact("matter", matter.as_str()),
                );
            }
        }
    }
}

/// Whether AV004 can judge the ballot: the unit has a holder (else CFG006) and every person
/// involved resolves (else CFG001), so that one fault gives one finding.
fn judgeable(ctx: &Ctx<'_>, u: &Unit, b: &Ballot) -> bool {
    let known = |p: &crate::model::PersonId| ctx.index.person(p.as_str()).is_some();
    let dev_known = u.developer_held.as_ref().is_none_or(|d| ctx.index.org(d.as_str()).is_some());
    (u.developer_held.is_some() || !u.owners.is_empty())
        && dev_known
        && known(&b.voter)
        && b.proxy_for.as_ref().is_none_or(known)
        && u.owners.iter().all(known)
}

/// AV003: the ballot's unit is unknown (`unit` is `None`) or outside the scope.
fn out_of_scope(at: &At<'_>, bi: usize, b: &Ballot, unit: Option<&Unit>) -> Finding {
    let (ci, ai) = (at.ci, at.ai);
    let subject = at.subject(b.unit.as_str());
    let scope = match &at.assembly.scope {
        Scope::Compound => "compound".to_owned(),
        Scope::Building(s) => s.to_string(),
    };
    let (zh, en) = match unit {
        None => ("不是本小区的专有部分".to_owned(), "is not a unit of the compound".to_owned()),
        Some(u) => (
            format!("位于楼栋 `{}`，不在表决范围（楼栋 `{scope}`）内", u.building),
            format!("is in building `{}`, outside the vote's scope (building `{scope}`)", u.building),
        ),
    };
    at.finding(RuleCode::Av003, subject.clone(), doc_path!(compounds[ci].assemblies[ai].ballots[bi].unit))
        .message(format!("表决票 `{subject}` 的专有部分{zh}"), format!("ballot `{subject}`: the unit {en}"))
        .fact("unit", b.unit.as_str())
        .fact("known_unit", unit.is_some())
        .fact("scope", scope)
}

/// AV005: a second ballot of a unit.
fn second_ballot(at: &At<'_>, bi: usize, b: &Ballot, first: usize) -> Finding {
    let (ci, ai) = (at.ci, at.ai);
    at.finding(RuleCode::Av005, at.subject(b.unit.as_str()), doc_path!(compounds[ci].assemblies[ai].ballots[bi].unit))
        .message(
            format!("专有部分 `{}` 有第二张表决票（第一张为第 {first} 张）", b.unit),
            format!("unit `{}` has a second ballot (the first is ballot #{first})", b.unit),
        )
        .help("一个专有部分只计一票：只有第一张有效票计入", "one unit, one ballot: only the first valid one counts")
        .fact("first_ballot", first)
        .fact("ballot", bi)
}

/// AV007: a ballot cast outside the window.
fn outside_window(at: &At<'_>, bi: usize, b: &Ballot) -> Finding {
    let (ci, ai, a) = (at.ci, at.ai, at.assembly);
    let subject = at.subject(b.unit.as_str());
    at.finding(RuleCode::Av007, subject.clone(), doc_path!(compounds[ci].assemblies[ai].ballots[bi].cast_on))
        .message(
            format!("表决票 `{subject}` 投于 {}，不在表决期 {} 至 {} 内", b.cast_on, a.opened_on, a.closed_on),
            format!(
                "ballot `{subject}` was cast on {}, outside the window {} to {}",
                b.cast_on, a.opened_on, a.closed_on
            ),
        )
        .help("表决期外投出的表决票不计入", "a ballot cast outside the window does not count")
        .fact("cast_on", b.cast_on)
        .fact("opened_on", a.opened_on)
        .fact("closed_on", a.closed_on)
}

fn not_entitled(at: &At<'_>, bi: usize, u: &Unit, b: &Ballot) -> Finding {
    let (ci, ai) = (at.ci, at.ai);
    let subject = at.subject(b.unit.as_str());
    let (zh, en) = match (&u.developer_held, &b.proxy_for) {
        (Some(dev), _) => (
            format!("该专有部分由建设单位 `{dev}` 持有，`{}` 不是其人员", b.voter),
            format!("the unit is held by developer `{dev}` and `{}` is not one of its members", b.voter),
        ),
        (None, Some(p)) => (
            format!("`{}` 不是业主，其委托人 `{p}` 也不是该专有部分的业主", b.voter),
            format!("`{}` is not an owner and the proxy giver `{p}` is not an owner of the unit", b.voter),
        ),
        (None, None) => (
            format!("`{}` 不是该专有部分的业主，也未持业主委托", b.voter),
            format!("`{}` neither owns the unit nor holds a proxy from an owner", b.voter),
        ),
    };
    let owners = u.owners.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let f = at
        .finding(RuleCode::Av004, subject.clone(), doc_path!(compounds[ci].assemblies[ai].ballots[bi].voter))
        .message(format!("表决票 `{subject}`：{zh}"), format!("ballot `{subject}`: {en}"))
        .help(
            "由业主本人表决，或在 proxy_for 中写明委托的业主",
            "the owner votes, or `proxy_for` names the owner who gave the proxy",
        )
        .fact("voter", b.voter.as_str())
        .fact("owners", owners);
    match (&u.developer_held, &b.proxy_for) {
        (Some(dev), _) => f.fact("developer", dev.as_str()),
        (None, Some(p)) => f.fact("proxy_for", p.as_str()),
        (None, None) => f,
    }
}

/// AV006: a head (one owner, or the developer) whose units voted differently on a matter.
fn one_owner_one_head(ctx: &mut Ctx<'_>, at: &At<'_>, tally: &Lean<'_>) {
    // Most assemblies have no split head: nothing to gather for them.
    if !ctx.on(RuleCode::Av006) || tally.matters().all(|m| m.split_heads().is_empty()) {
        return;
    }
    let (ci, ai, a) = (at.ci, at.ai, at.assembly);
    // The counted ballot of each unit.
    let counted: HashMap<&str, usize> =
        tally.counted().filter_map(|bi| Some((a.ballots.get(bi)?.unit.as_str(), bi))).collect();
    let choice = |unit: &str, matter: &str| -> Option<(usize, Choice)> {
        let bi = *counted.get(unit)?;
        a.ballots.get(bi)?.choices.get(matter).map(|c| (bi, *c))
    };
    let mut split: Vec<(usize, Vec<&str>)> = Vec::new();
    for m in tally.matters() {
        for &h in m.split_heads() {
            match split.iter_mut().find(|(x, _)| *x == h) {
                Some((_, ms)) => ms.push(m.id().as_str()),
                None => split.push((h, vec![m.id().as_str()])),
            }
        }
    }
    split.sort_unstable_by_key(|(h, _)| *h);
    for (h, matters) in split {
        let Some(key) = tally.head_key(h) else { continue };
        let units: Vec<&str> = tally.head_units(h).map(|u| u.id.as_str()).collect();
        let owns = |p: &crate::model::PersonId, unit: &str| {
            at.compound.units.iter().any(|u| u.id.as_str() == unit && u.owners.contains(p))
        };
        // The subject: the developer; or the owner whose own units disagree; or the first owner.
        let subject = match &key {
            HeadKey::Developer(o) => o.to_string(),
            HeadKey::Unowned(u) => u.to_string(),
            HeadKey::Owners(people) => people
                .iter()
                .find(|p| {
                    matters.iter().any(|m| {
                        let mut cs = units.iter().filter(|u| owns(p, u)).filter_map(|u| choice(u, m).map(|x| x.1));
                        cs.next().is_some_and(|first| cs.any(|c| c != first))
                    })
                })
                .or_else(|| people.first())
                .map(ToString::to_string)
                .unwrap_or_default(),
        };
        let votes: Vec<String> = matters
            .iter()
            .flat_map(|m| units.iter().filter_map(move |u| choice(u, m).map(|(_, c)| format!("{m}:{u}={c}"))))
            .collect();
        let last_ballot =
            matters.iter().flat_map(|m| units.iter().filter_map(|u| choice(u, m).map(|x| x.0))).max().unwrap_or(0);
        let (ms, us) = (matters.join(", "), units.join(", "));
        ctx.emit(
            at.finding(RuleCode::Av006, subject.clone(), doc_path!(compounds[ci].assemblies[ai].ballots[last_ballot]))
                .message(
                    format!("`{subject}` 名下专有部分（{us}）对事项 {ms} 的表决不一致；同一业主计一人，不可分票"),
                    format!(
                        "`{subject}` voted its units ({us}) differently on {ms}; one owner is one head and cannot split"
                    ),
                )
                .help(
                    "该人数按弃权计入，面积按各专有部分的表决票计入",
                    "the head is counted as abstaining; each unit's area follows its own ballot",
                )
                .fact("matters", ms)
                .fact("units", us)
                .fact("votes", votes.join(", ")),
        );
    }
}

/// AV008: notice at least `assembly_notice_days` days before the vote opens.
fn notice_period(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Av008) {
        return;
    }
    let (ci, ai, a) = (at.ci, at.ai, at.assembly);
    let need = ctx.policy.params().assembly_notice_days;
    let days = a.opened_on.signed_duration_since(a.notice_published_on).num_days();
    if days < 0 || days >= i64::from(need) {
        return;
    }
    ctx.emit(
        at.finding(RuleCode::Av008, a.id.to_string(), doc_path!(compounds[ci].assemblies[ai].notice_published_on))
            .message(
                format!(
                    "表决 `{}` 于 {} 公告、{} 开始，仅提前 {days} 日，少于 {need} 日",
                    a.id, a.notice_published_on, a.opened_on
                ),
                format!(
                    "assembly `{}` was announced on {} and opened on {}: {days} days' notice, less than {need}",
                    a.id, a.notice_published_on, a.opened_on
                ),
            )
            .fact("notice_days", days)
            .fact("required_days", need)
            .fact("notice_published_on", a.notice_published_on)
            .fact("opened_on", a.opened_on),
    );
}

/// AV010: the window's length within `vote_window_days`, when a profile sets it.
fn window_length(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let Some(range) = ctx.policy.params().vote_window_days else { return };
    if !ctx.on(RuleCode::Av010) {
        return;
    }
    let (ci, ai, a) = (at.ci, at.ai, at.assembly);
    let days = a.closed_on.signed_duration_since(a.opened_on).num_days();
    let Ok(len) = u64::try_from(days) else { return };
    if range.contains(len) {
        return;
    }
    ctx.emit(
        at.finding(RuleCode::Av010, a.id.to_string(), doc_path!(compounds[ci].assemblies[ai].closed_on))
            .message(
                format!("表决 `{}` 自 {} 至 {} 共 {days} 日，不在 {range} 日范围内", a.id, a.opened_on, a.closed_on),
                format!(
                    "assembly `{}` runs from {} to {}: {days} days, outside {range} days",
                    a.id, a.opened_on, a.closed_on
                ),
            )
            .fact("window_days", days)
            .fact("min_days", range.min)
            .fact("max_days", range.max),
    );
}
