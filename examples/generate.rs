//! Generates a district from Rust, audits it and prints the audit's verdict and the district
//! summary; then generates the same district with injected violations and checks that the audit
//! finds every entry of the manifest and nothing loud outside it (the generator as a test oracle).
//!
//! `cargo run --release --example generate [COMPOUNDS] [SEED]` (default 60 compounds, seed 7)

#![allow(clippy::print_stdout, reason = "an example program prints its result")]

use xiaoqu::example::{ExampleOptions, generate};
use xiaoqu::{Lang, Policy, Severity};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let compounds: usize = args.next().map_or(Ok(60), |a| a.parse())?;
    let seed: u64 = args.next().map_or(Ok(7), |a| a.parse())?;
    let policy = Policy::preset("default")?;

    // A clean district: no error and no warning under `default`.
    let example = generate(&ExampleOptions::new().compounds(compounds).seed(seed));
    let cfg = example.config();
    let report = xiaoqu::audit(cfg, &policy);
    let units: usize = cfg.compounds.iter().map(|c| c.units.len()).sum();
    println!("{} compounds, {units} units, {} people", cfg.compounds.len(), cfg.people.len());
    println!(
        "audit: {} error(s), {} warning(s), {} info(s)",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    println!();
    let summary = xiaoqu::summary::summarize(cfg, &policy);
    // The district totals (and one section per street); the per-compound lines follow them.
    let text = summary.to_text(Lang::Zh);
    let district = text.split("\n各小区\n").next().unwrap_or_default();
    println!("{district}");

    // The same district with violations: every manifest entry is found, and every error or
    // warning is in the manifest.
    let faulty = generate(&ExampleOptions::new().compounds(compounds).seed(seed).violations(true));
    let report = xiaoqu::audit(faulty.config(), &policy);
    let found = |v: &xiaoqu::example::InjectedViolation| {
        report
            .diagnostics()
            .iter()
            .any(|d| d.code() == v.code && d.subject() == v.subject && d.compound() == Some(&v.compound))
    };
    let missed: Vec<_> = faulty.manifest().iter().filter(|v| !found(v)).collect();
    let stray: Vec<_> = report
        .diagnostics()
        .iter()
        .filter(|d| d.severity() >= Severity::Warning)
        .filter(|d| {
            !faulty
                .manifest()
                .iter()
                .any(|v| d.code() == v.code && d.subject() == v.subject && d.compound() == Some(&v.compound))
        })
        .collect();
    let codes: std::collections::BTreeSet<_> = faulty.manifest().iter().map(|v| v.code).collect();
    println!(
        "with violations: {} injected ({} codes), {} found, {} missed, {} stray; {} error(s), {} warning(s)",
        faulty.manifest().len(),
        codes.len(),
        faulty.manifest().len().saturating_sub(missed.len()),
        missed.len(),
        stray.len(),
        report.count(Severity::Error),
        report.count(Severity::Warning)
    );
    for v in missed {
        println!("  missed {} on {} in {}", v.code, v.subject, v.compound);
    }
    for d in stray {
        println!(
            "  stray {} on {} in {}",
            d.code(),
            d.subject(),
            d.compound().map(ToString::to_string).unwrap_or_default()
        );
    }
    Ok(())
}
