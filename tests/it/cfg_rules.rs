//! Tests: cfg_rules.
