//! Criterion benches of the performance issue: load, audit, each rule family, the tally of a
//! large assembly vote, the replay of a 10,000-entry ledger, and the NDJSON stream, on the
//! reference document and generated districts of several sizes.
//!
//! `cargo bench --all-features --bench audit [-- FILTER]`. Compare within one run: the audit
//! should cost a fraction of the typed parse (ratios, not absolute times; `examples/perf.rs`
//! prints the ratios of the issue and BENCHMARKS.md records them).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_main};
use xiaoqu::example::{ExampleOptions, generate};
use xiaoqu::{GovernanceConfig, Policy, RuleCode, RuleSetting};

/// District sizes measured (compounds); 0 is the reference document.
const SIZES: [usize; 4] = [0, 10, 30, 100];

fn document(compounds: usize) -> Option<(GovernanceConfig, Vec<u8>)> {
    let cfg = if compounds == 0 {
        GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON).ok()?
    } else {
        generate(&ExampleOptions::new().compounds(compounds).seed(7)).into_config()
    };
    let bytes = cfg.to_json_string_pretty().ok()?.into_bytes();
    Some((cfg, bytes))
}

fn load_and_audit(c: &mut Criterion) {
    let policy = Policy::default();
    let mut load = c.benchmark_group("load_json");
    load.sample_size(10);
    let docs: Vec<_> = SIZES.iter().filter_map(|&n| document(n).map(|d| (n, d))).collect();
    for (n, (_, bytes)) in &docs {
        load.throughput(Throughput::Bytes(bytes.len() as u64));
        load.bench_with_input(BenchmarkId::from_parameter(n), bytes, |b, bytes| {
            b.iter(|| GovernanceConfig::from_json_slice(black_box(bytes)));
        });
    }
    load.finish();
    let mut audit = c.benchmark_group("audit");
    audit.sample_size(10);
    for (n, (cfg, bytes)) in &docs {
        audit.throughput(Throughput::Bytes(bytes.len() as u64));
        audit.bench_with_input(BenchmarkId::from_parameter(n), cfg, |b, cfg| {
            b.iter(|| xiaoqu::audit(black_box(cfg), &policy));
        });
    }
    audit.finish();
}

/// `default` with every rule outside `family` switched off.
fn family_policy(family: &str) -> Option<Policy> {
    let mut p = Policy::preset("default").ok()?;
    for code in RuleCode::ALL.iter().filter(|c| c.family() != family) {
        p.set_rule(*code, RuleSetting::Off);
    }
    Some(p)
}

fn families(c: &mut Criterion) {
    let Some((cfg, _)) = document(30) else { return };
    let mut names: Vec<&'static str> = Vec::new();
    for m in xiaoqu::rules::catalogue() {
        if !names.contains(&m.code.family()) {
            names.push(m.code.family());
        }
    }
    let mut g = c.benchmark_group("family_30");
    g.sample_size(10);
    // Every family alone pays for the index; this is that floor.
    let mut none = Policy::default();
    for code in RuleCode::ALL {
        none.set_rule(*code, RuleSetting::Off);
    }
    g.bench_function("none", |b| b.iter(|| xiaoqu::audit(black_box(&cfg), &none)));
    for f in names {
        let Some(p) = family_policy(f) else { continue };
        g.bench_function(f, |b| b.iter(|| xiaoqu::audit(black_box(&cfg), &p)));
    }
    g.finish();
}

/// Units of the vote the tally bench counts.
const TALLY_UNITS: usize = 3_000;

/// The largest assembly vote of a 300-compound district, its compound grown to 3,000 units:
/// units repeated with fresh ids (same building, area and owners, so owners' heads span the
/// copies) and the ballots of the repeated units repeated for the copies.
fn tally(c: &mut Criterion) {
    let mut cfg = generate(&ExampleOptions::new().compounds(300).seed(7)).into_config();
    let largest = cfg
        .compounds
        .iter()
        .enumerate()
        .flat_map(|(ci, k)| {
            k.assemblies.iter().enumerate().map(move |(ai, a)| (ci, ai, k.units.len(), a.ballots.len()))
        })
        .max_by_key(|&(_, _, units, ballots)| (units, ballots));
    let Some((ci, ai, _, _)) = largest else { return };
    let Some(compound) = cfg.compounds.get_mut(ci) else { return };
    let copies: Vec<_> = compound
        .units
        .iter()
        .cycle()
        .take(TALLY_UNITS.saturating_sub(compound.units.len()))
        .enumerate()
        .filter_map(|(k, u)| {
            let mut copy = u.clone();
            copy.id = format!("{}-c{k}", u.id).parse().ok()?;
            Some((u.id.clone(), copy))
        })
        .collect();
    let Some(assembly) = compound.assemblies.get_mut(ai) else { return };
    let extra: Vec<_> = copies
        .iter()
        .filter_map(|(of, copy)| {
            let mut b = assembly.ballots.iter().find(|b| b.unit == *of)?.clone();
            b.unit = copy.id.clone();
            Some(b)
        })
        .collect();
    assembly.ballots.extend(extra);
    compound.units.extend(copies.into_iter().map(|(_, copy)| copy));
    let (Some(compound), Some(assembly)) =
        (cfg.compounds.get(ci), cfg.compounds.get(ci).and_then(|k| k.assemblies.get(ai)))
    else {
        return;
    };
    let name = format!("tally_{}_units_{}_ballots", compound.units.len(), assembly.ballots.len());
    c.bench_function(&name, |b| {
        b.iter(|| xiaoqu::voting::tally(black_box(&cfg), compound.id.as_str(), assembly.id.as_str()));
    });
}

/// A joint account of the reference, its entries repeated to 10,000 with fresh ids.
fn ledger(c: &mut Criterion) {
    let Ok(mut cfg) = GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON) else { return };
    let Some(account) = cfg.compounds.first_mut().and_then(|k| k.joint_account.as_mut()) else { return };
    let template = account.entries.clone();
    account.entries.clear();
    for (i, e) in template.iter().cycle().take(10_000).enumerate() {
        let mut e = e.clone();
        let Ok(id) = format!("e-{i:05}").parse() else { return };
        e.id = id;
        account.entries.push(e);
    }
    c.bench_function("ledger_replay_10000", |b| b.iter(|| xiaoqu::ledger::replay(black_box(account)).is_ok()));
}

/// The 30-compound district as NDJSON, audited line by line.
fn stream(c: &mut Criterion) {
    let Some((cfg, _)) = document(30) else { return };
    let mut text = Vec::new();
    for doc in xiaoqu::stream::split_district(&cfg) {
        if serde_json::to_writer(&mut text, &doc).is_err() {
            return;
        }
        text.push(b'\n');
    }
    let policy = Policy::default();
    let mut g = c.benchmark_group("ndjson_30");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("audit", |b| b.iter(|| xiaoqu::stream::audit_ndjson(black_box(&text[..]), &policy).count()));
    g.finish();
}

// criterion's macros generate undocumented public functions.
#[allow(missing_docs)]
mod group {
    use super::{families, ledger, load_and_audit, stream, tally};
    criterion::criterion_group!(benches, load_and_audit, families, tally, ledger, stream);
}
use group::benches;
criterion_main!(benches);
