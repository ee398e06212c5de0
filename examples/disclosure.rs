//! Prints the 2025-Q2 disclosure statement (公示) of the reference document's joint account,
//! in Chinese and English, and checks it against the disclosure the document records.
//!
//! `cargo run --example disclosure`

#![allow(clippy::print_stdout, reason = "an example program prints the statement it builds")]

use chrono::NaiveDate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    let account =
        cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("the example has no joint account")?;
    let start = NaiveDate::from_ymd_opt(2025, 4, 1).ok_or("bad date")?;
    let end = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("bad date")?;
    let statement = xiaoqu::ledger::statement(account, start, end)?;
    println!("{}", statement.to_text(xiaoqu::Lang::Zh));
    println!("{}", statement.to_text(xiaoqu::Lang::En));
    if let Some(recorded) = account.disclosures.iter().find(|d| d.period_start == start && d.period_end == end) {
        let differences = statement.compare(recorded);
        if differences.is_empty() {
            println!("recorded disclosure of {}: matches the ledger", recorded.published_on);
        }
        for d in differences {
            println!("{}: recorded {}, ledger {}", d.field, d.recorded, d.computed);
        }
    }
    Ok(())
}
