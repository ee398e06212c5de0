//! Built-in example documents and the district generator.
//!
//! The reference document `example-guokeyuan.json` (国科园小区) ships inside the crate so that
//! examples, doctests and the CLI have data without reading files.
//!
//! [`generate`] builds realistic governance documents of whole districts for seeding, demos,
//! load tests and audit pipelines (SPEC.md "Example generator"). The districts are drawn like
//! those of the seed reports (秀英街道: 107 compounds of mixed kinds; 江汉区: committee formation
//! 88%, party members 51% of committee members; 湛江经开区: 73 of 186 compounds old, 53 without
//! property management):
//! - every category of compound: managed by a property company, self-managed with a
//!   self-management council (自管会), unit-mixed with a joint branch (联合党支部) listing its
//!   property-right units, and old compounds (老旧小区); from a few dozen to about three
//!   thousand units, with Chinese names, numbered buildings (`3栋`) and units
//!   (`u-0007-3-1202`) and registered areas of 45.00–180.00 m²;
//! - the full party chain: one street party working committee per district of up to 100
//!   compounds, a community party committee and residents' committee per 8 compounds, a branch
//!   in every compound with building groups and liaison households covering every building;
//! - owners' committees with elections, preparatory groups and candidates; property companies
//!   with project managers; tri-party joint accounts with one to two years of entries,
//!   quarterly disclosures and annual audits; maintenance funds; assembly votes whose ballots
//!   meet Art 278 (and some that miss a 3/4 majority, declared failed); monthly joint meetings.
//!
//! **Clean output.** Without [`violations`](ExampleOptions::violations) the document audits
//! with no error and no warning under the `default` profile (info findings may remain: a
//! branch secretary who does not chair the committee is advice, DE003). Two rates of the seed
//! reports are therefore modelled so that they stay clean: party *coverage* (71% in 秀英街道)
//! is the share of compounds with a branch of their own (`kind: compound`); the others are
//! covered by a grid branch (网格党支部) or, for unit-mixed compounds, a joint branch, because
//! a compound with no branch at all is a finding (ORG001, ORG007). Committee *formation* (88%)
//! is the share with a committee: the others have none, and so no election, no joint account
//! and no committee or joint meetings, which no rule requires of them.
//!
//! **Violations.** With [`violations`](ExampleOptions::violations) about three compounds in
//! four receive one injected fault each. The faults cycle through 76 kinds, one for each error
//! and warning rule of the `default` profile that a single change can trigger on its own
//! (every family: CFG, ORG, DE, CM, NL, EL, AV, JA, MF, MT); each compound gets the first kind
//! of the round that fits it, so a district of 200 compounds covers almost all of them. Not
//! injected: the `local` rules (off in `default`), the info rules, and ORG004 (a branch of
//! fewer than three party members cannot be made without also breaking its officers and
//! building groups). Each fault is designed to produce exactly the findings listed for it in
//! the [manifest](Example::manifest): the audit finds every entry and reports no error or
//! warning outside it (info findings such as DE003 may follow a fault and are not listed).
//! Where one fault must produce more than one finding, all are listed: a compound without a
//! branch has no building groups either (ORG001 and ORG007 for each building); a non-owner
//! elected to the committee fails NL001 as a candidate and CM002 as a member; an election
//! recorded with more than twice the seats the committee fills is CM009 and NL017; a
//! duplicated meeting repeats the ids of its matters too (CFG002 for each).
//!
//! **Determinism.** The output for a seed is a contract: the same options give the same
//! document, byte for byte, on every platform. The random numbers come from a xoshiro256**
//! generator written out in this module rather than from an external crate, whose algorithm
//! could change between versions; each compound draws from its own stream, and a district's
//! companies and developers are drawn before its communities and in fixed numbers, so compound
//! 7 (and its injected fault, which depends only on the compounds before it) is the same in a
//! document of 10 compounds and one of 600; no hash map is iterated to produce output.
//!
//! # Example
//! ```
//! use xiaoqu::example::{ExampleOptions, GUOKEYUAN_JSON, generate};
//! let reference = xiaoqu::GovernanceConfig::from_json_str(GUOKEYUAN_JSON)?;
//! assert_eq!(reference.compounds[0].name, "国科园小区");
//! let district = generate(&ExampleOptions::new().compounds(20).seed(9).violations(true));
//! let report = xiaoqu::audit(district.config(), &xiaoqu::Policy::default());
//! assert!(district.manifest().len() >= 10, "about three compounds in four get a fault");
//! assert!(district.manifest().iter().all(|v| report.with_code(v.code).any(|d| d.subject() == v.subject)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod calendar;
mod committee;
mod compound;
mod district;
mod meetings;
mod money;
mod names;
mod people;
mod rng;
mod violations;
mod votes;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::config::GovernanceConfig;
use crate::model::CompoundId;
use crate::policy::ProfileSpec;
use crate::report::RuleCode;

use compound::Env;
use district::{COMPOUNDS_PER_COMMUNITY, COMPOUNDS_PER_DISTRICT, District};
use people::Gen;
use rng::Rng;

/// The reference document of `CONFIG.md`: one managed compound, 12 units, audits clean under
/// the `default` profile.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert!(xiaoqu::audit(&cfg, &cfg.policy()?).is_clean());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const GUOKEYUAN_JSON: &str = include_str!("../tests/fixtures/example-guokeyuan.json");

/// What to generate: how many compounds, from which seed, as of which date, with or without
/// injected violations.
///
/// # Example
/// ```
/// use xiaoqu::example::ExampleOptions;
/// let opts = ExampleOptions::new().compounds(3).seed(42).violations(true);
/// assert_eq!((opts.compound_count(), opts.seed_value(), opts.with_violations()), (3, 42, true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleOptions {
    compounds: usize,
    seed: u64,
    violations: bool,
    as_of: NaiveDate,
}

impl Default for ExampleOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ExampleOptions {
    /// The defaults: 12 compounds, seed 0, no violations, as of 2025-09-05 (the reference
    /// document's date).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::example::ExampleOptions;
    /// let opts = ExampleOptions::new();
    /// assert_eq!((opts.compound_count(), opts.seed_value(), opts.with_violations()), (12, 0, false));
    /// assert_eq!(opts.as_of_date(), "2025-09-05".parse()?);
    /// assert_eq!(opts, ExampleOptions::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self {
            compounds: 12,
            seed: 0,
            violations: false,
            as_of: NaiveDate::from_ymd_opt(2025, 9, 5).unwrap_or_default(),
        }
    }

    /// The number of compounds.
    ///
    /// # Example
    /// ```
    /// let example = xiaoqu::example::generate(&xiaoqu::example::ExampleOptions::new().compounds(2));
    /// assert_eq!(example.config().compounds.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn compounds(mut self, n: usize) -> Self {
        self.compounds = n;
        self
    }

    /// The seed.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::example::{ExampleOptions, generate};
    /// let a = generate(&ExampleOptions::new().compounds(1).seed(7));
    /// assert_eq!(a, generate(&ExampleOptions::new().compounds(1).seed(7)), "same seed, same document");
    /// assert_ne!(a, generate(&ExampleOptions::new().compounds(1).seed(8)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Whether to inject violations and list them in the manifest.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::example::{ExampleOptions, generate};
    /// let example = generate(&ExampleOptions::new().compounds(4).seed(1).violations(true));
    /// let report = xiaoqu::audit(example.config(), &xiaoqu::Policy::default());
    /// assert!(!example.manifest().is_empty());
    /// for v in example.manifest() {
    ///     assert!(report.with_code(v.code).any(|d| d.subject() == v.subject), "{v:?} is reported");
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn violations(mut self, on: bool) -> Self {
        self.violations = on;
        self
    }

    /// The audit date: every event is generated before it, every term and contract runs past
    /// it.
    ///
    /// # Example
    /// ```
    /// let as_of: chrono::NaiveDate = "2026-03-31".parse()?;
    /// let example = xiaoqu::example::generate(&xiaoqu::example::ExampleOptions::new().compounds(1).as_of(as_of));
    /// assert_eq!(example.config().as_of, as_of);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_of(mut self, date: NaiveDate) -> Self {
        self.as_of = date;
        self
    }

    /// The number of compounds asked for.
    ///
    /// # Example
    /// ```
    /// let opts = xiaoqu::example::ExampleOptions::new().compounds(30);
    /// assert_eq!(opts.compound_count(), 30);
    /// ```
    pub fn compound_count(&self) -> usize {
        self.compounds
    }

    /// The seed asked for.
    ///
    /// # Example
    /// ```
    /// let opts = xiaoqu::example::ExampleOptions::new().seed(2025);
    /// assert_eq!(opts.seed_value(), 2025);
    /// ```
    pub fn seed_value(&self) -> u64 {
        self.seed
    }

    /// Whether violations are injected.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::example::ExampleOptions;
    /// assert!(ExampleOptions::new().violations(true).with_violations());
    /// assert!(!ExampleOptions::new().with_violations());
    /// ```
    pub fn with_violations(&self) -> bool {
        self.violations
    }

    /// The audit date asked for.
    ///
    /// # Example
    /// ```
    /// let date = "2024-12-31".parse()?;
    /// assert_eq!(xiaoqu::example::ExampleOptions::new().as_of(date).as_of_date(), date);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_of_date(&self) -> NaiveDate {
        self.as_of
    }
}

/// One injected violation: the finding the audit must report.
///
/// # Example
/// ```
/// use xiaoqu::example::{ExampleOptions, InjectedViolation, generate};
/// let example = generate(&ExampleOptions::new().compounds(3).seed(5).violations(true));
/// let first: &InjectedViolation = example.manifest().first().ok_or("no violation")?;
/// assert!(example.config().compounds.iter().any(|c| c.id == first.compound));
/// let report = xiaoqu::audit(example.config(), &xiaoqu::Policy::default());
/// let d = report.with_code(first.code).find(|d| d.subject() == first.subject).ok_or("not reported")?;
/// assert_eq!(d.compound(), Some(&first.compound));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct InjectedViolation {
    /// The rule code (`JA003`).
    pub code: RuleCode,
    /// The finding's subject, exactly as the audit reports it.
    pub subject: String,
    /// The compound the finding is in.
    pub compound: CompoundId,
}

/// A generated document and the violations injected into it.
///
/// # Example
/// ```
/// use xiaoqu::example::{Example, ExampleOptions, generate};
/// let example: Example = generate(&ExampleOptions::new().compounds(2).seed(3));
/// assert_eq!(example.config().compounds.len(), 2);
/// assert!(example.manifest().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    config: GovernanceConfig,
    manifest: Vec<InjectedViolation>,
}

impl Example {
    /// The document.
    ///
    /// # Example
    /// ```
    /// let example = xiaoqu::example::generate(&xiaoqu::example::ExampleOptions::new().compounds(2));
    /// let cfg = example.config();
    /// assert!(!xiaoqu::audit(cfg, &cfg.policy()?).has_at_least(xiaoqu::Severity::Warning));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn config(&self) -> &GovernanceConfig {
        &self.config
    }

    /// The document, taken out.
    ///
    /// # Example
    /// ```
    /// let example = xiaoqu::example::generate(&xiaoqu::example::ExampleOptions::new().compounds(1));
    /// let copy = example.config().clone();
    /// let mut cfg = example.into_config();
    /// assert_eq!(cfg, copy);
    /// cfg.compounds.clear(); // now owned: free to change
    /// assert!(cfg.compounds.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_config(self) -> GovernanceConfig {
        self.config
    }

    /// The injected violations, in compound order (empty without
    /// [`violations`](ExampleOptions::violations)).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::example::{ExampleOptions, generate};
    /// let example = generate(&ExampleOptions::new().compounds(8).seed(2).violations(true));
    /// let order: Vec<_> = example.config().compounds.iter().map(|c| &c.id).collect();
    /// let pos = |id| order.iter().position(|c| *c == id);
    /// assert!(example.manifest().windows(2).all(|w| pos(&w[0].compound) <= pos(&w[1].compound)));
    /// assert!(generate(&ExampleOptions::new().compounds(8).seed(2)).manifest().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn manifest(&self) -> &[InjectedViolation] {
        &self.manifest
    }

    /// The document as pretty JSON.
    ///
    /// # Errors
    /// Only if serialization fails, which the model's types do not do.
    ///
    /// # Example
    /// ```
    /// let example = xiaoqu::example::generate(&xiaoqu::example::ExampleOptions::new().compounds(2).seed(42));
    /// let json: String = example.to_json_string_pretty()?;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(&json)?;
    /// assert_eq!(&cfg, example.config());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn to_json_string_pretty(&self) -> Result<String, serde_json::Error> {
        self.config.to_json_string_pretty()
    }

    /// The manifest as pretty JSON: `[{ "code", "subject", "compound" }]`.
    ///
    /// # Errors
    /// Only if serialization fails, which it does not.
    ///
    /// # Example
    /// ```
    /// let opts = xiaoqu::example::ExampleOptions::new().compounds(4).seed(1).violations(true);
    /// let json = xiaoqu::example::generate(&opts).manifest_json_string_pretty()?;
    /// assert!(json.starts_with('['));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn manifest_json_string_pretty(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(&self.manifest)
    }

    /// The document as TOML.
    ///
    /// # Errors
    /// Only if serialization fails, which generated documents do not do.
    ///
    /// # Example
    /// ```
    /// let example = xiaoqu::example::generate(&xiaoqu::example::ExampleOptions::new().compounds(1).seed(3));
    /// let cfg = xiaoqu::GovernanceConfig::from_toml_str(&example.to_toml_string()?)?;
    /// assert_eq!(&cfg, example.config());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "toml")]
    pub fn to_toml_string(&self) -> Result<String, toml::ser::Error> {
        self.config.to_toml_string()
    }
}

/// Generates a district document (see the [module docs](self) for what it holds and what is
/// guaranteed). Deterministic: the same options give the same document, byte for byte.
///
/// # Example
/// ```
/// use xiaoqu::example::{ExampleOptions, generate};
/// let example = generate(&ExampleOptions::new().compounds(3).seed(42));
/// let cfg = example.config();
/// assert_eq!(cfg.compounds.len(), 3);
/// let report = xiaoqu::audit(cfg, &xiaoqu::Policy::default());
/// assert!(!report.has_at_least(xiaoqu::Severity::Warning));
/// assert!(example.manifest().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn generate(opts: &ExampleOptions) -> Example {
    // Every id is written by this module from ASCII letters, digits and `-`, far below 64
    // characters, so `try_generate` cannot fail; an empty document is the answer if it ever did.
    try_generate(opts).unwrap_or_else(|_| Example { config: GovernanceConfig::new(opts.as_of), manifest: Vec::new() })
}

/// Stream kinds of [`Rng::stream`].
const DISTRICT_STREAM: u64 = 1;
const COMPOUND_STREAM: u64 = 2;
const VIOLATION_STREAM: u64 = 3;

fn try_generate(opts: &ExampleOptions) -> Gen<Example> {
    let n = opts.compounds;
    let as_of = opts.as_of;
    let mut districts: Vec<District> = Vec::new();
    for d in 0..n.div_ceil(COMPOUNDS_PER_DISTRICT).max(1) {
        let in_district = n.saturating_sub(d * COMPOUNDS_PER_DISTRICT).min(COMPOUNDS_PER_DISTRICT);
        let mut rng = Rng::stream(opts.seed, DISTRICT_STREAM, d as u64);
        districts.push(District::new(&mut rng, d, in_district, as_of)?);
    }
    let mut compounds = Vec::with_capacity(n);
    let mut compound_people = Vec::new();
    let mut screened_people = Vec::new();
    let mut manifest = Vec::new();
    let mut injector = violations::Injector::new(opts.seed);
    for k in 0..n {
        let (d, j) = (k / COMPOUNDS_PER_DISTRICT, k % COMPOUNDS_PER_DISTRICT / COMPOUNDS_PER_COMMUNITY);
        let Some(district) = districts.get(d) else { continue };
        let Some(community) = district.communities.get(j) else { continue };
        let env = Env { as_of, district, community };
        let mut rng = Rng::stream(opts.seed, COMPOUND_STREAM, k as u64);
        let mut site = compound::build(&mut rng, k + 1, &env)?;
        if opts.violations {
            let mut vrng = Rng::stream(opts.seed, VIOLATION_STREAM, k as u64);
            let prev = compounds.last();
            manifest.extend(injector.inject(&mut vrng, &mut site, &env, prev)?);
        }
        if let Some(district) = districts.get_mut(d) {
            if let Some(c) = district.communities.get_mut(j) {
                c.part_time.extend(site.part_time_pm.take());
            }
            district.extra_orgs.append(&mut site.orgs);
        }
        let (first, rest): (Vec<_>, Vec<_>) = site.people.into_iter().partition(|p| screened(&site.c, &p.id));
        screened_people.extend(first);
        compound_people.extend(rest);
        compounds.push(site.c);
    }
    let mut cfg = GovernanceConfig::new(as_of);
    cfg.profile = Some(ProfileSpec::Named("default".to_owned()));
    cfg.people = screened_people;
    for d in districts {
        let (people, orgs) = d.finish();
        cfg.people.extend(people);
        cfg.organizations.extend(orgs);
    }
    cfg.people.extend(compound_people);
    cfg.compounds = compounds;
    Ok(Example { config: cfg, manifest })
}

/// Whether the audit screens `person` against the negative list in `c`: a candidate, a
/// committee member or an owner representative of a preparatory group. They are listed first
/// in `people`, because the negative-list rules look a screened person up by position in that
/// list; with them first the audit of a 600-compound district takes seconds, not half a minute.
fn screened(c: &crate::model::Compound, person: &crate::model::PersonId) -> bool {
    c.owners_committee.iter().flat_map(|oc| &oc.members).any(|m| m.person == *person)
        || c.elections.iter().any(|e| {
            e.candidates.iter().any(|k| k.person == *person)
                || e.preparatory_group.iter().flat_map(|g| &g.members).any(|m| m.person == *person)
        })
}
