//! An insertion-ordered map that refuses duplicate keys when deserialized.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

/// A small map kept as a list of pairs in document order.
///
/// Documents write it as an object; a key written twice is a load error rather than
/// "last one wins", because a ballot that names a matter twice is ambiguous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UniqueMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for UniqueMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: PartialEq, V> UniqueMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Inserts a pair; returns the pair back when the key is already present.
    ///
    /// # Errors
    /// `(key, value)` unchanged when the key exists.
    pub fn insert(&mut self, key: K, value: V) -> Result<(), (K, V)> {
        if self.0.iter().any(|(k, _)| *k == key) {
            return Err((key, value));
        }
        self.0.push((key, value));
        Ok(())
    }

    /// The value for `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.0.iter().find(|(k, _)| k.borrow() == key).map(|(_, v)| v)
    }

    /// The pairs in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: PartialEq, V> FromIterator<(K, V)> for UniqueMap<K, V> {
    /// Collects pairs; a repeated key keeps its first value.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = Self::new();
        for (k, v) in iter {
            let _ = m.insert(k, v);
        }
        m
    }
}

impl<K: Serialize, V: Serialize> Serialize for UniqueMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de, K, V> Deserialize<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + PartialEq + fmt::Display,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<K, V>(PhantomData<(K, V)>);
        impl<'de, K, V> Visitor<'de> for Vis<K, V>
        where
            K: Deserialize<'de> + PartialEq + fmt::Display,
            V: Deserialize<'de>,
        {
            type Value = UniqueMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = UniqueMap::new();
                while let Some(k) = map.next_key::<K>()? {
                    if out.0.iter().any(|(x, _)| *x == k) {
                        return Err(de::Error::custom(format_args!("duplicate key `{k}`")));
                    }
                    let v = map.next_value()?;
                    out.0.push((k, v));
                }
                Ok(out)
            }
        }
        d.deserialize_map(Vis(PhantomData))
    }
}
