//! The DOCX package: the document's body in its section (page size,
//! margins, the page number on continuation pages), the styles (Arial
//! 12 pt, Indonesian), the numbering definitions, the pictures, the core
//! properties, zipped with fixed timestamps so the same input gives the
//! same bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::xml::{escape, twips};
use super::{Doc, COPIES, POINTS};
use crate::error::{Error, Result};
use crate::pdf::{FOLIO_SIZE, MM, STEP};
use crate::ErrorCode;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// The points' levels in Word's terms: number format and label text,
/// the labels [`numbering_label`](crate::circular::numbering_label) gives (`1.`, `a.`, `1)`, `a)`, `(1)`).
pub(super) const LEVELS: [(&str, &str); 5] = [
    ("decimal", "%1."),
    ("lowerLetter", "%2."),
    ("decimal", "%3)"),
    ("lowerLetter", "%4)"),
    ("decimal", "(%5)"),
];

/// The whole package of `doc`, titled `title`.
pub(super) fn zip(doc: &Doc, title: &str) -> Result<Vec<u8>> {
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types().into_bytes()),
        ("_rels/.rels".into(), package_rels().into_bytes()),
        ("docProps/core.xml".into(), core(title).into_bytes()),
        ("word/document.xml".into(), document(doc).into_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels(doc).into_bytes(),
        ),
        ("word/styles.xml".into(), styles().into_bytes()),
        ("word/numbering.xml".into(), numbering().into_bytes()),
        ("word/settings.xml".into(), settings().into_bytes()),
        ("word/header1.xml".into(), folio().into_bytes()),
    ];
    for m in &doc.pictures.media {
        parts.push((format!("word/media/{}", m.name), m.bytes.clone()));
    }
    let failed = |e: String| Error::Refused {
        code: ErrorCode::GagalMenulis,
        message: format!("Berkas Word tidak dapat disusun: {e}"),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in parts {
        zip.start_file(name, options)
            .map_err(|e| failed(e.to_string()))?;
        zip.write_all(&bytes).map_err(|e| failed(e.to_string()))?;
    }
    Ok(zip
        .finish()
        .map_err(|e| failed(e.to_string()))?
        .into_inner())
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"png\" ContentType=\"image/png\"/>\
         <Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"{main}.numbering+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/>\
         <Override PartName=\"/word/header1.xml\" ContentType=\"{main}.header+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         </Types>"
    )
}

fn package_rels() -> String {
    format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{R}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>"
    )
}

fn document_rels(doc: &Doc) -> String {
    format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdGaya\" Type=\"{R}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdPenomoran\" Type=\"{R}/numbering\" Target=\"numbering.xml\"/>\
         <Relationship Id=\"rIdPengaturan\" Type=\"{R}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdKepala\" Type=\"{R}/header\" Target=\"header1.xml\"/>\
         {}</Relationships>",
        doc.pictures.relationships()
    )
}

/// Title and creator only: no dates, so the file depends on nothing but its input.
fn core(title: &str) -> String {
    format!(
        "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <dc:title>{}</dc:title><dc:creator>Edaran</dc:creator></cp:coreProperties>",
        escape(title)
    )
}

/// The body in one section: the paper, the PDF's margins, the page
/// number in the top margin of every page but the first.
fn document(doc: &Doc) -> String {
    let s = &doc.sheet;
    // The number's baseline is `folio` below the paper's edge; Word places
    // the top of its line, about an ascender higher.
    let header = s.folio - FOLIO_SIZE * 0.905;
    format!(
        "{XML}<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" \
         xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
         xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{}\
         <w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdKepala\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>\
         <w:titlePg/></w:sectPr></w:body></w:document>",
        doc.xml,
        twips(s.width),
        twips(s.height),
        twips(s.top),
        twips(s.right),
        twips(s.bottom),
        twips(s.left),
        twips(header),
        twips(10.0 * MM),
    )
}

/// Arial 12 pt in Indonesian, single lines, no space between paragraphs.
fn styles() -> String {
    format!(
        "{XML}<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
         <w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"id-ID\" w:eastAsia=\"id-ID\" w:bidi=\"ar-SA\"/>\
         </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>\
         </w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:widowControl/></w:pPr></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/></w:tblPr></w:style></w:styles>"
    )
}

/// The points' list (five levels, each indented one step further with
/// its label hanging) and the tembusan's (`1.`, `2.` …).
fn numbering() -> String {
    let mut points = String::new();
    for (level, (format, text)) in LEVELS.iter().enumerate() {
        let _ = write!(
            points,
            "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/>\
             <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
             <w:pPr><w:ind w:left=\"{}\" w:hanging=\"{}\"/></w:pPr></w:lvl>",
            twips(STEP * (level + 1) as f32),
            twips(STEP)
        );
    }
    let label = twips(crate::pdf::text_width("99. ", crate::pdf::COPIES_SIZE));
    format!(
        "{XML}<w:numbering xmlns:w=\"{W}\">\
         <w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>{points}</w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>\
         <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>\
         <w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{label}\" w:hanging=\"{label}\"/></w:pPr></w:lvl></w:abstractNum>\
         <w:num w:numId=\"{POINTS}\"><w:abstractNumId w:val=\"0\"/></w:num>\
         <w:num w:numId=\"{COPIES}\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"
    )
}

fn settings() -> String {
    format!(
        "{XML}<w:settings xmlns:w=\"{W}\"><w:defaultTabStop w:val=\"720\"/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>\
         <w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>\
         </w:compat></w:settings>"
    )
}

/// `- 2 -` centred at the top of continuation pages (the section's first
/// page has its own, empty header).
fn folio() -> String {
    let size = (FOLIO_SIZE * 2.0).round() as i64;
    let run = |text: &str| {
        format!(
            "<w:r><w:rPr><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr>\
             <w:t xml:space=\"preserve\">{text}</w:t></w:r>"
        )
    };
    format!(
        "{XML}<w:hdr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{}\
         <w:fldSimple w:instr=\" PAGE \">{}</w:fldSimple>{}</w:p></w:hdr>",
        run("- "),
        run("2"),
        run(" -")
    )
}
