//! JSON Schema (draft 2020-12) of the config format (feature `schema`).
//!
//! The schema describes what the loader accepts, so that editors can complete and check a
//! document before `xiaoqu` reads it. Plain shapes derive it; the shapes whose written form
//! differs from their Rust form have it written by hand, here or beside the macro that
//! generates them:
//! - ids (`id_types!`): strings of 1–64 characters of `[A-Za-z0-9._-]`;
//! - enumerations (`str_enum!`): the `snake_case` names;
//! - money and areas: decimal strings with at most two decimals, never JSON numbers;
//! - dates: `YYYY-MM-DD` strings (in TOML, a native date stands for the string);
//! - records, ledger entries and vote scopes, written flat with a `kind` tag: a `oneOf` with one
//!   branch per kind, listing the fields that kind requires and allows;
//! - the profile: a preset name, or a preset with known parameters and rule codes.
//!
//! Every object refuses unknown keys (`additionalProperties: false`), as the loader does; maps
//! keyed by ids or codes (`choices`, `rules`) constrain both their keys and their values.
//!
//! A schema cannot say everything the loader checks: it does not see duplicate keys, impossible
//! calendar dates (`2024-02-30` matches the pattern), decimals beyond the 96-bit range, integers
//! written `20.0`, or parameter values of the wrong type for their parameter, so a document it
//! accepts can still fail to load. Whether ids resolve is an audit finding (`CFG001`), not a
//! matter of shape. In one place it is stricter than the loader: a field that a tagged shape's
//! kind does not have is refused even when it is `null`, which the loader reads as absent.
//!
//! # Example
//! ```
//! let schema = xiaoqu::schema::config_schema();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(schema["additionalProperties"], false);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod profile;
mod tagged;
mod values;

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};

use crate::config::SCHEMA_VERSION;
use crate::{GovernanceConfig, ProfileSpec};

/// The pattern of an id (`model::validate_id`).
pub(crate) const ID_PATTERN: &str = "^[A-Za-z0-9._-]{1,64}$";

/// The pattern of a money amount or an area (`model::parse_strict_decimal`).
pub(crate) const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]{1,2})?$";

/// The pattern of a date (`model::parse_strict_date`).
pub(crate) const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The JSON Schema (draft 2020-12) of a governance document ([`GovernanceConfig`]).
///
/// # Example
/// ```
/// let schema = xiaoqu::schema::config_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["additionalProperties"], false);
/// assert_eq!(schema["$defs"]["Money"]["type"], "string");
/// ```
pub fn config_schema() -> Value {
    root_schema::<GovernanceConfig>()
}

/// The JSON Schema (draft 2020-12) of a profile file: a preset name, or
/// `{ "preset": …, "overrides": { … }, "rules": { … } }` ([`ProfileSpec`]).
///
/// It is also the schema of a document's `profile` key.
///
/// # Example
/// ```
/// let schema = xiaoqu::schema::profile_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema["oneOf"].is_array());
/// ```
pub fn profile_schema() -> Value {
    root_schema::<ProfileSpec>()
}

fn root_schema<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>().to_value()
}

/// A schema from a `json!({ … })` literal.
///
/// Every caller passes an object literal; anything else (which is not a schema) becomes the
/// schema that refuses everything rather than a panic.
pub(crate) fn schema(value: Value) -> Schema {
    match value {
        Value::Object(map) => Schema::from(map),
        Value::Bool(b) => Schema::from(b),
        _ => Schema::from(false),
    }
}

/// A string that is one of `names` (the schema of a `str_enum!`).
pub(crate) fn string_enum<'a>(names: impl IntoIterator<Item = &'a str>) -> Schema {
    schema(json!({ "type": "string", "enum": names.into_iter().collect::<Vec<_>>() }))
}

/// The schema of the id type `name` (`id_types!`).
pub(crate) fn id_schema(name: &str) -> Schema {
    schema(json!({
        "description": format!("{name}: 1-64 characters from A-Z a-z 0-9 . _ -"),
        "type": "string",
        "pattern": ID_PATTERN,
    }))
}

/// `schema_version`: the loader reads version 1 only.
pub(crate) fn schema_version(_: &mut SchemaGenerator) -> Schema {
    schema(json!({ "type": "integer", "const": SCHEMA_VERSION }))
}

/// Stands in, for the schema, for a `NaiveDate` read with `model::date`: a `YYYY-MM-DD` string.
///
/// Fields name it with `#[schemars(with = "crate::schema::Date")]`, or
/// `Option<crate::schema::Date>` for optional dates, which may also be `null`.
pub(crate) struct Date;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Date")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Date"))
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "description": "A date written YYYY-MM-DD.",
            "type": "string",
            "pattern": DATE_PATTERN,
            "format": "date",
        }))
    }
}
