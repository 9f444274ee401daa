//! Panelmark's desktop shell: a Tauri v2 window over the `panelmark` core. The commands are
//! thin (see `commands.rs`); everything they do is the core's.

pub mod blocking;
mod command_names;
pub mod commands;
pub mod error;
pub mod jobs;
pub mod launch;
pub mod live;
pub mod recovery;
pub mod rendering;
pub mod settings;
pub mod state;
pub mod system_fonts;
mod timing;
mod view_cache;

use std::path::PathBuf;
use std::time::Instant;

use tauri::Manager;

pub use command_names::COMMAND_NAMES;

/// Starts the app; returns when the last window closes.
pub fn run() {
    let started = Instant::now();
    rendering::choose_before_any_webview();
    let launch = launch::Launch::parse(
        std::env::args_os().skip(1),
        std::env::var_os("PANELMARK_DB"),
    );
    for arg in &launch.ignored {
        eprintln!("panelmark: ignoring argument {arg:?} (usage: panelmark-app [--db PATH|URL])");
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            open_main_window(app)?;
            // PANELMARK_CONFIG_DIR lets tests keep their recent list out of the user's.
            let config_dir = match std::env::var_os("PANELMARK_CONFIG_DIR") {
                Some(dir) if !dir.is_empty() => PathBuf::from(dir),
                _ => app.path().app_config_dir()?,
            };
            let mut state = state::AppState::new(config_dir.join("settings.json"), started);
            if let Some(db) = &launch.db {
                let db = db.to_string_lossy();
                if let Err(e) = state.open_or_connect(&db) {
                    let shown = panelmark::store::postgres::connect::redact(&db);
                    eprintln!("panelmark: cannot open {shown}: {e}");
                    state.startup_error = Some(e);
                }
            }
            app.manage(state);
            app.manage(view_cache::BoardCache::default());
            app.manage(view_cache::ResultsCache::default());
            app.manage(jobs::Jobs::default());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session::startup_info,
            commands::session::open_database,
            commands::session::connect_shared,
            commands::session::wait_changes,
            commands::session::recent_connections,
            commands::session::current_database,
            commands::session::default_database_path,
            commands::session::recent_databases,
            commands::session::list_users,
            commands::session::sign_in,
            commands::session::current_user,
            commands::session::add_user,
            commands::session::my_roles,
            commands::session::list_roles,
            commands::session::import_role_file,
            commands::session::verify_audit,
            commands::session::audit_anchor,
            commands::session::check_anchor,
            commands::session::list_audit_events,
            commands::session::ui_ready,
            commands::roles::import_job_description,
            commands::roles::import_job_description_bytes,
            commands::roles::save_role,
            commands::roles::update_role,
            commands::roles::get_role,
            commands::roles::export_role_file,
            commands::roles::civil_service_scale,
            commands::roles::draft_scorecard,
            commands::roles::list_scorecards,
            commands::roles::create_scorecard,
            commands::roles::update_scorecard,
            commands::campaigns::list_campaigns,
            commands::campaigns::get_campaign,
            commands::campaigns::create_campaign,
            commands::campaigns::create_demo_campaign,
            commands::campaigns::start_scoring,
            commands::campaigns::start_moderation,
            commands::campaigns::return_to_scoring,
            commands::campaigns::set_posts,
            commands::campaigns::list_panels,
            commands::campaigns::add_panel,
            commands::campaigns::list_assessors,
            commands::campaigns::add_assessor,
            commands::campaigns::set_assessor_exercise,
            commands::campaigns::list_candidates,
            commands::campaigns::add_candidate,
            commands::campaigns::update_candidate,
            commands::campaigns::place_candidate,
            commands::campaigns::import_candidates,
            commands::scoring::visible_scores,
            commands::scoring::own_panel_scores,
            commands::scoring::own_panel_progress,
            commands::scoring::save_score,
            commands::scoring::import_scores,
            commands::scoring::submit_scores,
            commands::scoring::agreed_scores,
            commands::scoring::agree_score,
            commands::moderation::board_summary,
            commands::moderation::prepare_views,
            commands::moderation::board_rows,
            commands::moderation::board_flags,
            commands::moderation::flag_settings,
            commands::moderation::set_flag_settings,
            commands::moderation::moderate_score,
            commands::moderation::moderations,
            commands::moderation::sign_off,
            commands::moderation::reopen,
            commands::moderation::signoffs,
            commands::moderation::order_tie,
            commands::moderation::results,
            commands::moderation::results_summary,
            commands::moderation::results_rows,
            commands::moderation::result_details,
            commands::moderation::results_stats,
            commands::moderation::stats,
            commands::export::export_campaign,
            commands::export::open_folder,
            commands::jobs::cancel_job,
            commands::campaigns::get_posts,
            commands::people::withdraw_candidate,
            commands::people::declare_conflict,
            commands::people::confirm_no_conflicts,
            commands::people::list_conflicts,
            commands::people::set_adjustments,
            commands::people::get_adjustments,
            commands::privacy::erase_candidate,
            commands::privacy::list_retention,
            commands::privacy::set_retention,
            commands::privacy::purge_campaign,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Panelmark");
}

/// The main window, as `tauri.conf.json` describes it (`create: false` there, so that it is made
/// here): with the desktop's font family handed to the page before its scripts run
/// (`system_fonts.rs`). Made first in `setup`, where Tauri would have made it.
fn open_main_window(app: &mut tauri::App) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .expect("tauri.conf.json describes the main window");
    let fonts = system_fonts::SystemFonts::of_this_desktop();
    let window = tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
        .initialization_script(fonts.init_script())
        .build()?;
    recovery::reload_when_the_page_dies(&window)
}

#[cfg(test)]
mod tests {
    use super::COMMAND_NAMES;

    /// The capability must grant every command (or the UI gets "not allowed") and nothing
    /// else (no stale grants), plus only the dialog's open and save.
    #[test]
    fn the_default_capability_grants_exactly_the_app_commands_and_file_dialogs() {
        let text = include_str!("../capabilities/default.json");
        let cap: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut granted: Vec<String> = cap["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().expect("plain permission names").to_owned())
            .collect();
        granted.sort();
        let mut expected: Vec<String> = COMMAND_NAMES
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .chain(["dialog:allow-open".into(), "dialog:allow-save".into()])
            .collect();
        expected.sort();
        assert_eq!(granted, expected);
        assert_eq!(cap["windows"], serde_json::json!(["main"]));
    }

    /// Every name in the list is a real command: the handler list in `run` is checked by
    /// the compiler, this keeps the permission list from naming commands that do not exist.
    #[test]
    fn command_names_match_the_commands_module() {
        let source = crate::commands::SOURCES.concat();
        for name in COMMAND_NAMES {
            assert!(
                source.contains(&format!("pub fn {name}(")),
                "{name} is listed in command_names.rs but not defined in commands/"
            );
        }
        let defined = source.matches("#[tauri::command(async)]").count();
        assert_eq!(
            source.matches("#[tauri::command").count(),
            defined,
            "every command runs off the main thread"
        );
        assert_eq!(defined, COMMAND_NAMES.len(), "every command is listed");
    }
}
