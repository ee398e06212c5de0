//! Queries (scaffold): the org queries land here.
