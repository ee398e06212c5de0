//! The generator's random numbers: `xoshiro256**` seeded through `SplitMix64`, written out here.
//!
//! Output stability for a seed is a contract of [`generate`](super::generate): the same seed
//! gives the same document, byte for byte, on every platform and in every version that does
//! not say otherwise in the changelog. An external RNG crate may change its algorithm or its
//! seeding between versions (the `rand` crate has done so), which would silently change every
//! generated document, so the two small, published algorithms are implemented here:
//! `SplitMix64` (Steele, Lea and Flood, 2014) to expand a seed, and `xoshiro256**` (Blackman and
//! Vigna, 2018) for the stream. Only integer arithmetic is used; no float ever decides
//! anything.

/// `SplitMix64`: advances `state` and returns the next output.
pub(super) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A xoshiro256** generator.
#[derive(Debug, Clone)]
pub(super) struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator for `seed`, its state filled by `SplitMix64` (never all zero).
    pub(super) fn new(seed: u64) -> Self {
        let mut sm = seed;
        let s = [splitmix64(&mut sm), splitmix64(&mut sm), splitmix64(&mut sm), splitmix64(&mut sm)];
        Self { s }
    }

    /// An independent stream for one part of the document (a district, a compound), so that
    /// compound 7 is the same whether 10 or 600 compounds are generated.
    pub(super) fn stream(seed: u64, kind: u64, index: u64) -> Self {
        let mut sm = seed ^ kind.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let a = splitmix64(&mut sm);
        let mut sm2 = a ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        Self::new(splitmix64(&mut sm2))
    }

    /// The next 64 random bits.
    pub(super) fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = &mut self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = *s1 << 17;
        *s2 ^= *s0;
        *s3 ^= *s1;
        *s1 ^= *s2;
        *s0 ^= *s3;
        *s2 ^= t;
        *s3 = s3.rotate_left(45);
        result
    }

    /// A number in `0..n` without modulo bias (Lemire's multiply-and-reject); 0 when `n` is 0.
    pub(super) fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            // The low 64 bits decide rejection; the high 64 bits are the result.
            #[allow(clippy::cast_possible_truncation, reason = "keeps the low 64 bits on purpose")]
            let low = m as u64;
            if low >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// A number in `lo..=hi` (`lo` when `hi < lo`).
    pub(super) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo.saturating_add(self.below(hi.saturating_sub(lo).saturating_add(1)))
    }

    /// [`range`](Self::range) for `usize`.
    pub(super) fn range_usize(&mut self, lo: usize, hi: usize) -> usize {
        let v = self.range(lo as u64, hi as u64);
        usize::try_from(v).unwrap_or(lo)
    }

    /// [`range`](Self::range) for `u32`.
    pub(super) fn range_u32(&mut self, lo: u32, hi: u32) -> u32 {
        u32::try_from(self.range(u64::from(lo), u64::from(hi))).unwrap_or(lo)
    }

    /// True with a chance of `percent` in 100.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A uniformly chosen element; `None` for an empty slice.
    pub(super) fn pick<'a, T>(&mut self, xs: &'a [T]) -> Option<&'a T> {
        let i = usize::try_from(self.below(xs.len() as u64)).ok()?;
        xs.get(i)
    }

    /// Shuffles in place (Fisher–Yates).
    pub(super) fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = usize::try_from(self.below(i as u64 + 1)).unwrap_or(i);
            xs.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_reference_values() {
        // The first outputs of SplitMix64 for seed 0, as published with the algorithm.
        let mut s = 0;
        assert_eq!(splitmix64(&mut s), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(&mut s), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn xoshiro_reference_values() {
        // xoshiro256** from the state [1, 2, 3, 4] (the reference implementation's test vector).
        let mut r = Rng { s: [1, 2, 3, 4] };
        assert_eq!(r.next_u64(), 11_520);
        assert_eq!(r.next_u64(), 0);
        assert_eq!(r.next_u64(), 1_509_978_240);
        assert_eq!(r.next_u64(), 1_215_971_899_390_074_240);
    }

    #[test]
    fn bounds_hold() {
        let mut r = Rng::new(7);
        for n in 1..50 {
            assert!(r.below(n) < n);
            let v = r.range(n, n + 3);
            assert!((n..=n + 3).contains(&v));
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.range(5, 2), 5);
        let mut xs: Vec<u32> = (0..20).collect();
        r.shuffle(&mut xs);
        xs.sort_unstable();
        assert_eq!(xs, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn streams_are_independent_of_each_other() {
        let a = Rng::stream(42, 1, 7).next_u64();
        assert_eq!(a, Rng::stream(42, 1, 7).next_u64());
        assert_ne!(a, Rng::stream(42, 1, 8).next_u64());
        assert_ne!(a, Rng::stream(42, 2, 7).next_u64());
        assert_ne!(a, Rng::stream(43, 1, 7).next_u64());
    }
}
