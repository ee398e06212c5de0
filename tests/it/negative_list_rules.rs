//! Tests (scaffold): the negative_list rules.
