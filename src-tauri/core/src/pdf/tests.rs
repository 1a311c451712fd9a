use super::*;
use crate::circular::{Annex, Point};
use crate::exchange;

fn fixture(name: &str) -> Circular {
    let path = format!(
        "{}/../../tests/fixtures/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    exchange::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The document info's CreationDate and ModDate, as written.
fn dates(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info).unwrap();
    [b"CreationDate".as_slice(), b"ModDate"]
        .map(|key| String::from_utf8_lossy(info.get(key).unwrap().as_str().unwrap()).into_owned())
        .to_vec()
}

#[test]
fn an_issued_circular_is_dated_its_issue_and_a_draft_the_time_it_is_rendered() {
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(3, 4, 5)
        .unwrap()
        .and_utc();
    let mut c = fixture("muba-800-439-bkpsdm-2020");
    assert_eq!(c.issued_on, chrono::NaiveDate::from_ymd_opt(2020, 5, 12));
    let issued = render(&c, PaperSize::F4, now).unwrap();
    assert_eq!(dates(&issued), ["D:20200512000000+00'00'"; 2]);
    c.issued_on = None;
    c.number.clear();
    assert_eq!(
        dates(&render(&c, PaperSize::F4, now).unwrap()),
        ["D:20261124030405+00'00'"; 2]
    );
}

#[test]
fn the_preview_shows_the_printed_pages_with_their_text_inside_the_sheet() {
    let c = fixture("muba-800-439-bkpsdm-2020");
    let p = preview(&c, PaperSize::F4, 20).unwrap();
    assert!(p.page_count >= 1 && p.pages.len() == p.page_count);
    let all = p.pages.concat();
    for needle in [
        "800/439/BKPSDM/2020",
        "SURAT EDARAN",
        "TENTANG",
        "Tembusan:",
    ] {
        assert!(all.contains(needle), "preview lacks {needle}");
    }
    let width = Sheet::new(PaperSize::F4).width;
    for x in all.split("<tspan x=\"").skip(1) {
        let x: f32 = x[..x.find('"').unwrap()].parse().unwrap();
        assert!(
            (0.0..width).contains(&x),
            "text starts off the sheet at {x}"
        );
    }
    assert_eq!(
        all.matches("<text ").count(),
        all.matches("</text>").count()
    );
    if let Ok(dir) = std::env::var("EDARAN_PREVIEW_DIR") {
        for (i, page) in p.pages.iter().enumerate() {
            std::fs::write(format!("{dir}/page-{}.svg", i + 1), page).unwrap();
        }
    }
}

#[test]
fn page_keeping_holds_over_a_sweep_of_body_lengths() {
    let base = fixture("muba-800-439-bkpsdm-2020");
    let line = "Kepala Perangkat Daerah melaporkan pelaksanaannya.";
    let mut seen_pages = std::collections::BTreeSet::new();
    for paper in [PaperSize::F4, PaperSize::A4] {
        for extra in 0..=40 {
            // Extra one-line points, and one paragraph growing line by line.
            let mut points = base.clone();
            let at = points.points.len() - 1;
            points
                .points
                .splice(at..at, (0..extra).map(|_| Point::new(line)));
            let mut paragraph = base.clone();
            let words =
                "pegawai melaksanakan tugas kedinasan dari rumah dengan tertib ".repeat(extra);
            if extra > 0 {
                paragraph.points.insert(at, Point::new(words.trim()));
            }
            let mut long_copies = base.clone();
            long_copies.copies = (1..=8)
                .map(|i| format!("Pejabat ke-{i} di Sekayu"))
                .collect();
            long_copies.points = points.points.clone();
            for (what, c) in [
                ("butir", &points),
                ("paragraf", &paragraph),
                ("tembusan", &long_copies),
            ] {
                let placed = layout(c, paper).unwrap();
                seen_pages.insert(placed.last().unwrap().page);
                let found = faults(&placed);
                assert!(found.is_empty(), "{paper:?}, {extra} {what}: {found:?}");
            }
        }
    }
    assert!(
        seen_pages.len() >= 2,
        "the sweep crosses page breaks: {seen_pages:?}"
    );
}

#[test]
fn the_fault_finder_sees_a_lonely_signature() {
    let placed = |page, part, group, line, lines| Placed {
        page,
        part,
        group,
        line,
        lines,
        y: 0.0,
    };
    let lonely = vec![
        placed(1, Part::Body, 0, 0, 1),
        placed(1, Part::Body, 1, 0, 1),
        placed(2, Part::Signature, 0, 0, 2),
        placed(2, Part::Signature, 0, 1, 2),
    ];
    assert_eq!(faults(&lonely).len(), 1, "{:?}", faults(&lonely));
    let widow = vec![
        placed(1, Part::Body, 0, 0, 3),
        placed(1, Part::Body, 0, 1, 3),
        placed(2, Part::Body, 0, 2, 3),
    ];
    assert_eq!(faults(&widow).len(), 1, "{:?}", faults(&widow));
}

#[test]
fn a_preview_is_capped_but_counts_every_page() {
    let mut c = fixture("muba-800-439-bkpsdm-2020");
    c.annexes = vec![Annex {
        title: "Daftar".into(),
        columns: vec!["No".into(), "Nama".into()],
        widths: Vec::new(),
        rows: (1..=400)
            .map(|i| vec![i.to_string(), format!("Pegawai {i}")])
            .collect(),
    }];
    let p = preview(&c, PaperSize::A4, 3).unwrap();
    assert_eq!(p.pages.len(), 3);
    assert!(p.page_count > 8, "{}", p.page_count);
}

#[test]
fn the_preview_draws_emphasis_in_italic_and_bold_without_the_markers() {
    let mut c = fixture("muba-800-439-bkpsdm-2020");
    for p in &mut c.points {
        p.text = p.text.replace("(Work From Home)", "(_Work From Home_)");
    }
    c.points[2].text =
        "Pegawai *wajib* melapor secara _online_ ke bkd_muba@mail.go.id dengan *_tanda tangan elektronik_*."
            .into();
    let page = &preview(&c, PaperSize::F4, 1).unwrap().pages[0];
    let run = |text: &str| {
        let at = page.find(text).unwrap_or_else(|| panic!("{text}"));
        let start = page[..at].rfind("<text ").unwrap();
        page[start..page[start..].find('>').unwrap() + start].to_string()
    };
    let italic = r#"font-style="italic""#;
    let bold = r#"font-weight="bold""#;
    // One tspan per word of a justified line.
    assert!(run("Work").contains(italic) && run(" Home").contains(italic));
    assert!(run("online").contains(italic) && !run("online").contains(bold));
    assert!(run("wajib").contains(bold) && !run("wajib").contains(italic));
    let both = run("elektronik");
    assert!(both.contains(italic) && both.contains(bold), "{both}");
    assert!(page.contains("bkd_muba@mail.go.id"));
    for marker in ["_Work", "_online", "*wajib", "elektronik_"] {
        assert!(!page.contains(marker), "{marker} printed");
    }
}
