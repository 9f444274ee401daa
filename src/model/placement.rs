//! Which panel assesses a candidate in which exercise.
//!
//! A candidate sits every exercise before their own panel (`Candidate::panel_id`) unless HR
//! places one exercise before another panel (a central marking team for the written test, a
//! technical panel for the presentation). That one answer — the panel of (candidate,
//! exercise) — decides who sees and scores the candidate everywhere: the session's rules, the
//! local file's checks and the shared database's policies (`pm_panel_for`) all ask it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{covers, Assessor, Candidate, PanelId, Scorecard};

/// One exercise of a candidate placed before a panel other than their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExercisePanel {
    /// The exercise's key.
    pub exercise: String,
    /// The panel that assesses the candidate in it.
    pub panel_id: PanelId,
}

impl Candidate {
    /// The panel that assesses the candidate in `exercise` (`None`: the exercise of a
    /// scorecard with one).
    pub fn panel_for(&self, exercise: Option<&str>) -> Option<PanelId> {
        exercise
            .and_then(|key| self.exercise_panels.iter().find(|p| p.exercise == key))
            .map(|p| p.panel_id)
            .or(self.panel_id)
    }

    /// Whether `seat` (a member or chair) assesses the candidate in `exercise`: it sits on the
    /// panel the candidate is before for that exercise, and is not limited to another one.
    pub fn assessed_by(&self, seat: &Assessor, exercise: Option<&str>) -> bool {
        seat.role.scores()
            && seat.panel_id.is_some()
            && covers(seat.exercise.as_deref(), exercise)
            && seat.panel_id == self.panel_for(exercise)
    }

    /// Whether `seat` assesses the candidate in at least one of the campaign's `exercises`
    /// (as [`Scorecard::scored_exercises`] lists them).
    pub fn assessed_in_any(&self, seat: &Assessor, exercises: &[Option<String>]) -> bool {
        exercises
            .iter()
            .any(|exercise| self.assessed_by(seat, exercise.as_deref()))
    }

    /// Every panel that assesses the candidate in some exercise, their own first.
    pub fn panels(&self) -> Vec<PanelId> {
        let mut panels: Vec<PanelId> = self.panel_id.into_iter().collect();
        for placed in &self.exercise_panels {
            if !panels.contains(&placed.panel_id) {
                panels.push(placed.panel_id);
            }
        }
        panels
    }
}

impl Scorecard {
    /// The exercises scores are kept under: each exercise's key when there are several,
    /// else one `None` (every entry belongs to the one exercise).
    pub fn scored_exercises(&self) -> Vec<Option<String>> {
        if self.has_several_exercises() {
            self.exercises.iter().map(|e| Some(e.key.clone())).collect()
        } else {
            vec![None]
        }
    }

    /// On a scorecard as assessed: the entries `seat` scores for `candidate` — those of the
    /// exercises the candidate sits before the seat's panel, within the seat's own limit.
    pub fn scored_by<'a>(
        &'a self,
        seat: &'a Assessor,
        candidate: &'a Candidate,
    ) -> impl Iterator<Item = &'a super::ScorecardCriterion> + 'a {
        self.criteria
            .iter()
            .filter(move |c| candidate.assessed_by(seat, c.exercise.as_deref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AssessorId, AssessorRole, CampaignId, CandidateId, PanelId};

    fn seat(panel: PanelId, exercise: Option<&str>) -> Assessor {
        Assessor {
            id: AssessorId(1),
            campaign_id: CampaignId(1),
            name: "A".into(),
            role: AssessorRole::Member,
            panel_id: Some(panel),
            login: "a".into(),
            exercise: exercise.map(str::to_owned),
        }
    }

    fn candidate(panel: PanelId, placed: &[(&str, PanelId)]) -> Candidate {
        Candidate {
            id: CandidateId(7),
            campaign_id: CampaignId(1),
            reference: "C7".into(),
            name: "C".into(),
            email: None,
            panel_id: Some(panel),
            slot: None,
            withdrawal: None,
            exercise_panels: placed
                .iter()
                .map(|(e, p)| ExercisePanel {
                    exercise: (*e).into(),
                    panel_id: *p,
                })
                .collect(),
        }
    }

    #[test]
    fn an_exercise_placed_elsewhere_leaves_the_own_panel_and_goes_to_the_other() {
        let c = candidate(PanelId(1), &[("e2", PanelId(9))]);
        assert_eq!(c.panel_for(Some("e1")), Some(PanelId(1)));
        assert_eq!(c.panel_for(Some("e2")), Some(PanelId(9)));
        assert_eq!(c.panel_for(None), Some(PanelId(1)));
        // A seat for every exercise on the candidate's panel keeps e1 only.
        assert!(c.assessed_by(&seat(PanelId(1), None), Some("e1")));
        assert!(!c.assessed_by(&seat(PanelId(1), None), Some("e2")));
        // The other panel's seats assess e2, and nothing else of the candidate.
        assert!(c.assessed_by(&seat(PanelId(9), None), Some("e2")));
        assert!(!c.assessed_by(&seat(PanelId(9), None), Some("e1")));
        // A seat limited to e1 on the other panel assesses nothing of this candidate.
        let both = [Some("e1".to_owned()), Some("e2".to_owned())];
        assert!(!c.assessed_in_any(&seat(PanelId(9), Some("e1")), &both));
        assert!(c.assessed_in_any(&seat(PanelId(9), Some("e2")), &both));
        assert_eq!(c.panels(), vec![PanelId(1), PanelId(9)]);
    }

    #[test]
    fn a_candidate_with_every_exercise_placed_away_is_not_seen_by_their_own_panel() {
        let c = candidate(PanelId(1), &[("e1", PanelId(5)), ("e2", PanelId(9))]);
        let both = [Some("e1".to_owned()), Some("e2".to_owned())];
        assert!(!c.assessed_in_any(&seat(PanelId(1), None), &both));
        assert!(c.assessed_in_any(&seat(PanelId(5), None), &both));
    }

    #[test]
    fn moderators_and_seatless_records_assess_nothing() {
        let c = candidate(PanelId(1), &[]);
        let mut moderator = seat(PanelId(1), None);
        moderator.role = AssessorRole::Moderator;
        assert!(!c.assessed_by(&moderator, None));
        let mut nowhere = seat(PanelId(1), None);
        nowhere.panel_id = None;
        assert!(!c.assessed_by(&nowhere, None));
    }
}
