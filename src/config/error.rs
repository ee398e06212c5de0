//! Load errors: one line naming the document path, and the line and column for text input.
// Without a text format nothing builds a `LoadError`; the helpers below serve the formats.
#![cfg_attr(not(any(feature = "json", feature = "toml")), allow(dead_code))]

use std::fmt;

#[cfg(any(feature = "json", feature = "toml"))]
use crate::policy::PolicyError;

/// What kind of problem stopped loading.
///
/// # Example
/// ```
/// use xiaoqu::LoadErrorKind;
/// let err = xiaoqu::GovernanceConfig::from_json_str("{\n  \"schema_version\": 2\n}").err().ok_or("must fail")?;
/// assert_eq!(err.kind(), LoadErrorKind::SchemaVersion);
/// let err = xiaoqu::GovernanceConfig::from_json_str("{").err().ok_or("must fail")?;
/// assert_eq!(err.kind(), LoadErrorKind::Syntax);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// Not well-formed JSON or TOML.
    Syntax,
    /// A key the format does not have, or a field of another kind in a tagged shape (`payee` on
    /// a revenue entry).
    UnknownKey,
    /// A key written twice in one object (in TOML the parser refuses it, with a line but
    /// without a path).
    DuplicateKey,
    /// A required key is missing.
    MissingKey,
    /// A value of the wrong type (a number where a string belongs…).
    WrongType,
    /// A value of the right type that is not valid (bad date, decimal, id, enum value).
    InvalidValue,
    /// A `schema_version` other than 1.
    SchemaVersion,
    /// An unknown preset or parameter, or a bad parameter value, in the profile.
    Profile,
}

/// Why a document could not be loaded.
///
/// # Example
/// ```
/// let err = xiaoqu::GovernanceConfig::from_json_str("{\n  \"schema_version\": 2\n}").err().ok_or("must fail")?;
/// assert_eq!(err.path(), "schema_version");
/// assert_eq!((err.line(), err.column()), (Some(2), Some(21)));
/// assert!(err.to_string().starts_with("schema_version: "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    kind: LoadErrorKind,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(document)" } else { &self.path };
        write!(f, "{path}: {}", self.message)?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, " (line {l}, column {c})")?;
        }
        Ok(())
    }
}

/// One step of a document path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// A key of an object.
    Key(String),
    /// An element of a list.
    Index(usize),
}

/// The document text an error refers to, to find positions in.
#[cfg(any(feature = "json", feature = "toml"))]
#[derive(Clone, Copy)]
pub(crate) enum Text<'a> {
    /// JSON bytes.
    #[cfg(feature = "json")]
    Json(&'a [u8]),
    /// TOML text.
    #[cfg(feature = "toml")]
    Toml(&'a str),
}

#[cfg(any(feature = "json", feature = "toml"))]
impl<'a> Text<'a> {
    /// Byte offset of the value at `path`, or of its key when `key` is set.
    fn locate(self, path: &[Seg], key: bool) -> Option<usize> {
        match self {
            #[cfg(feature = "json")]
            Self::Json(b) => super::locate::json(b, path, key),
            #[cfg(feature = "toml")]
            Self::Toml(s) => super::locate::toml(s, path, key),
        }
    }

    fn bytes(self) -> &'a [u8] {
        match self {
            #[cfg(feature = "json")]
            Self::Json(b) => b,
            #[cfg(feature = "toml")]
            Self::Toml(s) => s.as_bytes(),
        }
    }
}

impl LoadError {
    /// What kind of problem it is.
    ///
    /// # Example
    /// ```
    /// let err = xiaoqu::GovernanceConfig::from_json_str("{\n  \"schema_version\": 2\n}").err().ok_or("must fail")?;
    /// assert_eq!(err.kind(), xiaoqu::LoadErrorKind::SchemaVersion);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }
    /// The document path (`compounds[0].units[3].area`); empty for the whole document.
    ///
    /// # Example
    /// ```
    /// let err = xiaoqu::GovernanceConfig::from_json_str("{\n  \"schema_version\": 2\n}").err().ok_or("must fail")?;
    /// assert_eq!(err.path(), "schema_version");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }
    /// 1-based line, for text input.
    ///
    /// # Example
    /// ```
    /// let err = xiaoqu::GovernanceConfig::from_json_str("{\n  \"schema_version\": 2\n}").err().ok_or("must fail")?;
    /// assert_eq!(err.line(), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }
    /// 1-based column, counted in characters (not bytes), for text input.
    ///
    /// # Example
    /// ```
    /// let err = xiaoqu::GovernanceConfig::from_json_str("{\n  \"schema_version\": 2\n}").err().ok_or("must fail")?;
    /// assert_eq!(err.column(), Some(21));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column(&self) -> Option<usize> {
        self.column
    }
    /// The message without path or position.
    ///
    /// # Example
    /// ```
    /// let err = xiaoqu::GovernanceConfig::from_json_str("{\n  \"schema_version\": 2\n}").err().ok_or("must fail")?;
    /// assert!(!err.message().contains("schema_version:"), "{}", err.message());
    /// assert!(err.to_string().ends_with("(line 2, column 21)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// An error of the parser (`syntax`) or of the model, at the parser's byte `offset`.
    ///
    /// Positions are recomputed from the path whenever the path says more than the parser's
    /// position does (see the `locate` module).
    #[cfg(any(feature = "json", feature = "toml"))]
    fn build(text: Text<'_>, mut path: Vec<Seg>, message: &str, offset: Option<usize>, syntax: bool) -> Self {
        let kind = if syntax { LoadErrorKind::Syntax } else { classify(message) };
        // A tagged shape names the field of another kind that it refuses: point at that key.
        if let Some(field) = message.strip_prefix("field `").and_then(|m| m.split_once("` is not allowed for kind")) {
            path.push(Seg::Key(field.0.to_owned()));
        }
        let offset = match kind {
            // The parser's own position is the best there is.
            LoadErrorKind::Syntax => offset,
            // Where the parser met the second key (the path names the object, whose first key
            // is elsewhere); serde_json stands on the key's closing quote: point at its start.
            LoadErrorKind::DuplicateKey => offset.map(|o| key_start(text.bytes(), o)),
            _ => text.locate(&path, kind == LoadErrorKind::UnknownKey).or(offset),
        };
        let (line, column) = offset.map_or((None, None), |o| {
            let (l, c) = line_col(text.bytes(), o);
            (Some(l), Some(c))
        });
        // The message is one line whatever the input.
        let message = message.trim().replace(['\n', '\r'], " ");
        Self { kind, path: render(&path), line, column, message }
    }

    #[cfg(feature = "json")]
    pub(crate) fn from_json(e: serde_path_to_error::Error<serde_json::Error>, text: &[u8]) -> Self {
        let path = segs(e.path());
        let inner = e.into_inner();
        let syntax = matches!(inner.classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof);
        Self::build(Text::Json(text), path, &json_message(&inner), json_offset(text, &inner), syntax)
    }

    /// An error of the JSON reader outside any value (trailing characters).
    #[cfg(feature = "json")]
    pub(crate) fn from_json_plain(e: &serde_json::Error, text: &[u8]) -> Self {
        Self::build(Text::Json(text), Vec::new(), &json_message(e), json_offset(text, e), true)
    }

    /// A TOML parse error (`path` is `None`) or an error of the model at `path`.
    #[cfg(feature = "toml")]
    pub(crate) fn from_toml(path: Option<&serde_path_to_error::Path>, e: &toml::de::Error, text: &str) -> Self {
        let offset = e.span().map(|s| s.start);
        let message = e.message();
        match path {
            None => {
                let mut err = Self::build(Text::Toml(text), Vec::new(), message, offset, true);
                if message.contains("duplicate key") {
                    err.kind = LoadErrorKind::DuplicateKey;
                }
                err
            }
            Some(p) => Self::build(Text::Toml(text), segs(p), message, offset, false),
        }
    }

    /// A profile error. `in_document`: the profile is the `profile` key of a document rather
    /// than a profile file of its own (the path names `profile` either way).
    #[cfg(any(feature = "json", feature = "toml"))]
    pub(crate) fn from_policy(e: &PolicyError, text: Text<'_>, in_document: bool) -> Self {
        let (path, key) = match e {
            PolicyError::UnknownPreset(_) => (vec![Seg::Key("profile".into()), Seg::Key("preset".into())], false),
            PolicyError::UnknownParameter(n) | PolicyError::BadValue { name: n, .. } => (
                vec![Seg::Key("profile".into()), Seg::Key("overrides".into()), Seg::Key(n.clone())],
                matches!(e, PolicyError::UnknownParameter(_)),
            ),
        };
        let within = if in_document { path.as_slice() } else { path.get(1..).unwrap_or_default() };
        let (line, column) = text.locate(within, key).map_or((None, None), |o| {
            let (l, c) = line_col(text.bytes(), o);
            (Some(l), Some(c))
        });
        // One line whatever the profile names (a preset called "a\nb").
        let message = e.to_string().trim().replace(['\n', '\r'], " ");
        Self { kind: LoadErrorKind::Profile, path: render(&path), line, column, message }
    }
}

/// The path's steps; the parser's "unknown" steps (a key it could not read) are dropped.
#[cfg(any(feature = "json", feature = "toml"))]
fn segs(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } | Segment::Enum { variant: key } => Some(Seg::Key(key.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

/// `compounds[0].units[3].area`; empty for the document itself.
fn render(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                // A key with a line break stays on one line.
                out.push_str(&k.replace('\n', "\\n").replace('\r', "\\r"));
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

fn classify(message: &str) -> LoadErrorKind {
    if message.starts_with("unknown field") || message.contains("is not allowed for kind") {
        LoadErrorKind::UnknownKey
    } else if message.starts_with("duplicate field") || message.starts_with("duplicate key") {
        LoadErrorKind::DuplicateKey
    } else if message.starts_with("missing field") {
        LoadErrorKind::MissingKey
    } else if message.starts_with("unsupported schema_version") {
        LoadErrorKind::SchemaVersion
    } else if message.starts_with("invalid type") || message.contains("must be a decimal string, not the number") {
        LoadErrorKind::WrongType
    } else {
        LoadErrorKind::InvalidValue
    }
}

/// `serde_json`'s message without its " at line L column C" suffix (kept separately).
#[cfg(feature = "json")]
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s.get(..i).unwrap_or(&s).to_owned(),
        None => s,
    }
}

/// The byte offset of `serde_json`'s position: its column counts bytes, and names the last
/// byte read (0 right after a newline).
#[cfg(feature = "json")]
fn json_offset(text: &[u8], e: &serde_json::Error) -> Option<usize> {
    if e.line() == 0 {
        return None;
    }
    let line_start = if e.line() == 1 {
        0
    } else {
        text.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(e.line() - 2).map(|(i, _)| i + 1)?
    };
    Some((line_start + e.column().saturating_sub(1)).min(text.len()))
}

/// The opening quote of the string whose closing quote is at `end`; `end` itself otherwise.
fn key_start(text: &[u8], end: usize) -> usize {
    if end == 0 || text.get(end) != Some(&b'"') {
        return end;
    }
    let before = text.get(..end).unwrap_or_default();
    let mut at = before.iter().rposition(|b| *b == b'"');
    // Skip escaped quotes inside the key.
    while let Some(i) = at.filter(|i| *i > 0 && before.get(i - 1) == Some(&b'\\')) {
        at = before.get(..i).and_then(|b| b.iter().rposition(|c| *c == b'"'));
    }
    at.unwrap_or(end)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &[u8], offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.split(|b| *b == b'\n').count();
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    // Count characters, not bytes: skip UTF-8 continuation bytes.
    let col = before.get(line_start..).map_or(0, |l| l.iter().filter(|b| (**b & 0xC0) != 0x80).count()) + 1;
    (line, col)
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use crate::GovernanceConfig;

    /// Found by the one-million-case hostile run: a profile naming a preset or a parameter
    /// with a line break gave a two-line error.
    #[test]
    fn profile_errors_are_one_line() {
        for profile in [r#""line\nbreak\r\n""#, r#"{ "preset": "default", "overrides": { "a\nb": 1 } }"#] {
            let doc = format!(r#"{{ "schema_version": 1, "as_of": "2025-09-05", "profile": {profile} }}"#);
            let err = GovernanceConfig::from_json_str(&doc).err();
            let shown = err.map(|e| e.to_string()).unwrap_or_default();
            assert!(shown.starts_with("profile."), "{shown:?}");
            assert!(!shown.contains(['\n', '\r']), "{shown:?}");
        }
    }
}
