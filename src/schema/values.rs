//! Schemas of the value types: money, area and the duplicate-refusing map.
//!
//! Money and area live here rather than beside `decimal_newtype!` so that the decimal pattern
//! sits with the other patterns of the format.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::json;

use super::{DECIMAL_PATTERN, schema};
use crate::model::{Area, Money, UniqueMap};

/// A decimal string: JSON numbers are refused, because readers round them.
fn decimal(what: &str) -> Schema {
    schema(json!({
        "description": format!("{what} as a decimal string with at most 2 decimals (\"89.50\"); JSON numbers are refused."),
        "type": "string",
        "pattern": DECIMAL_PATTERN,
    }))
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Money")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Money"))
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        decimal("An amount of money (CNY unless the account says otherwise)")
    }
}

impl JsonSchema for Area {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Area")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Area"))
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        decimal("A registered area in square metres")
    }
}

/// An object whose keys follow `K` and whose values follow `V`. A key written twice is refused
/// by the loader; JSON Schema cannot see it.
impl<K: JsonSchema, V: JsonSchema> JsonSchema for UniqueMap<K, V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Map_of_{}", V::schema_name()))
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!("{}::UniqueMap<{}, {}>", module_path!(), K::schema_id(), V::schema_id()))
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "type": "object",
            "propertyNames": generator.subschema_for::<K>(),
            "additionalProperties": generator.subschema_for::<V>(),
        }))
    }
}
