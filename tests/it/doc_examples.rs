//! Every public item has an example (issue 10): its doc comment holds a code block.
//!
//! The scan reads `src/**/*.rs` as text (no nightly rustdoc JSON needed). A public item is a
//! line starting `pub fn`, `pub const fn`, `pub struct`, `pub enum`, `pub trait`, `pub type`,
//! `pub const`, `pub static` or `pub mod`, or a `#[macro_export]` `macro_rules!`, that is
//! reachable: its file's module is `pub mod` all the way up (or glob re-exported with
//! `pub use module::*`), or its name is re-exported by a `pub use` somewhere in the crate.
//! `pub(crate)`/`pub(super)` items, items inside `#[cfg(test)]` modules and inside
//! `macro_rules!` bodies (generated items are checked where the macro is invoked) are skipped;
//! so is `src/bin/`, which is a program with no public API. A `pub mod` has its example in
//! the module file's `//!` comment (the scan also accepts one above the declaration, but an
//! outer doc on a `pub mod` line makes rustdoc resolve the module's own intra-doc links from
//! the parent module, which breaks `cargo doc -D warnings`).
//!
//! The test fails, listing file, line and item, when any public item lacks an example.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One public item found by the scan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    /// Path relative to the crate root (`src/report.rs`).
    file: String,
    /// 1-based line of the declaration.
    line: usize,
    /// `fn name`, `struct Name`, `mod name`, `macro name!`.
    what: String,
    /// Whether its doc comment holds a code block.
    has_example: bool,
}

/// The item keywords after `pub ` and the kind they declare.
const KINDS: &[(&str, &str)] = &[
    ("fn ", "fn"),
    ("const fn ", "fn"),
    ("async fn ", "fn"),
    ("struct ", "struct"),
    ("enum ", "enum"),
    ("trait ", "trait"),
    ("type ", "type"),
    ("const ", "const"),
    ("static ", "static"),
    ("mod ", "mod"),
];

/// `(kind, name)` of a `pub` item line, or `None`.
fn declared(line: &str) -> Option<(&'static str, String)> {
    let rest = line.trim_start().strip_prefix("pub ")?;
    let (kind, rest) = KINDS.iter().find_map(|(kw, kind)| rest.strip_prefix(kw).map(|r| (*kind, r)))?;
    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    (!name.is_empty()).then_some((kind, name))
}

/// Whether the doc lines hold a fenced code block.
fn has_code_block(doc: &[&str]) -> bool {
    doc.iter()
        .any(|l| l.trim_start().trim_start_matches("///").trim_start_matches("//!").trim_start().starts_with("```"))
}

/// The `///` lines above line `i`, skipping attributes (also multi-line ones).
fn outer_doc<'a>(lines: &[&'a str], i: usize) -> Vec<&'a str> {
    let mut doc = Vec::new();
    let mut j = i;
    let mut in_attr = false;
    while j > 0 {
        j -= 1;
        let l = lines[j].trim();
        if in_attr {
            if l.starts_with("#[") {
                in_attr = false;
            }
            continue;
        }
        if l.starts_with("///") {
            doc.push(l);
        } else if l.starts_with("#[") {
            // one-line attribute
        } else if l.ends_with(")]") || l.ends_with(']') || l.ends_with("),") || l.ends_with(',') {
            in_attr = true;
        } else {
            break;
        }
    }
    doc
}

/// The `//!` lines of a file.
fn inner_doc(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| l.starts_with("//!")).collect()
}

/// Line ranges (inclusive start, exclusive end) to skip: `#[cfg(test)]` modules and
/// `macro_rules!` bodies, found by counting braces.
fn skipped_ranges(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim();
        let starts_block = l.starts_with("macro_rules!")
            || (l.starts_with("mod ") && l.ends_with('{') && i > 0 && lines[i - 1].trim() == "#[cfg(test)]");
        if starts_block {
            let (mut depth, mut opened) = (0_i64, false);
            let mut j = i;
            while j < lines.len() {
                let (open, close) = (lines[j].matches('{').count(), lines[j].matches('}').count());
                depth += i64::try_from(open).unwrap() - i64::try_from(close).unwrap();
                opened |= open > 0;
                j += 1;
                if opened && depth <= 0 {
                    break;
                }
            }
            ranges.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    ranges
}

/// The file of module `name` declared in `parent`.
fn child_file(root: &Path, parent: &Path, name: &str) -> Option<PathBuf> {
    let stem = parent.file_stem()?.to_str()?;
    let dir =
        if matches!(stem, "lib" | "main" | "mod") { parent.parent()?.to_path_buf() } else { parent.with_extension("") };
    let dir = if dir.starts_with(root) { dir } else { root.join(dir) };
    [dir.join(format!("{name}.rs")), dir.join(name).join("mod.rs")].into_iter().find(|p| p.is_file())
}

/// The type of the `impl` block (written at column 0, as rustfmt does) that holds line `i`.
fn impl_of(lines: &[&str], i: usize) -> Option<String> {
    for l in lines[..i].iter().rev() {
        if *l == "}" {
            return None;
        }
        if let Some(rest) = l.strip_prefix("impl") {
            // Skip the impl's generics, then a trait (`Trait for Type`), then take the name.
            let mut depth = 0_i32;
            let mut start = 0;
            for (at, c) in rest.char_indices() {
                match c {
                    '<' => depth += 1,
                    '>' => depth -= 1,
                    _ if depth == 0 && !c.is_whitespace() => {
                        start = at;
                        break;
                    }
                    _ => {}
                }
            }
            let ty = rest[start..].rsplit(" for ").next().unwrap_or("");
            let ty = ty.split('<').next().unwrap_or("").rsplit("::").next().unwrap_or("");
            let name: String = ty.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            return (!name.is_empty()).then_some(name);
        }
    }
    None
}

/// Every name listed in a `pub use` anywhere (`pub use a::{B, c};` gives `B` and `c`).
fn re_exported(texts: &[(PathBuf, String)]) -> HashSet<String> {
    let mut names = HashSet::new();
    for (_, text) in texts {
        let mut rest = text.as_str();
        while let Some(at) = rest.find("pub use ") {
            let tail = &rest[at + "pub use ".len()..];
            let end = tail.find(';').unwrap_or(tail.len());
            let list = &tail[..end];
            for part in list.split(|c: char| matches!(c, '{' | '}' | ',' | ':') || c.is_whitespace()) {
                if !part.is_empty() && part != "*" {
                    names.insert(part.to_owned());
                }
            }
            rest = &tail[end..];
        }
    }
    names
}

/// Scans the crate and returns every reachable public item.
fn scan() -> Vec<Item> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lib = root.join("src/lib.rs");
    // Files reachable from lib.rs, with whether their module is public all the way up.
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    let mut queue = vec![(lib, true)];
    let mut seen = BTreeSet::new();
    while let Some((file, public)) = queue.pop() {
        if !seen.insert(file.clone()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for l in text.lines() {
            let t = l.trim();
            let (is_pub, rest) = if let Some(r) = t.strip_prefix("pub mod ") {
                (true, r)
            } else if let Some(r) = t.strip_prefix("pub(crate) mod ").or_else(|| t.strip_prefix("mod ")) {
                (false, r)
            } else {
                continue;
            };
            let Some(name) = rest.strip_suffix(';') else { continue };
            let glob =
                text.contains(&format!("pub use {name}::*;")) || text.contains(&format!("pub use self::{name}::*;"));
            if let Some(child) = child_file(&root, &file, name) {
                queue.push((child, public && (is_pub || glob)));
            }
        }
        files.push((file, public));
    }
    let texts: Vec<(PathBuf, String)> =
        files.iter().map(|(f, _)| (f.clone(), std::fs::read_to_string(f).unwrap())).collect();
    let exported = re_exported(&texts);

    let mut items = Vec::new();
    for ((file, public), (_, text)) in files.iter().zip(&texts) {
        let rel = file.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let lines: Vec<&str> = text.lines().collect();
        let skipped = skipped_ranges(&lines);
        for (i, line) in lines.iter().enumerate() {
            if skipped.iter().any(|(a, b)| (*a..*b).contains(&i)) && !line.trim().starts_with("macro_rules!") {
                continue;
            }
            let doc = outer_doc(&lines, i);
            let (what, has_example) = if line.trim().starts_with("macro_rules!") {
                let exported_macro = lines[..i].iter().rev().take(3).any(|l| l.trim() == "#[macro_export]");
                if !exported_macro {
                    continue;
                }
                let name: String = line.trim()["macro_rules!".len()..]
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                (format!("macro {name}!"), has_code_block(&doc))
            } else if let Some((kind, name)) = declared(line) {
                // A method is reachable with its type; a top-level item by its own name.
                let owner = if line.starts_with(char::is_whitespace) { impl_of(&lines, i) } else { None };
                if !(*public || exported.contains(owner.as_deref().unwrap_or(&name))) {
                    continue;
                }
                let mut has = has_code_block(&doc);
                if kind == "mod" && !has {
                    if let Some(module) = line.trim().strip_prefix("pub mod ").and_then(|r| r.strip_suffix(';')) {
                        if let Some(child) = child_file(&root, file, module) {
                            has = has_code_block(&inner_doc(&std::fs::read_to_string(child).unwrap()));
                        }
                    }
                }
                (format!("{kind} {name}"), has)
            } else {
                continue;
            };
            items.push(Item { file: rel.clone(), line: i + 1, what, has_example });
        }
    }
    // The crate root's own docs are the README (a code block) and the module list.
    items.sort();
    items
}

#[test]
fn the_scan_finds_known_items_and_their_examples() {
    let items = scan();
    let find = |file: &str, what: &str| items.iter().find(|i| i.file == file && i.what == what).cloned();
    // Public all the way up, with an example.
    assert!(find("src/report.rs", "fn has_errors").is_some());
    assert!(find("src/dates.rs", "fn within_days").is_some_and(|i| i.has_example));
    // Re-exported from a private module (`pub use index::Index`), with its methods.
    assert!(find("src/index.rs", "struct Index").is_some());
    assert!(find("src/index.rs", "fn build").is_some());
    assert!(find("src/config/error.rs", "fn kind").is_some(), "a method of the re-exported LoadError");
    // Glob re-exported through `pub use ids::*`.
    assert!(find("src/model/ids.rs", "struct IdError").is_some());
    // Crate-private items and test modules are not public.
    assert!(items.iter().all(|i| !i.what.starts_with("fn tests")));
    assert!(find("src/ledger/exact.rs", "fn add").is_none(), "ledger::exact is pub(crate)");
    #[cfg(feature = "testing")]
    {
        assert!(find("src/testing.rs", "macro assert_audit_clean!").is_some_and(|i| i.has_example));
        assert!(find("src/testing.rs", "trait AssertReport").is_some_and(|i| i.has_example));
    }
}

#[test]
fn every_public_item_has_an_example() {
    let mut missing = String::new();
    for item in scan().iter().filter(|i| !i.has_example) {
        let _ = writeln!(missing, "  {}:{} {}", item.file, item.line, item.what);
    }
    assert!(
        missing.is_empty(),
        "{} public item(s) have no example in their doc comment:\n{missing}",
        missing.lines().count()
    );
}
