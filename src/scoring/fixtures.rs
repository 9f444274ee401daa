//! Small campaigns for the scoring rules' unit tests: a scorecard of two criteria, with one
//! exercise or with a technical test beside the interview, and candidates with agreed scores.

use super::data::{CampaignData, DecidedScore};
use crate::model::{
    Campaign, CampaignId, CampaignState, Candidate, CandidateId, Combine, Criterion, CriterionKind,
    ExerciseKind, Mark, Panel, PanelId, PinnedScorecard, Priority, Scale, Scorecard,
    ScorecardCriterion, ScorecardId,
};

/// A criterion with four indicators, weight 1, no pass mark.
pub fn criterion(key: &str, name: &str) -> ScorecardCriterion {
    ScorecardCriterion {
        key: key.into(),
        criterion: Criterion {
            kind: CriterionKind::Behaviour,
            name: name.into(),
            group: None,
            priority: Priority::Essential,
            code: None,
            level: None,
            indicators: vec!["a".into(), "b".into(), "c".into(), "d".into()],
        },
        weight: 1.0,
        pass_mark: None,
        questions: vec![],
        exercise: None,
    }
}

/// "Working Together" (c1) and "Data Analysis" (c2) on the civil service scale, one exercise.
pub fn one_exercise() -> Scorecard {
    Scorecard {
        title: "Card".into(),
        role_title: "Role".into(),
        role_grade: None,
        scale: Scale::civil_service(),
        criteria: vec![
            criterion("c1", "Working Together"),
            criterion("c2", "Data Analysis"),
        ],
        overall_pass_mark: 0.0,
        tie_break: None,
        exercises: Vec::new(),
        combine: Combine::Sum,
    }
}

/// [`one_exercise`] with a technical test (e2) assessing Data Analysis beside the interview
/// (e1, both criteria), combined by `combine`. Entries as assessed: c1@e1, c2@e1, c2@e2.
pub fn two_exercises(combine: Combine) -> Scorecard {
    let mut card = one_exercise();
    card.combine = combine;
    card.add_exercise(
        "Technical test",
        ExerciseKind::TechnicalTest,
        None,
        vec!["c2".into()],
    );
    card
}

/// A candidate `C-<id>` on `panel`.
pub fn candidate(id: CandidateId, panel: Option<PanelId>) -> Candidate {
    Candidate {
        id,
        campaign_id: CampaignId(1),
        reference: format!("C-{id}"),
        name: format!("Candidate {id}"),
        email: None,
        panel_id: panel,
        slot: None,
        withdrawal: None,
        exercise_panels: Vec::new(),
    }
}

/// An agreed (or moderated) score of `value` on entry `criterion`.
pub fn decided(candidate_id: CandidateId, criterion: usize, value: i32) -> DecidedScore {
    DecidedScore {
        candidate_id,
        criterion,
        mark: Mark::Point(value),
    }
}

/// A campaign in moderation on `card` with panels 1 ("Panel A") and 2 ("Panel B"), these
/// candidates and agreed scores.
pub fn campaign(
    card: Scorecard,
    candidates: Vec<Candidate>,
    agreed: Vec<DecidedScore>,
) -> CampaignData {
    CampaignData {
        campaign: Campaign::new(
            CampaignId(1),
            "Test".into(),
            (ScorecardId(1), 1),
            PinnedScorecard::new(card),
            CampaignState::Moderation,
            "2026-11-30T00:00:00Z".into(),
        ),
        posts: None,
        panels: [(PanelId(1), "Panel A"), (PanelId(2), "Panel B")]
            .map(|(id, name)| Panel {
                id,
                campaign_id: CampaignId(1),
                name: name.into(),
            })
            .to_vec(),
        assessors: Vec::new(),
        candidates,
        scores: Vec::new(),
        agreed,
        moderated: Vec::new(),
        tie_orders: Vec::new(),
    }
}
