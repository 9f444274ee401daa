//! Job-description import speed per format: every Markdown example, and a five-page
//! document (four of the examples run together) as LibreOffice saves it in Word,
//! OpenDocument and PDF, plus the Civil Service Jobs advert as text and as a saved page.

use std::time::Instant;

use serde::Serialize;

use super::{ms, percentile};

/// Median time to import one document of a format.
#[derive(Debug, Clone, Serialize)]
pub struct FormatTiming {
    /// What was imported ("Markdown (slowest of 7)", "Word .docx, 5 pages", …).
    pub document: String,
    /// Median milliseconds per import.
    pub ms: f64,
    /// The target, in milliseconds.
    pub target_ms: f64,
}

macro_rules! fixture {
    ($path:literal) => {
        (
            $path,
            include_bytes!(concat!("../../tests/fixtures/", $path)) as &[u8],
        )
    };
}

const MARKDOWN: &[(&str, &[u8])] = &[
    fixture!("jd/csj-advert.md"),
    fixture!("jd/demo-role.md"),
    fixture!("jd/dfe.md"),
    fixture!("jd/gds-template.md"),
    fixture!("jd/home-office-ddat.md"),
    fixture!("jd/messy.md"),
    fixture!("jd/scottish-government.md"),
];

const DOCUMENTS: &[(&str, (&str, &[u8]))] = &[
    (
        "Word .docx, 5 pages",
        fixture!("jd-formats/bench/five-pages.docx"),
    ),
    (
        "OpenDocument .odt, 5 pages",
        fixture!("jd-formats/bench/five-pages.odt"),
    ),
    ("PDF, 5 pages", fixture!("jd-formats/bench/five-pages.pdf")),
    ("HTML page", fixture!("jd-formats/csj-advert.html")),
    ("plain text", fixture!("jd-formats/csj-advert.txt")),
];

/// Imports per measurement: enough for a stable median, little enough for a quick bench.
const RUNS: usize = 25;

fn median_ms(name: &str, bytes: &[u8]) -> f64 {
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            // An error here would be measured too; the fixtures' tests say they import.
            let _ = crate::import::job_description(name, bytes);
            ms(t.elapsed())
        })
        .collect();
    percentile(&mut samples, 50.0)
}

/// Measures every format.
pub fn run() -> Vec<FormatTiming> {
    let slowest_markdown = MARKDOWN
        .iter()
        .map(|(name, bytes)| median_ms(name, bytes))
        .fold(0.0, f64::max);
    let mut timings = vec![FormatTiming {
        document: format!("Markdown (slowest of {})", MARKDOWN.len()),
        ms: slowest_markdown,
        target_ms: 5.0,
    }];
    for (document, (name, bytes)) in DOCUMENTS {
        timings.push(FormatTiming {
            document: (*document).to_owned(),
            ms: median_ms(name, bytes),
            target_ms: 100.0,
        });
    }
    timings
}
