//! Finding a document path in the text, for errors whose position the parser cannot give.
//!
//! `serde_json` positions an error where its reader stands when the error surfaces. For checks
//! that run after a whole object was read (the fields of a tagged shape, a missing key) that is
//! past the object, often on the next element's line; the profile is checked after the whole
//! document was read, so its errors have no position at all. These functions walk the text to
//! the value (or key) that the error's path names. When the path leads somewhere the text does
//! not have (a key of a string), they stop at the deepest value they reached.

use super::error::Seg;

/// Byte offset of the value at `path` in JSON `text`; of its key when `key` is set and the
/// path ends in a key. `None` only when the text does not start with a value.
#[cfg(feature = "json")]
pub(crate) fn json(text: &[u8], path: &[Seg], key: bool) -> Option<usize> {
    let mut pos = skip_ws(text, 0);
    text.get(pos)?;
    for (i, seg) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let found = match seg {
            Seg::Key(k) => {
                json_member(text, pos, k).map(|(key_at, value_at)| if last && key { key_at } else { value_at })
            }
            Seg::Index(n) => json_element(text, pos, *n),
        };
        match found {
            Some(p) => pos = p,
            None => break,
        }
    }
    Some(pos)
}

/// The offsets of the key and the value of member `name` of the object at `pos`.
#[cfg(feature = "json")]
fn json_member(text: &[u8], pos: usize, name: &str) -> Option<(usize, usize)> {
    if text.get(pos) != Some(&b'{') {
        return None;
    }
    let mut at = skip_ws(text, pos + 1);
    while text.get(at) == Some(&b'"') {
        let key_end = skip_value(text, at)?;
        let value_at = skip_ws(text, skip_ws(text, key_end) + 1);
        let key: String = serde_json::from_slice(text.get(at..key_end)?).ok()?;
        if key == name {
            return Some((at, value_at));
        }
        at = skip_ws(text, skip_value(text, value_at)?);
        if text.get(at) != Some(&b',') {
            return None;
        }
        at = skip_ws(text, at + 1);
    }
    None
}

/// The offset of element `n` of the array at `pos`.
#[cfg(feature = "json")]
fn json_element(text: &[u8], pos: usize, n: usize) -> Option<usize> {
    if text.get(pos) != Some(&b'[') {
        return None;
    }
    let mut at = skip_ws(text, pos + 1);
    for _ in 0..n {
        if matches!(text.get(at), None | Some(b']')) {
            return None;
        }
        at = skip_ws(text, skip_value(text, at)?);
        if text.get(at) != Some(&b',') {
            return None;
        }
        at = skip_ws(text, at + 1);
    }
    (!matches!(text.get(at), None | Some(b']'))).then_some(at)
}

/// The offset of the first byte at or after `at` that is not JSON whitespace.
pub(crate) fn skip_ws(text: &[u8], mut at: usize) -> usize {
    while text.get(at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')) {
        at += 1;
    }
    at
}

/// The offset just past the value at `at` (the text is known to parse up to there).
pub(crate) fn skip_value(text: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in text.iter().enumerate().skip(at) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    in_string = false;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    (depth == 0 && !in_string).then_some(text.len())
}

/// Byte offset of the value at `path` in TOML `text`; of its key when `key` is set and the path
/// ends in a key. `None` when the text does not parse.
#[cfg(feature = "toml")]
pub(crate) fn toml(text: &str, path: &[Seg], key: bool) -> Option<usize> {
    let root = toml::de::DeTable::parse(text).ok()?;
    let mut pos = root.span().start;
    let mut table = Some(root.get_ref());
    let mut value: Option<&toml::de::DeValue<'_>> = None;
    for (i, seg) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let next = match seg {
            Seg::Key(k) => table.and_then(|t| t.iter().find(|(name, _)| name.get_ref() == k)).map(|(name, v)| {
                let at = if last && key { name.span().start } else { v.span().start };
                (at, v)
            }),
            Seg::Index(n) => value.and_then(|v| v.get(*n)).map(|v| (v.span().start, v)),
        };
        let Some((at, v)) = next else { break };
        pos = at;
        value = Some(v.get_ref());
        table = v.get_ref().as_table();
    }
    Some(pos)
}
