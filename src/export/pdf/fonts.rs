//! The two embedded faces, DejaVu Sans regular and bold, parsed once per process, and the
//! glyph advances used to measure text.
//!
//! Advances are kept in thousandths of an em, truncated exactly as printpdf writes them into
//! the PDF's `/W` array, so the widths the layout computes are the widths a viewer uses.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::PdfError;

/// Which of the two embedded faces a run of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// Codepoints below this have their advance precomputed; rarer ones go through the cmap.
const TABLE_LEN: usize = 0x3000;

/// One parsed face and its advance table.
pub(crate) struct FaceData {
    /// The parsed font, handed to printpdf for embedding.
    pub(crate) font: ParsedFont,
    /// Advance of each codepoint below [`TABLE_LEN`], in thousandths of an em.
    table: Box<[u16]>,
    /// Advance of glyph 0 (.notdef), drawn for characters the face lacks.
    notdef: u16,
}

impl FaceData {
    fn parse(name: &str, bytes: &[u8]) -> Result<Self, String> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| format!("{name} could not be parsed: {warnings:?}"))?;
        let upem = u32::from(font.pdf_font_metrics.units_per_em);
        if upem == 0 {
            return Err(format!("{name} has no units per em"));
        }
        let thousandths = |gid: u16| -> u16 {
            let advance = u32::from(font.get_horizontal_advance(gid));
            // Same arithmetic as printpdf's `/W` entries: f32, then truncated.
            (advance as f32 * 1000.0 / upem as f32) as u16
        };
        let notdef = thousandths(0);
        let table = (0..TABLE_LEN as u32)
            .map(|cp| match font.lookup_glyph_index(cp) {
                Some(gid) => thousandths(gid),
                None => notdef,
            })
            .collect();
        Ok(Self {
            font,
            table,
            notdef,
        })
    }

    fn advance(&self, c: char) -> u32 {
        let cp = c as usize;
        if cp < TABLE_LEN {
            return u32::from(self.table[cp]);
        }
        match self.font.lookup_glyph_index(c as u32) {
            Some(gid) => {
                let upem = f32::from(self.font.pdf_font_metrics.units_per_em);
                (f32::from(self.font.get_horizontal_advance(gid)) * 1000.0 / upem) as u32
            }
            None => u32::from(self.notdef),
        }
    }
}

/// Both faces and the vertical metrics shared by them.
pub struct Fonts {
    pub(crate) regular: FaceData,
    pub(crate) bold: FaceData,
    /// Ascent above the baseline, in ems.
    ascent: f32,
    /// Descent below the baseline, in ems (positive).
    descent: f32,
}

static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();

impl Fonts {
    /// The process-wide fonts, parsed on first use.
    pub fn get() -> Result<&'static Fonts, PdfError> {
        FONTS
            .get_or_init(Self::load)
            .as_ref()
            .map_err(|e| PdfError::Font(e.clone()))
    }

    fn load() -> Result<Fonts, String> {
        let regular = FaceData::parse("DejaVu Sans", dejavu::sans::regular())?;
        let bold = FaceData::parse("DejaVu Sans Bold", dejavu::sans::bold())?;
        let m = &regular.font.pdf_font_metrics;
        let upem = f32::from(m.units_per_em);
        let ascent = f32::from(m.ascender) / upem;
        let descent = -f32::from(m.descender) / upem;
        if !(ascent > 0.0 && descent >= 0.0) {
            return Err(format!(
                "DejaVu Sans has odd metrics: ascent {ascent}, descent {descent}"
            ));
        }
        Ok(Fonts {
            regular,
            bold,
            ascent,
            descent,
        })
    }

    pub(crate) fn face(&self, face: Face) -> &FaceData {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// Advance of one character in thousandths of an em.
    pub fn char_units(&self, face: Face, c: char) -> u32 {
        self.face(face).advance(c)
    }

    /// Advance of `text` in thousandths of an em (no kerning: printpdf applies none).
    pub fn units(&self, face: Face, text: &str) -> u32 {
        let data = self.face(face);
        text.chars().map(|c| data.advance(c)).sum()
    }

    /// Width of `text` set in `face` at `size` points, in points.
    pub fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        self.units(face, text) as f32 * size / 1000.0
    }

    /// Ascent above the baseline at `size` points.
    pub fn ascent(&self, size: f32) -> f32 {
        self.ascent * size
    }

    /// Descent below the baseline at `size` points (positive).
    pub fn descent(&self, size: f32) -> f32 {
        self.descent * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advances_come_from_the_font_not_a_guess() {
        let f = Fonts::get().unwrap();
        // DejaVu Sans: 'i' is narrow, 'W' wide, bold wider than regular, and a space is
        // 651/2048 em = 317 thousandths (truncated).
        assert_eq!(f.char_units(Face::Regular, ' '), 317);
        assert!(f.char_units(Face::Regular, 'W') > 3 * f.char_units(Face::Regular, 'i'));
        assert!(f.units(Face::Bold, "Assessment") > f.units(Face::Regular, "Assessment"));
        assert!(
            (f.width(Face::Regular, "ab", 10.0) - f.width(Face::Regular, "ab", 20.0) / 2.0).abs()
                < 1e-4
        );
    }

    #[test]
    fn accented_and_typographic_characters_have_real_glyphs() {
        let f = Fonts::get().unwrap();
        for c in "ëŁóÓØÆø–’…·•".chars() {
            assert!(
                f.regular.font.lookup_glyph_index(c as u32).is_some(),
                "{c} missing"
            );
            assert!(f.char_units(Face::Regular, c) > 0, "{c} has no advance");
        }
        // A codepoint beyond the precomputed table still measures through the cmap.
        assert!(f.char_units(Face::Regular, '\u{FB01}') > 0);
    }
}
