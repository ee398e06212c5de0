//! Parameter values as written in profiles, and the typed parameters they convert into.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Party, Ratio};

/// A parameter value as written in a profile: `null`, a flag, an integer, a string or a list.
///
/// Fractions are strings (`"1/2"`, `"0.5"`): a JSON number with a fraction is refused, as
/// everywhere in this crate, so that nothing is rounded.
///
/// # Example
/// ```
/// use xiaoqu::policy::ParamValue;
/// let mut policy = xiaoqu::Policy::default();
/// policy.set_param("liaison_span", &ParamValue::Str("8..=12".into()))?;
/// policy.set_param("small_compound_max_households", &ParamValue::Null)?; // unset an optional one
/// assert!(policy.set_param("filing_days", &ParamValue::Str("thirty".into())).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    /// `null`: unset an optional parameter.
    Null,
    /// A flag.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string.
    Str(String),
    /// A list.
    List(Vec<ParamValue>),
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Null => f.write_str("null"),
            Self::Bool(b) => b.fmt(f),
            Self::Int(i) => i.fmt(f),
            Self::Str(s) => write!(f, "{s:?}"),
            Self::List(l) => {
                f.write_str("[")?;
                for (i, v) in l.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    v.fmt(f)?;
                }
                f.write_str("]")
            }
        }
    }
}

impl Serialize for ParamValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null => s.serialize_none(),
            Self::Bool(b) => s.serialize_bool(*b),
            Self::Int(i) => s.serialize_i64(*i),
            Self::Str(v) => s.serialize_str(v),
            Self::List(l) => s.collect_seq(l),
        }
    }
}

impl<'de> Deserialize<'de> for ParamValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ParamValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a parameter value (null, true/false, an integer, a string or a list)")
            }
            fn visit_unit<E: de::Error>(self) -> Result<ParamValue, E> {
                Ok(ParamValue::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<ParamValue, E> {
                Ok(ParamValue::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ParamValue, E> {
                Ok(ParamValue::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ParamValue, E> {
                Ok(ParamValue::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ParamValue, E> {
                i64::try_from(v).map(ParamValue::Int).map_err(|_| E::custom(format_args!("`{v}` is too large")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ParamValue, E> {
                Err(E::custom(format_args!("write the fraction `{v}` as a string such as \"1/2\" or \"0.5\"")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ParamValue, E> {
                Ok(ParamValue::Str(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ParamValue, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(ParamValue::List(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<ParamValue, A::Error> {
                Err(de::Error::invalid_type(de::Unexpected::Map, &self))
            }
        }
        d.deserialize_any(V)
    }
}

/// A type a parameter can have.
///
/// # Example
/// ```
/// use xiaoqu::policy::{ParamType, ParamValue, Range};
/// let r = Range::from_value(&ParamValue::Str("10..=15".into()))?;
/// assert_eq!(r, Range::new(10, 15));
/// assert_eq!(r.to_value(), ParamValue::Str("10..=15".into()));
/// assert!(Range::from_value(&ParamValue::Str("15..=10".into())).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait ParamType: Sized {
    /// What a value of the type looks like, for error messages and `explain`.
    const KIND: &'static str;
    /// Whether `null` is also accepted (the parameter may be unset).
    const NULLABLE: bool = false;
    /// Converts a written value.
    ///
    /// # Errors
    /// A one-line message when the value does not fit the type.
    fn from_value(v: &ParamValue) -> Result<Self, String>;
    /// The value as it would be written.
    fn to_value(&self) -> ParamValue;
}

fn expected<T: ParamType>(v: &ParamValue) -> String {
    format!("expected {}, found {v}", T::KIND)
}

impl ParamType for u32 {
    const KIND: &'static str = "a non-negative integer";
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        match v {
            ParamValue::Int(i) => u32::try_from(*i).map_err(|_| expected::<Self>(v)),
            _ => Err(expected::<Self>(v)),
        }
    }
    fn to_value(&self) -> ParamValue {
        ParamValue::Int(i64::from(*self))
    }
}

impl ParamType for bool {
    const KIND: &'static str = "true or false";
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        match v {
            ParamValue::Bool(b) => Ok(*b),
            _ => Err(expected::<Self>(v)),
        }
    }
    fn to_value(&self) -> ParamValue {
        ParamValue::Bool(*self)
    }
}

impl ParamType for Ratio {
    const KIND: &'static str = "a ratio string such as \"1/2\" or \"0.5\"";
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        match v {
            ParamValue::Str(s) => s.parse(),
            _ => Err(expected::<Self>(v)),
        }
    }
    fn to_value(&self) -> ParamValue {
        ParamValue::Str(self.to_string())
    }
}

impl ParamType for String {
    const KIND: &'static str = "a string";
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        match v {
            ParamValue::Str(s) => Ok(s.clone()),
            _ => Err(expected::<Self>(v)),
        }
    }
    fn to_value(&self) -> ParamValue {
        ParamValue::Str(self.clone())
    }
}

impl<T: ParamType> ParamType for Option<T> {
    const KIND: &'static str = T::KIND;
    const NULLABLE: bool = true;
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        match v {
            ParamValue::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
    fn to_value(&self) -> ParamValue {
        self.as_ref().map_or(ParamValue::Null, T::to_value)
    }
}

impl<T: ParamType> ParamType for Vec<T> {
    const KIND: &'static str = "a list";
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        match v {
            ParamValue::List(l) => l.iter().map(T::from_value).collect(),
            _ => Err(expected::<Self>(v)),
        }
    }
    fn to_value(&self) -> ParamValue {
        ParamValue::List(self.iter().map(T::to_value).collect())
    }
}

impl ParamType for Party {
    const KIND: &'static str = "a party (community_party_org, owners_committee, property_company)";
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        match v {
            ParamValue::Str(s) => {
                Party::ALL.iter().copied().find(|p| p.as_str() == s).ok_or_else(|| expected::<Self>(v))
            }
            _ => Err(expected::<Self>(v)),
        }
    }
    fn to_value(&self) -> ParamValue {
        ParamValue::Str(self.as_str().to_owned())
    }
}

/// An inclusive range of whole numbers, written `"10..=15"` or `[10, 15]`; `"5.."` has no upper
/// bound (its `max` is `u32::MAX`, and it is written back as `"5.."`).
///
/// # Example
/// ```
/// use xiaoqu::policy::{ParamType, ParamValue, Range};
/// let span = xiaoqu::Policy::default().params().liaison_span;
/// assert_eq!(span.to_string(), "10..=15");
/// let open = Range::from_value(&ParamValue::Str("5..".into()))?;
/// assert_eq!((open.min, open.max), (5, u32::MAX));
/// assert_eq!(open.to_string(), "5..");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Range {
    /// Smallest allowed.
    pub min: u32,
    /// Largest allowed.
    pub max: u32,
}

impl Range {
    /// `min..=max`.
    ///
    /// # Example
    /// ```
    /// let r = xiaoqu::policy::Range::new(18, 75);
    /// assert_eq!((r.min, r.max), (18, 75));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(min: u32, max: u32) -> Self {
        Self { min, max }
    }
    /// Whether `n` is inside, bounds included.
    ///
    /// # Example
    /// ```
    /// let r = xiaoqu::policy::Range::new(10, 15);
    /// assert!(r.contains(10) && r.contains(15)); // bounds included
    /// assert!(!r.contains(9) && !r.contains(16));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(self, n: u64) -> bool {
        u64::from(self.min) <= n && n <= u64::from(self.max)
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.max == u32::MAX { write!(f, "{}..", self.min) } else { write!(f, "{}..={}", self.min, self.max) }
    }
}

impl ParamType for Range {
    const KIND: &'static str = "a range such as \"10..=15\", \"5..\" (no upper bound) or [10, 15]";
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        let (a, b) = match v {
            ParamValue::Str(s) => {
                let number = |t: &str| t.trim().parse::<u32>().map_err(|_| expected::<Self>(v));
                match s.split_once("..=") {
                    Some((a, b)) => (number(a)?, number(b)?),
                    None => (number(s.trim_end().strip_suffix("..").ok_or_else(|| expected::<Self>(v))?)?, u32::MAX),
                }
            }
            ParamValue::List(l) => match l.as_slice() {
                [a, b] => (u32::from_value(a)?, u32::from_value(b)?),
                _ => return Err(expected::<Self>(v)),
            },
            _ => return Err(expected::<Self>(v)),
        };
        if a > b {
            return Err(format!("the range {a}..={b} is empty"));
        }
        Ok(Self::new(a, b))
    }
    fn to_value(&self) -> ParamValue {
        ParamValue::Str(self.to_string())
    }
}

/// A share threshold: `>1/2` (过半数, strictly more) or `>=1/2` (半数以上, at least).
///
/// # Example
/// ```
/// use xiaoqu::policy::Threshold;
/// assert_eq!(Threshold::MORE_THAN_HALF.to_string(), ">1/2");
/// assert_eq!(Threshold::AT_LEAST_HALF.to_string(), ">=1/2");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Threshold {
    /// Whether the bound itself meets the threshold.
    pub inclusive: bool,
    /// The share.
    pub ratio: Ratio,
}

impl Threshold {
    /// More than half (过半数).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::policy::Threshold;
    /// assert!(!Threshold::MORE_THAN_HALF.met_by(3, 6)); // 过半数: exactly half is not enough
    /// assert!(Threshold::MORE_THAN_HALF.met_by(4, 6));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MORE_THAN_HALF: Self = Self { inclusive: false, ratio: Ratio::HALF };
    /// At least half (半数以上).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::policy::Threshold;
    /// assert!(Threshold::AT_LEAST_HALF.met_by(3, 6)); // 半数以上: half is enough
    /// assert!(!Threshold::AT_LEAST_HALF.met_by(2, 6));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const AT_LEAST_HALF: Self = Self { inclusive: true, ratio: Ratio::HALF };

    /// Whether `part` out of `whole` meets the threshold (exact integer arithmetic).
    ///
    /// # Example
    /// ```
    /// let quorum = xiaoqu::Policy::default().params().committee_quorum;
    /// assert!(quorum.met_by(3, 5) && !quorum.met_by(2, 4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn met_by(self, part: u64, whole: u64) -> bool {
        if self.inclusive { self.ratio.reached_by(part, whole) } else { self.ratio.exceeded_by(part, whole) }
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", if self.inclusive { ">=" } else { ">" }, self.ratio)
    }
}

impl ParamType for Threshold {
    const KIND: &'static str = "a threshold such as \">1/2\" or \">=2/3\"";
    fn from_value(v: &ParamValue) -> Result<Self, String> {
        let ParamValue::Str(s) = v else { return Err(expected::<Self>(v)) };
        let (inclusive, rest) = match s.strip_prefix(">=") {
            Some(r) => (true, r),
            None => (false, s.strip_prefix('>').ok_or_else(|| expected::<Self>(v))?),
        };
        Ok(Self { inclusive, ratio: rest.trim().parse()? })
    }
    fn to_value(&self) -> ParamValue {
        ParamValue::Str(self.to_string())
    }
}

/// Defines a parameter enum written as a `snake_case` string.
macro_rules! param_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vm])* $v,)* }

        impl ParamType for $name {
            const KIND: &'static str = concat!("one of:" $(, " ", $s)*);
            fn from_value(v: &ParamValue) -> Result<Self, String> {
                match v {
                    $(ParamValue::Str(s) if s == $s => Ok(Self::$v),)*
                    _ => Err(expected::<Self>(v)),
                }
            }
            fn to_value(&self) -> ParamValue {
                ParamValue::Str(match self { $(Self::$v => $s,)* }.to_owned())
            }
        }
    };
}

param_enum! {
    /// How often the account's statement must be published.
    DisclosurePeriod {
        /// Every quarter (Shanghai).
        Quarter = "quarter",
        /// Every half year (Hangzhou, Guizhou).
        HalfYear = "half_year",
        /// Every year.
        Year = "year",
    }
}

param_enum! {
    /// How abstentions count in an assembly vote.
    Abstention {
        /// Participation, not approval (the national reading of Art 278).
        NotCounted = "not_counted",
        /// Counted with the majority (some covenants; cite the local rule).
        FollowMajority = "follow_majority",
    }
}

param_enum! {
    /// Whom the preparatory group's leader must represent.
    PrepLeader {
        /// The street office (national guidance, GR).
        StreetOffice = "street_office",
        /// The residents' committee (Beijing Art 31).
        ResidentsCommittee = "residents_committee",
    }
}
