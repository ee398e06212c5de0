//! Exact arithmetic of the tally: areas as integer hundredths of a square metre, heads as
//! integers, thresholds compared by cross-multiplication.
//!
//! Every registered area carries at most two decimal places ([`crate::model::MAX_SCALE`]), so an
//! area is exactly an integer number of hundredths of a square metre (`89.50` → `8950`). A
//! 96-bit decimal mantissa times 100 fits in `i128` with room for the factors 2, 3 and 4 used
//! below; sums of many areas are checked and report overflow as `None`, never a panic.

use crate::model::{Area, Headcount};

/// An area in hundredths of a square metre.
pub(crate) type Hundredths = i128;

/// Hundredths back into an [`Area`]; `None` beyond the decimal range.
pub(crate) fn area(h: Hundredths) -> Option<Area> {
    Area::from_hundredths(h)
}

/// `⌈a / b⌉` for `b > 0`, checked.
fn ceil_div(a: i128, b: i128) -> Option<i128> {
    let q = a.checked_div_euclid(b)?;
    if a.checked_rem_euclid(b)? == 0 { Some(q) } else { q.checked_add(1) }
}

/// A bound in the form `part · den ≥ whole · num` (inclusive) or `part · den > whole · num`
/// (strict), over exact integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bound {
    /// Numerator of the share.
    pub(crate) num: i128,
    /// Denominator of the share (> 0).
    pub(crate) den: i128,
    /// `≥` (以上, Art 1259) when true, `>` (过半数) when false.
    pub(crate) inclusive: bool,
}

impl Bound {
    /// At least two thirds (三分之二以上).
    pub(crate) const TWO_THIRDS: Self = Self { num: 2, den: 3, inclusive: true };
    /// More than half (过半数).
    pub(crate) const MORE_THAN_HALF: Self = Self { num: 1, den: 2, inclusive: false };
    /// At least three quarters (四分之三以上).
    pub(crate) const THREE_QUARTERS: Self = Self { num: 3, den: 4, inclusive: true };

    /// Whether `part` of `whole` meets the bound and `part > 0` (nothing is decided by nobody:
    /// with `whole == 0` even "≥ 3/4 of nothing" is not met). `None` on overflow.
    pub(crate) fn met(self, part: i128, whole: i128) -> Option<bool> {
        let lhs = part.checked_mul(self.den)?;
        let rhs = whole.checked_mul(self.num)?;
        Some(part > 0 && if self.inclusive { lhs >= rhs } else { lhs > rhs })
    }

    /// The smallest `part` that meets the bound for this `whole` (at least 1). `None` on overflow.
    pub(crate) fn least_part(self, whole: i128) -> Option<i128> {
        let scaled = whole.checked_mul(self.num)?;
        let least = if self.inclusive {
            ceil_div(scaled, self.den)?
        } else {
            scaled.checked_div_euclid(self.den)?.checked_add(1)?
        };
        Some(least.max(1))
    }

    /// How much `part` must grow to meet the bound for a fixed `whole` (0 when met).
    pub(crate) fn shortfall(self, part: i128, whole: i128) -> Option<i128> {
        Some(self.least_part(whole)?.checked_sub(part)?.max(0))
    }
}

/// An `i128` count back into a [`Headcount`]; `None` if negative or beyond `u64`.
pub(crate) fn headcount(h: i128) -> Option<Headcount> {
    u64::try_from(h).ok().map(Headcount)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Area {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn hundredths_are_exact() {
        assert_eq!(a("89.5").hundredths(), 8950);
        assert_eq!(a("89.50").hundredths(), 8950);
        assert_eq!(a("1").hundredths(), 100);
        assert_eq!(area(129_560).map(|x| x.to_string()), Some("1295.60".to_owned()));
        assert_eq!(a("79228162514264337593543950335").hundredths(), 7_922_816_251_426_433_759_354_395_033_500);
    }

    #[test]
    fn bounds_follow_art_1259() {
        let b = Bound::TWO_THIRDS;
        assert_eq!(b.met(2, 3), Some(true));
        assert_eq!(b.met(1, 3), Some(false));
        assert_eq!(b.least_part(11), Some(8));
        assert_eq!(b.least_part(129_560), Some(86_374));
        let h = Bound::MORE_THAN_HALF;
        assert_eq!(h.met(1, 2), Some(false));
        assert_eq!(h.least_part(10), Some(6));
        assert_eq!(h.least_part(11), Some(6));
        let q = Bound::THREE_QUARTERS;
        assert_eq!(q.met(3, 4), Some(true));
        assert_eq!(q.met(0, 0), Some(false));
        assert_eq!(q.least_part(0), Some(1));
        assert_eq!(q.shortfall(5, 4), Some(0));
        assert_eq!(q.least_part(-7), Some(1));
        assert_eq!(b.met(i128::MAX, 1), None);
    }
}
