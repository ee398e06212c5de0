//! Tests (scaffold): the joint_account rules.
