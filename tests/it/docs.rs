//! Docs stay true: the README's rule table is the catalogue's.
//!
//! Regenerate after adding rules with `XIAOQU_BLESS=1 cargo test --all-features --test it docs`.

use std::fmt::Write as _;

const START: &str = "<!-- rules:start -->";
const END: &str = "<!-- rules:end -->";

/// The README rule table, built from the catalogue.
fn rules_table() -> String {
    let mut out = String::from("| code | name | severity | basis | what it checks |\n|---|---|---|---|---|\n");
    for r in xiaoqu::rules::catalogue() {
        let _ = writeln!(
            out,
            "| `{}` | `{}` | {} | {} | {} |",
            r.code.as_str(),
            r.code.name(),
            r.severity,
            r.basis,
            r.summary_en.replace('|', "\\|")
        );
    }
    out
}

#[test]
fn readme_rule_table_matches_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
        panic!("README lacks the rule-table markers")
    };
    let current = &readme[a + START.len()..b];
    let expected = format!("\n{}", rules_table());
    if current == expected {
        return;
    }
    if std::env::var_os("XIAOQU_BLESS").is_some() {
        let updated = format!("{}{START}{expected}{}", &readme[..a], &readme[b..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    panic!("README rule table is out of date; run `XIAOQU_BLESS=1 cargo test --all-features --test it docs`");
}
