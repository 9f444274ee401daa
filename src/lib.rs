//! Panelmark core: structured interview assessment.
//!
//! Everything a user can do lives here: importing roles, building scorecards, scoring,
//! moderation, results, statistics, the audit chain and exports. The desktop shell and the
//! command line are thin layers over this crate; it knows nothing of either.
#![deny(missing_docs)]

pub mod anchor;
pub mod bench;
pub mod cancel;
pub mod demo;
pub mod error;
pub mod export;
pub mod import;
pub mod model;
pub mod scoring;
pub mod session;
pub mod store;

pub use error::{Error, Result};
