//! Exports for case files: CSV and PDF.

pub mod pdf;
