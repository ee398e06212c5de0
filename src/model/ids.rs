//! Identifier newtypes, one per kind of entity, validated on construction.
//!
//! An id is 1–64 characters from `[A-Za-z0-9._-]`. Ids of different kinds are different types,
//! so a person id can never be passed where a unit id is expected.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The longest id accepted.
///
/// # Example
/// ```
/// use xiaoqu::model::{MAX_ID_LEN, PersonId};
/// assert!(PersonId::new(&"p".repeat(MAX_ID_LEN)).is_ok());
/// assert!(PersonId::new(&"p".repeat(MAX_ID_LEN + 1)).is_err());
/// ```
pub const MAX_ID_LEN: usize = 64;

/// Why a string is not a valid id.
///
/// # Example
/// ```
/// let err = xiaoqu::model::UnitId::new("u 101").err().ok_or("accepted a space")?;
/// assert_eq!(err, xiaoqu::model::IdError("u 101".to_owned()));
/// assert!(err.to_string().starts_with("`u 101` is not a valid id"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a valid id (1-64 characters from A-Z a-z 0-9 . _ -)")]
pub struct IdError(pub String);

/// Checks the id alphabet and length.
///
/// # Errors
/// [`IdError`] when `s` is empty, longer than 64 characters, or has a character outside
/// `[A-Za-z0-9._-]`.
///
/// # Example
/// ```
/// use xiaoqu::model::validate_id;
/// validate_id("u-1-101")?;
/// validate_id("a.B_9-z")?;
/// assert!(validate_id("").is_err());
/// assert!(validate_id("p/01").is_err());
/// assert!(validate_id("王").is_err(), "ASCII only");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate_id(s: &str) -> Result<(), IdError> {
    let ok = !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok { Ok(()) } else { Err(IdError(s.chars().take(80).collect())) }
}

/// Sharing the text of equal ids while a document loads: an id is written many times (a
/// matter in every ballot, a building in every unit…), and each copy would otherwise be an
/// allocation of its own. Active only inside [`scope`]; outside, each id allocates.
pub(crate) mod intern {
    use std::cell::RefCell;
    use std::sync::Arc;

    use foldhash::HashSet;

    thread_local! {
        static TABLE: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
    }

    /// While the returned guard lives, ids deserialized on this thread share their text.
    /// Nested scopes share the outer table; the outermost guard drops it.
    pub(crate) fn scope() -> Guard {
        let outer = TABLE.with(|t| {
            t.try_borrow_mut().is_ok_and(|mut t| {
                if t.is_some() {
                    return false;
                }
                *t = Some(HashSet::default());
                true
            })
        });
        Guard { outer }
    }

    /// The guard of [`scope`].
    pub(crate) struct Guard {
        outer: bool,
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            if self.outer {
                TABLE.with(|t| {
                    if let Ok(mut t) = t.try_borrow_mut() {
                        *t = None;
                    }
                });
            }
        }
    }

    /// The shared text of `s` inside a scope, a new one outside.
    pub(crate) fn text(s: &str) -> Arc<str> {
        TABLE.with(|t| match t.try_borrow_mut() {
            Ok(mut t) => match t.as_mut() {
                Some(table) => {
                    if let Some(shared) = table.get(s) {
                        return Arc::clone(shared);
                    }
                    let shared: Arc<str> = Arc::from(s);
                    table.insert(Arc::clone(&shared));
                    shared
                }
                None => Arc::from(s),
            },
            Err(_) => Arc::from(s),
        })
    }
}

macro_rules! id_types {
    ($($(#[$m:meta])* $name:ident;)*) => {$(
        $(#[$m])*
        // Shared, not boxed: the tally and the reports copy ids (heads, ballot outcomes,
        // findings), and a copy is then a reference count, not an allocation.
        #[derive(Debug, Clone, Eq, PartialOrd, Ord)]
        pub struct $name(Arc<str>);

        /// The text's hash, as for the `str` (so that a table of ids can be searched by `&str`).
        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.0.hash(state);
            }
        }

        /// Equal texts. Ids of the kinds that share their text while a document loads are
        /// equal at once when they share it (the same text, so the same answer).
        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
            }
        }

        impl $name {
            /// Validates and wraps an id.
            ///
            /// # Errors
            /// [`IdError`] when the string is not 1–64 characters of `[A-Za-z0-9._-]`.
            pub fn new(s: &str) -> Result<Self, IdError> {
                validate_id(s).map(|()| Self(s.into()))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("an id string")
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        // Only kinds with few distinct ids and many references are shared: a
                        // table of every person and unit of a large district would cost more in
                        // cache misses than the allocations it saves.
                        const SHARED: bool = matches!(
                            stringify!($name).as_bytes(),
                            b"MatterId" | b"MeetingMatterId" | b"BuildingId" | b"OrgId" | b"CompoundId" | b"AssemblyId"
                                | b"ElectionId" | b"MeetingId"
                        );
                        validate_id(v)
                            .map(|()| $name(if SHARED { intern::text(v) } else { Arc::from(v) }))
                            .map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(concat!(module_path!(), "::", stringify!($name)))
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                crate::schema::id_schema(stringify!($name))
            }
        }
    )*};
}

id_types! {
    /// A natural person.
    PersonId;
    /// An organisation (party organisation, street office, company…).
    OrgId;
    /// A compound (小区).
    CompoundId;
    /// A building (楼栋).
    BuildingId;
    /// An exclusive part (专有部分): a flat, shop or parking space.
    UnitId;
    /// A party branch (党支部).
    BranchId;
    /// A joint account (共管账户).
    AccountId;
    /// A ledger entry of a joint account.
    EntryId;
    /// A maintenance-fund deposit.
    DepositId;
    /// A maintenance-fund use.
    FundUseId;
    /// An owners'-assembly vote (业主大会表决).
    AssemblyId;
    /// A matter of an assembly vote; unique only inside its assembly.
    MatterId;
    /// A committee election.
    ElectionId;
    /// A meeting.
    MeetingId;
    /// A matter of a meeting; unique only inside its meeting.
    MeetingMatterId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_alphabet_and_length() {
        assert!(PersonId::new("p-01").is_ok());
        assert!(PersonId::new("a.B_9-z").is_ok());
        assert!(PersonId::new(&"x".repeat(64)).is_ok());
        assert!(PersonId::new(&"x".repeat(65)).is_err());
        assert!(PersonId::new("").is_err());
        assert!(PersonId::new("p 01").is_err());
        assert!(PersonId::new("王").is_err());
        assert!(PersonId::new("p/01").is_err());
    }
}
