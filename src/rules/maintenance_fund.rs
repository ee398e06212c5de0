//! MF: the special maintenance fund (专项维修资金): every ordinary use is authorised by a
//! passed owners' decision that covers it, an emergency use names an allowed category, the
//! recorded balance reconciles with the deposits and uses, and a balance below the top-up
//! line is reported.
//!
//! "Passed" always means passed **by tally** ([`resolution_status`], the Art 278 engine the AV
//! rules use), never the organisers' `declared_result`: a use resting on a vote that was
//! declared passed but did not reach the thresholds is unauthorised (AV002 reports the false
//! declaration itself).
//!
//! One fault, one finding: a `resolution` that names no assembly or matter of the compound is
//! `CFG001`'s, and a use or deposit dated after `as_of` is `CFG004`'s; both still enter the
//! balance here, since the recorded balance is meant to include every recorded movement.

use foldhash::{HashMap, HashMapExt};

use rust_decimal::Decimal;

use super::{Ctx, Finding, RuleMeta};
use crate::model::{Compound, FundUse, MaintenanceFund, MatterKind, MatterRef, Money};
use crate::report::{Basis, RuleCode, Severity, doc_path};
use crate::voting::ResolutionStatus;

/// The MF rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Mf001,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "民法典 第二百七十八条第一款第（五）项、第二百八十一条",
        sources: "R008, R011, R014, R127",
        summary_zh: "非应急使用维修资金，须引用经业主共同决定（按计票）通过的 use_maintenance_fund 事项，且金额在其范围内",
        summary_en: "every non-emergency use cites a `use_maintenance_fund` matter that passed by tally before the use and whose amount covers it",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Mf002,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "住宅专项维修资金管理办法 第二十四条；上海市住宅物业管理规定 第七十三条；杭州市物业管理条例 第七十三条",
        sources: "R015, R128, R134, R136, R140",
        summary_zh: "应急使用维修资金须属于 emergency_categories 所列情形",
        summary_en: "an emergency use names a category in `emergency_categories`",
        params: &["emergency_categories"],
    },
    RuleMeta {
        code: RuleCode::Mf003,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: "民法典 第二百八十一条（维修资金的筹集、使用情况应当定期公布）",
        sources: "R014, R130",
        summary_zh: "账面余额 = 首期交存额 + 续交 − 使用",
        summary_en: "the recorded balance equals the initial deposit plus deposits minus uses",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Mf004,
        severity: Severity::Warning,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "住宅专项维修资金管理办法（余额不足首期交存额30%的应当续交，条号未核实）；北京市物业管理条例 第八十三条；杭州市物业管理条例 第七十一条",
        sources: "R129, R133",
        summary_zh: "余额不低于首期交存额的 fund_top_up_ratio（30%），否则应续交",
        summary_en: "the balance is at least `fund_top_up_ratio` (3/10) of the initial deposit; below it a top-up is due",
        params: &["fund_top_up_ratio"],
    },
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    for (ci, c) in ctx.compounds() {
        let Some(fund) = &c.maintenance_fund else { continue };
        fund_use_authorized(ctx, ci, c, fund);
        emergency_category(ctx, ci, c, fund);
        balance_reconciles(ctx, ci, c, fund);
        top_up_due(ctx, ci, c, fund);
    }
}

/// Why a use is not authorised.
#[derive(Debug, Clone, Copy)]
enum Fault {
    NoResolution,
    WrongKind(MatterKind),
    NotPassed,
    BeforeClosing(chrono::NaiveDate),
    NoAmount,
    /// The uses citing the matter, this one included, exceed its amount.
    Exceeds {
        authorised: Money,
        used_before: Money,
    },
}

/// MF001: every use that is not an emergency use cites a `use_maintenance_fund` matter (CC Art
/// 278 para 1 item (5): using the fund is a joint decision of the owners; R011: ordinary
/// majority) that passed by tally, whose vote closed on or before the use's date (the decision
/// exists from the last voting day), and whose amount covers the use.
///
/// Coverage is cumulative: a matter authorises spending up to its amount once, so the uses
/// citing the same matter, taken in date order (document order on a tie), may together spend
/// at most that amount; the use that crosses it is reported. One use exactly equal to the
/// amount passes, one fen more fails. A matter without an `amount` authorises no definite sum
/// and so covers nothing: a use citing it is reported (CC Art 281 asks that use be decided and
/// published; an open-ended authorisation is not in the sources). Emergency uses (`emergency`
/// set) are MF002's. A cited matter of another kind is reported whatever its result; an
/// unresolved reference is CFG001's.
fn fund_use_authorized<'a>(ctx: &mut Ctx<'a>, ci: usize, c: &'a Compound, fund: &MaintenanceFund) {
    if !ctx.on(RuleCode::Mf001) {
        return;
    }
    let abstention = ctx.policy.params().abstention;
    let mut order: Vec<(usize, &FundUse)> =
        fund.uses.iter().enumerate().filter(|(_, u)| u.emergency.is_none()).collect();
    order.sort_by_key(|(i, u)| (u.date, *i));
    let mut spent: HashMap<&MatterRef, Money> = HashMap::new();
    let mut findings = Vec::new();
    for (i, u) in order {
        let Some(r) = &u.resolution else {
            findings.push((i, u, Fault::NoResolution));
            continue;
        };
        let fault = match ctx.resolution_status(c, r, abstention) {
            ResolutionStatus::Unresolved => continue,
            ResolutionStatus::Passed { kind, .. } | ResolutionStatus::NotPassed { kind, .. }
                if kind != MatterKind::UseMaintenanceFund =>
            {
                Fault::WrongKind(kind)
            }
            ResolutionStatus::Passed { closed_on, amount, .. } => {
                let used_before = spent.get(r).copied().unwrap_or(Money::ZERO);
                let total = used_before.checked_add(u.amount);
                if let Some(t) = total {
                    spent.insert(r, t);
                }
                match amount {
                    _ if closed_on > u.date => Fault::BeforeClosing(closed_on),
                    None => Fault::NoAmount,
                    Some(authorised) if total.is_none_or(|t| t > authorised) => {
                        Fault::Exceeds { authorised, used_before }
                    }
                    Some(_) => continue,
                }
            }
            ResolutionStatus::NotPassed { .. } => Fault::NotPassed,
        };
        findings.push((i, u, fault));
    }
    for (i, u, fault) in findings {
        emit_unauthorised(ctx, ci, c, i, u, fault);
    }
}

fn emit_unauthorised(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, ui: usize, fund_use: &FundUse, fault: Fault) {
    let cited = fund_use.resolution.as_ref().map_or_else(String::new, |r| format!("{}/{}", r.assembly, r.matter));
    let (id, amount) = (&fund_use.id, fund_use.amount);
    let head_zh = format!("维修资金使用 `{id}`（{}，{amount} 元）", fund_use.date);
    let head_en = format!("maintenance-fund use `{id}` ({}, {amount})", fund_use.date);
    let path = if fund_use.resolution.is_some() {
        doc_path!(compounds[ci].maintenance_fund.uses[ui].resolution)
    } else {
        doc_path!(compounds[ci].maintenance_fund.uses[ui])
    };
    let mut f = Finding::new(RuleCode::Mf001, id.to_string(), path).compound(Some(&c.id)).fact("amount", amount);
    if !cited.is_empty() {
        f = f.fact("resolution", cited.as_str());
    }
    let f = match fault {
        Fault::NoResolution => f.message(
            format!("{head_zh}不是应急使用，却未引用业主大会决定"),
            format!("{head_en} is not an emergency use and cites no owners' resolution"),
        ),
        Fault::WrongKind(kind) => f
            .message(
                format!("{head_zh}引用的事项 `{cited}` 类型为 {kind}，不是使用维修资金（use_maintenance_fund）"),
                format!("{head_en} cites `{cited}`, a `{kind}` matter, not `use_maintenance_fund`"),
            )
            .fact("matter_kind", kind.as_str()),
        Fault::NotPassed => f.message(
            format!("{head_zh}引用的事项 `{cited}` 按计票未获通过"),
            format!("{head_en} cites `{cited}`, which did not pass by tally"),
        ),
        Fault::BeforeClosing(closed_on) => f
            .message(
                format!("{head_zh}早于事项 `{cited}` 的表决截止日 {closed_on}"),
                format!("{head_en} precedes the close of the vote on `{cited}` ({closed_on})"),
            )
            .fact("closed_on", closed_on),
        Fault::NoAmount => f.message(
            format!("{head_zh}引用的事项 `{cited}` 未载明金额，不能覆盖任何支出"),
            format!("{head_en} cites `{cited}`, which states no amount and so covers none"),
        ),
        Fault::Exceeds { authorised, used_before } => f
            .message(
                format!("{head_zh}超出事项 `{cited}` 批准的 {authorised} 元（此前已用 {used_before} 元）"),
                format!("{head_en} exceeds the {authorised} approved by `{cited}` ({used_before} already used)"),
            )
            .fact("authorised", authorised)
            .fact("used_before", used_before),
    };
    ctx.emit(f.help(
        "使用维修资金须经业主共同决定（专有部分面积和人数三分之二以上参与表决，参与表决者过半数同意），并在批准金额内支出",
        "a use of the fund needs a joint decision of the owners (2/3 participation, more than half approving) and must stay within the approved amount",
    ));
}

/// MF002: an emergency use (应急使用, MF Art 24: repairs endangering housing safety may proceed
/// without the owners' vote) names one of `emergency_categories`. The national default lists
/// the categories the local lists share (lift, fire facilities, façade, roof or wall leaks,
/// water supply, drainage, structural danger: SH Art 73, HZ Art 73, LN; R134, R136, R140);
/// a city preset narrows it to its own article. The comparison is exact (names as written).
fn emergency_category(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, fund: &MaintenanceFund) {
    if !ctx.on(RuleCode::Mf002) {
        return;
    }
    let allowed = &ctx.policy.params().emergency_categories;
    let mut findings = Vec::new();
    for (i, u) in fund.uses.iter().enumerate() {
        let Some(category) = u.emergency.as_ref().filter(|cat| !allowed.contains(cat)) else { continue };
        let list = allowed.join(", ");
        findings.push(
            Finding::new(
                RuleCode::Mf002,
                u.id.to_string(),
                doc_path!(compounds[ci].maintenance_fund.uses[i].emergency),
            )
            .compound(Some(&c.id))
            .message(
                format!("维修资金应急使用 `{}` 的类别 `{category}` 不在允许的应急情形之列", u.id),
                format!("emergency use `{}` names category `{category}`, which is not an allowed emergency", u.id),
            )
            .help(
                "应急使用限于危及房屋安全等紧急情形；其他使用须经业主共同决定",
                "emergency use is limited to the listed urgent cases; any other use needs the owners' joint decision",
            )
            .fact("category", category.as_str())
            .fact("allowed", list)
            .fact("amount", u.amount),
        );
    }
    for f in findings {
        ctx.emit(f);
    }
}

/// The sum of `amounts`, or `None` beyond the decimal range.
fn sum<'a>(amounts: impl IntoIterator<Item = &'a Money>) -> Option<Money> {
    amounts.into_iter().try_fold(Money::ZERO, |acc, m| acc.checked_add(*m))
}

/// MF003: the recorded balance equals the initial deposit plus every later deposit minus every
/// use (exact decimal arithmetic). A total beyond the decimal range (about 7.9 × 10²⁸) cannot
/// be computed and is not reported: no recorded balance could be compared with it.
fn balance_reconciles(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, fund: &MaintenanceFund) {
    if !ctx.on(RuleCode::Mf003) {
        return;
    }
    let (Some(deposits), Some(uses)) =
        (sum(fund.deposits.iter().map(|d| &d.amount)), sum(fund.uses.iter().map(|u| &u.amount)))
    else {
        return;
    };
    let Some(computed) = fund.initial_deposit.checked_add(deposits).and_then(|t| t.checked_sub(uses)) else { return };
    if computed == fund.balance {
        return;
    }
    ctx.emit(
        Finding::new(RuleCode::Mf003, c.id.to_string(), doc_path!(compounds[ci].maintenance_fund.balance))
            .compound(Some(&c.id))
            .message(
                format!(
                    "小区 `{}` 维修资金账面余额 {} 元，按首期交存 {} + 续交 {deposits} − 使用 {uses} 计算应为 {computed} 元",
                    c.id, fund.balance, fund.initial_deposit
                ),
                format!(
                    "the maintenance fund of `{}` records a balance of {}; initial {} + deposits {deposits} − uses {uses} = {computed}",
                    c.id, fund.balance, fund.initial_deposit
                ),
            )
            .help(
                "核对维修资金的续交和使用记录，更正账面余额",
                "reconcile the deposits and uses with the bank record and correct the balance",
            )
            .fact("recorded_balance", fund.balance)
            .fact("computed_balance", computed)
            .fact("initial_deposit", fund.initial_deposit)
            .fact("deposits", deposits)
            .fact("uses", uses),
    );
}

/// MF004: the recorded balance is at least `fund_top_up_ratio` of the initial deposit (R129:
/// below 30% the owners must top up; "不足" excludes the bound, so exactly 30% passes). The
/// comparison is exact: `balance · den ≥ initial · num` on decimals. The recorded balance is
/// the one compared (what the fund holds by its own account); if it does not reconcile, MF003
/// says so. A product beyond the decimal range cannot be compared and is not reported.
fn top_up_due(ctx: &mut Ctx<'_>, ci: usize, c: &Compound, fund: &MaintenanceFund) {
    if !ctx.on(RuleCode::Mf004) {
        return;
    }
    let ratio = ctx.policy.params().fund_top_up_ratio;
    let (num, den) = (Decimal::from(ratio.num()), Decimal::from(ratio.den()));
    let (Some(held), Some(line)) =
        (fund.balance.value().checked_mul(den), fund.initial_deposit.value().checked_mul(num))
    else {
        return;
    };
    if held >= line {
        return;
    }
    ctx.emit(
        Finding::new(RuleCode::Mf004, c.id.to_string(), doc_path!(compounds[ci].maintenance_fund.balance))
            .compound(Some(&c.id))
            .message(
                format!(
                    "小区 `{}` 维修资金余额 {} 元，低于首期交存额 {} 元的 {ratio}，应当续交",
                    c.id, fund.balance, fund.initial_deposit
                ),
                format!(
                    "the maintenance fund of `{}` holds {}, below {ratio} of the initial deposit {}; a top-up is due",
                    c.id, fund.balance, fund.initial_deposit
                ),
            )
            .help(
                "业主委员会组织业主按管理规约或业主大会决定续交维修资金",
                "the committee organises the owners' top-up under the covenant or an assembly decision",
            )
            .fact("balance", fund.balance)
            .fact("initial_deposit", fund.initial_deposit)
            .fact("required_share", ratio),
    );
}
