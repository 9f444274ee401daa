//! Domain types: everything Panelmark stores, computes on and exports.
//!
//! These types carry no behaviour beyond validation of their own invariants; rules that
//! span several entities live in `scoring`, persistence in `store`.

mod audit;
mod campaign;
mod exercise;
mod ids;
mod mark;
mod people;
mod placement;
mod role;
mod scale;
mod score;
mod scorecard;

pub use audit::{AuditAction, AuditEvent, AuditSubject, SubjectKind};
pub use campaign::{Campaign, CampaignState, PinnedScorecard};
pub use exercise::{
    covers, key_exercise, slot_key, Combine, Exercise, ExerciseKind, IMPLICIT_KEY, SLOT_SEPARATOR,
};
pub use ids::{AssessorId, CampaignId, CandidateId, PanelId, RoleId, ScorecardId, UserId};
pub use mark::{BothMarks, FromStoredPair, Mark, MarkFields, MaybeMark, NotAMark};
pub use people::{Assessor, AssessorRole, Candidate, Panel, User, Withdrawal};
pub use placement::ExercisePanel;
pub use role::{Criterion, CriterionKind, Priority, Role, RoleDraft, SourceDocument};
pub use scale::{Scale, ScalePoint};
pub use score::{
    AgreedScore, Decision, IndicatorMark, Moderation, OwnProgress, Score, ScoreInput, ScoreStatus,
};
pub use scorecard::{Scorecard, ScorecardCriterion};
