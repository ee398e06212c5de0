//! Schemas of the profile: presets, parameter overrides and rule settings.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, json};

use super::{schema, string_enum};
use crate::model::UniqueMap;
use crate::policy::{PRESETS, ParamValue, Params, ProfileSpec, RuleSetting};
use crate::report::{RuleCode, Severity};

/// Stands in for a preset name, which the model keeps as a `String` and checks when the
/// policy is built; the schema lists the names the crate knows.
struct Preset;

impl JsonSchema for Preset {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Preset")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Preset"))
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(PRESETS.iter().copied())
    }
}

impl JsonSchema for ProfileSpec {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("ProfileSpec")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::ProfileSpec"))
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let preset = g.subschema_for::<Preset>();
        // Each parameter by name, so that an unknown one is refused as the loader refuses it;
        // the value's type is checked by the loader and described here.
        let value = g.subschema_for::<ParamValue>().to_value();
        let mut overrides = Map::new();
        for p in Params::INFO {
            let mut v = value.clone();
            if let Some(o) = v.as_object_mut() {
                o.insert("description".to_owned(), format!("{} Expects {}.", p.doc.trim(), p.form()).into());
            }
            overrides.insert(p.name.to_owned(), v);
        }
        schema(json!({
            "description": "The policy profile: a preset name, or a preset with parameter overrides and rule settings.",
            "oneOf": [
                preset,
                {
                    "type": "object",
                    "properties": {
                        "preset": preset,
                        "overrides": {
                            "description": "Parameter values by name (see RULES.md).",
                            "type": "object",
                            "properties": overrides,
                            "additionalProperties": false,
                        },
                        "rules": g.subschema_for::<UniqueMap<RuleCode, RuleSetting>>(),
                    },
                    "required": ["preset"],
                    "additionalProperties": false,
                },
            ],
        }))
    }
}

impl JsonSchema for ParamValue {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("ParamValue")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::ParamValue"))
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        // Recursive through lists: `ParamValue` is not inlined, so this is a `$ref` to itself.
        let item = g.subschema_for::<Self>();
        schema(json!({
            "description": "A parameter value: null, true/false, an integer, a string (fractions are strings such as \"1/2\") or a list.",
            "type": ["null", "boolean", "integer", "string", "array"],
            "items": item,
        }))
    }
}

impl JsonSchema for RuleSetting {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("RuleSetting")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::RuleSetting"))
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let all = [
            Self::Off,
            Self::On,
            Self::Severity(Severity::Error),
            Self::Severity(Severity::Warning),
            Self::Severity(Severity::Info),
        ];
        string_enum(all.iter().map(|s| s.as_str()))
    }
}

impl JsonSchema for RuleCode {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("RuleCode")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::RuleCode"))
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(RuleCode::ALL.iter().map(|c| c.as_str()))
    }
}
