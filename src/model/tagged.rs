//! Checks for tagged shapes written flat (`{ "kind": …, fields… }`): each kind names the
//! fields it requires and allows, and a field of another kind is refused by name.

/// Collects which fields a kind used, so the rest can be refused.
pub(crate) struct Fields {
    kind: &'static str,
    used: Vec<&'static str>,
}

impl Fields {
    pub(crate) fn new(kind: &'static str) -> Self {
        Self { kind, used: Vec::new() }
    }

    /// A field the kind requires.
    pub(crate) fn req<T>(&mut self, name: &'static str, v: Option<T>) -> Result<T, String> {
        self.used.push(name);
        v.ok_or_else(|| format!("missing field `{name}` for kind `{}`", self.kind))
    }

    /// A field the kind allows.
    pub(crate) fn opt<T>(&mut self, name: &'static str, v: Option<T>) -> Option<T> {
        self.used.push(name);
        v
    }

    /// Refuses any present field the kind did not use.
    pub(crate) fn reject_others(&self, present: &[(&'static str, bool)]) -> Result<(), String> {
        match present.iter().find(|(n, p)| *p && !self.used.contains(n)) {
            Some((n, _)) => Err(format!("field `{n}` is not allowed for kind `{}`", self.kind)),
            None => Ok(()),
        }
    }
}
