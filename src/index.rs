//! Lookups built once per audit, so that no rule searches a list by id (no quadratic scans).

use std::collections::HashMap;

use crate::config::GovernanceConfig;
use crate::model::{Compound, Organization, Person, Unit};

/// Document-wide lookups by id. On duplicate ids the first occurrence wins (CFG002 reports
/// the others).
#[derive(Debug)]
pub(crate) struct Index<'a> {
    pub(crate) people: HashMap<&'a str, &'a Person>,
    pub(crate) orgs: HashMap<&'a str, &'a Organization>,
    pub(crate) compounds: HashMap<&'a str, &'a Compound>,
    pub(crate) units: HashMap<&'a str, (&'a Compound, &'a Unit)>,
}

impl<'a> Index<'a> {
    pub(crate) fn build(cfg: &'a GovernanceConfig) -> Self {
        let mut people = HashMap::with_capacity(cfg.people.len());
        for p in &cfg.people {
            people.entry(p.id.as_str()).or_insert(p);
        }
        let mut orgs = HashMap::with_capacity(cfg.organizations.len());
        for o in &cfg.organizations {
            orgs.entry(o.id.as_str()).or_insert(o);
        }
        let mut compounds = HashMap::with_capacity(cfg.compounds.len());
        let mut units = HashMap::new();
        for c in &cfg.compounds {
            compounds.entry(c.id.as_str()).or_insert(c);
            for u in &c.units {
                units.entry(u.id.as_str()).or_insert((c, u));
            }
        }
        Self { people, orgs, compounds, units }
    }
}
