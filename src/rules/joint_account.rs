//! JA: the tri-party co-managed account for public revenue (三方共管账户): holder, custodians,
//! approvals and separation of duties, spending authority, balance, revenue authority,
//! prohibited uses, disclosures, audits, fund share, cost deductions, amounts and the
//! cross-check with the maintenance fund.
//!
//! Figures come from [`crate::ledger`], so a finding and a published statement agree.
//!
//! Sources: public revenue belongs to the owners after reasonable costs (民法典 Art 282,
//! domain-rules.md R016, R108) and its use is theirs to decide (NB Art 64). The account
//! co-managed by the community party organisation, the owners' committee and the property
//! company is the practice the crate serves: no regulation found prescribes it (R112 — the only
//! statutory 共管账户 is Beijing's two-party one, BJ Art 72), nor how many parties must sign
//! (R112: "not found"), so JA002–JA005 are `practice` and their parameters are this crate's.
//!
//! Subjects: the entry for entry rules, the person for JA004/JA005, the account for
//! account-level rules, the maintenance-fund deposit for a deposit with no matching top-up
//! (JA018). One fault, one finding: a person or matter reference that does not resolve is
//! reported by CFG001 only; an overflowing ledger by JA008 only.

mod authority;
mod books;

use std::collections::BTreeSet;

use super::{Ctx, Finding, RuleMeta};
use crate::model::{Compound, Disbursement, Entry, EntryKind, JointAccount, Party, PersonId, Purpose};
use crate::report::{Basis, RuleCode, Severity, doc_path};

const TRI_PARTY: &str = "党建引领小区治理实践：社区党组织、业主委员会、物业服务企业三方共管公共收益账户（法规未见三方共管，参照北京市物业管理条例 第七十二条；domain-rules.md R112）";
const LIB: &str = "xiaoqu 共管账户记账约定 (RULES.md JA)";
const CC_282: &str =
    "民法典 第二百八十二条；最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第十四条";
const SH_67: &str = "上海市住宅物业管理规定 第六十七条";

/// The JA rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Ja001,
        severity: Severity::Error,
        basis: Basis::Local,
        on_by_default: true,
        citation: "杭州市物业管理条例 第六十条；清远市住宅小区物业管理条例 第五十七条",
        sources: "R111",
        summary_zh: "账户以业主大会或业主委员会名义开立，不得以个人或物业服务企业名义开立",
        summary_en: "held in the name of the owners' assembly or committee, never an individual or the company",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja002,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: TRI_PARTY,
        sources: "R112, R118",
        summary_zh: "三方均为共管人，每方至少一名签字人",
        summary_en: "custodians for all three parties, each with at least one signatory",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja003,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: TRI_PARTY,
        sources: "R112, R118, R119",
        summary_zh: "每笔支出经 required_approvals 所列各方（默认三方）审批",
        summary_en: "every disbursement approved by each party in `required_approvals` (default: all three)",
        params: &["required_approvals"],
    },
    RuleMeta {
        code: RuleCode::Ja004,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: TRI_PARTY,
        sources: "R112",
        summary_zh: "审批人是其所代表一方的签字人",
        summary_en: "each approver is a signatory of the party they sign for",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja005,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: TRI_PARTY,
        sources: "R112, R153",
        summary_zh: "同一人不得代表两方审批同一笔支出，也不得同时担任两方签字人（如“一肩挑”的书记兼主任）",
        summary_en: "no person approves one disbursement for two parties, nor signs for two parties (e.g. a secretary-chair)",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja006,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB,
        sources: "R112",
        summary_zh: "审批日期不晚于支付日期",
        summary_en: "approvals are dated on or before the disbursement",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja007,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "民法典 第二百八十二条；宁波市住宅小区物业管理条例 第六十四条",
        sources: "R016, R108, R118",
        summary_zh: "超过议事规则所定业委会支出限额（未定限额时为任何一笔）的支出，须援引支付前经计票通过的业主大会决定",
        summary_en: "a disbursement above the committee spending limit (any, when none was adopted) cites a matter passed by tally before the payment",
        params: &["abstention"],
    },
    RuleMeta {
        code: RuleCode::Ja008,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB,
        sources: "RULES.md",
        summary_zh: "按日期顺序逐笔记账后余额始终不为负，且不超出数值范围",
        summary_en: "running balance >= 0 after every entry, in date order (and within the decimal range)",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja009,
        severity: Severity::Warning,
        basis: Basis::Law,
        on_by_default: true,
        citation: "民法典 第二百七十八条第一款第八项",
        sources: "R008, R010, R123, R166",
        summary_zh: "停车、广告、场地租金、通信设施收入之前，业主大会已计票通过利用共有部分经营或改变共有部分用途的事项",
        summary_en: "parking, advertising, venue-rent or telecom revenue is preceded by a passed business-use or change-of-use matter",
        params: &["abstention"],
    },
    RuleMeta {
        code: RuleCode::Ja010,
        severity: Severity::Error,
        basis: Basis::Local,
        on_by_default: true,
        citation: "宁波市住宅小区物业管理条例 第六十五条第二款",
        sources: "R117",
        summary_zh: "公共收益不得用于投资或出借",
        summary_en: "no `investment` or `lending` disbursement",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja011,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "上海市住宅物业管理规定 第六十六条；民法典 第九百四十三条 (domain-rules.md R120)",
        sources: "R022, R120",
        summary_zh: "账户存续期间每个公示周期（默认季度）结束后宽限期内公示收支",
        summary_en: "a disclosure for every `disclosure_period` of the account's life, published within `disclosure_grace_days`",
        params: &["disclosure_period", "disclosure_grace_days"],
    },
    RuleMeta {
        code: RuleCode::Ja012,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB,
        sources: "R120",
        summary_zh: "公示的收入、成本、支出合计及期末余额与台账一致",
        summary_en: "each disclosure's totals and closing balance equal the ledger's for its period",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja013,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: SH_67,
        sources: "R121",
        summary_zh: "账户存续的每个自然年度有年度审计，且在年度结束后 audit_due_days 日内完成",
        summary_en: "an annual audit of each calendar year of the account's life, completed within `audit_due_days` after year end",
        params: &["audit_due_days"],
    },
    RuleMeta {
        code: RuleCode::Ja014,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: "上海市住宅物业管理规定 第六十七条；杭州市物业管理条例 第三十七条",
        sources: "R121",
        summary_zh: "账户开立后的每次换届均有换届审计",
        summary_en: "a `re_election` audit for each re-election after the account opened",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja015,
        severity: Severity::Warning,
        basis: Basis::Local,
        on_by_default: true,
        citation: "上海市住宅物业管理规定 第五十一条；物业管理条例 第五十四条",
        sources: "R114",
        summary_zh: "设定 revenue_to_fund_share 时，每季度补充专项维修资金的金额达到该季度净收益的该比例",
        summary_en: "when `revenue_to_fund_share` is set, each quarter's top-ups to the maintenance fund meet it",
        params: &["revenue_to_fund_share"],
    },
    RuleMeta {
        code: RuleCode::Ja016,
        severity: Severity::Warning,
        basis: Basis::Law,
        on_by_default: true,
        citation: CC_282,
        sources: "R016, R032, R108",
        summary_zh: "成本扣除在 memo 中写明依据；设定 cost_share_cap 时不超过当期收入的该比例",
        summary_en: "each cost deduction states its basis in `memo`; within `cost_share_cap` of the period's revenue when set",
        params: &["cost_share_cap", "disclosure_period"],
    },
    RuleMeta {
        code: RuleCode::Ja017,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB,
        sources: "RULES.md",
        summary_zh: "流水金额大于零且至多两位小数",
        summary_en: "amounts > 0 with at most 2 decimals",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Ja018,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB,
        sources: "R114",
        summary_zh: "每笔补充维修资金支出在维修资金中有金额、流水号相同的存入记录，反之亦然",
        summary_en: "every maintenance-fund top-up appears as a fund deposit with the same amount and entry id, and vice versa",
        params: &[],
    },
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    for (ci, c) in ctx.compounds() {
        let Some(acc) = &c.joint_account else { continue };
        let at = At { ci, c, acc };
        account_holder(ctx, &at);
        three_custodians(ctx, &at);
        disbursement_fully_approved(ctx, &at);
        approver_is_signatory(ctx, &at);
        separation_of_duties(ctx, &at);
        approved_before_paid(ctx, &at);
        authority::spending_authority(ctx, &at);
        books::balance_never_negative(ctx, &at);
        authority::revenue_use_authorized(ctx, &at);
        prohibited_use(ctx, &at);
        books::disclosure_on_time(ctx, &at);
        books::disclosure_reconciles(ctx, &at);
        books::annual_audit(ctx, &at);
        books::reelection_audit(ctx, &at);
        books::fund_share_of_revenue(ctx, &at);
        books::cost_deduction_reasonable(ctx, &at);
        amounts_well_formed(ctx, &at);
        books::fund_top_up_recorded(ctx, &at);
    }
}

/// The account being checked and where it sits in the document.
struct At<'a> {
    ci: usize,
    c: &'a Compound,
    acc: &'a JointAccount,
}

impl At<'_> {
    /// A finding on `subject`, in this compound.
    fn finding(&self, code: RuleCode, subject: impl Into<String>, path: crate::report::Path) -> Finding {
        Finding::new(code, subject, path).compound(Some(&self.c.id))
    }

    /// The disbursements with their positions in `entries`.
    fn disbursements(&self) -> impl Iterator<Item = (usize, &Entry, &Disbursement)> {
        self.acc.entries.iter().enumerate().filter_map(|(i, e)| match &e.kind {
            EntryKind::Disbursement(d) => Some((i, e, d)),
            _ => None,
        })
    }
}

/// A party's name in Chinese.
fn party_zh(p: Party) -> &'static str {
    match p {
        Party::CommunityPartyOrg => "社区党组织",
        Party::OwnersCommittee => "业主委员会",
        Party::PropertyCompany => "物业服务企业",
    }
}

fn join_parties(parties: impl IntoIterator<Item = Party>, zh: bool) -> String {
    let names: Vec<&str> = parties.into_iter().map(|p| if zh { party_zh(p) } else { p.as_str() }).collect();
    names.join(if zh { "、" } else { ", " })
}

/// The parties a person signs for, from the custodian list.
fn parties_of(acc: &JointAccount, person: &PersonId) -> BTreeSet<Party> {
    acc.custodians.iter().filter(|k| k.signatories.contains(person)).map(|k| k.party).collect()
}

/// JA001: the account is held in the name of the owners' assembly or the owners' committee.
/// HZ Art 60 forbids an individual's or another organisation's name for a committee-managed
/// account and QY Art 57 requires the assembly's or committee's name (R111); a company-held
/// account is HZ's preliminary-period case, before a committee exists, which this rule does not
/// distinguish: it is a `local` rule for the city presets to refine.
fn account_holder(ctx: &mut Ctx<'_>, at: &At<'_>) {
    use crate::model::AccountHolder as H;
    if !ctx.on(RuleCode::Ja001) || matches!(at.acc.holder, H::OwnersAssembly | H::OwnersCommittee) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    ctx.emit(
        at.finding(RuleCode::Ja001, acc.id.to_string(), doc_path!(compounds[ci].joint_account.holder))
            .message(
                format!("共管账户 `{}` 以 `{}` 名义开立，应以业主大会或业主委员会名义开立", acc.id, acc.holder),
                format!(
                    "joint account `{}` is held by `{}`, not by the owners' assembly or committee",
                    acc.id, acc.holder
                ),
            )
            .help(
                "将账户变更至业主大会或业主委员会名下",
                "move the account into the name of the owners' assembly or committee",
            )
            .fact("holder", acc.holder.as_str()),
    );
}

/// JA002: each of the three parties is a custodian with at least one signatory. A party listed
/// twice counts once, with the signatories of both lists.
fn three_custodians(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja002) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    for &party in Party::ALL {
        let signatories =
            acc.custodians.iter().filter(|k| k.party == party).map(|k| k.signatories.len()).sum::<usize>();
        if signatories > 0 {
            continue;
        }
        ctx.emit(
            at.finding(RuleCode::Ja002, acc.id.to_string(), doc_path!(compounds[ci].joint_account.custodians))
                .message(
                    format!("共管账户 `{}` 缺少{}的共管签字人", acc.id, party_zh(party)),
                    format!("joint account `{}` has no signatory for the party `{party}`", acc.id),
                )
                .help("三方各指定至少一名签字人", "each of the three parties names at least one signatory")
                .fact("party", party.as_str()),
        );
    }
}

/// JA003: every disbursement is approved by each party of `required_approvals`. An approval
/// counts here whoever signed it; JA004–JA006 judge the signer and the date.
fn disbursement_fully_approved(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja003) {
        return;
    }
    let required = &ctx.policy.params().required_approvals;
    let ci = at.ci;
    for (ei, e, d) in at.disbursements() {
        let missing: BTreeSet<Party> =
            required.iter().copied().filter(|p| !d.approvals.iter().any(|a| a.party == *p)).collect();
        if missing.is_empty() {
            continue;
        }
        ctx.emit(
            at.finding(RuleCode::Ja003, e.id.to_string(), doc_path!(compounds[ci].joint_account.entries[ei].approvals))
                .message(
                    format!("支出 `{}`（{}）缺少{}的审批", e.id, e.amount, join_parties(missing.iter().copied(), true)),
                    format!(
                        "disbursement `{}` ({}) lacks the approval of {}",
                        e.id,
                        e.amount,
                        join_parties(missing.iter().copied(), false)
                    ),
                )
                .help("支付前取得所有共管方的审批", "obtain the approval of every co-managing party before paying")
                .fact("missing", join_parties(missing.iter().copied(), false))
                .fact("required", join_parties(required.iter().copied(), false)),
        );
    }
}

/// JA004: each approver is a signatory of the party they approve for. Silent when that party
/// has no signatory at all (JA002 reports the account) and for a person id that does not
/// resolve (CFG001).
fn approver_is_signatory(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja004) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    for (ei, e, d) in at.disbursements() {
        for (ai, a) in d.approvals.iter().enumerate() {
            let signatories: Vec<&PersonId> =
                acc.custodians.iter().filter(|k| k.party == a.party).flat_map(|k| &k.signatories).collect();
            if signatories.is_empty()
                || signatories.contains(&&a.person)
                || ctx.index.person(a.person.as_str()).is_none()
            {
                continue;
            }
            ctx.emit(
                at.finding(
                    RuleCode::Ja004,
                    a.person.to_string(),
                    doc_path!(compounds[ci].joint_account.entries[ei].approvals[ai].person),
                )
                .message(
                    format!("`{}` 代表{}审批支出 `{}`，但不是该方的签字人", a.person, party_zh(a.party), e.id),
                    format!(
                        "`{}` approved disbursement `{}` for `{}` without being a signatory of that party",
                        a.person, e.id, a.party
                    ),
                )
                .help(
                    "由该方登记的签字人审批，或先将其登记为签字人",
                    "have a registered signatory approve, or register the person first",
                )
                .fact("entry", e.id.as_str())
                .fact("party", a.party.as_str()),
            );
        }
    }
}

/// JA005: separation of duties. (a) A person who approves one disbursement for two or more
/// parties, reported once per disbursement; (b) a person registered as a signatory of two or
/// more parties, reported once at the list where the second party names them. Under 一肩挑 the
/// branch secretary chairs the committee (R149, R153): a secretary who signs for the party
/// organisation and the committee makes the three-party control two-party, which is the
/// control R153 notes as the legal risk of the arrangement.
fn separation_of_duties(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja005) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    for (ei, e, d) in at.disbursements() {
        let mut seen: Vec<&PersonId> = Vec::new();
        for (ai, a) in d.approvals.iter().enumerate() {
            if seen.contains(&&a.person) {
                continue;
            }
            seen.push(&a.person);
            let parties: BTreeSet<Party> =
                d.approvals.iter().filter(|b| b.person == a.person).map(|b| b.party).collect();
            if parties.len() < 2 {
                continue;
            }
            ctx.emit(
                at.finding(
                    RuleCode::Ja005,
                    a.person.to_string(),
                    doc_path!(compounds[ci].joint_account.entries[ei].approvals[ai]),
                )
                .message(
                    format!(
                        "`{}` 同时代表{}审批支出 `{}`",
                        a.person,
                        join_parties(parties.iter().copied(), true),
                        e.id
                    ),
                    format!(
                        "`{}` approved disbursement `{}` for {} at once",
                        a.person,
                        e.id,
                        join_parties(parties.iter().copied(), false)
                    ),
                )
                .help("每一方由不同的人审批", "each party's approval must come from a different person")
                .fact("entry", e.id.as_str())
                .fact("parties", join_parties(parties.iter().copied(), false)),
            );
        }
    }
    let mut reported: Vec<&PersonId> = Vec::new();
    for (ki, k) in acc.custodians.iter().enumerate() {
        for (si, s) in k.signatories.iter().enumerate() {
            let parties = parties_of(acc, s);
            let earlier = acc.custodians.iter().take(ki).any(|o| o.party != k.party && o.signatories.contains(s));
            if parties.len() < 2 || !earlier || reported.contains(&s) {
                continue;
            }
            reported.push(s);
            ctx.emit(
                at.finding(
                    RuleCode::Ja005,
                    s.to_string(),
                    doc_path!(compounds[ci].joint_account.custodians[ki].signatories[si]),
                )
                .message(
                    format!("`{s}` 同时是{}的签字人", join_parties(parties.iter().copied(), true)),
                    format!("`{s}` is a signatory of {} at once", join_parties(parties.iter().copied(), false)),
                )
                .help(
                    "每一方指定不同的签字人（“一肩挑”的书记兼主任只代表一方签字）",
                    "each party names different signatories (a secretary-chair signs for one party only)",
                )
                .fact("parties", join_parties(parties.iter().copied(), false)),
            );
        }
    }
}

/// JA006: each approval is dated on or before the disbursement it approves. The sources give no
/// rule (R112: signature rules not found); an approval after the money left is no control, so
/// this crate requires it.
fn approved_before_paid(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja006) {
        return;
    }
    let ci = at.ci;
    for (ei, e, d) in at.disbursements() {
        for (ai, a) in d.approvals.iter().enumerate().filter(|(_, a)| a.date > e.date) {
            ctx.emit(
                at.finding(
                    RuleCode::Ja006,
                    e.id.to_string(),
                    doc_path!(compounds[ci].joint_account.entries[ei].approvals[ai].date),
                )
                .message(
                    format!(
                        "支出 `{}` 于 {} 支付，{} `{}` 的审批日期 {} 在支付之后",
                        e.id,
                        e.date,
                        party_zh(a.party),
                        a.person,
                        a.date
                    ),
                    format!(
                        "disbursement `{}` was paid on {} but `{}` approved for `{}` on {}",
                        e.id, e.date, a.person, a.party, a.date
                    ),
                )
                .help("先审批后支付", "approve before paying")
                .fact("person", a.person.as_str())
                .fact("party", a.party.as_str())
                .fact("approved_on", a.date)
                .fact("paid_on", e.date),
            );
        }
    }
}

/// JA010: no disbursement for investment or lending (NB Art 65 para 2, R117; NB also bans
/// using the revenue as security, which the model's purposes do not name).
fn prohibited_use(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja010) {
        return;
    }
    let ci = at.ci;
    for (ei, e, d) in at.disbursements().filter(|(_, _, d)| matches!(d.purpose, Purpose::Investment | Purpose::Lending))
    {
        ctx.emit(
            at.finding(RuleCode::Ja010, e.id.to_string(), doc_path!(compounds[ci].joint_account.entries[ei].purpose))
                .message(
                    format!("支出 `{}`（{}）用途为 `{}`，公共收益不得用于投资或出借", e.id, e.amount, d.purpose),
                    format!(
                        "disbursement `{}` ({}) is for `{}`: public revenue may not be invested or lent",
                        e.id, e.amount, d.purpose
                    ),
                )
                .help("收回款项并改按业主决定的用途使用", "recover the money and use it as the owners decide")
                .fact("purpose", d.purpose.as_str()),
        );
    }
}

/// JA017: every entry's amount is greater than zero with at most two decimals. Loading already
/// refuses a third decimal; the check covers documents built in code.
fn amounts_well_formed(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja017) {
        return;
    }
    let ci = at.ci;
    for (ei, e) in at.acc.entries.iter().enumerate() {
        let scale = e.amount.value().normalize().scale();
        if e.amount.is_positive() && scale <= crate::model::MAX_SCALE {
            continue;
        }
        ctx.emit(
            at.finding(RuleCode::Ja017, e.id.to_string(), doc_path!(compounds[ci].joint_account.entries[ei].amount))
                .message(
                    format!("流水 `{}` 的金额 {} 应大于零且至多两位小数", e.id, e.amount.value()),
                    format!(
                        "entry `{}` has amount {}: amounts are > 0 with at most 2 decimals",
                        e.id,
                        e.amount.value()
                    ),
                )
                .help(
                    "金额写为正数，收支方向由流水类型表示",
                    "write a positive amount; the entry's kind gives the direction",
                )
                .fact("amount", e.amount.value()),
        );
    }
}
