//! Audits a district document and prints the report and the district summary (区域汇总):
//! party coverage, committee formation, party share, cross-appointment, liaison households,
//! account balances, overdue disclosures and audits, votes held and passed. Exits 1 when the
//! audit has an error finding, as an auditor's CI step would.
//!
//! `cargo run --example audit_district [FILE]` (default: the built-in reference document; a
//! `.toml` FILE needs `--features toml`)

#![allow(clippy::print_stdout, reason = "an example program prints its result")]

use std::process::ExitCode;

use xiaoqu::{GovernanceConfig, Lang};

fn load(path: &str) -> Result<GovernanceConfig, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path)?;
    if std::path::Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
        #[cfg(feature = "toml")]
        return Ok(GovernanceConfig::from_toml_str(std::str::from_utf8(&bytes)?)?);
        #[cfg(not(feature = "toml"))]
        return Err("reading TOML needs `--features toml`".into());
    }
    Ok(GovernanceConfig::from_json_slice(&bytes)?)
}

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let cfg = match std::env::args().nth(1) {
        Some(path) => load(&path)?,
        None => GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?,
    };
    // The document's own profile: `default` unless it names another.
    let policy = cfg.policy()?;
    let report = xiaoqu::audit(&cfg, &policy);
    print!("{}", report.to_text(Lang::En));
    println!();
    let summary = xiaoqu::summary::summarize(&cfg, &policy);
    print!("{}", summary.to_text(Lang::En));
    Ok(if report.has_errors() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
