//! At 1366×768, the usual office laptop: every page of the side menu shows its
//! main actions without horizontal scrolling, and they stay in view when the
//! page is scrolled to its end.

use fantoccini::Client;

use crate::app::*;

/// The element at `selector` is inside the viewport, not covered or clipped
/// (the point at its centre is the element), and neither the window nor the
/// content area scrolls sideways. `Ok` or what is wrong.
const IN_VIEW: &str = r#"
const el = document.querySelector(arguments[0]);
if (!el) return 'not on the page';
const r = el.getBoundingClientRect();
const [w, h] = [window.innerWidth, window.innerHeight];
if (r.width === 0 || r.height === 0) return 'not shown';
if (r.left < 0 || r.top < 0 || r.right > w || r.bottom > h)
  return `outside the ${w}×${h} viewport: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
if (!hit || !(hit === el || el.contains(hit) || hit.contains(el)))
  return `covered by ${hit ? hit.outerHTML.slice(0, 120) : 'nothing'}`;
const page = document.scrollingElement;
if (page.scrollWidth > page.clientWidth) return `the window scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`;
const content = document.querySelector('main.content');
if (content.scrollWidth > content.clientWidth)
  return `the content area scrolls sideways (${content.scrollWidth} > ${content.clientWidth})`;
return 'ok';
"#;

/// Scrolls every scroll container on the page (the content area, the
/// editor's form and preview) to its end, as a clerk reading to the bottom.
const SCROLL_TO_END: &str = r#"
for (const el of document.querySelectorAll('main.content, main.content *')) {
  if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible') el.scrollTop = el.scrollHeight;
}
"#;

async fn assert_in_view(client: &Client, selector: &str) {
    poll(async || {
        let said = client
            .execute(IN_VIEW, vec![selector.into()])
            .await
            .map_err(|e| e.to_string())?;
        match said.as_str() {
            Some("ok") => Ok(()),
            other => Err(format!("{selector}: {}", other.unwrap_or("?"))),
        }
    })
    .await
    .unwrap_or_else(|why| panic!("not in view at {WIDTH}×{HEIGHT}: {why}"));
}

/// Asserts `actions` are in view, scrolls to the end and asserts them (and
/// the side menu) again, then takes `layout-<name>.png` at the end.
async fn check_page(client: &Client, name: &str, actions: &[&str]) {
    for selector in actions {
        assert_in_view(client, selector).await;
    }
    client.execute(SCROLL_TO_END, vec![]).await.unwrap();
    for selector in actions.iter().chain(&["[data-testid=\"nav-pengaturan\"]"]) {
        assert_in_view(client, selector).await;
    }
    screenshot(client, &format!("layout-{name}.png")).await;
}

pub(crate) async fn layout_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;
    laptop_window(&app).await;

    find(&app, "no-active").await;
    check_page(
        &app,
        "beranda",
        &[&css("dashboard-date"), &css("dashboard-today")],
    )
    .await;

    click(&app, "nav-surat-edaran").await;
    find(&app, "circular-row").await;
    check_page(
        &app,
        "surat-edaran",
        &[&css("new-circular"), &css("import-json")],
    )
    .await;

    // The demo's draft in the editor: its workflow stays above the long form.
    click_in_row(&app, "circular-row", "Draf", "open-circular").await;
    find(&app, "preview-page").await;
    check_page(
        &app,
        "editor",
        &[
            &css("back-to-list"),
            &css("action-terbit"),
            &css("action-riwayat"),
            &css("paper"),
        ],
    )
    .await;

    // A dialog at this size: its fields and labels stay inside it.
    click(&app, "back-to-list").await;
    click_text(&app, "open-circular", "800/2/BKPSDM/2020").await;
    click(&app, "action-perpanjang-pilihan").await;
    find(&app, "ext-holiday").await;
    let spilled = app
        .execute(
            r#"const d = document.querySelector('.dialog').getBoundingClientRect();
               return [...document.querySelectorAll('.dialog *')]
                 .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < d.left || r.right > d.right); })
                 .map((e) => e.outerHTML.slice(0, 80));"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(spilled, serde_json::json!([]), "spills out of the dialog");
    let squeezed = app
        .execute(
            r#"return [...document.querySelectorAll('.dialog label')]
                 .filter((l) => l.getBoundingClientRect().height > 3 * parseFloat(getComputedStyle(l).lineHeight))
                 .map((l) => l.textContent.trim());"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        squeezed,
        serde_json::json!([]),
        "labels squeezed into a narrow column"
    );
    assert_in_view(&app, &css("ext-holiday")).await;
    assert_in_view(&app, &css("confirm-perpanjang")).await;
    screenshot(&app, "layout-dialog-perpanjang.png").await;
    // Closed as a clerk does, with Escape.
    app.execute(
        "window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))",
        vec![],
    )
    .await
    .unwrap();

    click(&app, "nav-pegawai").await;
    find(&app, "employee-row").await;
    let first_row = "[data-testid=\"employee-row\"] .row-actions button";
    check_page(
        &app,
        "pegawai",
        &[&css("employee-new"), &css("employees-import")],
    )
    .await;
    // Rows are at most two lines and the first row's Ubah/Hapus is on screen.
    let rows = app
        .execute(
            r#"const rows = [...document.querySelectorAll('[data-testid="employee-row"]')];
               const line = parseFloat(getComputedStyle(rows[0]).lineHeight);
               return rows.filter((r) => r.getBoundingClientRect().height >= 3 * line).length;"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        rows,
        serde_json::json!(0),
        "employee rows taller than two lines"
    );
    app.execute(
        "document.querySelector('main.content').scrollTop = 0",
        vec![],
    )
    .await
    .unwrap();
    assert_in_view(&app, &format!("{first_row}:last-child")).await;

    click(&app, "nav-pengecualian").await;
    find(&app, "rules-save").await;
    check_page(
        &app,
        "pengecualian",
        &[&css("rules-circular"), &css("rules-save")],
    )
    .await;

    click(&app, "nav-piket").await;
    find(&app, "piket-circular").await;
    // A day-by-day grid makes the page long.
    app.execute(
        "const s = document.querySelector(arguments[0]); s.selectedIndex = 1; s.dispatchEvent(new Event('change'));",
        vec![css("grid-agency").into()],
    )
    .await
    .unwrap();
    find(&app, "agency-grid").await;
    check_page(
        &app,
        "piket",
        &[&css("piket-circular"), &css("roster-generate")],
    )
    .await;

    click(&app, "nav-kalender").await;
    find(&app, "kalender-year").await;
    check_page(&app, "kalender", &[&css("amend"), &css("holidays-import")]).await;

    click(&app, "nav-verifikasi").await;
    check_page(&app, "verifikasi", &[&css("verify-pick")]).await;

    click(&app, "nav-pengaturan").await;
    find(&app, "office-form").await;
    assert_in_view(
        &app,
        "[data-testid=\"office-form\"] button[type=\"submit\"]",
    )
    .await;
    check_page(&app, "pengaturan", &[&css("nav-beranda")]).await;

    app.close().await.unwrap();
    drop(driver);
}
