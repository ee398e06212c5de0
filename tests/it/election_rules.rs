//! Tests (scaffold): the election rules.
