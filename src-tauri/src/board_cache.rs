//! The moderation board the screen is reading, kept between its requests: the summary, each
//! window of rows as the user scrolls and each flag's reasons are served from one computed
//! board, which is computed again only when the campaign, the thresholds, the user, the
//! database or the audit head (any write) differ (see `Session::board_view`).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use panelmark::model::Id;
use panelmark::scoring::board_window::BoardView;
use panelmark::scoring::flags::FlagSettings;

use crate::error::IpcResult;
use crate::state::AppState;

/// The last board served, with the database it came from.
#[derive(Default)]
pub struct BoardCache(Mutex<Option<(PathBuf, Arc<BoardView>)>>);

impl BoardCache {
    /// The board of `campaign_id` with `settings`, as of now: the kept one if nothing was
    /// written since, else computed afresh (on the read connection) and kept.
    pub fn view(
        &self,
        state: &AppState,
        campaign_id: Id,
        settings: &FlagSettings,
    ) -> IpcResult<Arc<BoardView>> {
        let db = state.current().map(|info| PathBuf::from(info.path));
        let kept = self
            .kept()
            .take()
            .filter(|(path, _)| Some(path) == db.as_ref())
            .map(|(_, view)| view);
        // The lock is not held while a board is computed: other reads go on meanwhile.
        let view = state.read(|session| session.board_view(campaign_id, settings, kept))?;
        if let Some(db) = db {
            *self.kept() = Some((db, view.clone()));
        }
        Ok(view)
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Option<(PathBuf, Arc<BoardView>)>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use panelmark::model::Decision;
    use panelmark::scoring::board_window::BoardFilter;

    use super::*;

    #[test]
    fn the_board_is_served_again_until_a_write_and_the_write_shows_on_the_next_window() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("settings.json"), Instant::now());
        state.open(&dir.path().join("a.db")).unwrap();
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
        let settings = state.read(|s| s.flag_settings(campaign)).unwrap();
        let cache = BoardCache::default();

        let first = cache.view(&state, campaign, &settings).unwrap();
        let again = cache.view(&state, campaign, &settings).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "nothing written: kept");

        let row = &first.packed().rows[0];
        let candidate = row.result.candidate_id;
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
                        value: Some(value),
                        not_assessed: false,
                        text: "The evidence supports another score".into(),
                        by: 0,
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
            .find(|r| r.result.candidate_id == candidate)
            .unwrap();
        assert_eq!(row.result.cells[0].1, Some(value), "the moderation shows");
    }
}
