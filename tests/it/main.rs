//! The integration test binary: one module per concern.

mod cfg_rules;
mod cli;
mod load;
mod policy;
mod report;
mod schema;
mod support;
