//! Document paths such as `compounds[0].joint_account.entries[3]`.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// One step of a [`Path`].
///
/// # Example
/// ```
/// use xiaoqu::report::Segment;
/// let p = xiaoqu::Path::new().key("units").index(3);
/// assert_eq!(p.segments(), [Segment::Key("units".into()), Segment::Index(3)]);
/// assert!(Segment::Index(2) < Segment::Index(10), "indices sort by number");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object key.
    Key(Cow<'static, str>),
    /// A list index.
    Index(usize),
}

impl Ord for Segment {
    /// Keys by text, indices by number (so `[2]` sorts before `[10]`), keys before indices.
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Self::Key(a), Self::Key(b)) => a.cmp(b),
            (Self::Index(a), Self::Index(b)) => a.cmp(b),
            (Self::Key(_), Self::Index(_)) => Ordering::Less,
            (Self::Index(_), Self::Key(_)) => Ordering::Greater,
        }
    }
}

impl PartialOrd for Segment {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A path into a document, compared segment by segment.
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].units[3].area = "0.00".parse()?;
/// let report = xiaoqu::audit(&cfg, &cfg.policy()?);
/// let expected = xiaoqu::Path::new().key("compounds").index(0).key("units").index(3).key("area");
/// assert_eq!(report.diagnostics()[0].path(), &expected);
/// assert_eq!(expected.to_string(), "compounds[0].units[3].area");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The document root.
    ///
    /// # Example
    /// ```
    /// let root = xiaoqu::Path::new();
    /// assert!(root.is_root());
    /// assert_eq!(root.to_string(), "(root)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self(Vec::new())
    }
    /// Appends a key.
    ///
    /// # Example
    /// ```
    /// let p = xiaoqu::Path::new().key("joint_account").key("entries");
    /// assert_eq!(p.to_string(), "joint_account.entries");
    /// // a key that is not a plain word is quoted, as a ballot's choice for matter `m-1`
    /// assert_eq!(xiaoqu::Path::new().key("choices").key("m-1").to_string(), r#"choices["m-1"]"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(Segment::Key(key.into()));
        self
    }
    /// Appends an index.
    ///
    /// # Example
    /// ```
    /// let p = xiaoqu::Path::new().key("units").index(2);
    /// assert_eq!(p.to_string(), "units[2]");
    /// assert!(p < xiaoqu::Path::new().key("units").index(10), "[2] sorts before [10]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn index(mut self, i: usize) -> Self {
        self.0.push(Segment::Index(i));
        self
    }
    /// The segments.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::report::Segment;
    /// let p = xiaoqu::Path::new().key("compounds").index(0);
    /// assert_eq!(p.segments().len(), 2);
    /// assert_eq!(p.segments().last(), Some(&Segment::Index(0)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
    /// Whether this is the root.
    ///
    /// # Example
    /// ```
    /// assert!(xiaoqu::Path::new().is_root());
    /// assert!(!xiaoqu::Path::new().key("as_of").is_root());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

fn plain_key(k: &str) -> bool {
    !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(root)");
        }
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Key(k) if plain_key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Segment::Key(k) => write!(f, "[{k:?}]")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Builds a [`Path`] from `a[i].b.c[j]` syntax.
macro_rules! doc_path {
    (@acc $p:ident ;) => {};
    (@acc $p:ident ; . $k:ident $($rest:tt)*) => { $p = $p.key(stringify!($k)); doc_path!(@acc $p ; $($rest)*) };
    (@acc $p:ident ; [$i:expr] $($rest:tt)*) => { $p = $p.index($i); doc_path!(@acc $p ; $($rest)*) };
    ($k:ident $($rest:tt)*) => {{
        #[allow(unused_mut)]
        let mut p = $crate::report::Path::new().key(stringify!($k));
        doc_path!(@acc p ; $($rest)*);
        p
    }};
}
pub(crate) use doc_path;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_order() {
        let a = doc_path!(compounds[0].units[2].area);
        let b = doc_path!(compounds[0].units[10].area);
        assert_eq!(a.to_string(), "compounds[0].units[2].area");
        assert!(a < b);
        assert_eq!(Path::new().key("choices").key("m-1").to_string(), "choices[\"m-1\"]");
    }
}
