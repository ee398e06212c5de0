//! Tests (scaffold): the org rules.
