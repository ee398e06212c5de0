//! JA rules that need the owners' decision, judged by tally ([`crate::voting`]), never by the
//! result the organisers declared: spending authority (JA007) and the authority to earn
//! revenue from common parts (JA009).

use chrono::NaiveDate;

use super::{At, Ctx};
use crate::model::{EntryKind, MatterKind, MatterRef, RevenueSource};
use crate::report::{RuleCode, doc_path};
use crate::voting::ResolutionStatus;

/// What is wrong with a disbursement's authority.
enum Fault {
    /// No resolution cited.
    Uncited,
    /// The cited matter did not pass by tally.
    NotPassed(NaiveDate),
    /// It passed after the payment.
    PassedLate(NaiveDate),
    /// It passed for less than was paid.
    Exceeded(crate::model::Money),
}

/// JA007: a disbursement above `rules_of_procedure.committee_spending_limit` cites a resolution
/// whose matter passed by tally on or before the payment day; with no limit adopted, every
/// disbursement does (民法典 Art 282: the revenue is the owners'; NB Art 64: no unit or person
/// uses it without the assembly's decision; R118: the committee decides within a limit set in
/// the rules of procedure, the assembly above it). "Above" is 超过 and excludes the bound: a
/// disbursement exactly at the limit needs no resolution, one fen more does. Dates are whole
/// days, so a vote that closes on the payment day counts as before it. When the matter states
/// an amount, a larger disbursement is not covered by it; the sources are silent on several
/// payments under one matter, which are judged one by one. The matter's kind is not checked:
/// the sources name no kind of matter for spending public revenue (Art 278 item 9 "other
/// major matters" is the usual one). A citation that does not resolve is CFG001's.
pub(super) fn spending_authority<'a>(ctx: &mut Ctx<'a>, at: &At<'a>) {
    if !ctx.on(RuleCode::Ja007) {
        return;
    }
    let (c, ci) = (at.c, at.ci);
    let limit = c.rules_of_procedure.as_ref().and_then(|r| r.committee_spending_limit);
    let abstention = ctx.policy.params().abstention;
    for (ei, e, d) in at.disbursements() {
        if limit.is_some_and(|l| e.amount <= l) {
            continue;
        }
        let fault = match &d.resolution {
            None => Fault::Uncited,
            Some(r) => match ctx.resolution_status(c, r, abstention) {
                ResolutionStatus::NotPassed { closed_on, .. } => Fault::NotPassed(closed_on),
                ResolutionStatus::Passed { closed_on, .. } if closed_on > e.date => Fault::PassedLate(closed_on),
                ResolutionStatus::Passed { amount: Some(a), .. } if a < e.amount => Fault::Exceeded(a),
                ResolutionStatus::Passed { .. } | ResolutionStatus::Unresolved => continue,
            },
        };
        let (limit_zh, limit_en) = limit.map_or_else(
            || ("议事规则未规定业委会支出限额".to_owned(), "no committee spending limit was adopted".to_owned()),
            |l| (format!("超过业委会支出限额 {l}"), format!("above the committee spending limit of {l}")),
        );
        let cited = d.resolution.as_ref().map(|r| format!("{}/{}", r.assembly, r.matter)).unwrap_or_default();
        let (zh, en) = match fault {
            Fault::Uncited => ("未援引业主大会决定".to_owned(), "cites no owners' assembly resolution".to_owned()),
            Fault::NotPassed(day) => (
                format!("援引的事项 `{cited}` 经计票未通过（{day} 截止）"),
                format!("cites `{cited}`, which did not pass by tally (closed {day})"),
            ),
            Fault::PassedLate(day) => (
                format!("援引的事项 `{cited}` 于 {day} 才通过，晚于支付"),
                format!("cites `{cited}`, which passed only on {day}, after the payment"),
            ),
            Fault::Exceeded(a) => {
                (format!("援引的事项 `{cited}` 只批准 {a}"), format!("cites `{cited}`, which authorised only {a}"))
            }
        };
        let path = if d.resolution.is_some() {
            doc_path!(compounds[ci].joint_account.entries[ei].resolution)
        } else {
            doc_path!(compounds[ci].joint_account.entries[ei])
        };
        let mut f = at
            .finding(RuleCode::Ja007, e.id.to_string(), path)
            .message(
                format!("支出 `{}`（{}，{}）{limit_zh}，{zh}", e.id, e.amount, e.date),
                format!("disbursement `{}` ({}, {}) is {limit_en} and {en}", e.id, e.amount, e.date),
            )
            .help(
                "支付前由业主大会依法表决通过该项支出",
                "have the owners' assembly pass the spending by vote before paying",
            )
            .fact("amount", e.amount)
            .fact("paid_on", e.date);
        if let Some(l) = limit {
            f = f.fact("committee_spending_limit", l);
        }
        if !cited.is_empty() {
            f = f.fact("resolution", cited);
        }
        ctx.emit(f);
    }
}

/// The revenue sources that use common parts for business (民法典 Art 278(8), R109).
fn from_business_use(s: RevenueSource) -> bool {
    matches!(
        s,
        RevenueSource::Parking | RevenueSource::Advertising | RevenueSource::VenueRent | RevenueSource::TelecomSite
    )
}

/// JA009: revenue from parking, advertising, venue rent or telecom sites is dated on or after
/// the closing day of an assembly in the compound where a `business_use_of_common_parts` or
/// `change_common_use` matter passed by tally (Art 278(8) needs the owners' 3/4 special
/// majority, R010; 法工委 rejected committee-only approval, H4, R123, R166). The revenue entry
/// does not say which common part earned it, so a matter of any scope counts; express lockers,
/// compensation and interest are not Art 278(8) business use in the sources (R109) and need
/// none.
pub(super) fn revenue_use_authorized<'a>(ctx: &mut Ctx<'a>, at: &At<'a>) {
    if !ctx.on(RuleCode::Ja009) {
        return;
    }
    let (c, ci) = (at.c, at.ci);
    let abstention = ctx.policy.params().abstention;
    let first_passed: Option<NaiveDate> = c
        .assemblies
        .iter()
        .flat_map(|a| {
            a.matters
                .iter()
                .filter(|m| matches!(m.kind, MatterKind::BusinessUseOfCommonParts | MatterKind::ChangeCommonUse))
                .map(|m| MatterRef { assembly: a.id.clone(), matter: m.id.clone() })
        })
        .filter_map(|r| match ctx.resolution_status(c, &r, abstention) {
            ResolutionStatus::Passed { closed_on, .. } => Some(closed_on),
            ResolutionStatus::NotPassed { .. } | ResolutionStatus::Unresolved => None,
        })
        .min();
    for (ei, e) in at.acc.entries.iter().enumerate() {
        let EntryKind::Revenue { source } = e.kind else { continue };
        if !from_business_use(source) || first_passed.is_some_and(|d| d <= e.date) {
            continue;
        }
        let (zh, en) = match first_passed {
            Some(d) => {
                (format!("首个通过的授权事项于 {d} 才通过"), format!("the first authorising matter passed only on {d}"))
            }
            None => (
                "本小区无经计票通过的授权事项".to_owned(),
                "no authorising matter of the compound passed by tally".to_owned(),
            ),
        };
        let mut f = at
            .finding(RuleCode::Ja009, e.id.to_string(), doc_path!(compounds[ci].joint_account.entries[ei].source))
            .message(
                format!("收入 `{}`（{}，{}，{}）之前业主大会未决定利用共有部分经营或改变用途：{zh}", e.id, source, e.amount, e.date),
                format!("revenue `{}` ({source}, {}, {}) is not preceded by an owners' decision on business use of common parts: {en}", e.id, e.amount, e.date),
            )
            .help("由业主大会依法表决（专有部分面积和人数四分之三以上同意）", "have the owners' assembly decide by vote (3/4 of the participating area and owners)")
            .fact("source", source.as_str())
            .fact("received_on", e.date);
        if let Some(d) = first_passed {
            f = f.fact("first_passed_on", d);
        }
        ctx.emit(f);
    }
}
