//! Tests (scaffold): the dual_entry rules.
