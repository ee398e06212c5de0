//! The district generator (`xiaoqu::example::generate`).

use std::collections::BTreeMap;

use xiaoqu::example::{ExampleOptions, generate};
use xiaoqu::{Policy, Severity};

#[test]
fn scratch_clean() {
    for seed in [1_u64, 2, 3] {
        let ex = generate(&ExampleOptions::new().compounds(40).seed(seed));
        let report = xiaoqu::audit(ex.config(), &Policy::default());
        let mut by: BTreeMap<String, usize> = BTreeMap::new();
        for d in report.diagnostics() {
            *by.entry(format!("{} {:?}", d.code(), d.severity())).or_default() += 1;
        }
        println!("seed {seed}: {by:?}");
        for d in report.diagnostics().iter().filter(|d| d.severity() >= Severity::Warning).take(12) {
            println!("  {} {} {} {}", d.code(), d.subject(), d.path(), d.message().get(xiaoqu::Lang::En));
        }
    }
}
