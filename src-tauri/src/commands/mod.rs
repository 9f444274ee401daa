//! The IPC commands: each takes the app state, calls the core and maps its error into the
//! one `{ code, message }` shape. No domain logic lives here.

pub mod campaigns;
pub mod export;
pub mod jobs;
pub mod moderation;
pub mod people;
pub mod privacy;
pub mod roles;
pub mod scoring;
pub mod session;

/// The source of every command module, for the test that checks each listed command exists.
#[cfg(test)]
pub const SOURCES: &[&str] = &[
    include_str!("session.rs"),
    include_str!("roles.rs"),
    include_str!("campaigns.rs"),
    include_str!("scoring.rs"),
    include_str!("moderation.rs"),
    include_str!("export.rs"),
    include_str!("jobs.rs"),
    include_str!("people.rs"),
    include_str!("privacy.rs"),
];
