//! NL: the candidate negative list (业委会候选人负面清单).
//!
//! `NL001`–`NL015` are the items of the [`crate::screening`] engine, one rule per item so that a
//! profile switches each on or off; this family runs the engine and turns each failing reason
//! into one finding. `NL016` and `NL017` judge an election's candidate list as a whole.
//!
//! Two passes:
//! - **Candidates.** Every candidate of every election, on the election day (the `opened_on` of
//!   the election's assembly vote), at the severity the policy gives the rule. Subject: the
//!   candidate; path: their entry in the election's `candidates`. An election whose assembly is
//!   not in the compound is skipped (`CFG001` reports the dangling id), and so is a candidate
//!   whose person id does not resolve.
//! - **Sitting members** (removal grounds: BJ Art 46, HZ Art 31, NB Art 35 — a member who no
//!   longer meets the conditions may be removed; R098). Every member of a committee of kind
//!   `owners_committee` (alternates included, as for DE007), on `as_of`, with the same codes.
//!   Their findings are capped at warning: the rule's own severity is kept when it is lower
//!   (a warning or info item stays so) and an error is lowered to a warning through
//!   `Finding::at_most`, because a removal needs an assembly vote and the audit only reports
//!   the ground. A profile that switches a rule off silences both passes. `NL001` and `NL003`
//!   are left out of this pass because `CM002` and `DE007` already report a sitting member who
//!   owns no unit or is tied to the property company (one fault, one finding), and `NL015`
//!   (the commitment) concerns candidates only.
//!
//! A person who stood in the election and sits on the committee can thus have two findings of
//! one code: one that they were ineligible on the election day, one that the ground persists.
//!
//! `NL007` (fee arrears) is contested (domain-rules.md H3): it is registered off
//! (`on_by_default: false`), so no preset runs it, and when a profile switches it on each
//! finding's help says why it is contested.

use foldhash::{HashSet, HashSetExt};

use chrono::NaiveDate;

use super::{Ctx, Finding, RuleMeta};
use crate::model::{CommitteeKind, Compound, Election, PersonId};
use crate::report::Text;
use crate::report::{Basis, RuleCode, Severity, doc_path};
use crate::screening::{self, Applicant, Item, Reason, Role, Screening};

const N1_N2: &str = "业主大会和业主委员会指导规则 第三十一条";

/// The NL rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Nl001,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: N1_N2,
        sources: "N1, R066, R089",
        summary_zh: "候选人是本小区业主",
        summary_en: "the candidate owns a unit in the compound",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl002,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "业主大会和业主委员会指导规则 第三十一条；民法典 第十七条、第十八条",
        sources: "N2, R066",
        summary_zh: "候选人具有完全民事行为能力，出生日期已知时年满十八周岁",
        summary_en: "the candidate has full civil capacity and, when the birth date is known, is 18 or older",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl003,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "北京市物业管理条例 第三十九条；上海市住宅物业管理规定 第二十条 (domain-rules.md §6 N3)",
        sources: "N3",
        summary_zh: "候选人本人、配偶及直系亲属不在本小区物业服务企业任职",
        summary_en: "neither the candidate nor a spouse or lineal relative is employed by the compound's property company",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl004,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "上海市住宅物业管理规定 第二十条；北京市物业管理条例 第三十九条 (domain-rules.md §6 N5)",
        sources: "N5",
        summary_zh: "候选人无违法搭建且未改正的记录",
        summary_en: "no illegal construction not rectified by the election day",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl005,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "上海市住宅物业管理规定 第二十条 (domain-rules.md §6 N6)",
        sources: "N6",
        summary_zh: "候选人无损坏房屋承重结构、破坏房屋外貌或擅自改变使用性质且未改正的记录",
        summary_en: "no damage to the structure or facade, or change of use, not rectified by the election day",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl006,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "北京市物业管理条例 第三十九条、第七十八条；舟山市物业管理条例 第二十条 (domain-rules.md §6 N7)",
        sources: "N7",
        summary_zh: "候选人无违法占用物业共有部分且未改正的记录",
        summary_en: "no occupation of common parts not rectified by the election day",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl007,
        severity: Severity::Error,
        basis: Basis::Local,
        on_by_default: false,
        citation: "湖州市物业管理条例 第十七条；台州市物业管理条例 第二十条 (domain-rules.md §6 N8；有争议：全国人大常委会法工委认为此类限制缺乏上位法依据，见 H3)",
        sources: "N8, H3, R091",
        summary_zh: "（有争议，默认关闭）候选人无达到月数的未结清物业费欠费",
        summary_en: "(contested, off by default) no unsettled fee arrears of `arrears_months` or more (court-confirmed only when `court_confirmed_only`)",
        params: &["arrears_months", "court_confirmed_only"],
    },
    RuleMeta {
        code: RuleCode::Nl008,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "湖州市物业管理条例 第十七条；台州市物业管理条例 第二十条 (domain-rules.md §6 N9)",
        sources: "N9",
        summary_zh: "候选人无正在执行或执行完毕不满五年的故意犯罪刑罚，且未因涉嫌犯罪被立案侦查",
        summary_en: "no intentional conviction whose sentence is being served or was completed less than `crime_lookback_years` before the election, no open investigation",
        params: &["crime_lookback_years", "intentional_only"],
    },
    RuleMeta {
        code: RuleCode::Nl009,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "北京市物业管理条例 第三十九条 (domain-rules.md §6 N10)",
        sources: "N10",
        summary_zh: "候选人在选举日未被列为失信被执行人",
        summary_en: "not listed as a dishonest judgment debtor on the election day",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl010,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: "湖州市物业管理条例 第十七条 (domain-rules.md §6 N11)",
        sources: "N11",
        summary_zh: "候选人因物业管理相关违法行为受到行政处罚已满一年",
        summary_en: "no property-related administrative penalty less than `penalty_lookback_years` before the election",
        params: &["penalty_lookback_years"],
    },
    RuleMeta {
        code: RuleCode::Nl011,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: "北京市物业管理条例 第三十九条 (domain-rules.md §6 N13)",
        sources: "N13",
        summary_zh: "候选人选举前 12 个月内在本小区居住满规定月数（设置 residency_months 时）",
        summary_en: "resided at least `residency_months` in the compound in the 12 months before the election (off unless set)",
        params: &["residency_months"],
    },
    RuleMeta {
        code: RuleCode::Nl012,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: false,
        citation: "杭州市小区业委会候选人产生办法公告：年龄 18 至 75 周岁 (domain-rules.md §6 N14)",
        sources: "N14",
        summary_zh: "候选人年龄在规定范围内（默认关闭）",
        summary_en: "age within `candidate_age` (off in default)",
        params: &["candidate_age"],
    },
    RuleMeta {
        code: RuleCode::Nl013,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "杭州市小区业委会候选人产生办法公告：承租共有商铺或与小区有经济业务往来者不作为候选人 (domain-rules.md §6 N15)",
        sources: "N15",
        summary_zh: "候选人与本小区无现存经济往来",
        summary_en: "no current economic ties with the compound",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl014,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: false,
        citation: "业委会候选人负面清单实践 (domain-rules.md §6 N18；未找到以此为候选资格限制的条文)",
        sources: "N18",
        summary_zh: "候选人未曾被罢免本小区业主委员会委员（默认关闭）",
        summary_en: "never removed from this compound's committee (off in default)",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl015,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: "上海市住宅物业管理规定 第二十条；清远市住宅小区物业管理条例 第二十二条 (domain-rules.md R092)",
        sources: "R092",
        summary_zh: "候选人已签署书面承诺",
        summary_en: "the candidate signed the written commitment",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Nl016,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "深圳市住房和建设局2022年通知；晋江市《住宅小区业主委员会委员候选人资格审查指导意见》；杭州市小区候选人产生办法公告“党员候选人原则上不低于50%” (domain-rules.md R148–R150)",
        sources: "R148, R149, R150",
        summary_zh: "候选人中党员不低于规定比例",
        summary_en: "party members are at least `candidate_party_share` of the candidates",
        params: &["candidate_party_share"],
    },
    RuleMeta {
        code: RuleCode::Nl017,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: "xiaoqu 默认规则：候选人数不少于应选名额 (RULES.md NL017)",
        sources: "RULES.md",
        summary_zh: "候选人数不少于应选名额",
        summary_en: "candidates are at least as many as the seats",
        params: &[],
    },
];

/// Why the fee-arrears item is contested (domain-rules.md H3), for the help of its findings.
const CONTESTED_ZH: &str = "此项有争议：全国人大常委会法工委认为地方性法规将按时交纳物业费作为业委会候选资格条件缺乏上位法依据，2023年11月已向33个地方人大发出督促纠正函 (domain-rules.md H3)";
const CONTESTED_EN: &str = "contested item: the NPC Standing Committee's Legislative Affairs Commission found that making timely payment of property fees a condition of candidacy lacks a basis in higher law, and in November 2023 asked 33 local people's congresses to correct such rules (domain-rules.md H3)";

pub(super) fn check(ctx: &mut Ctx<'_>) {
    for (ci, c) in ctx.compounds() {
        for (ei, e) in c.elections.iter().enumerate() {
            let Some(day) = screening::election_date(c, e) else { continue };
            candidates(ctx, ci, c, ei, e, day);
            candidate_party_share(ctx, ci, c, ei, e, day);
            candidates_fill_seats(ctx, ci, c, ei, e);
        }
        sitting_members(ctx, ci, c);
    }
}

/// The index in `people` of a person (the first of a duplicated id, as in the index).
fn person_index(ctx: &Ctx<'_>, id: &PersonId) -> Option<usize> {
    ctx.index.person_position(id.as_str())
}

/// The advice of an item's finding; for the contested item, why it is contested.
pub(super) fn item_help(item: Item) -> (&'static str, &'static str) {
    match item {
        Item::IsOwner => {
            ("候选人须为本小区业主（或组织业主授权的自然人）", "a candidate must own a unit in the compound")
        }
        Item::FullCapacity => ("候选人须为完全民事行为能力人", "a candidate must have full civil capacity"),
        Item::NoPropertyCompanyTie => {
            ("本人或亲属离职，或不再参选", "the relative or the person leaves the company, or the person stands down")
        }
        Item::NoIllegalConstruction | Item::NoStructuralDamage | Item::NoOccupiedCommonParts => {
            ("改正并记录改正日期后方可参选", "rectify it and record the rectification date before standing")
        }
        Item::NoFeeArrears => (CONTESTED_ZH, CONTESTED_EN),
        Item::NoRecentCrime => {
            ("刑罚执行完毕满规定年限后方可参选", "the person may stand once the look-back period has passed")
        }
        Item::NotDishonestDebtor => ("移出失信被执行人名单后方可参选", "the person may stand once delisted"),
        Item::NoRecentPropertyPenalty => {
            ("处罚满规定期限后方可参选", "the person may stand once the look-back period has passed")
        }
        Item::Residency => ("核实居住情况", "check the person's residence"),
        Item::AgeLimit => {
            ("按候选人产生办法的年龄条件审查", "check the age condition of the candidate-generation method")
        }
        Item::NoEconomicTies => {
            ("终止与小区的经济往来后方可参选", "end the economic ties with the compound before standing")
        }
        Item::NotPreviouslyRemoved => ("按候选人产生办法审查", "check the candidate-generation method"),
        Item::SignedCommitment => ("参选前签署履职承诺书", "sign the written commitment before standing"),
    }
}

/// Adds the facts of one failing reason, and the item's parameters.
fn with_reason(mut f: Finding, ctx: &Ctx<'_>, person: Option<usize>, item: Item, r: &Reason) -> Finding {
    f = f.fact("item", item.code().as_str());
    f = match r {
        Reason::NotAnOwner => f.fact("owns_unit", false),
        Reason::Capacity(c) => f.fact("civil_capacity", c.as_str()),
        Reason::Minor { age } => f.fact("age", *age).fact("min_age", 18_u32),
        Reason::AgeOutOfRange { age, allowed } => f.fact("age", *age).fact("allowed", allowed.to_string()),
        Reason::PropertyCompanyTie { employed, relation, company, since } => f
            .fact("employed", employed.as_str())
            .fact("relation", relation.as_str())
            .fact("company", company.as_str())
            .fact("since", *since),
        Reason::Record { index, kind, decided_on, clears_on } => {
            if let Some(pi) = person {
                f = f.fact("record", doc_path!(people[pi].records[*index]).to_string());
            }
            f = f.fact("record_kind", kind.as_str()).fact("decided_on", *decided_on);
            if let Some(d) = clears_on { f.fact("clears_on", *d) } else { f }
        }
        Reason::Residency { resided_days, required_days, required_months } => f
            .fact("resided_days", *resided_days)
            .fact("required_days", *required_days)
            .fact("residency_months", *required_months),
        Reason::CommitmentNotSigned => f.fact("commitment_signed", false),
    };
    let p = ctx.policy.params();
    match item {
        Item::NoFeeArrears => {
            f.fact("arrears_months", p.arrears_months).fact("court_confirmed_only", p.court_confirmed_only)
        }
        Item::NoRecentCrime => {
            f.fact("crime_lookback_years", p.crime_lookback_years).fact("intentional_only", p.intentional_only)
        }
        Item::NoRecentPropertyPenalty => f.fact("penalty_lookback_years", p.penalty_lookback_years),
        _ => f,
    }
}

/// The summary of an item's rule in both languages.
pub(super) fn summary(item: Item) -> (&'static str, &'static str) {
    super::meta(item.code()).map_or(("", ""), |m| (m.summary_zh, m.summary_en))
}

/// Emits one finding per failing reason of a screening: `build` makes it from the item and the
/// reason's text, and the reason's facts are added. Items in `skip` are left out.
pub(super) fn emit_failures(
    ctx: &mut Ctx<'_>,
    screened: &Screening,
    skip: &[Item],
    build: impl Fn(Item, Text) -> Finding,
) {
    let person = person_index(ctx, &screened.person);
    for verdict in screened.verdicts.iter().filter(|v| !skip.contains(&v.item)) {
        for reason in verdict.outcome.reasons() {
            let finding = with_reason(build(verdict.item, reason.text()), ctx, person, verdict.item, reason);
            ctx.emit(finding);
        }
    }
}

/// NL001–NL015 for each candidate of one election, on the election day.
fn candidates(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, ei: usize, e: &Election, day: NaiveDate) {
    let mut seen: HashSet<&PersonId> = HashSet::new();
    for (k, cand) in e.candidates.iter().enumerate() {
        if !seen.insert(&cand.person) {
            continue;
        }
        let Some(person) = ctx.index.person(cand.person.as_str()) else { continue };
        let role = Role::Candidate { commitment_signed: cand.commitment_signed };
        let screened = screening::screen(ctx.index, ctx.policy, &Applicant { person, compound: c, on: day, role });
        emit_failures(ctx, &screened, &[], |item, text| {
            let path = if item == Item::SignedCommitment {
                doc_path!(compounds[ci].elections[ei].candidates[k].commitment_signed)
            } else {
                doc_path!(compounds[ci].elections[ei].candidates[k])
            };
            let (sum_zh, _) = summary(item);
            let (help_zh, help_en) = item_help(item);
            Finding::new(item.code(), cand.person.to_string(), path)
                .compound(Some(&c.id))
                .message(
                    format!("候选人 `{}`（选举 `{}`，选举日 {day}）不符合“{sum_zh}”：{}", cand.person, e.id, text.zh),
                    format!(
                        "candidate `{}` (election `{}`, election day {day}) fails `{}`: {}",
                        cand.person,
                        e.id,
                        item.code().name(),
                        text.en
                    ),
                )
                .help(help_zh, help_en)
                .fact("election", e.id.as_str())
                .fact("election_date", day)
        });
    }
}

/// The removal pass: NL002, NL004–NL014 for each member of the sitting owners' committee on
/// `as_of`, capped at warning (see the module docs).
fn sitting_members(ctx: &mut Ctx<'_>, ci: usize, c: &Compound) {
    let Some(oc) = c.owners_committee.as_ref().filter(|oc| oc.kind == CommitteeKind::OwnersCommittee) else {
        return;
    };
    let on = ctx.cfg.as_of;
    let mut seen: HashSet<&PersonId> = HashSet::new();
    for (mi, m) in oc.members.iter().enumerate() {
        if !seen.insert(&m.person) {
            continue;
        }
        let Some(person) = ctx.index.person(m.person.as_str()) else { continue };
        let applicant = Applicant { person, compound: c, on, role: Role::SittingMember };
        let screened = screening::screen(ctx.index, ctx.policy, &applicant);
        // CM002 and DE007 report these two for sitting members.
        let skip = [Item::IsOwner, Item::NoPropertyCompanyTie];
        emit_failures(ctx, &screened, &skip, |item, text| {
            let (sum_zh, _) = summary(item);
            let (help_zh, help_en) = if item == Item::NoFeeArrears {
                (CONTESTED_ZH, CONTESTED_EN)
            } else {
                (
                    "可依程序提请业主大会罢免或确认终止其委员资格，或督促其改正 (domain-rules.md R098)",
                    "the assembly may remove the member or confirm the end of their office, or the member rectifies (domain-rules.md R098)",
                )
            };
            Finding::new(item.code(), m.person.to_string(), doc_path!(compounds[ci].owners_committee.members[mi]))
                .compound(Some(&c.id))
                .message(
                    format!("业主委员会委员 `{}` 于 {on} 不符合“{sum_zh}”：{}，构成罢免事由", m.person, text.zh),
                    format!(
                        "committee member `{}` fails `{}` on {on}: {}; grounds for removal",
                        m.person,
                        item.code().name(),
                        text.en
                    ),
                )
                .help(help_zh, help_en)
                .at_most(Severity::Warning)
                .fact("role", m.role.as_str())
                .fact("as_of", on)
        });
    }
}

/// Whether a person was a party member on `day` (a recorded joining date after it does not
/// count).
fn party_member_on(ctx: &Ctx<'_>, id: &PersonId, day: NaiveDate) -> bool {
    ctx.index.person(id.as_str()).and_then(|p| p.party.as_ref()).is_some_and(|m| m.joined_on.is_none_or(|j| j <= day))
}

/// The distinct candidates of an election, in the order listed.
fn distinct_candidates(e: &Election) -> Vec<&PersonId> {
    let mut seen: HashSet<&PersonId> = HashSet::new();
    e.candidates.iter().map(|c| &c.person).filter(|p| seen.insert(p)).collect()
}

/// NL016: party members are at least `candidate_party_share` of the distinct candidates on
/// the election day ("原则上不低于50%": the bound passes). Silent without candidates (NL017).
fn candidate_party_share(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, ei: usize, e: &Election, day: NaiveDate) {
    if !ctx.on(RuleCode::Nl016) {
        return;
    }
    let all = distinct_candidates(e);
    let party = all.iter().filter(|p| party_member_on(ctx, p, day)).count();
    let (n, m) = (u64::try_from(party).unwrap_or(u64::MAX), u64::try_from(all.len()).unwrap_or(u64::MAX));
    let required = ctx.policy.params().candidate_party_share;
    if m == 0 || required.reached_by(n, m) {
        return;
    }
    ctx.emit(
        Finding::new(RuleCode::Nl016, e.id.to_string(), doc_path!(compounds[ci].elections[ei].candidates))
            .compound(Some(&c.id))
            .message(
                format!("选举 `{}` 的 {m} 名候选人中党员 {n} 名，低于 {required}", e.id),
                format!("election `{}` has {n} party members among {m} candidates, less than {required}", e.id),
            )
            .help("推荐符合条件的党员业主参选", "nominate qualified owners who are party members")
            .fact("party_members", n)
            .fact("candidates", m)
            .fact("required_share", required),
    );
}

/// NL017: at least as many distinct candidates as seats.
fn candidates_fill_seats(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, ei: usize, e: &Election) {
    if !ctx.on(RuleCode::Nl017) {
        return;
    }
    let n = u64::try_from(distinct_candidates(e).len()).unwrap_or(u64::MAX);
    if n >= u64::from(e.seats) {
        return;
    }
    ctx.emit(
        Finding::new(RuleCode::Nl017, e.id.to_string(), doc_path!(compounds[ci].elections[ei].candidates))
            .compound(Some(&c.id))
            .message(
                format!("选举 `{}` 应选 {} 名，候选人仅 {n} 名", e.id, e.seats),
                format!("election `{}` has {n} candidates for {} seats", e.id, e.seats),
            )
            .help("补充候选人，至少与应选名额相等", "nominate at least as many candidates as there are seats")
            .fact("candidates", n)
            .fact("seats", e.seats),
    );
}
