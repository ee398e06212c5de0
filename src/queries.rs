//! Queries backend teams call without running a whole audit: who is cross-appointed, the party
//! share of a committee, which buildings lack party coverage, who is tied to the property company.
//! The rules use the same functions, so a query and a finding can never disagree.

pub mod committee;
pub mod dual_entry;
pub mod org;
