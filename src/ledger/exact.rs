//! Exact money arithmetic in whole fen.
//!
//! `rust_decimal`'s `checked_add` rounds a sum that needs more than 96 bits of mantissa at its
//! scale (`79228162514264337593543950334 + 0.50` gives `79228162514264337593543950334`) and
//! returns `None` only when the integer part overflows. A ledger must never round, so sums are
//! taken in `i128` fen (a `Money` has at most two decimals, and `Decimal::MAX` in fen is below
//! 10^31) and converted back only when the result is exactly representable: see
//! [`Money::checked_add`], which these helpers now call.

use crate::model::Money;

/// `a + b` exactly, or `None` when the result is beyond the range of `Decimal`.
pub(crate) fn add(a: Money, b: Money) -> Option<Money> {
    a.checked_add(b)
}

/// `a − b` exactly, or `None` when the result is beyond the range of `Decimal`.
pub(crate) fn sub(a: Money, b: Money) -> Option<Money> {
    a.checked_sub(b)
}

/// Whether `part / whole >= num / den` (`>` when not `inclusive`), by cross-multiplication in
/// fen; `None` when a product leaves `i128`.
pub(crate) fn share_reached(part: Money, whole: Money, num: u64, den: u64, inclusive: bool) -> Option<bool> {
    let lhs = part.hundredths().checked_mul(i128::from(den))?;
    let rhs = whole.hundredths().checked_mul(i128::from(num))?;
    Some(if inclusive { lhs >= rhs } else { lhs > rhs })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn m(s: &str) -> Money {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn exact_near_the_top() {
        let max = Money::new(Decimal::MAX).unwrap_or_default();
        assert_eq!(add(max, m("0.01")), None, "MAX + 0.01 is out of range");
        assert_eq!(sub(max, m("0.50")), None, "MAX - 0.50 needs 31 digits: not representable exactly");
        assert_eq!(sub(max, m("1.00")).map(Money::value), Some(Decimal::MAX - Decimal::ONE));
        assert_eq!(add(m("3600.00"), m("1800.00")), Some(m("5400.00")));
        assert_eq!(sub(m("0.00"), m("0.01")), Some(m("-0.01")));
        assert_eq!(share_reached(m("2000.00"), m("3600.00"), 5, 9, true), Some(true));
        assert_eq!(share_reached(m("2000.00"), m("3600.00"), 5, 9, false), Some(false), "exactly 5/9 is not more");
        assert_eq!(share_reached(m("2000.01"), m("3600.00"), 5, 9, false), Some(true));
        assert_eq!(share_reached(m("1999.99"), m("3600.00"), 5, 9, true), Some(false));
    }
}
