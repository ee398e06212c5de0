//! Exact value types: money, area, headcount, ratios and strict dates.
//!
//! Money and area are decimal strings in documents (`"3600.00"`) and `rust_decimal::Decimal`
//! in memory, with at most two decimal places. They are distinct types so that an area can
//! never be added to an amount of money, and a headcount is an integer that mixes with neither.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The largest number of decimal places a money amount or an area may carry.
///
/// # Example
/// ```
/// use xiaoqu::model::{MAX_SCALE, Money};
/// assert_eq!(MAX_SCALE, 2);
/// assert!("0.01".parse::<Money>().is_ok());
/// assert!("0.001".parse::<Money>().is_err());
/// ```
pub const MAX_SCALE: u32 = 2;

/// Why a decimal string was refused.
///
/// # Example
/// ```
/// use xiaoqu::model::{Area, DecimalError};
/// assert_eq!("89.505".parse::<Area>(), Err(DecimalError::Scale("89.505".to_owned())));
/// assert!(matches!("8.95e1".parse::<Area>(), Err(DecimalError::Syntax(_))));
/// assert!(matches!("1".repeat(40).parse::<Area>(), Err(DecimalError::Range(_))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecimalError {
    /// Not of the form `-?DIGITS(.DIGITS)?`.
    #[error(
        "`{0}` is not a decimal string (digits with an optional `.` and at most 2 decimals; no exponent, `+`, `_`, spaces or leading `.`)"
    )]
    Syntax(String),
    /// More than two decimal places.
    #[error("`{0}` has more than 2 decimal places")]
    Scale(String),
    /// Too large for a 96-bit decimal.
    #[error("`{0}` is beyond the decimal range")]
    Range(String),
}

/// Parses a strict decimal string: optional `-`, digits, optionally `.` and 1–2 digits.
///
/// # Errors
/// [`DecimalError`] for anything else: exponents, `+`, `_`, spaces, leading `.`, more than
/// two decimal places, or a value beyond the range of [`Decimal`].
///
/// # Example
/// ```
/// use xiaoqu::model::parse_strict_decimal;
/// assert_eq!(parse_strict_decimal("-3.25")?.to_string(), "-3.25");
/// assert_eq!(parse_strict_decimal("100")?, rust_decimal::Decimal::from(100));
/// for bad in [".5", "1.", "+1", "1_000", " 1", "1.234"] {
///     assert!(parse_strict_decimal(bad).is_err(), "{bad}");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_strict_decimal(s: &str) -> Result<Decimal, DecimalError> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err(DecimalError::Syntax(s.to_owned()));
    }
    if frac.is_some_and(|f| f.len() > MAX_SCALE as usize) {
        return Err(DecimalError::Scale(s.to_owned()));
    }
    // `from_str_exact` refuses a scale the mantissa cannot hold, so "79228162514264337593543950335.00"
    // (how the largest value displays) would fail although its value is in range: retry without
    // the zeros that carry no value.
    // Up to 18 digits the mantissa fits an `i64`: build the decimal directly, as
    // `from_str_exact` would (same mantissa, same scale, same sign, "-0" included).
    let frac = frac.unwrap_or("");
    if int.len() + frac.len() <= 18 {
        let mantissa = int.bytes().chain(frac.bytes()).fold(0_i64, |n, c| n * 10 + i64::from(c - b'0'));
        let scale = u32::try_from(frac.len()).unwrap_or(MAX_SCALE);
        let mut d = Decimal::try_new(mantissa, scale).map_err(|_| DecimalError::Range(s.to_owned()))?;
        d.set_sign_negative(s.starts_with('-'));
        return Ok(d);
    }
    let trimmed = if frac.is_empty() { s } else { s.trim_end_matches('0').trim_end_matches('.') };
    Decimal::from_str_exact(s)
        .or_else(|_| Decimal::from_str_exact(trimmed))
        .map_err(|_| DecimalError::Range(s.to_owned()))
}

macro_rules! decimal_newtype {
    ($(#[$m:meta])* $name:ident, $what:literal) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(Decimal);

        impl $name {
            /// Zero.
            pub const ZERO: Self = Self(Decimal::ZERO);

            /// Wraps a decimal.
            ///
            /// # Errors
            /// [`DecimalError::Scale`] when the value has more than two decimal places: it is
            /// refused rather than rounded.
            pub fn new(value: Decimal) -> Result<Self, DecimalError> {
                if value.normalize().scale() > MAX_SCALE {
                    return Err(DecimalError::Scale(value.to_string()));
                }
                Ok(Self(value))
            }

            /// The exact decimal value.
            pub fn value(self) -> Decimal {
                self.0
            }

            /// The value in hundredths (fen, or 0.01 m²): exact, since the value has at most
            /// two decimals, and within `i128` (the largest decimal is below 10^29).
            pub fn hundredths(self) -> i128 {
                // At a scale of at most two the mantissa scales up as it is (the same value
                // as after `normalize`, which only drops trailing zeros); beyond, normalize.
                let v = if self.0.scale() <= MAX_SCALE { self.0 } else { self.0.normalize() };
                let shift = MAX_SCALE.saturating_sub(v.scale());
                // `new` and the parser refuse more than two decimals, so `shift` is 0, 1 or 2.
                v.mantissa().saturating_mul(10_i128.saturating_pow(shift))
            }

            /// The value of `h` hundredths, at the largest scale (2, 1 or 0) that holds it
            /// exactly; `None` beyond the range of [`Decimal`].
            pub fn from_hundredths(h: i128) -> Option<Self> {
                [(2, 1_i128), (1, 10), (0, 100)]
                    .into_iter()
                    .filter(|(_, unit)| h % unit == 0)
                    .find_map(|(scale, unit)| Decimal::try_from_i128_with_scale(h / unit, scale).ok())
                    .map(Self)
            }

            /// `self + other` exactly, or `None` when the sum is beyond the decimal range.
            ///
            /// `Decimal::checked_add` would round a sum that needs more than 96 bits of
            /// mantissa at its scale instead of failing; this sums in hundredths and never
            /// rounds.
            pub fn checked_add(self, other: Self) -> Option<Self> {
                Self::from_hundredths(self.hundredths().checked_add(other.hundredths())?)
            }

            /// The exact sum of `values`, or `None` when it is beyond the decimal range: added
            /// up in hundredths and turned into a decimal once (a fold of [`Self::checked_add`]
            /// would build a decimal per value).
            #[allow(dead_code, reason = "each of the two types uses it for its own sums")]
            pub(crate) fn checked_sum(values: impl IntoIterator<Item = Self>) -> Option<Self> {
                let mut h: i128 = 0;
                for v in values {
                    h = h.checked_add(v.hundredths())?;
                }
                Self::from_hundredths(h)
            }

            /// `self - other` exactly, or `None` when the difference is beyond the decimal range.
            pub fn checked_sub(self, other: Self) -> Option<Self> {
                Self::from_hundredths(self.hundredths().checked_sub(other.hundredths())?)
            }

            /// Whether the value is strictly greater than zero.
            pub fn is_positive(self) -> bool {
                self.0 > Decimal::ZERO
            }
        }

        impl FromStr for $name {
            type Err = DecimalError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_strict_decimal(s).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{:.2}", self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!($what, " as a decimal string such as \"89.50\""))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                    fn visit_f64<E: de::Error>(self, v: f64) -> Result<$name, E> {
                        Err(E::custom(format_args!(
                            concat!($what, " must be a decimal string, not the number `{}` (a number may already have been rounded)"), v)))
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$name, E> {
                        Err(E::custom(format_args!(
                            concat!($what, " must be a decimal string, not the number `{}` (write \"{}.00\")"), v, v)))
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$name, E> {
                        Err(E::custom(format_args!(
                            concat!($what, " must be a decimal string, not the number `{}` (write \"{}.00\")"), v, v)))
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}

decimal_newtype!(
    /// An amount of money (CNY unless the account says otherwise), exact to the fen.
    Money,
    "money"
);
decimal_newtype!(
    /// A registered area in square metres (SPC Art 8), exact to 0.01 m².
    Area,
    "area"
);

/// A number of owners counted as heads under SPC Art 9. Never mixed with [`Area`].
///
/// # Example
/// ```
/// use xiaoqu::model::Headcount;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let c = &cfg.compounds[0];
/// let tally = xiaoqu::voting::tally_assembly(c, &c.assemblies[0], xiaoqu::voting::Abstention::NotCounted);
/// assert_eq!(tally.total().heads, Headcount(11));
/// assert_eq!(Headcount(11).to_string(), "11");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Headcount(pub u64);

impl fmt::Display for Headcount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An exact ratio `num/den` (`den > 0`), written `"1/2"`, `"2/3"` or as a decimal `"0.5"`.
///
/// Comparisons against it use cross-multiplication, never division.
///
/// # Example
/// ```
/// use xiaoqu::model::Ratio;
/// let two_thirds: Ratio = "2/3".parse()?;
/// assert_eq!(two_thirds.to_string(), "2/3");
/// assert_eq!("0.75".parse::<Ratio>()?, Ratio::new(75, 100).ok_or("3/4")?);
/// assert!("3/2".parse::<Ratio>().is_err(), "a share above one");
/// assert!(two_thirds.reached_by(200, 300) && !two_thirds.exceeded_by(200, 300));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: u64,
    den: u64,
}

impl Ratio {
    /// `num/den`; `None` when `den` is 0 or `num > den` (a share above one).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::Ratio;
    /// let r = Ratio::new(3, 4).ok_or("3/4 is a share")?;
    /// assert_eq!((r.num(), r.den()), (3, 4));
    /// assert_eq!(Ratio::new(1, 0), None);
    /// assert_eq!(Ratio::new(5, 4), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(num: u64, den: u64) -> Option<Self> {
        if den == 0 || num > den { None } else { Some(Self { num, den }) }
    }

    /// One half.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::Ratio;
    /// assert_eq!(Ratio::HALF, "1/2".parse()?);
    /// assert!(Ratio::HALF.reached_by(1, 2) && !Ratio::HALF.exceeded_by(1, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const HALF: Self = Self { num: 1, den: 2 };

    /// Numerator.
    ///
    /// # Example
    /// ```
    /// assert_eq!("2/3".parse::<xiaoqu::model::Ratio>()?.num(), 2);
    /// assert_eq!("0.5".parse::<xiaoqu::model::Ratio>()?.num(), 5, "kept as written: 5/10");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn num(self) -> u64 {
        self.num
    }

    /// Denominator.
    ///
    /// # Example
    /// ```
    /// assert_eq!("2/3".parse::<xiaoqu::model::Ratio>()?.den(), 3);
    /// assert_eq!("0.25".parse::<xiaoqu::model::Ratio>()?.den(), 100);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn den(self) -> u64 {
        self.den
    }

    /// Whether `part / whole >= self` (integer cross-multiplication; `whole == 0` is false).
    ///
    /// # Example
    /// ```
    /// let three_quarters: xiaoqu::model::Ratio = "3/4".parse()?;
    /// assert!(three_quarters.reached_by(3, 4), "exactly 3/4 reaches it");
    /// assert!(!three_quarters.reached_by(74, 99));
    /// assert!(!three_quarters.reached_by(0, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reached_by(self, part: u64, whole: u64) -> bool {
        whole > 0 && u128::from(part) * u128::from(self.den) >= u128::from(whole) * u128::from(self.num)
    }

    /// Whether `part / whole > self` (integer cross-multiplication; `whole == 0` is false).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::Ratio;
    /// assert!(!Ratio::HALF.exceeded_by(6, 12), "exactly half is not more than half");
    /// assert!(Ratio::HALF.exceeded_by(7, 12));
    /// assert!(!Ratio::HALF.exceeded_by(0, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exceeded_by(self, part: u64, whole: u64) -> bool {
        whole > 0 && u128::from(part) * u128::from(self.den) > u128::from(whole) * u128::from(self.num)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

impl FromStr for Ratio {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a ratio between 0 and 1 (write `1/2`, `2/3` or `0.5`)");
        if let Some((n, d)) = s.split_once('/') {
            let n: u64 = n.trim().parse().map_err(|_| bad())?;
            let d: u64 = d.trim().parse().map_err(|_| bad())?;
            return Self::new(n, d).ok_or_else(bad);
        }
        let body = s.strip_prefix("0.").or_else(|| s.strip_prefix("1.")).filter(|f| !f.is_empty() && f.len() <= 6);
        match (s, body) {
            ("0" | "1", _) => Self::new(u64::from(s == "1"), 1).ok_or_else(bad),
            (_, Some(frac)) if frac.bytes().all(|b| b.is_ascii_digit()) => {
                let den = 10u64.pow(u32::try_from(frac.len()).map_err(|_| bad())?);
                let f: u64 = frac.parse().map_err(|_| bad())?;
                let whole = u64::from(s.starts_with('1'));
                Self::new(whole * den + f, den).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

/// Strict `YYYY-MM-DD` date parsing, shared by every date in a document.
///
/// # Errors
/// A message naming the value when it is not exactly four digits, `-`, two digits, `-`, two
/// digits, or names no calendar day (`2024-02-30`).
///
/// # Example
/// ```
/// use xiaoqu::model::parse_strict_date;
/// assert_eq!(parse_strict_date("2024-02-29")?.to_string(), "2024-02-29");
/// assert!(parse_strict_date("2023-02-29").is_err(), "not a calendar day");
/// assert!(parse_strict_date("2024-6-1").is_err(), "two-digit month and day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_strict_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if !shape {
        return Err(format!("`{s}` is not a date of the form YYYY-MM-DD"));
    }
    // The shape is checked: the fields are plain digits, read without the strftime machinery.
    let num = |r: std::ops::Range<usize>| {
        b.get(r).map_or(0, |d| d.iter().fold(0_u32, |n, c| n * 10 + u32::from(c.saturating_sub(b'0'))))
    };
    let year = i32::try_from(num(0..4)).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, num(5..7), num(8..10)).ok_or_else(|| format!("`{s}` is not a calendar date"))
}

/// The key under which TOML hands a native date to serde.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date string YYYY-MM-DD")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse_strict_date(v).map_err(E::custom)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
        // A TOML native date arrives as a one-entry map; accept a bare local date only.
        let key: Option<String> = map.next_key()?;
        if key.as_deref() != Some(TOML_DATETIME_KEY) {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        let text: String = map.next_value()?;
        parse_strict_date(&text)
            .map_err(|_| de::Error::custom(format_args!("`{text}` is not a plain date (no time or offset)")))
    }
}

/// serde helpers for a required [`NaiveDate`] field.
pub mod date {
    use super::{DateVisitor, NaiveDate};
    use serde::{Deserializer, Serializer};

    /// Serializes as `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Only those of the serializer.
    #[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's `with` passes the field by reference")]
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&d.format("%Y-%m-%d"))
    }

    /// Deserializes a strict `YYYY-MM-DD` string (or a TOML native date).
    ///
    /// # Errors
    /// When the value is not a strict date.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

/// serde helpers for an optional [`NaiveDate`] field (use with `default`).
pub mod date_opt {
    use super::{DateVisitor, NaiveDate};
    use serde::Serializer;
    use serde::de::{Deserializer, Visitor};
    use std::fmt;

    /// Serializes `Some` as `YYYY-MM-DD`, `None` as null.
    ///
    /// # Errors
    /// Only those of the serializer.
    #[expect(
        clippy::trivially_copy_pass_by_ref,
        clippy::ref_option,
        reason = "serde's `with` passes the field by reference"
    )]
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
            None => s.serialize_none(),
        }
    }

    /// Deserializes an optional strict date.
    ///
    /// # Errors
    /// When a present value is not a strict date.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        struct Opt;
        impl<'de> Visitor<'de> for Opt {
            type Value = Option<NaiveDate>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string YYYY-MM-DD or null")
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(DateVisitor).map(Some)
            }
        }
        d.deserialize_option(Opt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_decimals() {
        for ok in ["0", "0.5", "89.50", "-3.25", "100"] {
            assert!(parse_strict_decimal(ok).is_ok(), "{ok}");
        }
        for bad in ["", ".5", "1e3", "+1", "1_000", " 1", "1.", "1.234", "--1", "1,5", "NaN"] {
            assert!(parse_strict_decimal(bad).is_err(), "{bad}");
        }
        assert!(matches!(parse_strict_decimal("99999999999999999999999999999999"), Err(DecimalError::Range(_))));
        assert!(matches!(parse_strict_decimal("1.234"), Err(DecimalError::Scale(_))));
    }

    #[test]
    fn strict_dates() {
        assert!(parse_strict_date("2024-06-01").is_ok());
        for bad in ["2024-6-1", "2024-06-01 ", " 2024-06-01", "2024-02-30", "20240601", "2024/06/01"] {
            assert!(parse_strict_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ratios() {
        let half: Ratio = "0.5".parse().unwrap_or(Ratio::HALF);
        assert_eq!(half, Ratio { num: 5, den: 10 });
        assert!(half.reached_by(1, 2));
        assert!(!half.exceeded_by(1, 2));
        assert!(half.exceeded_by(2, 3));
        assert_eq!("2/3".parse::<Ratio>(), Ok(Ratio { num: 2, den: 3 }));
        assert!("3/2".parse::<Ratio>().is_err());
        assert!("1/0".parse::<Ratio>().is_err());
        assert!("0.".parse::<Ratio>().is_err());
        assert_eq!("1".parse::<Ratio>(), Ok(Ratio { num: 1, den: 1 }));
    }

    #[test]
    fn sums_never_round() {
        let max = Money::new(Decimal::MAX).unwrap_or_default();
        let m = |s: &str| s.parse::<Money>().unwrap_or_default();
        // Decimal's own checked_add gives MAX back for this sum: rounded, not refused.
        assert_eq!(max.checked_sub(m("1.00")).and_then(|x| x.checked_add(m("0.50"))), None);
        assert_eq!(max.checked_add(m("0.01")), None);
        assert_eq!(max.checked_sub(m("1.00")).map(Money::value), Some(Decimal::MAX - Decimal::ONE));
        assert_eq!(m("3600.00").checked_add(m("1800.00")), Some(m("5400.00")));
        assert_eq!(m("0.00").checked_sub(m("0.01")), Some(m("-0.01")));
        assert_eq!(m("89.5").hundredths(), 8950);
        assert_eq!(Area::new(Decimal::new(12300, 4)).map(Area::hundredths), Ok(123));
        // A sum is exact whatever the order, refused only when the total is out of range.
        let a = |s: &str| s.parse::<Area>().unwrap_or_default();
        assert_eq!(Area::checked_sum([a("88.50"), a("120"), a("0.05")]), Some(a("208.55")));
        assert_eq!(Area::checked_sum([]), Some(Area::ZERO));
        assert_eq!(Money::checked_sum([max, m("0.01")]), None);
        assert_eq!(Money::checked_sum([max, m("0.01"), m("-0.01")]), Some(max));
    }

    #[test]
    fn money_refuses_rounding() {
        assert!(Money::new(Decimal::new(12345, 3)).is_err());
        assert_eq!(Money::new(Decimal::new(1230, 3)).map(|m| m.to_string()), Ok("1.23".to_owned()));
    }
}
