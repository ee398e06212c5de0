//! Lookups built once per document, so that no rule or query searches a list by id.
//!
//! Backend teams that call several queries on one document build an [`Index`] once and pass it
//! to each; [`audit`](crate::audit) builds its own.

use std::collections::hash_map::Entry;
use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::config::GovernanceConfig;
use crate::model::{Compound, Organization, Person, PersonId, Relation, Unit};

/// Document-wide lookups by id. On duplicate ids the first occurrence wins (CFG002 reports
/// the others).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// assert_eq!(index.person("p-01").map(|p| p.name.as_str()), Some("王建国"));
/// assert_eq!(index.unit("u-2-302").map(|(c, _)| c.id.as_str()), Some("c-guokeyuan"));
/// # Ok::<(), xiaoqu::LoadError>(())
/// ```
#[derive(Debug)]
pub struct Index<'a> {
    cfg: &'a GovernanceConfig,
    /// Position in `cfg.people` by id.
    pub(crate) people: HashMap<&'a str, usize>,
    /// Position in `cfg.organizations` by id.
    pub(crate) orgs: HashMap<&'a str, usize>,
    pub(crate) compounds: HashMap<&'a str, &'a Compound>,
    pub(crate) units: HashMap<&'a str, (&'a Compound, &'a Unit)>,
    /// Positions of the people whose id an earlier person already has (CFG002), in order.
    later_duplicates: Vec<usize>,
    /// The relations naming a person, by the named person's id: the first of a chain in
    /// `naming` (one table entry per named person, no list allocated per person).
    named_by: HashMap<&'a str, usize>,
    naming: Vec<Naming<'a>>,
    /// The owners of each compound's units, by compound position, built on first use.
    owners: Vec<OnceLock<Owners<'a>>>,
}

/// A relation as seen from the person it names: who wrote it down, the relation from the
/// named person's side, and the next relation naming the same person.
#[derive(Debug)]
struct Naming<'a> {
    by: &'a PersonId,
    relation: Relation,
    next: Option<usize>,
}

/// The owners of one compound's units.
#[derive(Debug)]
struct Owners<'a> {
    ids: HashSet<&'a str>,
    /// Whether every owner is a person of the document.
    all_known: bool,
}

impl<'a> Index<'a> {
    /// Builds the lookups in one pass over the document (with the `parallel` feature and a
    /// document of some thousands of people and units, the people's table on one thread and
    /// the others on a second).
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// assert!(index.compound("c-guokeyuan").is_some() && index.person("p-12").is_some());
    /// assert!(index.unit("u-9-999").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(cfg: &'a GovernanceConfig) -> Self {
        #[cfg(feature = "parallel")]
        let ((people, later_duplicates), Others { orgs, compounds, units, named_by, naming }) =
            if cfg.people.len().saturating_add(cfg.compounds.iter().map(|c| c.units.len()).sum()) >= PARALLEL_INDEX {
                rayon::join(|| people_table(cfg), || other_tables(cfg))
            } else {
                (people_table(cfg), other_tables(cfg))
            };
        #[cfg(not(feature = "parallel"))]
        let ((people, later_duplicates), Others { orgs, compounds, units, named_by, naming }) =
            (people_table(cfg), other_tables(cfg));
        let owners = cfg.compounds.iter().map(|_| OnceLock::new()).collect();
        Self { cfg, people, orgs, compounds, units, later_duplicates, named_by, naming, owners }
    }

    /// The owners' table of a compound of this document (`None` for a compound of another).
    fn owners_of(&self, compound: &Compound) -> Option<&Owners<'a>> {
        // The compound's position in the document, from its address: `compounds` is one slice.
        let base = self.cfg.compounds.as_ptr().addr();
        let pos = std::ptr::from_ref(compound).addr().checked_sub(base)? / std::mem::size_of::<Compound>().max(1);
        let c = self.cfg.compounds.get(pos).filter(|c| std::ptr::eq(*c, compound))?;
        let slot = self.owners.get(pos)?;
        Some(slot.get_or_init(|| {
            // Sized once (most owners own one unit): grown as it fills, the table re-hashed
            // every owner read so far at each doubling.
            let mut ids: HashSet<&str> = HashSet::with_capacity(c.units.iter().map(|u| u.owners.len()).sum());
            ids.extend(c.units.iter().flat_map(|u| &u.owners).map(PersonId::as_str));
            let all_known = ids.iter().all(|p| self.people.contains_key(p));
            Owners { ids, all_known }
        }))
    }

    /// Whether `person` owns a unit of `compound` (as [`crate::queries::committee::owns_unit`],
    /// by a table built once per compound).
    pub(crate) fn owns_unit(&self, compound: &Compound, person: &str) -> bool {
        match self.owners_of(compound) {
            Some(o) => o.ids.contains(person),
            None => crate::queries::committee::owns_unit(compound, person),
        }
    }

    /// The owners of `compound`'s units when every one of them is a person of the document
    /// (then an owner's id resolves, found in this small table instead of the district's table
    /// of people); `None` otherwise, or for a compound of another document.
    pub(crate) fn known_owners(&self, compound: &Compound) -> Option<&HashSet<&'a str>> {
        self.owners_of(compound).filter(|o| o.all_known).map(|o| &o.ids)
    }

    /// Whether every owner of `compound`'s units is a person of the document.
    pub(crate) fn owners_known(&self, compound: &Compound) -> bool {
        match self.owners_of(compound) {
            Some(o) => o.all_known,
            None => compound.units.iter().flat_map(|u| &u.owners).all(|o| self.person(o.as_str()).is_some()),
        }
    }

    /// Whether two people, two organisations, two compounds or two units share an id: the
    /// tables keep one entry per id, so a table shorter than its list has a duplicate.
    pub(crate) fn duplicate_ids(&self) -> bool {
        self.people.len() != self.cfg.people.len()
            || self.orgs.len() != self.cfg.organizations.len()
            || self.compounds.len() != self.cfg.compounds.len()
            || self.units.len() != self.cfg.compounds.iter().map(|c| c.units.len()).sum::<usize>()
    }

    /// A person by id.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let mut twin = cfg.people[0].clone();
    /// twin.name = "王建军".to_owned();
    /// cfg.people.push(twin); // p-01 twice: CFG002
    /// let index = xiaoqu::Index::build(&cfg);
    /// assert_eq!(index.person("p-01").map(|p| p.name.as_str()), Some("王建国"), "the first occurrence wins");
    /// assert!(index.person("p-99").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.people.get(id).and_then(|&i| self.cfg.people.get(i))
    }

    /// The position of a person in the document's `people` (the first of a duplicated id).
    pub(crate) fn person_position(&self, id: &str) -> Option<usize> {
        self.people.get(id).copied()
    }

    /// An organisation by id.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::OrgKind;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let committee = index.org("org-community-haixia").ok_or("no org")?;
    /// assert_eq!(committee.kind, OrgKind::CommunityPartyCommittee);
    /// let parent = committee.parent.as_ref().and_then(|p| index.org(p.as_str())).ok_or("no parent")?;
    /// assert_eq!(parent.name, "秀英街道党工委");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn org(&self, id: &str) -> Option<&'a Organization> {
        self.orgs.get(id).and_then(|&i| self.cfg.organizations.get(i))
    }

    /// A compound by id.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let c = index.compound("c-guokeyuan").ok_or("no compound")?;
    /// assert_eq!((c.units.len(), c.assemblies.len()), (12, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compound(&self, id: &str) -> Option<&'a Compound> {
        self.compounds.get(id).copied()
    }

    /// A unit by id, with the compound it is in.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let (c, u) = index.unit("u-1-301").ok_or("no unit")?;
    /// assert_eq!((c.id.as_str(), u.area.to_string(), u.owners.len()), ("c-guokeyuan", "120.00".into(), 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(&self, id: &str) -> Option<(&'a Compound, &'a Unit)> {
        self.units.get(id).copied()
    }

    /// A person's relatives, whichever side wrote the relation down, with the relation seen
    /// from `id`'s side (if B lists A as `child`, A's relatives include B as `parent`).
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.people[3].relatives.push(xiaoqu::model::Relative {
    ///     person: "p-12".parse()?,
    ///     relation: xiaoqu::model::Relation::Child,
    /// });
    /// let index = xiaoqu::Index::build(&cfg);
    /// let of_p12: Vec<_> = index.relatives_of("p-12").map(|(p, r)| (p.as_str(), r)).collect();
    /// assert_eq!(of_p12, [("p-04", xiaoqu::model::Relation::Parent)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn relatives_of(&self, id: &str) -> impl Iterator<Item = (&'a PersonId, Relation)> + use<'a> {
        let cfg = self.cfg;
        // Every person with the id (more than one only with a duplicate id, CFG002) lists
        // their relatives; the others who name the person are chained from `named_by`.
        let first = self.people.get(id).copied();
        let later =
            self.later_duplicates.iter().copied().filter(|&i| cfg.people.get(i).is_some_and(|p| p.id.as_str() == id));
        let mut out: Vec<(&'a PersonId, Relation)> = first
            .into_iter()
            .chain(later)
            .filter_map(|i| cfg.people.get(i))
            .flat_map(|p| p.relatives.iter().map(|r| (&r.person, r.relation)))
            .collect();
        let mut link = self.named_by.get(id).copied();
        while let Some(n) = link.and_then(|i| self.naming.get(i)) {
            out.push((n.by, n.relation));
            link = n.next;
        }
        out.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
        out.dedup();
        out.into_iter()
    }
}

/// People and units from which [`Index::build`] builds its tables on two threads (`parallel`):
/// below, the tables take a few tens of microseconds, about what waking a second thread costs.
#[cfg(feature = "parallel")]
const PARALLEL_INDEX: usize = 4096;

/// The people's table of [`Index`], with the positions of people whose id is taken.
fn people_table(cfg: &GovernanceConfig) -> (HashMap<&str, usize>, Vec<usize>) {
    let mut people = HashMap::with_capacity(cfg.people.len());
    let mut later = Vec::new();
    for (i, p) in cfg.people.iter().enumerate() {
        match people.entry(p.id.as_str()) {
            Entry::Vacant(v) => {
                v.insert(i);
            }
            Entry::Occupied(_) => later.push(i),
        }
    }
    (people, later)
}

/// The tables of [`Index`] other than the people's.
struct Others<'a> {
    orgs: HashMap<&'a str, usize>,
    compounds: HashMap<&'a str, &'a Compound>,
    units: HashMap<&'a str, (&'a Compound, &'a Unit)>,
    named_by: HashMap<&'a str, usize>,
    naming: Vec<Naming<'a>>,
}

/// The organisations', compounds', units' and relations' tables of [`Index`].
fn other_tables(cfg: &GovernanceConfig) -> Others<'_> {
    let mut orgs = HashMap::with_capacity(cfg.organizations.len());
    for (i, o) in cfg.organizations.iter().enumerate() {
        orgs.entry(o.id.as_str()).or_insert(i);
    }
    let mut compounds = HashMap::with_capacity(cfg.compounds.len());
    // Sized once: growing a table of a whole district re-hashes every key, reading each id
    // again from wherever the model put it.
    let mut units = HashMap::with_capacity(cfg.compounds.iter().map(|c| c.units.len()).sum());
    for c in &cfg.compounds {
        compounds.entry(c.id.as_str()).or_insert(c);
        for u in &c.units {
            units.entry(u.id.as_str()).or_insert((c, u));
        }
    }
    let n = cfg.people.iter().map(|p| p.relatives.len()).sum();
    let mut named_by: HashMap<&str, usize> = HashMap::with_capacity(n);
    let mut naming = Vec::with_capacity(n);
    for p in &cfg.people {
        for r in &p.relatives {
            let next = named_by.insert(r.person.as_str(), naming.len());
            naming.push(Naming { by: &p.id, relation: r.relation.converse(), next });
        }
    }
    Others { orgs, compounds, units, named_by, naming }
}
