//! Tests: load.
