//! Exports for case files: CSV and PDF.
