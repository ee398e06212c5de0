//! Schemas of the shapes written flat with a `kind` tag: records, ledger entries, vote scopes.
//!
//! Each is a `oneOf` with one branch per kind: the branch fixes `kind` with `const`, requires the
//! fields the kind requires, allows the fields it allows, and refuses every other key, as the
//! shapes' `TryFrom` conversions do. The kinds are matched exhaustively, so a new kind does not
//! compile until its branch is written.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

use super::{Date, schema};
use crate::model::{
    Approval, BuildingId, CompoundId, Entry, EntryId, EntryTag, MatterRef, Money, Purpose, Record, RecordKind,
    RevenueSource, Scope, ScopeKind, UnitId,
};

/// One branch of a tagged shape.
struct Kind {
    tag: &'static str,
    description: &'static str,
    required: Vec<(&'static str, Schema)>,
    optional: Vec<(&'static str, Schema)>,
}

impl Kind {
    fn new(tag: &'static str, description: &'static str) -> Self {
        Self { tag, description, required: Vec::new(), optional: Vec::new() }
    }

    fn req<T: JsonSchema + ?Sized>(mut self, g: &mut SchemaGenerator, name: &'static str) -> Self {
        self.required.push((name, g.subschema_for::<T>()));
        self
    }

    /// An optional field: absent or `null` both mean "not given", as for `Option` fields.
    fn opt<T: JsonSchema>(mut self, g: &mut SchemaGenerator, name: &'static str) -> Self {
        self.optional.push((name, g.subschema_for::<Option<T>>()));
        self
    }

    fn into_schema(self) -> Value {
        let mut properties = Map::new();
        properties.insert("kind".to_owned(), json!({ "type": "string", "const": self.tag }));
        let mut required = vec!["kind"];
        for (name, s) in self.required {
            properties.insert(name.to_owned(), s.to_value());
            required.push(name);
        }
        for (name, s) in self.optional {
            properties.insert(name.to_owned(), s.to_value());
        }
        json!({
            "description": self.description,
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        })
    }
}

fn one_of(description: &str, kinds: Vec<Kind>) -> Schema {
    let branches: Vec<Value> = kinds.into_iter().map(Kind::into_schema).collect();
    schema(json!({ "description": description, "oneOf": branches }))
}

impl JsonSchema for Record {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Record")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Record"))
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let kinds = RecordKind::ALL
            .iter()
            .map(|&kind| {
                let k = Kind::new(kind.as_str(), record_doc(kind));
                match kind {
                    RecordKind::CriminalConviction => {
                        k.req::<Date>(g, "date").opt::<Date>(g, "sentence_completed_on").req::<bool>(g, "intentional")
                    }
                    RecordKind::UnderCriminalInvestigation | RecordKind::DishonestDebtor => {
                        k.req::<Date>(g, "from").opt::<Date>(g, "to")
                    }
                    RecordKind::IllegalConstruction => {
                        k.req::<UnitId>(g, "unit").req::<Date>(g, "ordered_on").opt::<Date>(g, "rectified_on")
                    }
                    RecordKind::StructuralDamage => {
                        k.req::<UnitId>(g, "unit").req::<Date>(g, "found_on").opt::<Date>(g, "rectified_on")
                    }
                    RecordKind::OccupiesCommonPart => {
                        k.req::<CompoundId>(g, "compound").req::<Date>(g, "found_on").opt::<Date>(g, "rectified_on")
                    }
                    RecordKind::FeeArrears => k
                        .req::<UnitId>(g, "unit")
                        .req::<Date>(g, "since")
                        .req::<u32>(g, "months")
                        .req::<Money>(g, "amount")
                        .req::<bool>(g, "court_confirmed")
                        .opt::<Date>(g, "settled_on"),
                    RecordKind::AdminPenalty => k.req::<Date>(g, "date").req::<bool>(g, "property_related"),
                    RecordKind::RemovedFromCommittee => k.req::<CompoundId>(g, "compound").req::<Date>(g, "date"),
                    RecordKind::EconomicTies => k
                        .req::<CompoundId>(g, "compound")
                        .req::<String>(g, "description")
                        .req::<Date>(g, "from")
                        .opt::<Date>(g, "to"),
                    RecordKind::MoralMisconduct => k.req::<Date>(g, "date").req::<String>(g, "description"),
                }
            })
            .collect();
        one_of("An evidence record about a person, written { \"kind\": …, … }.", kinds)
    }
}

fn record_doc(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::CriminalConviction => "A criminal conviction.",
        RecordKind::UnderCriminalInvestigation => "An open criminal investigation.",
        RecordKind::DishonestDebtor => "Listed as a dishonest judgment debtor (失信被执行人).",
        RecordKind::IllegalConstruction => "Illegal construction (违法建设) at a unit.",
        RecordKind::StructuralDamage => "Damage to load-bearing structure or facade, or change of use.",
        RecordKind::OccupiesCommonPart => "Occupation of a common part.",
        RecordKind::FeeArrears => "Property-fee arrears.",
        RecordKind::AdminPenalty => "An administrative penalty.",
        RecordKind::RemovedFromCommittee => "Removed from an owners' committee (罢免).",
        RecordKind::EconomicTies => "Economic ties with the compound (leases common shops, trades with it).",
        RecordKind::MoralMisconduct => "Moral misconduct.",
    }
}

impl JsonSchema for Entry {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Entry")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Entry"))
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let kinds = EntryTag::ALL
            .iter()
            .map(|&tag| {
                // Every kind has the common fields; the kind adds its own.
                let k = Kind::new(tag.as_str(), entry_doc(tag))
                    .req::<EntryId>(g, "id")
                    .req::<Date>(g, "date")
                    .req::<Money>(g, "amount")
                    .opt::<String>(g, "memo");
                match tag {
                    EntryTag::Revenue => k.req::<RevenueSource>(g, "source"),
                    EntryTag::CostDeduction => k,
                    EntryTag::Disbursement => k
                        .req::<Purpose>(g, "purpose")
                        .req::<String>(g, "payee")
                        .opt::<Vec<Approval>>(g, "approvals")
                        .opt::<MatterRef>(g, "resolution"),
                }
            })
            .collect();
        one_of("A ledger entry of the joint account; amounts are positive and the kind gives the sign.", kinds)
    }
}

fn entry_doc(tag: EntryTag) -> &'static str {
    match tag {
        EntryTag::Revenue => "Revenue from a common part.",
        EntryTag::CostDeduction => "A reasonable cost retained by the operator (民法典 Art 282).",
        EntryTag::Disbursement => "Money paid out of the account.",
    }
}

impl JsonSchema for Scope {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Scope")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Scope"))
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let kinds = ScopeKind::ALL
            .iter()
            .map(|&kind| match kind {
                ScopeKind::Compound => Kind::new(kind.as_str(), "Every unit of the compound."),
                ScopeKind::Building => {
                    Kind::new(kind.as_str(), "The units of one building.").req::<BuildingId>(g, "building")
                }
            })
            .collect();
        one_of("Who votes: the whole compound or one building.", kinds)
    }
}
