//! Queries (scaffold): the committee queries land here.
