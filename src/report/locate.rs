//! Lines and columns of findings in the document text, for SARIF regions.
//!
//! The loader's locator (`config/locate.rs`) walks the text from the start for one path, which
//! is right for one load error but quadratic for a report of many findings over a large
//! document. Here the JSON text is walked once for all paths: a trie of the wanted paths says
//! which values to enter, and every other value is skipped. TOML is parsed once and each path
//! walked in the span tree. A path the text does not have (a key the document left out) is
//! placed at the deepest value the text does have.

use super::{Path, Segment, Source};
use crate::config::locate::{skip_value, skip_ws};

/// 1-based line and column (in Unicode code points) of each path, in order; `None` when the
/// text is not a document at all.
pub(crate) fn positions(source: Source<'_>, paths: &[&Path]) -> Vec<Option<(usize, usize)>> {
    let offsets = match source {
        Source::Json(text) => json(text, paths),
        #[cfg(feature = "toml")]
        Source::Toml(text) => toml(text, paths),
        #[cfg(not(feature = "toml"))]
        Source::Toml(_) => vec![None; paths.len()],
    };
    let text = match source {
        Source::Json(t) => t,
        Source::Toml(t) => t.as_bytes(),
    };
    let lines = LineIndex::new(text);
    offsets.into_iter().map(|o| o.map(|o| lines.line_col(text, o))).collect()
}

struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &[u8]) -> Self {
        Self(text.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i).collect())
    }

    fn line_col(&self, text: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        // Newlines strictly before the offset.
        let before = self.0.partition_point(|nl| *nl < offset);
        let start = before.checked_sub(1).and_then(|i| self.0.get(i)).map_or(0, |nl| nl.saturating_add(1));
        let col = text.get(start..offset).map_or(0, |l| l.iter().filter(|b| (**b & 0xC0) != 0x80).count());
        (before.saturating_add(1), col.saturating_add(1))
    }
}

/// A trie of the wanted paths: node 0 is the root.
#[derive(Default)]
struct Node<'p> {
    children: Vec<(&'p Segment, usize)>,
    offset: Option<usize>,
}

fn trie<'p>(paths: &[&'p Path]) -> Vec<Node<'p>> {
    let mut nodes = vec![Node::default()];
    for p in paths {
        let mut at = 0;
        for seg in p.segments() {
            let found = nodes.get(at).and_then(|n| n.children.iter().find(|(s, _)| *s == seg)).map(|(_, i)| *i);
            at = if let Some(i) = found {
                i
            } else {
                let i = nodes.len();
                nodes.push(Node::default());
                if let Some(n) = nodes.get_mut(at) {
                    n.children.push((seg, i));
                }
                i
            };
        }
    }
    nodes
}

/// The recorded offset of each path, or of its deepest recorded prefix.
fn deepest(nodes: &[Node<'_>], paths: &[&Path]) -> Vec<Option<usize>> {
    paths
        .iter()
        .map(|p| {
            let mut at = 0;
            let mut best = nodes.first().and_then(|n| n.offset);
            for seg in p.segments() {
                let Some(next) = nodes.get(at).and_then(|n| n.children.iter().find(|(s, _)| *s == seg)) else { break };
                at = next.1;
                match nodes.get(at).and_then(|n| n.offset) {
                    Some(o) => best = Some(o),
                    None => break,
                }
            }
            best
        })
        .collect()
}

fn json(text: &[u8], paths: &[&Path]) -> Vec<Option<usize>> {
    let mut nodes = trie(paths);
    let start = skip_ws(text, 0);
    if text.get(start).is_some() {
        walk(text, start, 0, &mut nodes);
    }
    deepest(&nodes, paths)
}

/// Records the value at `at` for trie node `node` and enters the children the trie wants.
/// Recursion follows the wanted paths only, so it is as deep as the longest report path.
fn walk(text: &[u8], at: usize, node: usize, nodes: &mut [Node<'_>]) {
    let Some(n) = nodes.get_mut(node) else { return };
    n.offset = Some(at);
    if n.children.is_empty() {
        return;
    }
    let wanted: Vec<(Segment, usize)> = n.children.iter().map(|(s, i)| ((*s).clone(), *i)).collect();
    match text.get(at) {
        Some(b'{') => {
            let mut p = skip_ws(text, at.saturating_add(1));
            while text.get(p) == Some(&b'"') {
                let Some(key_end) = skip_value(text, p) else { return };
                let key = text.get(p..key_end).and_then(json_key);
                let colon = skip_ws(text, key_end);
                let value_at = skip_ws(text, colon.saturating_add(1));
                let child = key.and_then(|k| wanted.iter().find(|(s, _)| matches!(s, Segment::Key(w) if *w == k)));
                if let Some((_, child)) = child {
                    walk(text, value_at, *child, nodes);
                }
                let Some(end) = skip_value(text, value_at) else { return };
                p = skip_ws(text, end);
                if text.get(p) != Some(&b',') {
                    return;
                }
                p = skip_ws(text, p.saturating_add(1));
            }
        }
        Some(b'[') => {
            let mut p = skip_ws(text, at.saturating_add(1));
            let mut i = 0usize;
            while !matches!(text.get(p), None | Some(b']')) {
                if let Some((_, child)) = wanted.iter().find(|(s, _)| matches!(s, Segment::Index(w) if *w == i)) {
                    walk(text, p, *child, nodes);
                }
                let Some(end) = skip_value(text, p) else { return };
                p = skip_ws(text, end);
                if text.get(p) != Some(&b',') {
                    return;
                }
                p = skip_ws(text, p.saturating_add(1));
                i = i.saturating_add(1);
            }
        }
        _ => {}
    }
}

/// The text of a JSON string token (quotes included).
fn json_key(token: &[u8]) -> Option<String> {
    let inner = token.get(1..token.len().saturating_sub(1))?;
    if inner.contains(&b'\\') { serde_json::from_slice(token).ok() } else { String::from_utf8(inner.to_vec()).ok() }
}

#[cfg(feature = "toml")]
fn toml(text: &str, paths: &[&Path]) -> Vec<Option<usize>> {
    let Ok(root) = ::toml::de::DeTable::parse(text) else { return vec![None; paths.len()] };
    let start = root.span().start;
    paths
        .iter()
        .map(|p| {
            let mut pos = start;
            let mut table = Some(root.get_ref());
            let mut value: Option<&::toml::de::DeValue<'_>> = None;
            for seg in p.segments() {
                let next = match seg {
                    Segment::Key(k) => table
                        .and_then(|t| t.iter().find(|(name, _)| name.get_ref() == k))
                        .map(|(_, v)| (v.span().start, v)),
                    Segment::Index(n) => value.and_then(|v| v.get(*n)).map(|v| (v.span().start, v)),
                };
                let Some((at, v)) = next else { break };
                pos = at;
                value = Some(v.get_ref());
                table = v.get_ref().as_table();
            }
            Some(pos)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_and_missing_keys() {
        let text = b"{\n  \"a\": [1,\n    {\"b\": 2}],\n  \"c\\u0041\": 3\n}";
        let ab = Path::new().key("a").index(1).key("b");
        let a0 = Path::new().key("a").index(0);
        let ax = Path::new().key("a").index(1).key("zz");
        let ca = Path::new().key("cA");
        let got = positions(Source::Json(text), &[&ab, &a0, &ax, &ca, &Path::new()]);
        assert_eq!(got, [Some((3, 11)), Some((2, 9)), Some((3, 5)), Some((4, 14)), Some((1, 1))]);
        assert_eq!(positions(Source::Json(b"  "), &[&ab]), [None]);
    }

    #[cfg(feature = "toml")]
    #[test]
    fn toml_lines() {
        let text = "x = 1\n[[a]]\nb = 2\n[[a]]\nb = 3\n";
        let a1b = Path::new().key("a").index(1).key("b");
        assert_eq!(positions(Source::Toml(text), &[&a1b]), [Some((5, 5))]);
    }
}
