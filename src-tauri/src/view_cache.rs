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

use crate::blocking::off_runtime;
use crate::error::IpcResult;
use crate::state::AppState;

/// The last view of one kind served, with the database it came from.
pub struct ViewCache<V> {
    kept: Mutex<Option<(PathBuf, Arc<V>)>>,
    /// Held while a view of this kind is looked up or computed: a request made meanwhile
    /// waits and is served that view (if nothing was written since) instead of computing the
    /// same again. It does not hold a connection while it waits.
    computing: Mutex<()>,
}

/// Which connection a view is computed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Connection {
    /// The read connection, as every screen's request (quick when the kept view is current).
    Shared,
    /// One of its own, closed after: computing ahead of a screen (`prepare_views`) holds up
    /// none of the reads the screens make meanwhile.
    Own,
}

/// The moderation board.
pub type BoardCache = ViewCache<BoardView>;
/// The Results screen's results and statistics.
pub type ResultsCache = ViewCache<ResultsView>;

impl<V> Default for ViewCache<V> {
    fn default() -> Self {
        ViewCache {
            kept: Mutex::new(None),
            computing: Mutex::new(()),
        }
    }
}

impl<V: Send + Sync> ViewCache<V> {
    /// The view as of now: `compute` is given the kept one (if it came from the open
    /// database) and returns it when nothing was written since, else a fresh one; either is
    /// kept.
    #[track_caller]
    fn view_with(
        &self,
        state: &AppState,
        connection: Connection,
        compute: impl FnOnce(&Session, Option<Arc<V>>) -> panelmark::Result<Arc<V>> + Send,
    ) -> IpcResult<Arc<V>> {
        let caller = std::panic::Location::caller();
        off_runtime(|| {
            // One at a time: a screen opened while `prepare_views` computes its view waits for
            // that view rather than computing the same beside it.
            let _one = self
                .computing
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let db = state.current().map(|info| PathBuf::from(info.path));
            let kept = self
                .kept()
                .take()
                .filter(|(path, _)| Some(path) == db.as_ref())
                .map(|(_, view)| view);
            let compute = |session: &Session| compute(session, kept);
            let view = match connection {
                Connection::Shared => state.read_from(caller, compute)?,
                Connection::Own => state.with_own_session(compute)?,
            };
            if let Some(db) = db {
                *self.kept() = Some((db, view.clone()));
            }
            Ok(view)
        })
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Option<(PathBuf, Arc<V>)>> {
        self.kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl BoardCache {
    /// The board of `campaign_id` with `settings`, as of now: the kept one if nothing was
    /// written since, else computed afresh (on the read connection) and kept.
    #[track_caller]
    pub fn view(
        &self,
        state: &AppState,
        campaign_id: CampaignId,
        settings: &FlagSettings,
    ) -> IpcResult<Arc<BoardView>> {
        self.view_with(state, Connection::Shared, |session, kept| {
            session.board_view(campaign_id, settings, kept)
        })
    }
}

impl ResultsCache {
    /// The results and statistics of `campaign_id`, as of now: the kept ones if nothing was
    /// written since, else computed afresh (on the read connection) and kept.
    #[track_caller]
    pub fn view(&self, state: &AppState, campaign_id: CampaignId) -> IpcResult<Arc<ResultsView>> {
        self.view_with(state, Connection::Shared, |session, kept| {
            session.results_view(campaign_id, kept)
        })
    }
}

/// The board of `campaign_id` with `settings`, then its results, computed and kept as
/// `BoardCache::view` and `ResultsCache::view` would, each on a connection of its own (see
/// `prepare_views`): the screens' reads meanwhile are not held up.
pub fn prepare(
    state: &AppState,
    (board, results): (&BoardCache, &ResultsCache),
    campaign_id: CampaignId,
    settings: &FlagSettings,
) -> IpcResult<()> {
    board.view_with(state, Connection::Own, |session, kept| {
        session.board_view(campaign_id, settings, kept)
    })?;
    results.view_with(state, Connection::Own, |session, kept| {
        session.results_view(campaign_id, kept)
    })?;
    Ok(())
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

    #[test]
    fn a_request_that_waited_for_a_view_under_way_is_served_it() {
        let dir = tempfile::tempdir().unwrap();
        let (state, _) = demo_as_moderator(dir.path());
        let cache = ViewCache::<u32>::default();
        let computed = std::sync::atomic::AtomicU32::new(0);
        let view = || {
            cache
                .view_with(&state, Connection::Own, |_, kept| {
                    if let Some(kept) = kept {
                        return Ok(kept);
                    }
                    let n = computed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(200));
                    Ok(Arc::new(n))
                })
                .unwrap()
        };
        let (first, second) = std::thread::scope(|scope| {
            let first = scope.spawn(view);
            // Asked while the first is being computed (as a screen opened during
            // `prepare_views`).
            std::thread::sleep(std::time::Duration::from_millis(50));
            let second = scope.spawn(view);
            (first.join().unwrap(), second.join().unwrap())
        });
        assert!(Arc::ptr_eq(&first, &second), "one view served to both");
        assert_eq!(computed.into_inner(), 1, "computed once");
    }

    #[test]
    fn the_views_prepared_on_their_own_connection_are_the_ones_the_screens_are_served() {
        let dir = tempfile::tempdir().unwrap();
        let (state, campaign) = demo_as_moderator(dir.path());
        let (board, results) = (BoardCache::default(), ResultsCache::default());
        let settings = state.read(|s| s.flag_settings(campaign)).unwrap();
        prepare(&state, (&board, &results), campaign, &settings).unwrap();
        let prepared_board = board.kept().clone().expect("the board is kept").1;
        let prepared_results = results.kept().clone().expect("the results are kept").1;
        assert!(Arc::ptr_eq(
            &board.view(&state, campaign, &settings).unwrap(),
            &prepared_board
        ));
        assert!(Arc::ptr_eq(
            &results.view(&state, campaign).unwrap(),
            &prepared_results
        ));
    }
}
