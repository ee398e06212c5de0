//! Queries (scaffold): the dual_entry queries land here.
