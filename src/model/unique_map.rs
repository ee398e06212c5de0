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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let choices: &xiaoqu::model::UniqueMap<_, _> = &cfg.compounds[0].assemblies[0].ballots[0].choices;
/// assert_eq!(choices.len(), 3);
/// let twice = xiaoqu::example::GUOKEYUAN_JSON.replacen(r#""m-3": "for" }"#, r#""m-3": "for", "m-1": "against" }"#, 1);
/// assert!(xiaoqu::GovernanceConfig::from_json_str(&twice).is_err(), "m-1 named twice");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UniqueMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for UniqueMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: PartialEq, V> UniqueMap<K, V> {
    /// An empty map.
    ///
    /// # Example
    /// ```
    /// let map: xiaoqu::model::UniqueMap<String, u32> = xiaoqu::model::UniqueMap::new();
    /// assert!(map.is_empty());
    /// assert_eq!(map, xiaoqu::model::UniqueMap::default());
    /// ```
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Inserts a pair; returns the pair back when the key is already present.
    ///
    /// # Errors
    /// `(key, value)` unchanged when the key exists.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::{Choice, MatterId, UniqueMap};
    /// let mut choices = UniqueMap::new();
    /// choices.insert(MatterId::new("m-1")?, Choice::For).map_err(|_| "fresh key")?;
    /// let refused = choices.insert(MatterId::new("m-1")?, Choice::Against);
    /// assert_eq!(refused, Err((MatterId::new("m-1")?, Choice::Against)));
    /// assert_eq!(choices.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn insert(&mut self, key: K, value: V) -> Result<(), (K, V)> {
        if self.0.iter().any(|(k, _)| *k == key) {
            return Err((key, value));
        }
        self.0.push((key, value));
        Ok(())
    }

    /// The value for `key`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::Choice;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let choices = &cfg.compounds[0].assemblies[0].ballots[10].choices;
    /// assert_eq!(choices.get("m-3"), Some(&Choice::Against), "looked up by &str");
    /// assert_eq!(choices.get("m-9"), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.0.iter().find(|(k, _)| k.borrow() == key).map(|(_, v)| v)
    }

    /// The pairs in document order.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let choices = &cfg.compounds[0].assemblies[0].ballots[9].choices;
    /// let written: Vec<String> = choices.iter().map(|(m, c)| format!("{m}={c}")).collect();
    /// assert_eq!(written, ["m-1=against", "m-2=for", "m-3=against"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Number of pairs.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// assert_eq!(cfg.compounds[0].assemblies[1].ballots[0].choices.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no pairs.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// assert!(cfg.compounds[0].assemblies.iter().flat_map(|a| &a.ballots).all(|b| !b.choices.is_empty()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
