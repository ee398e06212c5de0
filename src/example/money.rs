//! The property service, the tri-party joint account with its ledger, disclosures and audits,
//! and the maintenance fund with the votes that authorise its use.
//!
//! The ledger is generated month by month from the account's opening (one to two years before
//! `as_of`): parking fees each quarter, advertising twice a year and a telecom site once a year
//! where the owners voted business use of common parts (民法典 Art 278(8)); express-locker
//! fees and interest everywhere; a reasonable cost retained each quarter with its basis; repairs
//! and other payments within the committee's spending limit, approved by all three parties; a
//! yearly top-up of the maintenance fund; and sometimes one payment above the limit, authorised
//! by an assembly vote. Disclosures are the crate's own statements of each quarter (so they
//! reconcile), published within the grace period; audits follow each year.

use chrono::{Datelike, NaiveDate};

use super::calendar;
use super::committee::Plan;
use super::compound::{Env, Site};
use super::names;
use super::people::{self, Gen, id};
use super::rng::Rng;
use super::votes::{self, Put, Window};
use crate::ledger::{Period, statement};
use crate::model::{
    AccountHolder, Approval, Audit, AuditTrigger, CompoundCategory, Contract, Custodian, DepositSource, Disbursement,
    Entry, EntryKind, FeeSystem, FundDeposit, FundUse, JointAccount, MaintenanceFund, MatterKind, MatterRef, Money,
    Party, PersonId, PropertyService, Purpose, RevenueSource, Scope,
};
use crate::policy::DisclosurePeriod;

/// Days within which the generator publishes a quarter's disclosure (the default grace is 30).
const PUBLISH_WITHIN: u64 = 20;

/// Money from fen.
fn fen(f: i128) -> Money {
    Money::from_hundredths(f).unwrap_or(Money::ZERO)
}

/// The property service of a managed or unit-mixed compound, with its project manager.
pub(super) fn property_service(rng: &mut Rng, site: &mut Site, env: &Env<'_>, plan: &Plan) -> Gen<()> {
    if site.c.category == CompoundCategory::SelfManaged {
        return Ok(());
    }
    let Some(company) = rng.pick(&env.district.companies).map(|c| c.id.clone()) else { return Ok(()) };
    let as_of = env.as_of;
    let from = if plan.committee {
        if rng.chance(50) {
            calendar::days(plan.elected_on, -i64::try_from(rng.range(30, 900)).unwrap_or(90))
        } else {
            calendar::days(plan.elected_on, i64::try_from(rng.range(10, 60)).unwrap_or(20))
        }
    } else {
        calendar::days(as_of, -i64::try_from(rng.range(200, 3000)).unwrap_or(900))
    };
    let from = from.min(calendar::days(as_of, -100));
    let soon = calendar::days(as_of, 30);
    let to = [3, 5].iter().filter_map(|y| crate::dates::term_last_day(from, *y)).find(|d| *d >= soon);
    let mut pm = people::person(rng, &format!("p-{}-pm", site.tag), (1970, 1992))?;
    pm.employment.push(people::job(
        &company,
        "project_manager",
        calendar::days(from, -i64::try_from(rng.range(0, 60)).unwrap_or(0)),
    ));
    if rng.chance(45) {
        let b = pm.birth_date.unwrap_or(from);
        pm.party = Some(people::membership(rng, b, as_of));
        site.part_time_pm = Some(pm.id.clone());
    }
    site.r.pm = Some(pm.id.clone());
    site.c.property_service = Some(PropertyService {
        company,
        contract: Contract { from, to },
        fee_system: if rng.chance(75) { FeeSystem::LumpSum } else { FeeSystem::Commission },
        project_manager: Some(pm.id.clone()),
        service_quality_supervisors: rng.pick(&env.community.rc_members).cloned().into_iter().collect(),
    });
    site.people.push(pm);
    Ok(())
}

/// The ledger being written, with its running balance in fen.
struct Ledger {
    tag: String,
    entries: Vec<Entry>,
    balance: i128,
    approvers: [Option<PersonId>; 3],
    top_ups: Vec<(crate::model::EntryId, NaiveDate, Money)>,
    /// The payment above the spending limit, waiting for its vote: (entry index, date, amount).
    big: Option<(usize, NaiveDate, i128)>,
}

impl Ledger {
    fn push(&mut self, date: NaiveDate, amount: i128, memo: Option<String>, kind: EntryKind) -> Gen<()> {
        let n = self.entries.len() + 1;
        let sign = if matches!(kind, EntryKind::Revenue { .. }) { 1 } else { -1 };
        self.entries.push(Entry { id: id(&format!("e-{}-{n:03}", self.tag))?, date, amount: fen(amount), memo, kind });
        self.balance = self.balance.saturating_add(sign * amount);
        Ok(())
    }

    fn revenue(&mut self, date: NaiveDate, yuan_amount: i128, source: RevenueSource, memo: String) -> Gen<()> {
        self.push(date, yuan_amount * 100, Some(memo), EntryKind::Revenue { source })
    }

    fn pay(
        &mut self,
        rng: &mut Rng,
        date: NaiveDate,
        amount: i128,
        purpose: Purpose,
        payee: String,
        memo: &str,
    ) -> Gen<()> {
        let parties = [Party::CommunityPartyOrg, Party::OwnersCommittee, Party::PropertyCompany];
        let approvals = parties
            .iter()
            .zip(&self.approvers)
            .filter_map(|(party, who)| {
                let d = calendar::days(date, -i64::try_from(rng.range(1, 6)).unwrap_or(2));
                who.clone().map(|person| Approval { party: *party, person, date: d })
            })
            .collect();
        let d = Disbursement { purpose, payee, approvals, resolution: None };
        self.push(date, amount, Some(memo.to_owned()), EntryKind::Disbursement(d))
    }
}

/// The joint account, the maintenance fund, and the votes that authorise their spending.
pub(super) fn accounts(rng: &mut Rng, site: &mut Site, env: &Env<'_>, plan: &Plan) -> Gen<()> {
    let as_of = env.as_of;
    let total_area: i128 = site.c.units.iter().map(|u| u.area.hundredths()).sum();
    let has_fund = !(site.c.old_compound && rng.chance(50));
    let rate = i128::from(rng.range(25, 80));
    let initial = total_area.saturating_mul(rate) / 100 * 100;
    let mut deposits: Vec<FundDeposit> = Vec::new();
    let mut uses: Vec<FundUse> = Vec::new();
    if plan.account {
        joint_account(rng, site, env, plan, has_fund, &mut deposits)?;
    }
    if !has_fund {
        return Ok(());
    }
    // Uses authorised by a vote, in a third of compounds with a committee.
    if plan.committee && rng.chance(45) {
        fund_vote(rng, site, env, plan, initial, &mut uses)?;
    }
    // Emergency uses (应急使用) of the categories every preset accepts.
    let categories = ["lift_failure", "roof_or_wall_leak", "water_supply_failure", "drainage_blockage"];
    for _ in 0..rng.range(0, 2) {
        let n = uses.len() + 1;
        let cat = rng.pick(&categories).copied().unwrap_or("lift_failure");
        let date = calendar::days(as_of, -i64::try_from(rng.range(20, 900)).unwrap_or(100));
        let amount = (initial * i128::from(rng.range(5, 30)) / 1000).max(100_000) / 100 * 100;
        uses.push(FundUse {
            id: id(&format!("mfu-{}-{n:02}", site.tag))?,
            date,
            amount: fen(amount),
            purpose: format!("应急维修（{cat}）"),
            resolution: None,
            emergency: Some(cat.to_owned()),
        });
    }
    // Interest, credited each January.
    for back in 1..=2 {
        let Some(jan) = calendar::year_start(as_of.year() - back) else { continue };
        let d = calendar::days(jan, 9);
        let n = deposits.len() + 1;
        deposits.push(FundDeposit {
            id: id(&format!("mfd-{}-{n:02}", site.tag))?,
            date: d,
            amount: fen(initial * 15 / 1000),
            source: DepositSource::Interest,
            entry: None,
        });
    }
    uses.sort_by_key(|u| u.date);
    deposits.sort_by_key(|d| d.date);
    let dep: i128 = deposits.iter().map(|d| d.amount.hundredths()).sum();
    let spent: i128 = uses.iter().map(|u| u.amount.hundredths()).sum();
    site.c.maintenance_fund =
        Some(MaintenanceFund { initial_deposit: fen(initial), balance: fen(initial + dep - spent), deposits, uses });
    Ok(())
}

/// A vote to use the fund (compound or one building), sometimes with a vote to raise it that
/// fails its 3/4 majority, and the use it authorises.
fn fund_vote(
    rng: &mut Rng,
    site: &mut Site,
    env: &Env<'_>,
    plan: &Plan,
    initial: i128,
    uses: &mut Vec<FundUse>,
) -> Gen<()> {
    let span = calendar::between(plan.elected_on, env.as_of) - 100;
    let closed = calendar::days(
        plan.elected_on,
        60 + i64::try_from(rng.below(u64::try_from(span.max(1)).unwrap_or(1))).unwrap_or(0),
    );
    let building =
        if rng.chance(30) { rng.pick(&site.c.buildings).map(|b| (b.id.clone(), b.name.clone())) } else { None };
    let (scope, units, what): (Scope, Vec<&crate::model::Unit>, String) = match &building {
        Some((b, name)) => (
            Scope::Building(b.clone()),
            site.c.units.iter().filter(|u| u.building == *b).collect(),
            format!("{name}屋面防水维修"),
        ),
        None => (Scope::Compound, site.c.units.iter().collect(), "小区雨污管网改造".to_owned()),
    };
    let amount = (initial * i128::from(rng.range(20, 80)) / 1000).max(500_000) / 10_000 * 10_000;
    let mut puts = vec![Put {
        amount: Some(fen(amount)),
        ..Put::pass(MatterKind::UseMaintenanceFund, format!("使用专项维修资金用于{what}"))
    }];
    if building.is_none() && rng.chance(35) {
        puts.push(Put { pass: false, ..Put::pass(MatterKind::RaiseMaintenanceFund, "续筹专项维修资金") });
    }
    let year = closed.year();
    let aid = format!("asm-{}-{year}-02", site.tag);
    let w = Window::closing(rng, closed);
    let held = votes::hold(rng, &aid, scope, &units, w, &puts)?;
    let r = MatterRef { assembly: held.assembly.id.clone(), matter: id("m-1")? };
    site.c.assemblies.push(held.assembly);
    let n = uses.len() + 1;
    uses.push(FundUse {
        id: id(&format!("mfu-{}-{n:02}", site.tag))?,
        date: calendar::days(closed, i64::try_from(rng.range(5, 30)).unwrap_or(10)).min(env.as_of),
        amount: fen(amount),
        purpose: what,
        resolution: Some(r),
        emergency: None,
    });
    Ok(())
}

/// The joint account and its ledger; top-ups go to `deposits`.
#[allow(clippy::too_many_lines, reason = "one pass over an account's life, in date order")]
fn joint_account(
    rng: &mut Rng,
    site: &mut Site,
    env: &Env<'_>,
    plan: &Plan,
    has_fund: bool,
    deposits: &mut Vec<FundDeposit>,
) -> Gen<()> {
    let as_of = env.as_of;
    let opened = calendar::days(plan.elected_on, i64::try_from(rng.range(20, 60)).unwrap_or(30))
        .max(calendar::months(as_of, -i64::try_from(rng.range(13, 26)).unwrap_or(18)))
        .min(calendar::days(as_of, -100));
    let community_signatory = env.community.members.get(1 + usize::from(rng.chance(50))).cloned();
    site.r.community_signatory.clone_from(&community_signatory);
    let committee_signatories: Vec<PersonId> = site.r.chair.iter().chain(site.r.vice()).cloned().collect();
    let pm = site.r.pm.clone();
    let mut ledger = Ledger {
        tag: site.tag.clone(),
        entries: Vec::new(),
        balance: 0,
        approvers: [community_signatory.clone(), committee_signatories.first().cloned(), pm.clone()],
        top_ups: Vec::new(),
        big: None,
    };
    let units = i128::try_from(site.c.units.len()).unwrap_or(100);
    let limit = i128::from(plan.spending_limit) * 100;
    let lockers = rng.chance(60);
    let big_wanted = rng.chance(40);
    let payee_repairs = format!("{}安顺维修服务部", env.district.name);
    let mut month = calendar::month_start(opened);
    while month < as_of {
        let day = |d: u32| calendar::in_month(month, d);
        let live = |d: NaiveDate| d >= opened && d < as_of;
        let prev_q = calendar::quarter_label(calendar::months(month, -1));
        if lockers && live(day(5)) {
            ledger.revenue(
                day(5),
                i128::from(rng.range(200, 800)),
                RevenueSource::ExpressLocker,
                "快递柜场地使用费".to_owned(),
            )?;
        }
        if plan.business_use && month.month() % 3 == 1 && live(day(10)) {
            let y = units * i128::from(rng.range(8, 15));
            ledger.revenue(day(10), y, RevenueSource::Parking, format!("{prev_q}地面停车场地使用费"))?;
        }
        if plan.business_use && matches!(month.month(), 1 | 7) && live(day(15)) {
            let y = units * i128::from(rng.range(4, 8));
            ledger.revenue(day(15), y, RevenueSource::Advertising, "电梯轿厢及道闸广告费".to_owned())?;
        }
        if month.month() == 6 && has_fund && live(day(18)) && ledger.balance >= 200_000 {
            let amount = (ledger.balance * 3 / 10).min(limit) / 10_000 * 10_000;
            if amount > 0 {
                ledger.pay(
                    rng,
                    day(18),
                    amount,
                    Purpose::MaintenanceFundTopUp,
                    format!("{}专项维修资金账户", site.c.name),
                    "公共收益补充专项维修资金",
                )?;
                if let Some(e) = ledger.entries.last() {
                    ledger.top_ups.push((e.id.clone(), e.date, e.amount));
                }
            }
        }
        if plan.business_use && month.month() == 3 && live(day(20)) {
            ledger.revenue(
                day(20),
                i128::from(rng.range(6000, 15000)),
                RevenueSource::TelecomSite,
                "通信基站场地租金".to_owned(),
            )?;
        }
        if month.month() % 3 == 0 && live(day(21)) && ledger.balance > 0 {
            let interest = ledger.balance / 1000;
            if interest > 0 {
                ledger.push(
                    day(21),
                    interest,
                    Some("活期利息".to_owned()),
                    EntryKind::Revenue { source: RevenueSource::Interest },
                )?;
            }
        }
        if live(day(24)) && rng.chance(25) && ledger.balance >= 50_000 {
            let amount = (ledger.balance / 2).min(limit) * i128::from(rng.range(30, 100)) / 100 / 1000 * 1000;
            let (purpose, memo) = *rng
                .pick(&[
                    (Purpose::CommonFacilityRepair, "单元门禁及楼道照明维修"),
                    (Purpose::PublicBenefit, "重阳节慰问高龄老人"),
                    (Purpose::CommitteeWorkingFunds, "业主委员会办公经费"),
                    (Purpose::CommonFacilityRepair, "小区道路破损修补"),
                ])
                .unwrap_or(&(Purpose::CommonFacilityRepair, "维修"));
            if amount > 0 {
                ledger.pay(rng, day(24), amount, purpose, payee_repairs.clone(), memo)?;
            }
        }
        if big_wanted
            && ledger.big.is_none()
            && live(day(26))
            && ledger.balance > limit * 3 / 2
            && calendar::between(opened, day(26)) > 180
        {
            let amount = (ledger.balance * 7 / 10) / 10_000 * 10_000;
            if amount > limit {
                ledger.pay(
                    rng,
                    day(26),
                    amount,
                    Purpose::CommonFacilityRepair,
                    format!("{}安防工程有限公司", env.district.name),
                    "更换小区监控及门禁系统",
                )?;
                ledger.big = Some((ledger.entries.len() - 1, day(26), amount));
            }
        }
        if plan.business_use && month.month() % 3 == 0 && live(day(28)) {
            let cost = units * 50;
            if ledger.balance > cost * 4 {
                ledger.push(
                    day(28),
                    cost,
                    Some("广告位、停车位维护及收费人员合理成本".to_owned()),
                    EntryKind::CostDeduction,
                )?;
            }
        }
        month = calendar::months(month, 1);
    }
    // The vote that authorised the payment above the limit.
    if let Some((ei, paid, amount)) = ledger.big {
        let closed = calendar::days(paid, -i64::try_from(rng.range(3, 15)).unwrap_or(5));
        let aid = format!("asm-{}-{}-03", site.tag, closed.year());
        let title = "使用公共收益更换小区监控及门禁系统";
        let units: Vec<&crate::model::Unit> = site.c.units.iter().collect();
        let put = Put { amount: Some(fen(amount)), ..Put::pass(MatterKind::OtherMajor, title) };
        let w = Window::closing(rng, closed);
        let held = votes::hold(rng, &aid, Scope::Compound, &units, w, &[put])?;
        let r = MatterRef { assembly: held.assembly.id.clone(), matter: id("m-1")? };
        site.c.assemblies.push(held.assembly);
        if let Some(EntryKind::Disbursement(d)) = ledger.entries.get_mut(ei).map(|e| &mut e.kind) {
            d.resolution = Some(r);
        }
    }
    for (n, (entry, date, amount)) in (1..).zip(&ledger.top_ups) {
        deposits.push(FundDeposit {
            id: id(&format!("mfd-{}-t{n:02}", site.tag))?,
            date: *date,
            amount: *amount,
            source: DepositSource::PublicRevenue,
            entry: Some(entry.clone()),
        });
    }
    let custodians = vec![
        Custodian { party: Party::CommunityPartyOrg, signatories: community_signatory.into_iter().collect() },
        Custodian { party: Party::OwnersCommittee, signatories: committee_signatories },
        Custodian { party: Party::PropertyCompany, signatories: pm.into_iter().collect() },
    ];
    let mut acc = JointAccount {
        id: id(&format!("ja-{}", site.tag))?,
        account_name: format!("{}业主大会公共收益共管账户", site.c.name),
        holder: AccountHolder::OwnersAssembly,
        opened_on: opened,
        currency: "CNY".to_owned(),
        opening_balance: Money::ZERO,
        custodians,
        entries: ledger.entries,
        disclosures: Vec::new(),
        audits: Vec::new(),
    };
    for p in Period::covering(DisclosurePeriod::Quarter, opened, as_of) {
        if calendar::days(p.end, 30) > as_of {
            continue;
        }
        let published = calendar::days(p.end, i64::try_from(rng.range(3, PUBLISH_WITHIN)).unwrap_or(10));
        if let Ok(s) = statement(&acc, p.start, p.end) {
            acc.disclosures.push(s.to_disclosure(published));
        }
    }
    let auditor = names::auditor(rng, &env.district.name);
    for year in opened.year()..as_of.year() {
        let (Some(start), Some(end)) = (calendar::year_start(year), calendar::year_end(year)) else { continue };
        if calendar::days(end, 90) > as_of {
            continue;
        }
        acc.audits.push(Audit {
            trigger: AuditTrigger::Annual,
            period_start: start,
            period_end: end,
            completed_on: calendar::days(end, i64::try_from(rng.range(30, 85)).unwrap_or(60)),
            auditor: auditor.clone(),
        });
    }
    site.c.joint_account = Some(acc);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_helpers_are_exact() {
        assert_eq!(fen(1200).to_string(), "12.00");
        assert_eq!(fen(1234).to_string(), "12.34");
    }
}
