//! Drawing: laid-out pages to printpdf operations, then to deterministic PDF bytes.
//!
//! printpdf names fonts and the trailer's `/ID` with a process-wide counter, so two renders
//! of one document would differ. Here the fonts get fixed resource names (which also give
//! the fixed six-letter subset tags) and the `/ID` is derived from the document id.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};
use sha2::{Digest, Sha256};

use super::fonts::{Face, Fonts};
use super::layout::{Item, Layout, PAGE_HEIGHT, PAGE_WIDTH};
use super::{Document, PdfError};

/// Resource name and subset tag of the regular face: six capitals, as a tag must be.
const REGULAR_ID: &str = "PMSANR";
/// Resource name and subset tag of the bold face.
const BOLD_ID: &str = "PMSANB";

fn font_id(face: Face) -> FontId {
    FontId(match face {
        Face::Regular => REGULAR_ID.to_string(),
        Face::Bold => BOLD_ID.to_string(),
    })
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level.clamp(0.0, 1.0), None))
}

/// Writes the laid-out `layout` of `doc` as a PDF into `w`.
pub(super) fn write<W: std::io::Write>(
    doc: &Document,
    layout: &Layout,
    fonts: &Fonts,
    w: &mut W,
) -> Result<(), PdfError> {
    let mut pdf = PdfDocument::new(&doc.title);
    let info = &mut pdf.metadata.info;
    let date = pdf_date(doc.created);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.identifier = doc.document_id.clone();
    info.creator = "Panelmark".into();
    info.producer = "Panelmark (printpdf)".into();

    // Only faces that are used are embedded (printpdf skips fonts no page refers to).
    for (face, data) in [(Face::Regular, &fonts.regular), (Face::Bold, &fonts.bold)] {
        pdf.resources
            .fonts
            .map
            .insert(font_id(face), PdfFont::new(data.font.clone()));
    }

    let pages = layout
        .pages
        .iter()
        .map(|p| page(p.furniture.iter().chain(&p.body)));
    pdf.with_pages(pages.collect());

    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    if let Some(e) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Write(e.msg.clone()));
    }

    // A deterministic /ID: both halves from the document id (the file is never updated in
    // place, so the "instance" half equals the permanent one).
    let id = Sha256::digest(doc.document_id.as_bytes());
    let id = id[..16].to_vec();
    let ids = lo
        .trailer
        .get_mut(b"ID")
        .and_then(|o| o.as_array_mut())
        .map_err(|e| PdfError::Write(format!("trailer has no /ID array: {e}")))?;
    for part in ids.iter_mut() {
        let bytes = part
            .as_str_mut()
            .map_err(|e| PdfError::Write(format!("trailer /ID is not a string: {e}")))?;
        bytes.clone_from(&id);
    }

    lo.compress();
    lo.save_to(w).map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(())
}

fn pdf_date(d: chrono::NaiveDate) -> printpdf::OffsetDateTime {
    use chrono::Datelike;
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::Date {
            year: d.year(),
            month: d.month() as u8,
            day: d.day() as u8,
        },
        printpdf::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// One page's operations: fills, then rules, then all text in a single text section.
fn page<'a>(items: impl Iterator<Item = &'a Item> + Clone) -> PdfPage {
    let flip = |y: f32| PAGE_HEIGHT - y;
    let mut ops = Vec::new();

    let mut fill: Option<f32> = None;
    for item in items.clone() {
        if let Item::Fill {
            x,
            y,
            w,
            h,
            grey: g,
        } = *item
        {
            if fill != Some(g) {
                ops.push(Op::SetFillColor { col: grey(g) });
                fill = Some(g);
            }
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(flip(y + h)),
                    width: Pt(w),
                    height: Pt(h),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            });
        }
    }

    let mut stroke: Option<(f32, f32)> = None;
    for item in items.clone() {
        if let Item::Rule {
            x1,
            x2,
            y,
            thickness,
            grey: g,
        } = *item
        {
            if stroke != Some((g, thickness)) {
                ops.push(Op::SetOutlineColor { col: grey(g) });
                ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
                stroke = Some((g, thickness));
            }
            let point = |x: f32| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(flip(y)),
                },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(x1), point(x2)],
                    is_closed: false,
                },
            });
        }
    }

    ops.push(Op::StartTextSection);
    let mut font: Option<(Face, f32)> = None;
    for item in items {
        if let Item::Text(run) = item {
            if font != Some((run.face, run.size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font_id(run.face)),
                    size: Pt(run.size),
                });
                font = Some((run.face, run.size));
            }
            if fill != Some(run.grey) {
                ops.push(Op::SetFillColor {
                    col: grey(run.grey),
                });
                fill = Some(run.grey);
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(run.x), Pt(flip(run.baseline))),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(run.text.clone())],
            });
        }
    }
    ops.push(Op::EndTextSection);

    PdfPage::new(
        printpdf::Mm::from(Pt(PAGE_WIDTH)),
        printpdf::Mm::from(Pt(PAGE_HEIGHT)),
        ops,
    )
}
