//! [proptest](mod@proptest) strategies for documents and their parts (feature `proptest`).
//!
//! As `rust_decimal` does with its `proptest` feature, the value types implement
//! [`Arbitrary`], so `any::<Money>()` or `any::<PersonId>()` work in a caller's own
//! properties; the functions here add ranges and whole documents:
//!
//! | strategy | yields |
//! |---|---|
//! | `any::<PersonId>()` (every id type) | a valid id: 1–64 characters of `[A-Za-z0-9._-]`, mostly short |
//! | `any::<Money>()`, `any::<Area>()` | any value with at most two decimals, negative and zero included, sometimes near the decimal range's ends |
//! | [`id_string`] | the text of a valid id |
//! | [`money`], [`area`], [`date`] | a value in an inclusive range |
//! | [`record`] | an evidence record about given units and compounds, dated in a range |
//! | [`valid_config`] | the reference example, perturbed in ways that keep it clean |
//! | [`violation`], [`violation_of`] | a valid config with one injected violation, its rule and subject |
//!
//! The document strategies need the `json` feature too (they start from
//! [`GUOKEYUAN_JSON`](crate::example::GUOKEYUAN_JSON)).
//!
//! # Example
//! ```
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//! use xiaoqu::model::{Money, PersonId};
//!
//! let mut runner = TestRunner::deterministic();
//! runner
//!     .run(&(any::<PersonId>(), any::<Money>()), |(id, m)| {
//!         prop_assert!(xiaoqu::model::validate_id(id.as_str()).is_ok());
//!         prop_assert_eq!(m.to_string().parse::<Money>().ok(), Some(m));
//!         Ok(())
//!     })
//!     .map_err(|e| e.to_string())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "json")]
mod document;
#[cfg(feature = "json")]
mod violations;

use std::ops::RangeInclusive;

use chrono::{Days, NaiveDate};
use proptest::arbitrary::Arbitrary;
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use rust_decimal::Decimal;

use crate::model::{
    AccountId, Area, AssemblyId, BranchId, BuildingId, CompoundId, DepositId, ElectionId, EntryId, FundUseId,
    MAX_ID_LEN, MAX_SCALE, MatterId, MeetingId, MeetingMatterId, Money, OrgId, PersonId, Record, UnitId,
};

#[cfg(feature = "json")]
pub use document::valid_config;
#[cfg(feature = "json")]
pub use violations::{VIOLATIONS, Violation, violation, violation_of};

/// Every character an id may use.
const ID_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

/// `len` characters of the id alphabet.
fn id_chars(len: RangeInclusive<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ID_ALPHABET), len).prop_map(|b| b.into_iter().map(char::from).collect())
}

/// The text of a valid id: 1–64 characters of `[A-Za-z0-9._-]`, four times in five at most 8
/// characters long (ids are short in practice; the long ones test the limit).
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let id = xiaoqu::strategies::id_string().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(xiaoqu::model::validate_id(&id).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn id_string() -> BoxedStrategy<String> {
    prop_oneof![4 => id_chars(1..=8), 1 => id_chars(1..=MAX_ID_LEN)].boxed()
}

macro_rules! arbitrary_ids {
    ($($t:ident),*) => {$(
        impl Arbitrary for $t {
            type Parameters = ();
            type Strategy = BoxedStrategy<Self>;

            fn arbitrary_with((): ()) -> Self::Strategy {
                id_string().prop_filter_map("a valid id", |s| $t::new(&s).ok()).boxed()
            }
        }
    )*};
}

arbitrary_ids!(
    PersonId,
    OrgId,
    CompoundId,
    BuildingId,
    UnitId,
    BranchId,
    AccountId,
    EntryId,
    DepositId,
    FundUseId,
    AssemblyId,
    MatterId,
    ElectionId,
    MeetingId,
    MeetingMatterId
);

/// Any decimal with at most two places: three times in four within ±10¹⁰ (as amounts and areas
/// are), otherwise any 96-bit mantissa, as `rust_decimal`'s own `Arbitrary` draws it.
fn decimal_2dp() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => (-1_000_000_000_000_i64..=1_000_000_000_000, 0..=MAX_SCALE).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => (any::<(u32, u32, u32, bool)>(), 0..=MAX_SCALE)
            .prop_map(|((lo, mid, hi, neg), s)| Decimal::from_parts(lo, mid, hi, neg, s)),
    ]
}

impl Arbitrary for Money {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    fn arbitrary_with((): ()) -> Self::Strategy {
        decimal_2dp().prop_filter_map("at most two decimals", |d| Self::new(d).ok()).boxed()
    }
}

impl Arbitrary for Area {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    fn arbitrary_with((): ()) -> Self::Strategy {
        decimal_2dp().prop_filter_map("at most two decimals", |d| Self::new(d).ok()).boxed()
    }
}

/// The bounds in order, so that a reversed range still yields values rather than panicking.
fn ordered<T: Ord>(a: T, b: T) -> (T, T) {
    if a <= b { (a, b) } else { (b, a) }
}

/// An amount of money in `range` (bounds included, either order), uniform in fen; shrinks
/// towards the bound nearer zero.
///
/// # Example
/// ```
/// use proptest::prelude::*;
/// use xiaoqu::model::Money;
/// let (lo, hi): (Money, Money) = ("0.01".parse()?, "5000.00".parse()?);
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// runner
///     .run(&xiaoqu::strategies::money(lo..=hi), |m| {
///         prop_assert!(lo <= m && m <= hi);
///         Ok(())
///     })
///     .map_err(|e| e.to_string())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn money(range: RangeInclusive<Money>) -> BoxedStrategy<Money> {
    let (lo, hi) = ordered(range.start().hundredths(), range.end().hundredths());
    (lo..=hi).prop_filter_map("a money amount", Money::from_hundredths).boxed()
}

/// A registered area in `range` (bounds included, either order), uniform in 0.01 m².
///
/// # Example
/// ```
/// use proptest::prelude::*;
/// use xiaoqu::model::Area;
/// let (lo, hi): (Area, Area) = ("80.00".parse()?, "120.00".parse()?);
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// runner
///     .run(&xiaoqu::strategies::area(lo..=hi), |a| {
///         prop_assert!(a.is_positive() && lo <= a && a <= hi);
///         Ok(())
///     })
///     .map_err(|e| e.to_string())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn area(range: RangeInclusive<Area>) -> BoxedStrategy<Area> {
    let (lo, hi) = ordered(range.start().hundredths(), range.end().hundredths());
    (lo..=hi).prop_filter_map("an area", Area::from_hundredths).boxed()
}

/// A date in `range` (bounds included, either order), uniform in days; shrinks towards the
/// earlier bound.
///
/// # Example
/// ```
/// use proptest::prelude::*;
/// use chrono::NaiveDate;
/// let (lo, hi) = (NaiveDate::from_ymd_opt(2024, 2, 28).ok_or("date")?, NaiveDate::from_ymd_opt(2024, 3, 1).ok_or("date")?);
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// runner
///     .run(&xiaoqu::strategies::date(lo..=hi), |d| {
///         prop_assert!(lo <= d && d <= hi);
///         Ok(())
///     })
///     .map_err(|e| e.to_string())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn date(range: RangeInclusive<NaiveDate>) -> BoxedStrategy<NaiveDate> {
    let (lo, hi) = ordered(*range.start(), *range.end());
    let span = u64::try_from(hi.signed_duration_since(lo).num_days()).unwrap_or(0);
    (0..=span).prop_filter_map("a date", move |d| lo.checked_add_days(Days::new(d))).boxed()
}

/// Any evidence record (every kind of `CONFIG.md`), about one of `units` or `compounds` when
/// the kind names one (a fresh id when the list is empty), with every date in `dates` and
/// each end date (rectified, settled, closed, completed) on or after its start when present.
///
/// Whether the record bars anyone depends on its kind and dates: this draws good and bad
/// records alike, which is what a monotonicity property needs.
///
/// # Example
/// ```
/// use proptest::prelude::*;
/// use chrono::NaiveDate;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let c = &cfg.compounds[0];
/// let units: Vec<_> = c.units.iter().map(|u| u.id.clone()).collect();
/// let dates = NaiveDate::from_ymd_opt(2019, 1, 1).ok_or("date")?..=cfg.as_of;
/// let records = xiaoqu::strategies::record(units, vec![c.id.clone()], dates);
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// runner
///     .run(&records, |r| {
///         // Every record survives the document form.
///         let text = serde_json::to_string(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
///         prop_assert_eq!(serde_json::from_str::<xiaoqu::model::Record>(&text).ok(), Some(r));
///         Ok(())
///     })
///     .map_err(|e| e.to_string())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn record(
    units: Vec<UnitId>,
    compounds: Vec<CompoundId>,
    dates: RangeInclusive<NaiveDate>,
) -> BoxedStrategy<Record> {
    let unit = one_of(units);
    let compound = one_of(compounds);
    let (lo, hi) = ordered(*dates.start(), *dates.end());
    // A start in range and an optional end between it and the range's end.
    let span =
        move || date(lo..=hi).prop_flat_map(move |start| (Just(start), prop::option::of(date(start..=hi.max(start)))));
    let text = || {
        prop::collection::vec(prop::sample::select(&b"abcdefghij "[..]), 0..=12)
            .prop_map(|b| b.into_iter().map(char::from).collect::<String>())
    };
    prop_oneof![
        (span(), any::<bool>()).prop_map(|((date, sentence_completed_on), intentional)| {
            Record::CriminalConviction { date, sentence_completed_on, intentional }
        }),
        span().prop_map(|(from, to)| Record::UnderCriminalInvestigation { from, to }),
        span().prop_map(|(from, to)| Record::DishonestDebtor { from, to }),
        (unit.clone(), span()).prop_map(|(unit, (ordered_on, rectified_on))| Record::IllegalConstruction {
            unit,
            ordered_on,
            rectified_on
        }),
        (unit.clone(), span()).prop_map(|(unit, (found_on, rectified_on))| Record::StructuralDamage {
            unit,
            found_on,
            rectified_on
        }),
        (compound.clone(), span()).prop_map(|(compound, (found_on, rectified_on))| Record::OccupiesCommonPart {
            compound,
            found_on,
            rectified_on
        }),
        (unit, span(), 0u32..=36, money_fen(1..=10_000_000), any::<bool>()).prop_map(
            |(unit, (since, settled_on), months, amount, court_confirmed)| Record::FeeArrears {
                unit,
                since,
                months,
                amount,
                court_confirmed,
                settled_on
            }
        ),
        (date(lo..=hi), any::<bool>())
            .prop_map(|(date, property_related)| Record::AdminPenalty { date, property_related }),
        (compound.clone(), date(lo..=hi)).prop_map(|(compound, date)| Record::RemovedFromCommittee { compound, date }),
        (compound, text(), span()).prop_map(|(compound, description, (from, to))| Record::EconomicTies {
            compound,
            description,
            from,
            to
        }),
        (date(lo..=hi), text()).prop_map(|(date, description)| Record::MoralMisconduct { date, description }),
    ]
    .boxed()
}

/// One of `ids`, or any id when the list is empty.
fn one_of<T>(ids: Vec<T>) -> BoxedStrategy<T>
where
    T: Arbitrary + Clone + std::fmt::Debug + 'static,
    T::Strategy: 'static,
{
    if ids.is_empty() { any::<T>().boxed() } else { prop::sample::select(ids).boxed() }
}

/// Money from a range of fen.
fn money_fen(fen: RangeInclusive<i128>) -> impl Strategy<Value = Money> {
    fen.prop_filter_map("a money amount", Money::from_hundredths)
}
