//! JA rules on the books: balance, disclosures, audits, fund share, cost deductions and the
//! cross-check with the maintenance fund. Every figure comes from [`crate::ledger`].

use super::{At, Ctx};
use crate::dates::within_days;
use crate::ledger::schedule::{covers, disclosed_on_time, due_periods};
use crate::ledger::{self, DisclosureField, LedgerError, Period, Replay, exact};
use crate::model::{AuditTrigger, DepositSource, ElectionKind, EntryKind, Money, Purpose};
use crate::policy::{DisclosurePeriod, Threshold};
use crate::report::{RuleCode, doc_path};
use chrono::NaiveDate;

/// Days from `due` to `date` (positive when late).
fn days_after(due: NaiveDate, date: NaiveDate) -> i64 {
    date.signed_duration_since(due).num_days()
}

/// JA008: the running balance is never negative, in replay order (date, then id). The opening
/// balance counts as the balance before the first entry. One finding per run of negative
/// balances, on the entry that starts it: the entries after it are not separate faults. A
/// balance that leaves the decimal range is reported here, on the entry where it does, and
/// stops the check (no other JA rule reports it).
pub(super) fn balance_never_negative(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja008) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    let replay = match ledger::replay(acc) {
        Ok(r) => r,
        Err(LedgerError::Overflow { quantity, entry, index }) => {
            ctx.emit(
                at.finding(
                    RuleCode::Ja008,
                    entry.to_string(),
                    doc_path!(compounds[ci].joint_account.entries[index].amount),
                )
                .message(
                    format!("共管账户 `{}` 记入流水 `{entry}` 后余额超出数值范围，无法计算", acc.id),
                    format!("the balance of joint account `{}` leaves the decimal range at entry `{entry}`", acc.id),
                )
                .help("核对该笔金额", "check the entry's amount")
                .fact("quantity", quantity.as_str()),
            );
            return;
        }
        Err(_) => return,
    };
    let mut negative = acc.opening_balance < Money::ZERO;
    if negative {
        ctx.emit(
            at.finding(RuleCode::Ja008, acc.id.to_string(), doc_path!(compounds[ci].joint_account.opening_balance))
                .message(
                    format!("共管账户 `{}` 期初余额为负（{}）", acc.id, acc.opening_balance),
                    format!("joint account `{}` opens with a negative balance ({})", acc.id, acc.opening_balance),
                )
                .help("核对期初余额", "check the opening balance")
                .fact("balance", acc.opening_balance),
        );
    }
    for s in replay.steps() {
        let now = s.balance < Money::ZERO;
        if now && !negative {
            let (e, ei) = (s.entry, s.index);
            ctx.emit(
                at.finding(RuleCode::Ja008, e.id.to_string(), doc_path!(compounds[ci].joint_account.entries[ei]))
                    .message(
                        format!(
                            "共管账户 `{}` 记入 {} 的流水 `{}` 后余额为 {}，不得为负",
                            acc.id, e.date, e.id, s.balance
                        ),
                        format!(
                            "joint account `{}` has a negative balance of {} after entry `{}` of {}",
                            acc.id, s.balance, e.id, e.date
                        ),
                    )
                    .help("核对收支记录：支出不得超过账户余额", "check the entries: no payment may exceed the balance")
                    .fact("balance", s.balance)
                    .fact("date", e.date),
            );
        }
        negative = now;
    }
}

/// JA011: a disclosure for every period (`disclosure_period`, calendar quarters by default)
/// of the account's life whose last day is at least `disclosure_grace_days` before `as_of`,
/// published within that many days after the period ends (the last day counts: published on
/// day 30 after a 30-day grace passes, on day 31 fails). The account's life starts on its
/// opening day and its first, partial period must be disclosed like any other (see
/// [`covers`](crate::ledger::schedule::covers)). Shorter disclosures that together cover the period, each published by its
/// deadline, disclose it too (quarterly statements meet a half-yearly cadence: HZ Art 30, GZ
/// Art 36 ask "at least" every six months). One finding per period: missing, or published late
/// or before the period ended (on the first covering disclosure). SH Art 66 sets the quarterly cadence; none of the sources found sets the days
/// allowed to publish, so `disclosure_grace_days` is this crate's default.
pub(super) fn disclosure_on_time(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja011) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    let params = ctx.policy.params();
    let (cadence, grace) = (params.disclosure_period, params.disclosure_grace_days);
    for (p, due) in due_periods(cadence, acc.opened_on, ctx.cfg.as_of, grace) {
        if disclosed_on_time(&acc.disclosures, p, acc.opened_on, grace) {
            continue;
        }
        let mut covering =
            acc.disclosures.iter().enumerate().filter(|(_, d)| covers(d.period_start, d.period_end, p, acc.opened_on));
        let f = match covering.next() {
            None => at
                .finding(RuleCode::Ja011, acc.id.to_string(), doc_path!(compounds[ci].joint_account.disclosures))
                .message(
                    format!("共管账户 `{}` 缺少 {} 至 {} 的收支公示（应于 {} 前公示）", acc.id, p.start, p.end, due),
                    format!("joint account `{}` has no disclosure for {} to {} (due by {})", acc.id, p.start, p.end, due),
                ),
            Some((di, d)) if d.published_on < p.end => at
                .finding(RuleCode::Ja011, acc.id.to_string(), doc_path!(compounds[ci].joint_account.disclosures[di].published_on))
                .message(
                    format!("共管账户 `{}` {} 至 {} 的收支公示于 {} 发布，早于期末", acc.id, p.start, p.end, d.published_on),
                    format!("the disclosure of joint account `{}` for {} to {} was published on {}, before the period ended", acc.id, p.start, p.end, d.published_on),
                )
                .fact("published_on", d.published_on),
            Some((di, d)) => at
                .finding(RuleCode::Ja011, acc.id.to_string(), doc_path!(compounds[ci].joint_account.disclosures[di].published_on))
                .message(
                    format!("共管账户 `{}` {} 至 {} 的收支公示于 {} 发布，未在期满后 {grace} 日内（{} 前）", acc.id, p.start, p.end, d.published_on, due),
                    format!("the disclosure of joint account `{}` for {} to {} was published on {}, not within {grace} days after the period (by {})", acc.id, p.start, p.end, d.published_on, due),
                )
                .fact("published_on", d.published_on)
                .fact("days_late", days_after(due, d.published_on)),
        };
        ctx.emit(
            f.help(
                "每期结束后在宽限期内公示收支",
                "publish each period's statement within the grace days after it ends",
            )
            .fact("period_start", p.start)
            .fact("period_end", p.end)
            .fact("due", due)
            .fact("grace_days", grace),
        );
    }
}

/// Fact keys of a discrepancy: (recorded, computed).
fn fact_keys(field: DisclosureField) -> (&'static str, &'static str) {
    match field {
        DisclosureField::RevenueTotal => ("revenue_total_recorded", "revenue_total_computed"),
        DisclosureField::CostTotal => ("cost_total_recorded", "cost_total_computed"),
        DisclosureField::DisbursementTotal => ("disbursement_total_recorded", "disbursement_total_computed"),
        DisclosureField::ClosingBalance => ("closing_balance_recorded", "closing_balance_computed"),
    }
}

/// JA012: each disclosure's revenue, cost and disbursement totals and its closing balance equal
/// the ledger's for its period ([`ledger::reconcile`]). One finding per disclosure, naming
/// every figure that differs. Silent for a period that ends before it starts (CFG003) or a
/// ledger that overflows (JA008).
pub(super) fn disclosure_reconciles(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja012) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    for (di, d) in acc.disclosures.iter().enumerate() {
        let Ok(diffs) = ledger::reconcile(acc, d) else { continue };
        if diffs.is_empty() {
            continue;
        }
        let describe = |zh: bool| -> String {
            let parts: Vec<String> = diffs
                .iter()
                .map(|x| {
                    let diff = x.difference().map_or_else(|| "?".to_owned(), |m| m.to_string());
                    if zh {
                        format!("{} 公示 {}、台账 {}（差 {diff}）", x.field.zh(), x.recorded, x.computed)
                    } else {
                        format!("{} recorded {}, ledger {} (difference {diff})", x.field, x.recorded, x.computed)
                    }
                })
                .collect();
            parts.join(if zh { "；" } else { "; " })
        };
        let mut f = at
            .finding(RuleCode::Ja012, acc.id.to_string(), doc_path!(compounds[ci].joint_account.disclosures[di]))
            .message(
                format!(
                    "共管账户 `{}` {} 至 {} 的公示与台账不符：{}",
                    acc.id,
                    d.period_start,
                    d.period_end,
                    describe(true)
                ),
                format!(
                    "the disclosure of joint account `{}` for {} to {} disagrees with the ledger: {}",
                    acc.id,
                    d.period_start,
                    d.period_end,
                    describe(false)
                ),
            )
            .help("按台账重新编制并更正公示", "correct the disclosure from the ledger and publish the correction")
            .fact("period_start", d.period_start)
            .fact("period_end", d.period_end);
        for x in &diffs {
            let (recorded, computed) = fact_keys(x.field);
            f = f.fact(recorded, x.recorded).fact(computed, x.computed);
        }
        ctx.emit(f);
    }
}

/// JA013: an `annual` audit of each calendar year of the account's life whose year end is at
/// least `audit_due_days` before `as_of`, completed within that many days after the year ends
/// (day 90 passes, day 91 fails). The opening year counts even when partial, as for JA011 (see
/// [`covers`](crate::ledger::schedule::covers)). SH Art 67 requires annual audits without a deadline found in the sources; the
/// 90 days are this crate's default.
pub(super) fn annual_audit(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja013) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    let days = ctx.policy.params().audit_due_days;
    for (year, due) in due_periods(DisclosurePeriod::Year, acc.opened_on, ctx.cfg.as_of, days) {
        let mut covering = acc.audits.iter().enumerate().filter(|(_, a)| {
            a.trigger == AuditTrigger::Annual && covers(a.period_start, a.period_end, year, acc.opened_on)
        });
        if covering.clone().any(|(_, a)| within_days(year.end, a.completed_on, days)) {
            continue;
        }
        let f = match covering.next() {
            None => at
                .finding(RuleCode::Ja013, acc.id.to_string(), doc_path!(compounds[ci].joint_account.audits))
                .message(
                    format!("共管账户 `{}` 缺少 {} 年度审计（应于 {} 前完成）", acc.id, year.end.format("%Y"), due),
                    format!("joint account `{}` has no annual audit of {} (due by {})", acc.id, year.end.format("%Y"), due),
                ),
            Some((ai, a)) => at
                .finding(RuleCode::Ja013, acc.id.to_string(), doc_path!(compounds[ci].joint_account.audits[ai].completed_on))
                .message(
                    format!("共管账户 `{}` {} 年度审计于 {} 完成，超过年度结束后 {days} 日（{}）", acc.id, year.end.format("%Y"), a.completed_on, due),
                    format!("the annual audit of {} of joint account `{}` was completed on {}, more than {days} days after the year (by {})", year.end.format("%Y"), acc.id, a.completed_on, due),
                )
                .fact("completed_on", a.completed_on)
                .fact("days_late", days_after(due, a.completed_on)),
        };
        ctx.emit(
            f.help("委托审计机构在期限内完成年度审计", "have the annual audit completed within the deadline")
                .fact("year_start", year.start)
                .fact("year_end", year.end)
                .fact("due", due)
                .fact("due_days", days),
        );
    }
}

/// JA014: a `re_election` audit for each re-election (换届) held after the account opened. A
/// re-election is held on the closing day of its assembly; one on or before `as_of` needs an
/// audit whose period ends between the previous re-election (or the opening day) and the
/// re-election day, both included — the stewardship of the outgoing committee. SH Art 67 and
/// HZ Art 37 require the audit without a deadline found in the sources, so none is checked.
/// An election whose assembly does not resolve is CFG001's.
pub(super) fn reelection_audit(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja014) {
        return;
    }
    let (acc, ci, c) = (at.acc, at.ci, at.c);
    let mut held: Vec<(NaiveDate, &str)> = c
        .elections
        .iter()
        .filter(|e| e.kind == ElectionKind::ReElection)
        .filter_map(|e| c.assemblies.iter().find(|a| a.id == e.assembly).map(|a| (a.closed_on, e.id.as_str())))
        .filter(|(d, _)| *d > acc.opened_on && *d <= ctx.cfg.as_of)
        .collect();
    held.sort_unstable();
    let mut from = acc.opened_on;
    for (day, election) in held {
        let audited = acc
            .audits
            .iter()
            .any(|a| a.trigger == AuditTrigger::ReElection && a.period_end >= from && a.period_end <= day);
        if !audited {
            ctx.emit(
                at.finding(RuleCode::Ja014, acc.id.to_string(), doc_path!(compounds[ci].joint_account.audits))
                    .message(
                        format!("共管账户 `{}` 缺少 {} 换届（选举 `{election}`）的换届审计", acc.id, day),
                        format!(
                            "joint account `{}` has no re-election audit for the re-election `{election}` of {}",
                            acc.id, day
                        ),
                    )
                    .help("换届时委托对公共收益进行财务审计", "have the public revenue audited at the re-election")
                    .fact("election", election)
                    .fact("re_elected_on", day)
                    .fact("audit_period_from", from),
            );
        }
        from = day;
    }
}

/// `part / whole >= share`, exactly; `None` when a product leaves the range.
fn share_reached(share: Threshold, part: Money, whole: Money) -> Option<bool> {
    exact::share_reached(part, whole, share.ratio.num(), share.ratio.den(), share.inclusive)
}

/// Sum of the maintenance-fund top-ups dated within a period.
fn top_ups(replay: &Replay<'_>, p: Period) -> Option<Money> {
    replay.steps_within(p).iter().try_fold(Money::ZERO, |sum, s| match &s.entry.kind {
        EntryKind::Disbursement(d) if d.purpose == Purpose::MaintenanceFundTopUp => exact::add(sum, s.entry.amount),
        _ => Some(sum),
    })
}

/// JA015: when `revenue_to_fund_share` is set, the top-ups to the maintenance fund dated in each
/// calendar quarter that ended on or before `as_of` reach that share of the quarter's net
/// revenue (revenue less cost deductions: 民法典 Art 282 makes revenue the owners' only net of
/// reasonable costs). The share is a threshold: `">1/2"` is strictly more than half (SH Art 51
/// says "more than 50%", the Shanghai preset), `">=1/2"` at least half. A quarter with no net revenue
/// asks nothing. The sources do not say whether a quarter's revenue may be transferred early
/// in the next quarter; this rule counts top-ups in the same quarter. Caution (H4): 法工委
/// found a fixed share set by local rule without the owners' decision inconsistent with the
/// Civil Code, so the rule is `local` and off unless a profile sets the share.
pub(super) fn fund_share_of_revenue(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let Some(share) = ctx.policy.params().revenue_to_fund_share else { return };
    if !ctx.on(RuleCode::Ja015) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    let Ok(replay) = ledger::replay(acc) else { return };
    for q in Period::covering(DisclosurePeriod::Quarter, acc.opened_on, ctx.cfg.as_of) {
        if q.end > ctx.cfg.as_of {
            continue;
        }
        let Ok(t) = replay.totals(q) else { continue };
        let (Some(net), Some(paid)) = (exact::sub(t.revenue, t.cost), top_ups(&replay, q)) else { continue };
        if !net.is_positive() || share_reached(share, paid, net) != Some(false) {
            continue;
        }
        ctx.emit(
            at.finding(RuleCode::Ja015, acc.id.to_string(), doc_path!(compounds[ci].joint_account.entries))
                .message(
                    format!("共管账户 `{}` {} 至 {} 净收益 {net}，补充维修资金 {paid}，不足 {share}", acc.id, q.start, q.end),
                    format!("joint account `{}` topped up the maintenance fund by {paid} from a net revenue of {net} in {} to {}, less than {share}", acc.id, q.start, q.end),
                )
                .help("按规定比例按季度划转至专项维修资金", "transfer the required share to the maintenance fund each quarter")
                .fact("period_start", q.start)
                .fact("period_end", q.end)
                .fact("net_revenue", net)
                .fact("top_ups", paid)
                .fact("required_share", share.to_string()),
        );
    }
}

/// JA016: each cost deduction states its basis in `memo` (the operator proves its costs and
/// their reasonableness, SPC Art 14, R032), and, when `cost_share_cap` is set, the cost
/// deductions of each `disclosure_period` that ended on or before `as_of` are at most that
/// share of the period's revenue. The sources set no percentage (R108: cost caps "not found"),
/// so there is no cap unless a profile sets one.
pub(super) fn cost_deduction_reasonable(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja016) {
        return;
    }
    let (acc, ci) = (at.acc, at.ci);
    for (ei, e) in acc.entries.iter().enumerate() {
        if e.kind != EntryKind::CostDeduction || e.memo.as_deref().is_some_and(|m| !m.trim().is_empty()) {
            continue;
        }
        ctx.emit(
            at.finding(RuleCode::Ja016, e.id.to_string(), doc_path!(compounds[ci].joint_account.entries[ei].memo))
                .message(
                    format!("成本扣除 `{}`（{}）未在备注中写明依据", e.id, e.amount),
                    format!("cost deduction `{}` ({}) states no basis in its memo", e.id, e.amount),
                )
                .help(
                    "写明成本项目及计算依据，经营者对成本的合理性负举证责任",
                    "state the cost and how it was computed: the operator must prove it is reasonable",
                )
                .fact("amount", e.amount),
        );
    }
    let params = ctx.policy.params();
    let Some(cap) = params.cost_share_cap else { return };
    let Ok(replay) = ledger::replay(acc) else { return };
    let Ok(periods) = replay.totals_by_period(params.disclosure_period) else { return };
    for (p, t) in periods.into_iter().filter(|(p, _)| p.end <= ctx.cfg.as_of) {
        // cost / revenue <= cap ⇔ revenue · num >= cost · den; with no revenue any cost is too much.
        let within = exact::share_reached(t.revenue, t.cost, cap.den(), cap.num(), true);
        if !t.cost.is_positive() || within.is_none_or(|w| w) {
            continue;
        }
        ctx.emit(
            at.finding(RuleCode::Ja016, acc.id.to_string(), doc_path!(compounds[ci].joint_account.entries))
                .message(
                    format!(
                        "共管账户 `{}` {} 至 {} 成本扣除 {}，超过收入 {} 的 {cap}",
                        acc.id, p.start, p.end, t.cost, t.revenue
                    ),
                    format!(
                        "joint account `{}` deducted costs of {} from a revenue of {} in {} to {}, more than {cap}",
                        acc.id, t.cost, t.revenue, p.start, p.end
                    ),
                )
                .help("核减成本或由业主大会决定", "reduce the deductions or have the owners decide")
                .fact("period_start", p.start)
                .fact("period_end", p.end)
                .fact("cost_total", t.cost)
                .fact("revenue_total", t.revenue)
                .fact("cost_share_cap", cap),
        );
    }
}

/// JA018: every `maintenance_fund_top_up` disbursement appears among the maintenance fund's
/// deposits with the same entry id and amount (reported on the entry), and every deposit that
/// names an entry, or comes from `public_revenue`, matches such a disbursement (reported on the
/// deposit). A deposit naming an entry that does not exist is CFG001's. A compound without an
/// account is not checked: public revenue may then be held elsewhere.
pub(super) fn fund_top_up_recorded(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if !ctx.on(RuleCode::Ja018) {
        return;
    }
    let (acc, ci, c) = (at.acc, at.ci, at.c);
    let deposits = c.maintenance_fund.as_ref().map_or(&[][..], |f| &f.deposits[..]);
    for (ei, e, _) in at.disbursements().filter(|(_, _, d)| d.purpose == Purpose::MaintenanceFundTopUp) {
        let deposit = deposits.iter().find(|d| d.entry.as_ref() == Some(&e.id));
        let f = match deposit {
            Some(d) if d.amount == e.amount => continue,
            Some(d) => at
                .finding(RuleCode::Ja018, e.id.to_string(), doc_path!(compounds[ci].joint_account.entries[ei].amount))
                .message(
                    format!("补充维修资金支出 `{}` 金额 {}，维修资金存入 `{}` 记为 {}", e.id, e.amount, d.id, d.amount),
                    format!("top-up `{}` of {} is recorded by fund deposit `{}` as {}", e.id, e.amount, d.id, d.amount),
                )
                .fact("deposit", d.id.as_str())
                .fact("deposit_amount", d.amount),
            None => at
                .finding(RuleCode::Ja018, e.id.to_string(), doc_path!(compounds[ci].joint_account.entries[ei]))
                .message(
                    format!("补充维修资金支出 `{}`（{}）在专项维修资金中无对应存入记录", e.id, e.amount),
                    format!("top-up `{}` ({}) has no matching deposit in the maintenance fund", e.id, e.amount),
                ),
        };
        ctx.emit(
            f.help("两边账目按同一流水号、同一金额登记", "record both sides with the same entry id and amount")
                .fact("amount", e.amount),
        );
    }
    for (di, d) in deposits.iter().enumerate() {
        let entry = d.entry.as_ref().and_then(|id| acc.entries.iter().find(|e| &e.id == id));
        let is_top_up =
            |k: &EntryKind| matches!(k, EntryKind::Disbursement(x) if x.purpose == Purpose::MaintenanceFundTopUp);
        let (zh, en) = match (entry, &d.entry) {
            (Some(e), _) if is_top_up(&e.kind) => continue,
            (Some(e), _) => (
                format!("维修资金存入 `{}` 对应的流水 `{}` 不是补充维修资金支出", d.id, e.id),
                format!("fund deposit `{}` names entry `{}`, which is not a maintenance-fund top-up", d.id, e.id),
            ),
            (None, None) if d.source == DepositSource::PublicRevenue => (
                format!("来自公共收益的维修资金存入 `{}`（{}）未对应共管账户流水", d.id, d.amount),
                format!("fund deposit `{}` ({}) from public revenue names no joint-account entry", d.id, d.amount),
            ),
            (None, _) => continue,
        };
        ctx.emit(
            at.finding(RuleCode::Ja018, d.id.to_string(), doc_path!(compounds[ci].maintenance_fund.deposits[di]))
                .message(zh, en)
                .help("两边账目按同一流水号、同一金额登记", "record both sides with the same entry id and amount")
                .fact("amount", d.amount)
                .fact("source", d.source.as_str()),
        );
    }
}
