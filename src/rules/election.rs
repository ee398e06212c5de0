//! Rule family file (scaffold): the election rules land here.

use super::{Ctx, RuleMeta};

/// The rules of this family.
pub(super) const META: &[RuleMeta] = &[];

pub(super) fn check(_ctx: &mut Ctx<'_>) {}
