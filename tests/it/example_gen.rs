//! The district generator (`xiaoqu::example::generate`).

use xiaoqu::Policy;
use xiaoqu::example::{ExampleOptions, generate};

#[test]
fn generated_districts_audit_without_errors_or_warnings() {
    for seed in [1_u64, 2, 3] {
        let ex = generate(&ExampleOptions::new().compounds(40).seed(seed));
        let report = xiaoqu::audit(ex.config(), &Policy::default());
        let loud: Vec<String> = report
            .diagnostics()
            .iter()
            .filter(|d| d.severity() >= xiaoqu::Severity::Warning)
            .map(|d| format!("{} {} {}", d.code(), d.subject(), d.path()))
            .collect();
        assert!(loud.is_empty(), "seed {seed}: {loud:#?}");
    }
}
