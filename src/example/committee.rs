//! The owners' committee (or the self-management council), the election that chose it with
//! its preparatory group and candidates, the assembly vote that held it, and the rules of
//! procedure adopted at that vote.
//!
//! About 88% of compounds have a committee (江汉区: formation rate 88%); the others have none
//! and therefore no election, joint account or committee meetings. Committees have 5–11 seats
//! (odd, by size), exactly half-plus-one party members (江汉区: 51% of members), the branch
//! secretary on the committee and chairing it in about two thirds of compounds (一肩挑).

use chrono::NaiveDate;

use super::calendar;
use super::compound::{Env, Site};
use super::people::{Gen, id};
use super::rng::Rng;
use super::votes::{self, Put, Window};
use crate::model::{
    Candidate, CommitteeKind, CommitteeMember, CommitteeRole, CompoundCategory, Election, ElectionId, ElectionKind,
    MatterKind, MatterRef, Money, Nominator, OwnersCommittee, PersonId, PrepMember, PreparatoryGroup, Represents,
    RulesOfProcedure, Scope,
};

/// What is decided about a compound before its people are drawn.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools, reason = "independent yes/no choices about one compound")]
pub(super) struct Plan {
    /// Whether a committee exists.
    pub(super) committee: bool,
    pub(super) seats: usize,
    pub(super) alternates: usize,
    /// The secretary chairs the committee.
    pub(super) one_shoulder: bool,
    /// The last day of the vote that elected the committee.
    pub(super) elected_on: NaiveDate,
    pub(super) reelection: bool,
    /// Non-owner members of the preparatory group besides its leader's office: residents'
    /// committee, optionally community party committee and developer.
    pub(super) community_rep: bool,
    pub(super) developer_rep: bool,
    /// Whether the compound keeps a joint account, and earns business-use revenue into it.
    pub(super) account: bool,
    pub(super) business_use: bool,
    /// The committee's spending limit, in yuan.
    pub(super) spending_limit: i64,
}

impl Plan {
    /// Draws the plan of a compound whose units exist.
    pub(super) fn draw(rng: &mut Rng, site: &Site, as_of: NaiveDate) -> Self {
        let units = site.c.units.len();
        let committee = rng.chance(88);
        let seats = match units {
            0..=99 => 5,
            100..=299 => *rng.pick(&[5, 7]).unwrap_or(&5),
            300..=999 => *rng.pick(&[7, 9]).unwrap_or(&7),
            _ => *rng.pick(&[9, 11]).unwrap_or(&9),
        };
        let alternates = if rng.chance(25) { rng.range_usize(1, 2) } else { 0 };
        let elected_on = calendar::days(as_of, -i64::try_from(rng.range(150, 1400)).unwrap_or(400));
        let managed = site.c.category != CompoundCategory::SelfManaged;
        let account = committee && managed && rng.chance(85);
        Self {
            committee,
            seats,
            alternates,
            one_shoulder: rng.chance(65),
            elected_on,
            reelection: rng.chance(35),
            community_rep: rng.chance(50),
            developer_rep: site.developer.is_some(),
            account,
            business_use: account && rng.chance(70),
            spending_limit: *rng.pick(&[5000, 8000, 10000, 20000]).unwrap_or(&5000),
        }
    }

    /// Party-member seats: exactly half plus one of an odd committee.
    pub(super) fn party_seats(&self) -> usize {
        self.seats.div_ceil(2)
    }

    /// Party members the compound needs: secretary and other party seats, alternates, a party
    /// candidate who is not elected, two more branch committee members and one to spare.
    pub(super) fn min_party(&self) -> usize {
        if self.committee { self.party_seats() + self.alternates + 4 } else { 4 }
    }

    /// Owner representatives: one more than the other members of the preparatory group.
    pub(super) fn owner_reps(&self) -> usize {
        self.non_owner_reps() + 1
    }

    fn non_owner_reps(&self) -> usize {
        2 + usize::from(self.community_rep) + usize::from(self.developer_rep)
    }
}

/// Committee, election, election vote and rules of procedure.
#[allow(clippy::too_many_lines, reason = "one pass over the stages of a committee, in order")]
pub(super) fn govern(rng: &mut Rng, site: &mut Site, env: &Env<'_>, plan: &Plan) -> Gen<()> {
    if !plan.committee {
        return Ok(());
    }
    let tag = site.tag.clone();
    let e = plan.elected_on;
    let year = chrono::Datelike::year(&e);
    let w = Window::closing(rng, e);
    let eid: ElectionId = id(&format!("el-{tag}-{year}"))?;
    let aid = format!("asm-{tag}-{year}-01");
    let mut puts = vec![
        Put {
            election: Some(eid.clone()),
            ..Put::pass(
                MatterKind::ElectCommittee,
                if plan.reelection { "业主委员会换届选举" } else { "选举第一届业主委员会" },
            )
        },
        Put::pass(MatterKind::AmendRulesOfProcedure, "制定业主大会议事规则"),
    ];
    if plan.business_use {
        puts.push(Put::pass(MatterKind::BusinessUseOfCommonParts, "利用共有部分设置停车位、广告位和通信基站"));
    }
    if rng.chance(40) {
        puts.push(Put::pass(MatterKind::AmendCovenant, "修订管理规约"));
    }
    let units: Vec<&crate::model::Unit> = site.c.units.iter().collect();
    let held = votes::hold(rng, &aid, Scope::Compound, &units, w, &puts)?;
    let aref = held.assembly.id.clone();
    site.c.assemblies.push(held.assembly);

    let r = &site.r;
    let seated = r.seated();
    let mut members: Vec<CommitteeMember> = seated
        .iter()
        .map(|p| {
            let role = if Some(p) == r.chair.as_ref() {
                CommitteeRole::Chair
            } else if Some(p) == r.vice() {
                CommitteeRole::ViceChair
            } else {
                CommitteeRole::Member
            };
            CommitteeMember { person: p.clone(), role }
        })
        .collect();
    members.extend(r.alternates.iter().map(|p| CommitteeMember { person: p.clone(), role: CommitteeRole::Alternate }));

    // Candidates: the elected, the alternates and two who were not elected.
    let party: Vec<&PersonId> =
        r.secretary.iter().chain(&r.committee_party).chain(&r.alternates).chain(&r.extra_party).collect();
    let mut candidates: Vec<Candidate> = party
        .iter()
        .map(|p| Candidate {
            person: (*p).clone(),
            nominated_by: if rng.chance(75) { Nominator::CommunityPartyOrg } else { Nominator::JointOwners },
            commitment_signed: true,
        })
        .collect();
    for p in r.committee_nonparty.iter().chain(&r.extra_nonparty) {
        let nominated_by = match rng.below(3) {
            0 => Nominator::ResidentsCommittee,
            1 => Nominator::SelfNominated,
            _ => Nominator::JointOwners,
        };
        candidates.push(Candidate { person: p.clone(), nominated_by, commitment_signed: true });
    }
    rng.shuffle(&mut candidates);

    // The preparatory group: the street office leads; owners are one more than the others.
    let leader = rng.pick(&env.district.office_staff).cloned();
    let mut prep = Vec::new();
    if let Some(l) = &leader {
        prep.push(PrepMember { person: l.clone(), represents: Represents::StreetOffice });
    }
    if let Some(p) = rng.pick(&env.community.rc_members) {
        prep.push(PrepMember { person: p.clone(), represents: Represents::ResidentsCommittee });
    }
    if plan.community_rep
        && let Some(p) = env.community.members.get(1)
    {
        prep.push(PrepMember { person: p.clone(), represents: Represents::CommunityPartyOrg });
    }
    if plan.developer_rep
        && let Some((_, staff)) = &site.developer
    {
        prep.push(PrepMember { person: staff.clone(), represents: Represents::Developer });
    }
    prep.extend(r.prep_reps.iter().map(|p| PrepMember { person: p.clone(), represents: Represents::Owners }));
    let formed_on = calendar::days(w.opened, -i64::try_from(rng.range(40, 90)).unwrap_or(60));

    let seats = u32::try_from(plan.seats).unwrap_or(5);
    site.c.elections.push(Election {
        id: eid,
        kind: if plan.reelection { ElectionKind::ReElection } else { ElectionKind::First },
        seats,
        assembly: aref.clone(),
        candidate_list_published_on: Some(calendar::days(w.opened, -i64::try_from(rng.range(16, 25)).unwrap_or(20))),
        preparatory_group: leader.map(|leader| PreparatoryGroup { formed_on, leader, members: prep }),
        candidates,
    });

    let kind = match site.c.category {
        CompoundCategory::SelfManaged => CommitteeKind::SelfManagementCouncil,
        _ => CommitteeKind::OwnersCommittee,
    };
    // A five-year term, or three years in some compounds, ending well after `as_of` plus the
    // re-election lead.
    let as_of = env.as_of;
    let three = crate::dates::term_last_day(e, 3).unwrap_or(e);
    let term_end = if calendar::between(as_of, three) > 150 && rng.chance(30) {
        three
    } else {
        crate::dates::term_last_day(e, 5).unwrap_or(e)
    };
    site.c.owners_committee = Some(OwnersCommittee {
        kind,
        elected_on: e,
        term_end,
        first_meeting_on: Some(calendar::days(e, i64::try_from(rng.range(1, 7)).unwrap_or(3))),
        filed_on: Some(calendar::days(e, i64::try_from(rng.range(5, 28)).unwrap_or(10))),
        members,
        executive_secretary: None,
    });
    site.c.rules_of_procedure = Some(RulesOfProcedure {
        committee_spending_limit: Money::from_hundredths(i128::from(plan.spending_limit) * 100),
        adopted_by: Some(MatterRef { assembly: aref, matter: id("m-2")? }),
    });
    Ok(())
}
