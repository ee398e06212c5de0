//! Loads the reference document and prints its audit report.
//!
//! `cargo run --example audit_example`

#![allow(clippy::print_stdout, reason = "an example program prints its result")]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    let report = xiaoqu::audit(&cfg, &cfg.policy()?);
    print!("{}", report.to_text(xiaoqu::Lang::En));
    Ok(())
}
