//! Tests (scaffold): the maintenance_fund rules.
