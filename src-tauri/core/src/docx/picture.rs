//! Pictures in the Word file (the emblem, the signature, the stamp): each
//! stored once in `word/media/` and drawn inline in a line or floating
//! behind the text.

use std::fmt::Write;

use super::xml::escape;
use crate::error::Result;

/// English Metric Units per point.
const EMU: f32 = 12_700.0;

/// A picture stored in the package: its relationship id and pixel size.
#[derive(Debug, Clone)]
pub struct Picture {
    rel: String,
    width: usize,
    height: usize,
}

impl Picture {
    pub fn width_over_height(&self) -> f32 {
        self.width as f32 / self.height as f32
    }

    /// Height in points when drawn `width` points wide.
    pub fn height_at(&self, width: f32) -> f32 {
        width * self.height as f32 / self.width as f32
    }
}

/// A file of `word/media/`: its name and bytes.
pub struct Media {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The pictures of one document.
#[derive(Default)]
pub struct Pictures {
    pub media: Vec<Media>,
    known: Vec<(Vec<u8>, Picture)>,
    /// Drawings placed so far (each needs its own id).
    drawn: usize,
}

impl Pictures {
    /// Stores `bytes` (PNG or JPEG; `what` names it in a refusal) once,
    /// however often it is drawn.
    pub fn add(&mut self, bytes: &Option<Vec<u8>>, what: &str) -> Result<Option<Picture>> {
        let Some(bytes) = bytes else { return Ok(None) };
        if let Some((_, known)) = self.known.iter().find(|(b, _)| b == bytes) {
            return Ok(Some(known.clone()));
        }
        let (mime, image) = crate::pdf::read_image(bytes, what)?;
        let extension = if mime == "image/png" { "png" } else { "jpeg" };
        let n = self.media.len() + 1;
        self.media.push(Media {
            name: format!("gambar{n}.{extension}"),
            bytes: bytes.clone(),
        });
        let picture = Picture {
            rel: format!("rIdGambar{n}"),
            width: image.width,
            height: image.height,
        };
        self.known.push((bytes.clone(), picture.clone()));
        Ok(Some(picture))
    }

    /// The relationships of the stored pictures, for `document.xml.rels`.
    pub fn relationships(&self) -> String {
        let mut out = String::new();
        for (i, m) in self.media.iter().enumerate() {
            let _ = write!(
                out,
                "<Relationship Id=\"rIdGambar{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/{}\"/>",
                i + 1,
                m.name
            );
        }
        out
    }

    /// A run showing `p` in the line, `width` points wide.
    pub fn inline(&mut self, p: &Picture, width: f32, name: &str) -> String {
        let (cx, cy) = extent(p, width);
        let (id, graphic) = self.graphic(p, cx, cy, name);
        format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\" name=\"{}\"/>{graphic}\
             </wp:inline></w:drawing></w:r>",
            escape(name)
        )
    }

    /// A run anchoring `p` behind the text, `width` points wide, its top
    /// left `x` points from the left edge of the column (or table cell)
    /// and `y` points below the top of the paragraph holding it.
    pub fn behind(&mut self, p: &Picture, width: f32, x: f32, y: f32, name: &str) -> String {
        let (cx, cy) = extent(p, width);
        let (id, graphic) = self.graphic(p, cx, cy, name);
        format!(
            "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" \
             relativeHeight=\"{id}\" behindDoc=\"1\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">\
             <wp:simplePos x=\"0\" y=\"0\"/>\
             <wp:positionH relativeFrom=\"column\"><wp:posOffset>{}</wp:posOffset></wp:positionH>\
             <wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>{}</wp:posOffset></wp:positionV>\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>\
             <wp:wrapNone/><wp:docPr id=\"{id}\" name=\"{}\"/><wp:cNvGraphicFramePr/>{graphic}\
             </wp:anchor></w:drawing></w:r>",
            (x * EMU).round() as i64,
            (y * EMU).round() as i64,
            escape(name)
        )
    }

    /// A new drawing id and the `a:graphic` showing `p` at `cx` × `cy` EMU.
    fn graphic(&mut self, p: &Picture, cx: i64, cy: i64, name: &str) -> (usize, String) {
        self.drawn += 1;
        let id = self.drawn;
        let graphic = format!(
            "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
             <a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{}\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>",
            escape(name),
            p.rel
        );
        (id, graphic)
    }
}

/// `p`'s size in EMU when drawn `width` points wide.
fn extent(p: &Picture, width: f32) -> (i64, i64) {
    (
        (width * EMU).round() as i64,
        (p.height_at(width) * EMU).round() as i64,
    )
}
