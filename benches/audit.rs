//! Load and audit of the reference document. Compare the two within one run: the audit should
//! cost a fraction of the typed parse (ratios, not absolute times; see the performance issue).

use criterion::{Criterion, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let bytes = xiaoqu::example::GUOKEYUAN_JSON.as_bytes();
    let Ok(cfg) = xiaoqu::GovernanceConfig::from_json_slice(bytes) else { return };
    let policy = xiaoqu::Policy::default();
    c.bench_function("load_json_guokeyuan", |b| b.iter(|| xiaoqu::GovernanceConfig::from_json_slice(black_box(bytes))));
    c.bench_function("audit_guokeyuan", |b| b.iter(|| xiaoqu::audit(black_box(&cfg), black_box(&policy))));
}

// criterion's macros generate undocumented public functions.
#[allow(missing_docs)]
mod group {
    use super::bench;
    criterion::criterion_group!(benches, bench);
}
use group::benches;
criterion_main!(benches);
