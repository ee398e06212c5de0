//! Load errors: one line naming the document path, and the line and column for text input.

use std::fmt;

use crate::policy::PolicyError;

/// What kind of problem stopped loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// Not well-formed JSON or TOML (including a duplicate key in TOML).
    Syntax,
    /// A key the format does not have.
    UnknownKey,
    /// A key written twice in one object.
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

impl LoadError {
    /// What kind of problem it is.
    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }
    /// The document path (`compounds[0].units[3].area`); empty for the whole document.
    pub fn path(&self) -> &str {
        &self.path
    }
    /// 1-based line, for text input.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
    /// 1-based column, for text input.
    pub fn column(&self) -> Option<usize> {
        self.column
    }
    /// The message without path or position.
    pub fn message(&self) -> &str {
        &self.message
    }

    fn new(path: String, message: String, line: Option<usize>, column: Option<usize>, syntax: bool) -> Self {
        let kind = if syntax { LoadErrorKind::Syntax } else { classify(&message) };
        // serde_path_to_error writes the root as "."; the message is one line whatever the input.
        let path = if path == "." { String::new() } else { path };
        let message = message.replace(['\n', '\r'], " ");
        Self { kind, path, line, column, message }
    }

    #[cfg(feature = "json")]
    pub(crate) fn from_json(e: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let syntax = matches!(inner.classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof);
        Self::new(path, json_message(&inner), Some(inner.line()), Some(inner.column()), syntax)
    }

    #[cfg(feature = "json")]
    pub(crate) fn from_json_plain(e: &serde_json::Error) -> Self {
        Self::new(String::new(), json_message(e), Some(e.line()), Some(e.column()), true)
    }

    #[cfg(feature = "toml")]
    pub(crate) fn from_toml(path: String, e: &toml::de::Error, text: &str) -> Self {
        let (line, column) = e.span().map_or((None, None), |s| {
            let (l, c) = line_col(text, s.start);
            (Some(l), Some(c))
        });
        let syntax = path.is_empty() && !e.message().contains("unknown field") && !e.message().contains("missing field");
        let message = e.message().trim().to_owned();
        let mut err = Self::new(path, message, line, column, false);
        if syntax && err.kind == LoadErrorKind::InvalidValue {
            err.kind = LoadErrorKind::Syntax;
        }
        if e.message().contains("duplicate key") {
            err.kind = LoadErrorKind::DuplicateKey;
        }
        err
    }

    pub(crate) fn from_policy(e: PolicyError) -> Self {
        let path = match &e {
            PolicyError::UnknownPreset(_) => String::from("profile.preset"),
            PolicyError::UnknownParameter(n) | PolicyError::BadValue { name: n, .. } => format!("profile.overrides.{n}"),
        };
        Self { kind: LoadErrorKind::Profile, path, line: None, column: None, message: e.to_string() }
    }
}

fn classify(message: &str) -> LoadErrorKind {
    if message.starts_with("unknown field") {
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

/// serde_json's message without its " at line L column C" suffix (kept separately).
#[cfg(feature = "json")]
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s.get(..i).unwrap_or(&s).to_owned(),
        None => s,
    }
}

/// 1-based line and column (in characters) of a byte offset.
#[cfg(feature = "toml")]
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
