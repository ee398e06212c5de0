//! The index against naive searches of the document.

use proptest::prelude::*;
use xiaoqu::model::{PersonId, Relation, Relative};
use xiaoqu::{GovernanceConfig, Index};

const RELATIONS: [Relation; 4] = [Relation::Spouse, Relation::Parent, Relation::Child, Relation::Sibling];

/// Every relation naming or written by a person with id `id`, seen from `id`'s side, sorted and
/// each once: what [`Index::relatives_of`] promises, by a scan of every person.
fn naive_relatives(cfg: &GovernanceConfig, id: &str) -> Vec<(String, Relation)> {
    let mut out = Vec::new();
    for p in &cfg.people {
        for r in &p.relatives {
            if p.id.as_str() == id {
                out.push((r.person.to_string(), r.relation));
            }
            if r.person.as_str() == id {
                out.push((p.id.to_string(), r.relation.converse()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

proptest! {
    #![proptest_config(crate::properties::config())]

    /// Random relations among the example's people (some naming nobody, some written on both
    /// sides, some by a second person with a taken id) give the same relatives as the scan.
    #[test]
    fn relatives_agree_with_a_scan(
        links in prop::collection::vec((0..16_usize, 0..16_usize, 0..4_usize), 0..40),
        twins in prop::collection::vec(0..12_usize, 0..3),
    ) {
        let mut cfg = GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON).unwrap();
        for t in twins {
            let twin = cfg.people[t % cfg.people.len()].clone();
            cfg.people.push(twin);
        }
        let n = cfg.people.len();
        let id_of = |i: usize, cfg: &GovernanceConfig| -> PersonId {
            cfg.people.get(i).map_or_else(|| format!("p-x{i}").parse().unwrap(), |p| p.id.clone())
        };
        for (from, to, r) in links {
            let person = id_of(to, &cfg);
            cfg.people[from % n].relatives.push(Relative { person, relation: RELATIONS[r] });
        }
        let index = Index::build(&cfg);
        for i in 0..16 {
            let id = id_of(i, &cfg);
            let got: Vec<(String, Relation)> = index.relatives_of(id.as_str()).map(|(p, r)| (p.to_string(), r)).collect();
            prop_assert_eq!(got, naive_relatives(&cfg, id.as_str()), "relatives of {}", id);
        }
    }
}
