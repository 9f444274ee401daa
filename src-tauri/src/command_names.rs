// The app's IPC commands, in one list. `build.rs` includes this file to generate an
// `allow-<name>` permission for each (so nothing is callable unless a capability grants it),
// and a test checks `capabilities/default.json` grants exactly these. Adding a command: write
// it in `commands.rs`, add it to `generate_handler!` in `lib.rs`, name it here and in the
// capability.
/// Every command the shell exposes to the UI.
pub const COMMAND_NAMES: &[&str] = &[
    "startup_info",
    "open_database",
    "current_database",
    "default_database_path",
    "recent_databases",
    "set_current_user",
    "current_user",
    "list_roles",
    "import_role_file",
    "verify_audit",
    "list_audit_events",
    "ui_ready",
];
