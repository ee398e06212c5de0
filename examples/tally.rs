//! Prints the tally of the reference example's first assembly vote (`asm-2024-01`), in Chinese
//! and in English: totals, heads, and per matter the counts, thresholds and what is missing.
//!
//! `cargo run --example tally`

#![allow(clippy::print_stdout, reason = "an example program prints its result")]

use xiaoqu::{GovernanceConfig, Lang};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cfg = GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    let tally = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    println!("{}", tally.to_text(Lang::Zh));
    println!("{}", tally.to_text(Lang::En));
    for m in tally.matters() {
        println!("{}: passed = {}", m.id(), m.passed());
    }
    Ok(())
}
