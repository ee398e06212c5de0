//! Queries backend teams call without running a whole audit: who is cross-appointed, the party
//! share of a committee, which buildings lack party coverage, who is tied to the property company.
//! The rules use the same functions, so a query and a finding can never disagree.
//!
//! # Example
//! ```
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! let index = xiaoqu::Index::build(&cfg);
//! let share = xiaoqu::queries::dual_entry::committee_party_share(&index, &cfg.compounds[0]);
//! assert_eq!(share.map(|s| (s.party_members, s.members)), Some((3, 5)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod committee;
pub mod dual_entry;
pub mod org;
