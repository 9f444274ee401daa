//! Panelmark's desktop shell: a Tauri v2 window over the `panelmark` core. The commands are
//! thin (see `commands.rs`); everything they do is the core's.

mod command_names;
pub mod commands;
pub mod error;
pub mod launch;
pub mod settings;
pub mod state;

use std::path::PathBuf;
use std::time::Instant;

use tauri::Manager;

pub use command_names::COMMAND_NAMES;

/// Starts the app; returns when the last window closes.
pub fn run() {
    let started = Instant::now();
    let launch = launch::Launch::parse(
        std::env::args_os().skip(1),
        std::env::var_os("PANELMARK_DB"),
    );
    for arg in &launch.ignored {
        eprintln!("panelmark: ignoring argument {arg:?} (usage: panelmark-app [--db PATH])");
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            // PANELMARK_CONFIG_DIR lets tests keep their recent list out of the user's.
            let config_dir = match std::env::var_os("PANELMARK_CONFIG_DIR") {
                Some(dir) if !dir.is_empty() => PathBuf::from(dir),
                _ => app.path().app_config_dir()?,
            };
            let mut state = state::AppState::new(config_dir.join("settings.json"), started);
            if let Some(db) = &launch.db {
                if let Err(e) = state.open(db) {
                    eprintln!("panelmark: cannot open {}: {e}", db.display());
                    state.startup_error = Some(e);
                }
            }
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup_info,
            commands::open_database,
            commands::current_database,
            commands::default_database_path,
            commands::recent_databases,
            commands::set_current_user,
            commands::current_user,
            commands::list_roles,
            commands::import_role_file,
            commands::verify_audit,
            commands::list_audit_events,
            commands::ui_ready,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Panelmark");
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
        let source = include_str!("commands.rs");
        for name in COMMAND_NAMES {
            assert!(
                source.contains(&format!("pub fn {name}(")),
                "{name} is listed in command_names.rs but not defined in commands.rs"
            );
        }
        let defined = source.matches("#[tauri::command]").count();
        assert_eq!(defined, COMMAND_NAMES.len(), "every command is listed");
    }
}
