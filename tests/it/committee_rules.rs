//! Tests (scaffold): the committee rules.
