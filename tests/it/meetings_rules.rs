//! Tests (scaffold): the meetings rules.
