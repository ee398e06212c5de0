//! The joint-account ledger engine — scaffold, the joint-account issue fills it.
