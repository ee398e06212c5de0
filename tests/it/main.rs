//! The integration test binary: one module per concern.

// Tests fail by panicking; indexing a fixture we just built is the clearest way to mutate it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod baseline;
mod cfg_rules;
mod cli;
mod committee_rules;
mod doc_examples;
mod docs;
mod dual_entry_rules;
mod election_rules;
mod example_gen;
mod hostile;
mod index;
mod joint_account_rules;
mod languages;
mod load;
mod maintenance_fund_rules;
mod meetings_rules;
mod negative_list_rules;
mod org_rules;
mod perf_equivalence;
mod policy;
mod presets;
mod privacy;
mod properties;
mod report;
mod sarif;
mod schema;
mod summary;
mod support;
#[cfg(feature = "testing")]
mod testing;
mod voting_rules;
