//! Tests (scaffold): the voting rules.
