//! Stable rule codes. Codes are a public contract: never reused, never renumbered.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! rule_codes {
    ($($v:ident = ($code:literal, $name:literal),)*) => {
        /// A rule code (`CFG001`…): every code of the rule catalogue (`RULES.md`), including
        /// rules not implemented yet, so profiles can name them ahead of time.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum RuleCode {
            $(#[doc = concat!("`", $code, "` ", $name)] $v,)*
        }

        impl RuleCode {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Self] = &[$(Self::$v),*];

            /// The code as written (`"CFG001"`).
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$v => $code,)* }
            }

            /// The stable slug (`"reference_resolves"`).
            pub const fn name(self) -> &'static str {
                match self { $(Self::$v => $name,)* }
            }
        }

        impl FromStr for RuleCode {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                match s {
                    $($code => Ok(Self::$v),)*
                    _ => Err(UnknownCode(s.chars().take(40).collect())),
                }
            }
        }
    };
}

/// A string that is not a rule code.
///
/// # Example
/// ```
/// let err = "CFG999".parse::<xiaoqu::RuleCode>().err().ok_or("parsed")?;
/// assert_eq!(err, xiaoqu::report::UnknownCode("CFG999".to_owned()));
/// assert_eq!(err.to_string(), "unknown rule code `CFG999`");
/// assert_eq!("CFG005".parse::<xiaoqu::RuleCode>()?, xiaoqu::RuleCode::Cfg005);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule code `{0}`")]
pub struct UnknownCode(pub String);

impl RuleCode {
    /// The family prefix (`"CFG"`, `"JA"`…).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::RuleCode;
    /// assert_eq!("JA003".parse::<RuleCode>()?.family(), "JA");
    /// assert_eq!(RuleCode::Cfg005.family(), "CFG");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn family(self) -> &'static str {
        let s = self.as_str();
        s.get(..s.len().saturating_sub(3)).unwrap_or(s)
    }
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

rule_codes! {
Cfg001 = ("CFG001", "reference_resolves"),
Cfg002 = ("CFG002", "id_unique"),
Cfg003 = ("CFG003", "date_order"),
Cfg004 = ("CFG004", "not_in_future"),
Cfg005 = ("CFG005", "area_positive"),
Cfg006 = ("CFG006", "unit_has_holder"),
Org001 = ("ORG001", "compound_has_party_organization"),
Org002 = ("ORG002", "branch_officers_are_members"),
Org003 = ("ORG003", "branch_members_are_party_members"),
Org004 = ("ORG004", "branch_has_three_full_members"),
Org005 = ("ORG005", "chain_is_complete"),
Org006 = ("ORG006", "building_group_within_branch"),
Org007 = ("ORG007", "building_covered"),
Org008 = ("ORG008", "liaison_household_span"),
Org009 = ("ORG009", "liaison_member_resides"),
De001 = ("DE001", "committee_party_share"),
De002 = ("DE002", "committee_party_members_join_branch"),
De003 = ("DE003", "secretary_chair_one_shoulder"),
De004 = ("DE004", "cross_appointment_exists"),
De005 = ("DE005", "property_manager_part_time_member"),
De006 = ("DE006", "quality_supervisor_from_two_committees"),
De007 = ("DE007", "committee_member_no_property_company_tie"),
Cm001 = ("CM001", "committee_size"),
Cm002 = ("CM002", "committee_members_are_owners"),
Cm003 = ("CM003", "committee_officers"),
Cm004 = ("CM004", "term_length"),
Cm005 = ("CM005", "term_not_expired"),
Cm006 = ("CM006", "reelection_started"),
Cm007 = ("CM007", "first_meeting_timely"),
Cm008 = ("CM008", "filing_timely"),
Cm009 = ("CM009", "committee_not_collapsed"),
Cm010 = ("CM010", "committee_members_elected"),
Nl001 = ("NL001", "candidate_is_owner"),
Nl002 = ("NL002", "candidate_full_capacity"),
Nl003 = ("NL003", "candidate_no_property_company_tie"),
Nl004 = ("NL004", "candidate_no_unrectified_illegal_construction"),
Nl005 = ("NL005", "candidate_no_unrectified_structural_damage"),
Nl006 = ("NL006", "candidate_no_occupied_common_parts"),
Nl007 = ("NL007", "candidate_no_fee_arrears"),
Nl008 = ("NL008", "candidate_no_recent_crime"),
Nl009 = ("NL009", "candidate_not_dishonest_debtor"),
Nl010 = ("NL010", "candidate_no_recent_property_penalty"),
Nl011 = ("NL011", "candidate_residency"),
Nl012 = ("NL012", "candidate_age_limit"),
Nl013 = ("NL013", "candidate_no_economic_ties"),
Nl014 = ("NL014", "candidate_not_previously_removed"),
Nl015 = ("NL015", "candidate_signed_commitment"),
Nl016 = ("NL016", "candidate_party_share"),
Nl017 = ("NL017", "candidates_fill_seats"),
El001 = ("EL001", "prep_group_odd"),
El002 = ("EL002", "prep_group_owner_share"),
El003 = ("EL003", "prep_group_leader"),
El004 = ("EL004", "prep_owner_reps_eligible"),
El005 = ("EL005", "candidate_list_published"),
El006 = ("EL006", "secretary_recommended"),
Av001 = ("AV001", "participation_quorum"),
Av002 = ("AV002", "declared_result_matches_tally"),
Av003 = ("AV003", "ballot_unit_in_scope"),
Av004 = ("AV004", "ballot_voter_entitled"),
Av005 = ("AV005", "one_ballot_per_unit"),
Av006 = ("AV006", "one_owner_one_head"),
Av007 = ("AV007", "ballot_within_window"),
Av008 = ("AV008", "notice_period"),
Av009 = ("AV009", "choices_name_matters"),
Av010 = ("AV010", "voting_window_length"),
Ja001 = ("JA001", "account_holder"),
Ja002 = ("JA002", "three_custodians"),
Ja003 = ("JA003", "disbursement_fully_approved"),
Ja004 = ("JA004", "approver_is_signatory"),
Ja005 = ("JA005", "separation_of_duties"),
Ja006 = ("JA006", "approved_before_paid"),
Ja007 = ("JA007", "spending_authority"),
Ja008 = ("JA008", "balance_never_negative"),
Ja009 = ("JA009", "revenue_use_authorized"),
Ja010 = ("JA010", "prohibited_use"),
Ja011 = ("JA011", "disclosure_on_time"),
Ja012 = ("JA012", "disclosure_reconciles"),
Ja013 = ("JA013", "annual_audit"),
Ja014 = ("JA014", "reelection_audit"),
Ja015 = ("JA015", "fund_share_of_revenue"),
Ja016 = ("JA016", "cost_deduction_reasonable"),
Ja017 = ("JA017", "amounts_well_formed"),
Ja018 = ("JA018", "fund_top_up_recorded"),
Mf001 = ("MF001", "fund_use_authorized"),
Mf002 = ("MF002", "emergency_category"),
Mf003 = ("MF003", "fund_balance_reconciles"),
Mf004 = ("MF004", "fund_top_up_due"),
Mt001 = ("MT001", "branch_deliberates_first"),
Mt002 = ("MT002", "mutual_attendance"),
Mt003 = ("MT003", "joint_meeting_cadence"),
Mt004 = ("MT004", "joint_meeting_parties"),
Mt005 = ("MT005", "committee_quorum"),
Mt006 = ("MT006", "committee_decision_majority"),
Mt007 = ("MT007", "minutes_published"),
Mt008 = ("MT008", "committee_meeting_frequency"),}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in RuleCode::ALL {
            assert_eq!(c.as_str().parse::<RuleCode>(), Ok(*c));
            assert!(seen.insert(c.as_str()));
            assert!(c.family().len() >= 2 && c.family().len() <= 3, "{c}");
        }
        assert_eq!(RuleCode::Ja003.as_str(), "JA003");
        assert_eq!(RuleCode::Ja003.family(), "JA");
        assert!("XX999".parse::<RuleCode>().is_err());
    }
}
