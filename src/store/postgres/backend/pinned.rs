//! Campaigns as parsed once per connection, for their pinned scorecards.
//!
//! Reading a campaign means reading and parsing its scorecard's JSON, which every score
//! written against it needs for validation. A campaign's pinned scorecard
//! (`scorecard_id`, `scorecard_version` and its text) cannot change once the campaign has left
//! setup: the server's campaigns guard (schema 2) refuses such an update, and no campaign
//! moves back to setup. So a campaign read outside setup is kept here and its scorecard reused.
//! Its state is NOT: another login may move the campaign on at any time, so every use takes
//! the state fresh from the server (with the scorecard's key, which is checked against the
//! kept one) in the same round trip as something else the write needs.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::model::{Campaign, CampaignId, CampaignState, ScorecardId};

/// Campaigns outside setup read on one connection, by id.
#[derive(Default)]
pub(super) struct PinnedCampaigns(RefCell<HashMap<CampaignId, Campaign>>);

impl PinnedCampaigns {
    /// The kept campaign `id`, if any: its state is as it was when read (take it fresh).
    pub(super) fn get(&self, id: CampaignId) -> Option<Campaign> {
        self.0.borrow().get(&id).cloned()
    }

    /// Keeps `campaign` if its scorecard can no longer change (it has left setup).
    pub(super) fn keep(&self, campaign: &Campaign) {
        if campaign.state != CampaignState::Setup {
            self.0.borrow_mut().insert(campaign.id, campaign.clone());
        }
    }

    /// The kept campaign `id` if the server says it runs on scorecard `key` (id, version), with
    /// the server's `state`; `None` when none is kept or the key differs (read it again).
    pub(super) fn fresh(
        &self,
        id: CampaignId,
        key: (ScorecardId, i64),
        state: CampaignState,
    ) -> Option<Campaign> {
        let borrowed = self.0.borrow();
        let kept = borrowed.get(&id)?;
        if (kept.scorecard_id, kept.scorecard_version) != key {
            return None;
        }
        let mut campaign = kept.clone();
        campaign.state = state;
        Some(campaign)
    }
}
