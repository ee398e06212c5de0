//! [`valid_config`]: the reference example, perturbed only in ways that keep its audit clean.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use chrono::{Datelike as _, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use serde_json::Value;

use crate::config::GovernanceConfig;
use crate::model::{Area, MAX_ID_LEN, Money, OrgKind, Record};

/// Unit areas, in hundredths of a square metre: 80.00–120.00 m².
const AREA: RangeInclusive<i128> = 8_000..=12_000;

/// The common factor every amount of money is multiplied by.
const SCALE: RangeInclusive<i128> = 1..=100_000;

/// Common surnames (百家姓 leaders); given names are drawn from [`GIVEN`], so that names are
/// invented, not taken from anyone.
const SURNAMES: &[&str] =
    &["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
const GIVEN: &[&str] = &[
    "建", "国", "秀", "英", "伟", "静", "洋", "敏", "强", "丽", "刚", "芳", "海", "磊", "进", "玉", "涛", "明", "华",
    "平",
];
/// Characters of invented place names.
const PLACE: &[&str] = &[
    "秀", "英", "霞", "海", "国", "科", "安", "顺", "明", "信", "金", "桂", "兴", "福", "康", "宁", "滨", "江", "云",
    "山",
];

/// The reference example with, in each case:
///
/// - **ids renamed**: every person, organisation, compound, building and unit gets a fresh
///   id (a kind letter `P`, `O`, `C`, `B` or `U`, random id characters, and a fixed-width
///   serial number that keeps it unique), rewritten wherever the id is referred to;
/// - **names invented**: people get a common surname and one or two given-name characters;
///   organisations, the compound, its branch and its account get names built on an invented
///   place name;
/// - **areas drawn** from 80.00–120.00 m² for every unit: an upper bound at most 1.5 times the
///   lower keeps matter `m-3` of `asm-2024-01` (a ¾ matter, two of the eleven voting units
///   against) passing on area whatever the draw (9 × 80 ≥ 3 × 2 × 120), and participation far
///   above ⅔;
/// - **money scaled**: every amount (ledger entries, opening balance, statements, the
///   maintenance fund with its deposits and uses, matter amounts, the committee's spending
///   limit, fee arrears) multiplied by one integer from 1 to 100,000, so that the ledger, the
///   statements, the fund's reconciliation and the spending authority still agree;
/// - **`as_of` moved** within its month (September 2025): the three full months before it are
///   still June–August, each with a joint meeting (MT003), and the last quarter due for
///   disclosure is still the second (JA011).
///
/// Event dates, offices, votes and the document's structure are not perturbed: each of them
/// moves some threshold. [`violation`](super::violation) moves them, one rule at a time.
///
/// Every case audits with no finding under the `default` profile and survives JSON and TOML
/// (the property tests of this crate check both on 1,000 cases per run).
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let cfg = xiaoqu::strategies::valid_config().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(xiaoqu::audit(&cfg, &cfg.policy()?).is_clean());
/// let again = xiaoqu::GovernanceConfig::from_json_str(&cfg.to_json_string_pretty()?)?;
/// assert_eq!(again, cfg);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn valid_config() -> BoxedStrategy<GovernanceConfig> {
    let Ok(base) = GovernanceConfig::from_json_str(crate::example::GUOKEYUAN_JSON) else {
        // The embedded example loads (its own doctest and the test suite say so); should it
        // ever not, an empty document is still a valid one.
        return Just(GovernanceConfig::new(NaiveDate::default())).boxed();
    };
    let ids = old_ids(&base);
    let width = ids.len().to_string().len();
    let body_max = MAX_ID_LEN.saturating_sub(1 + width);
    let units: usize = base.compounds.iter().map(|c| c.units.len()).sum();
    let places = base.organizations.len() + base.compounds.len();
    let (first, last) = month_of(base.as_of).unwrap_or((base.as_of, base.as_of));
    let body = prop_oneof![3 => super::id_chars(0..=3), 1 => super::id_chars(0..=body_max)];
    (
        prop::collection::vec(body, ids.len()),
        prop::collection::vec(person_name(), base.people.len()),
        prop::collection::vec(place_name(), places),
        prop::collection::vec(AREA, units),
        SCALE,
        super::date(first..=last),
    )
        .prop_filter_map("the perturbed example", move |(bodies, names, places, areas, scale, as_of)| {
            let p = Perturbation { bodies, names, places, areas, scale, as_of };
            p.apply(&base, &ids, width)
        })
        .boxed()
}

/// One draw of [`valid_config`].
struct Perturbation {
    bodies: Vec<String>,
    names: Vec<String>,
    places: Vec<String>,
    areas: Vec<i128>,
    scale: i128,
    as_of: NaiveDate,
}

impl Perturbation {
    fn apply(&self, base: &GovernanceConfig, old: &[(char, String)], width: usize) -> Option<GovernanceConfig> {
        let map: HashMap<&str, String> = old
            .iter()
            .zip(&self.bodies)
            .enumerate()
            .map(|(i, ((letter, id), body))| (id.as_str(), format!("{letter}{body}{i:0width$}")))
            .collect();
        let mut cfg = renamed(base, &map)?;
        for (person, name) in cfg.people.iter_mut().zip(&self.names) {
            person.name.clone_from(name);
        }
        let mut places = self.places.iter();
        for (org, place) in cfg.organizations.iter_mut().zip(places.by_ref()) {
            org.name = format!("{place}{}", org_suffix(org.kind));
        }
        for (c, place) in cfg.compounds.iter_mut().zip(places) {
            c.name = format!("{place}小区");
            if let Some(b) = &mut c.party_branch {
                b.name = format!("{}党支部", c.name);
            }
            if let Some(a) = &mut c.joint_account {
                a.account_name = format!("{}业主大会公共收益共管账户", c.name);
            }
        }
        for (unit, area) in cfg.compounds.iter_mut().flat_map(|c| c.units.iter_mut()).zip(&self.areas) {
            unit.area = Area::from_hundredths(*area)?;
        }
        scale_money(&mut cfg, self.scale)?;
        cfg.as_of = self.as_of;
        Some(cfg)
    }
}

/// The ids renamed, with their kind letter, in document order.
fn old_ids(cfg: &GovernanceConfig) -> Vec<(char, String)> {
    let people = cfg.people.iter().map(|p| ('P', p.id.to_string()));
    let orgs = cfg.organizations.iter().map(|o| ('O', o.id.to_string()));
    let compounds = cfg.compounds.iter().map(|c| ('C', c.id.to_string()));
    let buildings = cfg.compounds.iter().flat_map(|c| c.buildings.iter().map(|b| ('B', b.id.to_string())));
    let units = cfg.compounds.iter().flat_map(|c| c.units.iter().map(|u| ('U', u.id.to_string())));
    people.chain(orgs).chain(compounds).chain(buildings).chain(units).collect()
}

/// The document with every string equal to a key of `map` replaced by its value.
///
/// Working on the document form renames references wherever the model has them; strings that
/// are not ids (names, enumerations, memos) never equal an id of the example.
pub(super) fn renamed(cfg: &GovernanceConfig, map: &HashMap<&str, String>) -> Option<GovernanceConfig> {
    fn walk(v: &mut Value, map: &HashMap<&str, String>) {
        match v {
            Value::String(s) => {
                if let Some(new) = map.get(s.as_str()) {
                    s.clone_from(new);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|x| walk(x, map)),
            Value::Object(fields) => fields.values_mut().for_each(|x| walk(x, map)),
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
    let mut v = serde_json::to_value(cfg).ok()?;
    walk(&mut v, map);
    serde_json::from_value(v).ok()
}

/// Multiplies every amount of money in the document by `k`.
fn scale_money(cfg: &mut GovernanceConfig, k: i128) -> Option<()> {
    let times = |m: &mut Money| -> Option<()> {
        *m = Money::from_hundredths(m.hundredths().checked_mul(k)?)?;
        Some(())
    };
    for p in &mut cfg.people {
        for r in &mut p.records {
            if let Record::FeeArrears { amount, .. } = r {
                times(amount)?;
            }
        }
    }
    for c in &mut cfg.compounds {
        if let Some(limit) = c.rules_of_procedure.as_mut().and_then(|r| r.committee_spending_limit.as_mut()) {
            times(limit)?;
        }
        if let Some(a) = &mut c.joint_account {
            times(&mut a.opening_balance)?;
            for e in &mut a.entries {
                times(&mut e.amount)?;
            }
            for d in &mut a.disclosures {
                for m in [&mut d.revenue_total, &mut d.cost_total, &mut d.disbursement_total, &mut d.closing_balance] {
                    times(m)?;
                }
            }
        }
        if let Some(f) = &mut c.maintenance_fund {
            times(&mut f.initial_deposit)?;
            times(&mut f.balance)?;
            for d in &mut f.deposits {
                times(&mut d.amount)?;
            }
            for u in &mut f.uses {
                times(&mut u.amount)?;
            }
        }
        for m in c.assemblies.iter_mut().flat_map(|a| a.matters.iter_mut()) {
            if let Some(amount) = &mut m.amount {
                times(amount)?;
            }
        }
    }
    Some(())
}

/// The first and last day of `d`'s month.
fn month_of(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let first = d.with_day(1)?;
    let last = crate::dates::sub_days(crate::dates::add_months(first, 1)?, 1)?;
    Some((first, last))
}

fn person_name() -> impl Strategy<Value = String> {
    (prop::sample::select(SURNAMES), prop::collection::vec(prop::sample::select(GIVEN), 1..=2))
        .prop_map(|(surname, given)| format!("{surname}{}", given.concat()))
}

fn place_name() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PLACE), 2).prop_map(|p| p.concat())
}

/// The usual ending of an organisation's name by kind.
fn org_suffix(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::StreetPartyWorkingCommittee => "街道党工委",
        OrgKind::CommunityPartyCommittee => "社区党委",
        OrgKind::StreetOffice => "街道办事处",
        OrgKind::ResidentsCommittee => "社区居民委员会",
        OrgKind::PropertyServiceCompany => "物业服务有限公司",
        OrgKind::Developer => "置业有限公司",
        OrgKind::PropertyRightUnit => "产权单位",
        OrgKind::Other => "服务中心",
    }
}
