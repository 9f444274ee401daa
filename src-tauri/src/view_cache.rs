//! What a screen is reading, kept between its requests: the moderation board (its summary,
//! each window of rows as the user scrolls and each flag's reasons) and the Results screen's
//! results and statistics are served from one computation, made again only when the campaign,
//! the thresholds, the user, the database or the audit head (any write) differ (see
//! `Session::board_view` and `Session::results_view`).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use panelmark::model::CampaignId;
use panelmark::scoring::board_window::BoardView;
use panelmark::scoring::flags::FlagSettings;
use panelmark::scoring::results_window::ResultsView;
use panelmark::session::Session;

use crate::error::IpcResult;
use crate::state::AppState;

/// The last view of one kind served, with the database it came from.
pub struct ViewCache<V>(Mutex<Option<(PathBuf, Arc<V>)>>);

/// The moderation board.
pub type BoardCache = ViewCache<BoardView>;
/// The Results screen's results and statistics.
pub type ResultsCache = ViewCache<ResultsView>;

impl<V> Default for ViewCache<V> {
    fn default() -> Self {
        ViewCache(Mutex::new(None))
    }
}

impl<V: Send + Sync> ViewCache<V> {
    /// The view as of now: `compute` is given the kept one (if it came from the open
    /// database) and returns it when nothing was written since, else a fresh one; either is
    /// kept.
    fn view_with(
        &self,
        state: &AppState,
        compute: impl FnOnce(&Session, Option<Arc<V>>) -> panelmark::Result<Arc<V>> + Send,
    ) -> IpcResult<Arc<V>> {
        let db = state.current().map(|info| PathBuf::from(info.path));
        let kept = self
            .kept()
            .take()
            .filter(|(path, _)| Some(path) == db.as_ref())
            .map(|(_, view)| view);
        // The lock is not held while a view is computed: other reads go on meanwhile.
        let view = state.read(|session| compute(session, kept))?;
        if let Some(db) = db {
            *self.kept() = Some((db, view.clone()));
        }
        Ok(view)
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Option<(PathBuf, Arc<V>)>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl BoardCache {
    /// The board of `campaign_id` with `settings`, as of now: the kept one if nothing was
    /// written since, else computed afresh (on the read connection) and kept.
    pub fn view(
        &self,
        state: &AppState,
        campaign_id: CampaignId,
        settings: &FlagSettings,
    ) -> IpcResult<Arc<BoardView>> {
        self.view_with(state, |session, kept| {
            session.board_view(campaign_id, settings, kept)
        })
    }
}

impl ResultsCache {
    /// The results and statistics of `campaign_id`, as of now: the kept ones if nothing was
    /// written since, else computed afresh (on the read connection) and kept.
    pub fn view(&self, state: &AppState, campaign_id: CampaignId) -> IpcResult<Arc<ResultsView>> {
        self.view_with(state, |session, kept| {
            session.results_view(campaign_id, kept)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use panelmark::model::{AssessorId, Decision, Mark};
    use panelmark::scoring::board_window::BoardFilter;

    use super::*;

    /// A 24-candidate demo campaign in a fresh database, signed in as its moderator.
    fn demo_as_moderator(dir: &std::path::Path) -> (AppState, CampaignId) {
        let state = AppState::new(dir.join("settings.json"), Instant::now());
        state.open(&dir.join("a.db")).unwrap();
        state.sign_in("hr", Some("HR Admin")).unwrap();
        let campaign = state
            .change(|s| {
                s.demo(&panelmark::demo::DemoOptions {
                    candidates: 24,
                    seed: 3,
                })
            })
            .unwrap();
        state
            .sign_in(panelmark::demo::MODERATOR_LOGIN, None)
            .unwrap();
        (state, campaign)
    }

    #[test]
    fn the_results_are_served_again_until_a_write_and_the_write_shows_in_the_next_summary() {
        let dir = tempfile::tempdir().unwrap();
        let (state, campaign) = demo_as_moderator(dir.path());
        let cache = ResultsCache::default();

        let first = cache.view(&state, campaign).unwrap();
        let again = cache.view(&state, campaign).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "nothing written: kept");
        let before = first.summary(10).unwrap();
        let posts = before.posts.unwrap_or(0) + 3;

        state
            .change(|s| s.set_posts(campaign, Some(posts), Some("Three more posts funded")))
            .unwrap();
        let after = cache.view(&state, campaign).unwrap();
        assert!(!Arc::ptr_eq(&first, &after), "written: computed again");
        assert_eq!(
            after.summary(10).unwrap().posts,
            Some(posts),
            "the new posts show"
        );
    }

    #[test]
    fn the_board_is_served_again_until_a_write_and_the_write_shows_on_the_next_window() {
        let dir = tempfile::tempdir().unwrap();
        let (state, campaign) = demo_as_moderator(dir.path());
        let settings = state.read(|s| s.flag_settings(campaign)).unwrap();
        let cache = BoardCache::default();

        let first = cache.view(&state, campaign, &settings).unwrap();
        let again = cache.view(&state, campaign, &settings).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "nothing written: kept");

        let row = &first.packed().rows[0];
        let candidate = row.result.row.candidate_id;
        let value = if row.result.cells[0].2 == Some(1) {
            2
        } else {
            1
        };
        state
            .change(|s| {
                s.moderate_score(
                    campaign,
                    &Decision {
                        candidate_id: candidate,
                        criterion_key: first.packed().criteria[0].clone(),
                        mark: Mark::Point(value).into(),
                        text: "The evidence supports another score".into(),
                        by: AssessorId(0),
                    },
                )
            })
            .unwrap();
        let window = cache
            .view(&state, campaign, &settings)
            .unwrap()
            .window(&BoardFilter::default(), 0, 100)
            .unwrap();
        let row = window
            .rows
            .iter()
            .find(|r| r.result.row.candidate_id == candidate)
            .unwrap();
        assert_eq!(row.result.cells[0].1, Some(value), "the moderation shows");
    }
}
