//! Exports for case files: CSV and PDF.

pub mod csv;
pub mod files;
pub mod packs;
pub mod pdf;
pub mod receipt;
pub mod record;

pub(crate) use files::export_campaign;
pub use files::{ExportOptions, ExportSummary};
pub use record::{CampaignRecord, Parts};
