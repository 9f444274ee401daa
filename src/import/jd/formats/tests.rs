//! Bad files of every kind, built here: each is refused with one sentence naming the file,
//! and no input makes a reader panic.

use std::io::Write;

use lopdf::{dictionary, Document, Object, Stream};

use super::*;

fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        for (name, bytes) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap();
    }
    out.into_inner()
}

const DOCUMENT: &str = r#"<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Data Analyst</w:t></w:r></w:p><w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Behaviours</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Working Together</w:t></w:r></w:p></w:body></w:document>"#;

fn docx() -> Vec<u8> {
    zip(&[("word/document.xml", DOCUMENT.as_bytes())])
}

/// A one-page PDF whose page draws `content`, with Helvetica (and Helvetica-Bold) as F1 (F2).
fn pdf(content: &str, encrypt: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = |name: &str| {
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => name.to_owned(), "Encoding" => "WinAnsiEncoding" }
    };
    let f1 = doc.add_object(font("Helvetica"));
    let f2 = doc.add_object(font("Helvetica-Bold"));
    let resources =
        doc.add_object(dictionary! { "Font" => dictionary! { "F1" => f1, "F2" => f2 } });
    let content = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if encrypt {
        // A standard security handler whose user password is not empty: unreadable
        // without it.
        let encrypt = doc.add_object(dictionary! {
            "Filter" => "Standard", "V" => 1, "R" => 2, "P" => -4,
            "O" => Object::string_literal(vec![7u8; 32]),
            "U" => Object::string_literal(vec![9u8; 32]),
        });
        doc.trailer.set("Encrypt", encrypt);
        doc.trailer.set(
            "ID",
            vec![
                Object::string_literal(vec![1u8; 16]),
                Object::string_literal(vec![1u8; 16]),
            ],
        );
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

const JD_PAGE: &str = "BT /F2 24 Tf 72 760 Td (Data Analyst) Tj ET \
BT /F1 12 Tf 72 730 Td (Grade: HEO) Tj ET \
BT /F2 18 Tf 72 700 Td (Behaviours) Tj ET \
BT /F1 12 Tf 72 670 Td (\\225) Tj 90 670 Td ET \
BT /F1 12 Tf 90 670 Td (Working Together) Tj ET \
BT /F1 12 Tf 72 655 Td (\\225) Tj ET \
BT /F1 12 Tf 90 655 Td (Delivering at Pace) Tj ET \
BT /F1 12 Tf 300 40 Td (1) Tj ET";

fn err(file: &str, bytes: &[u8]) -> String {
    read(file, bytes).unwrap_err().to_string()
}

#[test]
fn a_docx_reads_into_markdown() {
    assert_eq!(
        read("jd.docx", &docx()).unwrap(),
        "# Data Analyst\n\n## Behaviours\n\n* Working Together\n"
    );
    // By content alone too.
    assert_eq!(
        read("jd", &docx()).unwrap(),
        read("jd.docx", &docx()).unwrap()
    );
}

#[test]
fn a_text_pdf_reads_headings_by_size_and_bullets() {
    assert_eq!(
        read("jd.pdf", &pdf(JD_PAGE, false)).unwrap(),
        "# Data Analyst\n\nGrade: HEO\n\n## Behaviours\n\n* Working Together\n* Delivering at Pace\n"
    );
}

#[test]
fn a_pdf_without_text_is_scanned() {
    let scan = pdf("q 100 0 0 100 0 0 cm 0 0 m 1 1 l S Q", false);
    assert_eq!(
        err("scan.pdf", &scan),
        "scan.pdf: this PDF has no text layer: it looks scanned; import the original document, or a PDF saved from it"
    );
}

#[test]
fn an_encrypted_pdf_is_refused() {
    assert_eq!(
        err("locked.pdf", &pdf(JD_PAGE, true)),
        "locked.pdf: this PDF is password-protected; save a copy without the password and import that"
    );
}

#[test]
fn a_docx_that_is_really_a_pdf_says_so() {
    assert_eq!(
        err("jd.docx", &pdf(JD_PAGE, false)),
        "jd.docx: the name says this is a Word document (.docx), but the file is a PDF; rename it or save it again in the right format"
    );
    assert!(err("jd.pdf", &docx()).contains("the file is a Word document (.docx)"));
    assert!(err("jd.docx", b"# Data Analyst\n").contains("the file is a text file"));
}

#[test]
fn a_corrupt_zip_is_damaged() {
    let mut bytes = docx();
    bytes.truncate(bytes.len() / 2);
    let e = err("cut.docx", &bytes);
    assert!(
        e.starts_with("cut.docx: this Word document (.docx) is damaged and cannot be read ("),
        "{e}"
    );
    let e = err("junk.odt", b"PK\x03\x04 not really a zip");
    assert!(
        e.starts_with("junk.odt: this OpenDocument text (.odt) is damaged"),
        "{e}"
    );
}

#[test]
fn a_zip_bomb_is_refused_at_the_cap() {
    let mut xml = String::from(r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>"#);
    xml.push_str(&" ".repeat(zipped::MAX_UNPACKED as usize + 1));
    xml.push_str("</w:t></w:r></w:p></w:body></w:document>");
    let bomb = zip(&[("word/document.xml", xml.as_bytes())]);
    assert!(bomb.len() < 1_000_000, "the bomb is small: {}", bomb.len());
    assert_eq!(
        err("bomb.docx", &bomb),
        "bomb.docx: this Word document (.docx) unpacks to more than 32 MB, so it was refused (a job description is far smaller)"
    );
}

#[test]
fn password_protected_and_old_office_files_are_named() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    let plain_ole = ole.clone();
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        err("secret.docx", &ole),
        "secret.docx: this Office document is password-protected; save a copy without the password and import that"
    );
    assert_eq!(
        err("old.doc", &plain_ole),
        "old.doc: this is an old-style Office file (such as a Word .doc), which cannot be read; save it as .docx, .odt, .pdf or text and import that"
    );
    let odt = zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        (
            "META-INF/manifest.xml",
            b"<manifest><file-entry><encryption-data/></file-entry></manifest>",
        ),
        ("content.xml", b"\x00\x01"),
    ]);
    assert!(err("secret.odt", &odt).contains("is password-protected"));
    let xlsx = zip(&[("xl/workbook.xml", b"<workbook/>")]);
    assert_eq!(
        err("sheet.xlsx", &xlsx),
        "sheet.xlsx: this is a spreadsheet, not a text document; save it as .docx, .odt, .pdf or text and import that"
    );
}

#[test]
fn html_pages_are_detected_by_content() {
    let page = b"<!DOCTYPE html><html><body><nav>Menu</nav><main><h1>Analyst</h1><p>Grade: HEO</p></main></body></html>";
    assert_eq!(read("advert", page).unwrap(), "# Analyst\n\nGrade: HEO\n");
    assert_eq!(
        read("advert.htm", page).unwrap(),
        "# Analyst\n\nGrade: HEO\n"
    );
}

/// Every prefix and many bit flips of each kind of document: an error or a reading, never a
/// panic.
#[test]
fn damaged_documents_never_panic() {
    let samples: Vec<(&str, Vec<u8>)> = vec![
        ("a.docx", docx()),
        ("a.pdf", pdf(JD_PAGE, false)),
        ("a.pdf", pdf(JD_PAGE, true)),
        ("a.html", b"<!DOCTYPE html><main><table><tr><td><ul><li>x</ul></td></tr></table><dl><dt>Grade<dd>7</dl></main>".to_vec()),
        ("a.txt", b"Title\n\nBehaviours\n\n\xE2\x80\xA2 one\n  \xE2\x80\xA2 two\n".to_vec()),
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (name, bytes) in samples {
        let step = (bytes.len() / 60).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            let _ = read(name, &bytes[..cut]);
        }
        for _ in 0..150 {
            let mut flipped = bytes.clone();
            for _ in 0..1 + next() % 4 {
                let i = (next() % flipped.len() as u64) as usize;
                flipped[i] ^= 1 << (next() % 8);
            }
            let _ = read(name, &flipped);
        }
    }
}
