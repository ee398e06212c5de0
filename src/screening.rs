//! The negative-list screening engine for committee candidates — scaffold, the negative-list issue fills it.
