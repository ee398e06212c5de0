//! Screens one candidate of the reference example against the negative list and prints the
//! verdict table: one line per enabled item (code, mandatory/optional/contested, severity,
//! verdict), with the reasons of any failure.
//!
//! `cargo run --example screening [PERSON_ID]` (default `p-04`)

#![allow(clippy::print_stdout, reason = "an example program prints its result")]

use xiaoqu::screening::{self, Role};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    let index = xiaoqu::Index::build(&cfg);

    // The default profile, with the age limit and the contested fee-arrears item switched on,
    // as a city's candidate-generation method might do.
    let policy =
        xiaoqu::config::policy_from_json_str(r#"{ "preset": "default", "rules": { "NL007": "on", "NL012": "on" } }"#)?;

    let compound = cfg.compounds.first().ok_or("the example has a compound")?;
    let election = compound.elections.first().ok_or("the example has an election")?;
    let day = screening::election_date(compound, election).ok_or("the election's assembly is missing")?;

    let who = std::env::args().nth(1).unwrap_or_else(|| "p-04".to_owned());
    let candidate = election
        .candidates
        .iter()
        .find(|c| c.person.as_str() == who)
        .ok_or_else(|| format!("`{who}` is not a candidate of `{}`", election.id))?;
    let person = index.person(candidate.person.as_str()).ok_or("unknown person")?;

    let applicant = screening::Applicant {
        person,
        compound,
        on: day,
        role: Role::Candidate { commitment_signed: candidate.commitment_signed },
    };
    let result = screening::screen(&index, &policy, &applicant);

    print!("{}", result.to_text(xiaoqu::Lang::En));
    println!();
    print!("{}", result.to_text(xiaoqu::Lang::Zh));
    println!();
    for v in &result.verdicts {
        println!("{}  {}", v.item.code(), v.citation);
    }
    println!("\neligible: {}", !result.fails());
    Ok(())
}
