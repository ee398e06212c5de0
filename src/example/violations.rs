//! Injected violations (stub).

use super::InjectedViolation;
use super::compound::{Env, Site};
use super::people::Gen;
use super::rng::Rng;
use crate::model::Compound;

/// Chooses and applies the faults.
pub(super) struct Injector {
    cursor: usize,
}

impl Injector {
    pub(super) fn new(_seed: u64) -> Self {
        Self { cursor: 0 }
    }

    #[allow(clippy::unnecessary_wraps, reason = "the injections being written fail like the generator")]
    pub(super) fn inject(
        &mut self,
        _rng: &mut Rng,
        _site: &mut Site,
        _env: &Env<'_>,
        _prev: Option<&Compound>,
    ) -> Gen<Vec<InjectedViolation>> {
        self.cursor += 1;
        Ok(Vec::new())
    }
}
