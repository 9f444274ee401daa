//! Exports for case files: CSV and PDF.

pub mod csv;
pub mod record;

pub use record::CampaignRecord;
