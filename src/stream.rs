//! NDJSON streaming: one compound document per line, loaded, audited and dropped, so memory
//! stays flat however long the file is.
//!
//! Each line is a complete governance document (`CONFIG.md`) holding one compound with the
//! people and organisations it references; [`split_district`] turns a district document into
//! such documents, and [`documents`] / [`audit_ndjson`] read them back. Blank lines are skipped.
//!
//! What a line cannot see is the rest of the district: a rule that compares compounds (the
//! same id in two compounds, CFG002) sees one compound at a time, and findings about an
//! organisation shared by several compounds (a community party committee) are reported on every
//! line that carries it. [`split_district`] keeps every finding of the whole audit (see the
//! equivalence test `tests/it/perf_equivalence.rs`).
//!
//! # Example
//! ```
//! use std::fmt::Write as _;
//! use xiaoqu::example::{ExampleOptions, generate};
//! let district = generate(&ExampleOptions::new().compounds(2).seed(7)).into_config();
//! let mut ndjson = String::new();
//! for doc in xiaoqu::stream::split_district(&district) {
//!     writeln!(ndjson, "{}", serde_json::to_string(&doc)?)?;
//! }
//! let policy = xiaoqu::Policy::preset("default")?;
//! let reports = xiaoqu::stream::audit_ndjson(ndjson.as_bytes(), &policy).collect::<Result<Vec<_>, _>>()?;
//! assert_eq!(reports.iter().map(|r| r.compounds()).collect::<Vec<_>>(), [1, 1]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use foldhash::{HashMap, HashSet, HashSetExt};
use std::fmt;
use std::io::{self, BufRead};

use crate::config::{GovernanceConfig, LoadError};
use crate::index::Index;
use crate::policy::Policy;
use crate::report::Report;

/// Why a line of an NDJSON stream gave no document.
///
/// # Example
/// ```
/// use xiaoqu::stream::{LineErrorKind, documents};
/// let bad = documents("{\"schema_version\": 2}\n".as_bytes()).next().ok_or("no line")?.err().ok_or("loaded")?;
/// assert!(matches!(bad.kind(), LineErrorKind::Load(e) if e.kind() == xiaoqu::LoadErrorKind::SchemaVersion));
/// struct Unplugged;
/// impl std::io::Read for Unplugged {
///     fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
///         Err(std::io::Error::other("unplugged"))
///     }
/// }
/// let mut docs = documents(std::io::BufReader::new(Unplugged));
/// let err = docs.next().ok_or("no line")?.err().ok_or("read")?;
/// assert!(matches!(err.kind(), LineErrorKind::Read(e) if e.to_string() == "unplugged"));
/// assert!(docs.next().is_none(), "a read error ends the stream");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum LineErrorKind {
    /// The stream could not be read.
    Read(io::Error),
    /// The line is not a valid document (path, line 1 and column of the line).
    Load(LoadError),
}

/// A line that gave no document, with its 1-based line number in the stream.
///
/// # Example
/// ```
/// let text = "\n{\"schema_version\": 2}\n";
/// let err = xiaoqu::stream::documents(text.as_bytes()).next().ok_or("no line")?.err().ok_or("loaded")?;
/// assert!(err.to_string().starts_with("line 2: "), "{err}");
/// assert!(std::error::Error::source(&err).is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct LineError {
    line: usize,
    kind: LineErrorKind,
}

impl LineError {
    /// The 1-based line number in the stream.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let line = serde_json::to_string(&cfg)?;
    /// let text = format!("{line}\n\n{line}\n[]\n");
    /// let lines: Vec<usize> = xiaoqu::stream::documents(text.as_bytes())
    ///     .map(|d| d.map_or_else(|e| e.line(), |(n, _)| n))
    ///     .collect();
    /// assert_eq!(lines, [1, 3, 4], "blank lines are counted, not returned");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line(&self) -> usize {
        self.line
    }

    /// What went wrong.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::stream::LineErrorKind;
    /// let err = xiaoqu::stream::documents("not json\n".as_bytes()).next().ok_or("no line")?.err().ok_or("loaded")?;
    /// assert!(matches!(err.kind(), LineErrorKind::Load(e) if e.kind() == xiaoqu::LoadErrorKind::Syntax));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> &LineErrorKind {
        &self.kind
    }

    /// The load error, when the line was read but did not load.
    ///
    /// # Example
    /// ```
    /// let text = "{\n}\n{\"schema_version\": 2}\n";
    /// let errors: Vec<_> = xiaoqu::stream::documents(text.as_bytes()).filter_map(Result::err).collect();
    /// // The document of a line is the line alone: `{` on line 1 is not closed.
    /// let paths: Vec<_> = errors.iter().filter_map(|e| Some((e.line(), e.load_error()?.path().to_owned()))).collect();
    /// assert_eq!(paths, [(1, String::new()), (2, String::new()), (3, "schema_version".to_owned())]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load_error(&self) -> Option<&LoadError> {
        match &self.kind {
            LineErrorKind::Load(e) => Some(e),
            LineErrorKind::Read(_) => None,
        }
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            LineErrorKind::Read(e) => write!(f, "line {}: cannot read: {e}", self.line),
            LineErrorKind::Load(e) => write!(f, "line {}: {e}", self.line),
        }
    }
}

impl std::error::Error for LineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            LineErrorKind::Read(e) => Some(e),
            LineErrorKind::Load(e) => Some(e),
        }
    }
}

/// The documents of an NDJSON stream, one per non-blank line, with their line numbers.
/// Created by [`documents`].
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let text = format!("\n{}\n", serde_json::to_string(&cfg)?);
/// let mut docs = xiaoqu::stream::documents(text.as_bytes());
/// let (line, doc) = docs.next().ok_or("no document")??;
/// assert_eq!((line, doc.compounds.len()), (2, 1));
/// assert!(docs.next().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Documents<R> {
    reader: R,
    buf: Vec<u8>,
    line: usize,
    done: bool,
}

impl<R: BufRead> Iterator for Documents<R> {
    type Item = Result<(usize, GovernanceConfig), LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            self.line = self.line.saturating_add(1);
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let line = self.line;
                    // Drop the line's bytes before the next is read: the buffer keeps its
                    // capacity (the longest line), not its content.
                    return Some(
                        GovernanceConfig::from_json_slice(&self.buf)
                            .map(|cfg| (line, cfg))
                            .map_err(|e| LineError { line, kind: LineErrorKind::Load(e) }),
                    );
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                    self.line = self.line.saturating_sub(1);
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(LineError { line: self.line, kind: LineErrorKind::Read(e) }));
                }
            }
        }
        None
    }
}

/// Reads the documents of an NDJSON stream one line at a time.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let line = serde_json::to_string(&cfg)?;
/// let text = format!("{line}\n\n{{\"schema_version\": 2}}\n");
/// let docs: Vec<_> = xiaoqu::stream::documents(text.as_bytes()).collect();
/// assert_eq!(docs.len(), 2);
/// assert!(matches!(&docs[0], Ok((1, d)) if d == &cfg));
/// assert!(matches!(&docs[1], Err(e) if e.line() == 3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn documents<R: BufRead>(reader: R) -> Documents<R> {
    Documents { reader, buf: Vec::new(), line: 0, done: false }
}

/// Audits every document of an NDJSON stream under one policy, one report per non-blank line,
/// holding one document in memory at a time.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let line = serde_json::to_string(&cfg)?;
/// let text = format!("{line}\n{line}\n");
/// let policy = xiaoqu::Policy::preset("default")?;
/// for report in xiaoqu::stream::audit_ndjson(text.as_bytes(), &policy) {
///     assert!(report?.is_clean());
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn audit_ndjson<'p, R: BufRead + 'p>(
    reader: R,
    policy: &'p Policy,
) -> impl Iterator<Item = Result<Report, LineError>> + 'p {
    documents(reader).map(move |doc| doc.map(|(_, cfg)| crate::audit(&cfg, policy)))
}

/// Splits a district document into one document per compound, each with the people and
/// organisations it references (transitively: an organisation's parent chain, members and
/// secretary; a person's relatives, whichever side wrote the relation, and employers), in the
/// order of the district document. The `as_of` date and the profile are copied.
///
/// # Example
/// ```
/// use xiaoqu::example::{ExampleOptions, generate};
/// let district = generate(&ExampleOptions::new().compounds(3).seed(1)).into_config();
/// let parts: Vec<_> = xiaoqu::stream::split_district(&district).collect();
/// assert_eq!(parts.len(), 3);
/// assert!(parts.iter().all(|p| p.compounds.len() == 1 && p.people.len() < district.people.len()));
/// ```
pub fn split_district(cfg: &GovernanceConfig) -> impl Iterator<Item = GovernanceConfig> + '_ {
    let index = Index::build(cfg);
    let person_pos: HashMap<&str, usize> =
        cfg.people.iter().enumerate().rev().map(|(i, p)| (p.id.as_str(), i)).collect();
    let org_pos: HashMap<&str, usize> =
        cfg.organizations.iter().enumerate().rev().map(|(i, o)| (o.id.as_str(), i)).collect();
    cfg.compounds.iter().map(move |c| {
        let mut people = HashSet::new();
        let mut orgs = HashSet::new();
        let mut queue: Vec<String> = Vec::new();
        if let Ok(v) = serde_json::to_value(c) {
            strings(&v, &mut queue);
        }
        while let Some(s) = queue.pop() {
            if let Some(&i) = person_pos.get(s.as_str()) {
                if people.insert(i) {
                    if let Some(p) = cfg.people.get(i) {
                        queue.extend(index.relatives_of(p.id.as_str()).map(|(r, _)| r.as_str().to_owned()));
                        queue.extend(p.employment.iter().map(|e| e.org.as_str().to_owned()));
                    }
                }
            } else if let Some(&i) = org_pos.get(s.as_str()) {
                if orgs.insert(i) {
                    if let Some(o) = cfg.organizations.get(i) {
                        queue.extend(o.parent.iter().map(|p| p.as_str().to_owned()));
                        queue.extend(o.secretary.iter().map(|p| p.as_str().to_owned()));
                        queue.extend(o.members.iter().chain(&o.part_time_members).map(|p| p.as_str().to_owned()));
                    }
                }
            }
        }
        let mut doc = GovernanceConfig::new(cfg.as_of);
        doc.schema_version = cfg.schema_version;
        doc.profile.clone_from(&cfg.profile);
        doc.people =
            cfg.people.iter().enumerate().filter(|(i, _)| people.contains(i)).map(|(_, p)| p.clone()).collect();
        doc.organizations =
            cfg.organizations.iter().enumerate().filter(|(i, _)| orgs.contains(i)).map(|(_, o)| o.clone()).collect();
        doc.compounds = vec![c.clone()];
        doc
    })
}

/// Every string (values and object keys) of a JSON value.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                out.push(k.clone());
                strings(x, out);
            }
        }
        _ => {}
    }
}
