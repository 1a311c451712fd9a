//! The real app under WebDriver: `tauri-driver` in its own process group,
//! element helpers by `data-testid`, screenshots, and native file dialogs
//! answered through xdotool as a user would type into them.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use edaran_tests::built_binary;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

pub(crate) const WAIT: Duration = Duration::from_secs(20);

/// `tauri-driver` in its own process group; dropping it kills the whole group
/// (tauri-driver leaves WebKitWebDriver and the app behind otherwise).
pub(crate) struct Driver {
    child: Child,
    port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    pub(crate) fn start(db: &Path, log: &Path) -> Driver {
        Driver::start_with(db, log, &[])
    }

    /// As `start`, the app seeing the extra environment `env` (e.g. a locale).
    pub(crate) fn start_with(db: &Path, log: &Path, env: &[(&str, &str)]) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "E2E butuh layar X: jalankan lewat scripts/test.sh (xvfb-run)."
        );
        let (port, native_port) = (free_port(), free_port());
        let log = std::fs::File::create(log).unwrap();
        let child = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("EDARAN_DB", db)
            // The app's own settings (the remembered window size) per run.
            .env("XDG_CONFIG_HOME", db.with_extension("config"))
            .envs(env.iter().copied())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .process_group(0)
            .spawn()
            .expect("tauri-driver is installed (scripts/setup.sh test)");
        let driver = Driver { child, port };
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let start = Instant::now();
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(
                start.elapsed() < WAIT,
                "tauri-driver did not listen on {addr}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }

    /// Launches the app in a new WebDriver session, waiting for its menu.
    pub(crate) async fn open_app(&self) -> Client {
        let client = self.open_window().await;
        find(&client, "nav-beranda").await;
        client
    }

    /// Launches the app in a new WebDriver session, whatever it shows first.
    /// WebKitWebDriver now and then drops the very first session request
    /// on a fresh profile (`IncompleteMessage`); it is asked again.
    pub(crate) async fn open_window(&self) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary() }),
        );
        let mut tries = 0;
        loop {
            tries += 1;
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", self.port))
                .await
            {
                Ok(client) => return client,
                Err(e) if tries < 3 => eprintln!("WebDriver session, try {tries}: {e}"),
                Err(e) => panic!("WebDriver session with the app: {e}"),
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        unsafe { libc::kill(-(self.child.id() as i32), libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

/// The screen the layout must fit: the usual office laptop.
pub(crate) const WIDTH: u32 = 1366;
pub(crate) const HEIGHT: u32 = 768;

/// Sizes the window to [`WIDTH`]×[`HEIGHT`] and waits until it is.
pub(crate) async fn laptop_window(client: &Client) {
    client.set_window_size(WIDTH, HEIGHT).await.unwrap();
    poll(async || {
        let size = client
            .execute("return [window.outerWidth, window.outerHeight]", vec![])
            .await
            .map_err(|e| e.to_string())?;
        (size == serde_json::json!([WIDTH, HEIGHT]))
            .then_some(())
            .ok_or(format!("window is {size}"))
    })
    .await
    .unwrap();
}

pub(crate) fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

pub(crate) async fn find(client: &Client, testid: &str) -> Element {
    match client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&css(testid)))
        .await
    {
        Ok(el) => el,
        Err(e) => give_up(client, format!("no element {testid}: {e}")).await,
    }
}

/// Fails the step with what the clerk would have seen: the window's text in
/// the message (all a CI log keeps) and its screenshot beside the others.
async fn give_up(client: &Client, why: String) -> ! {
    let text = client
        .execute("return document.body.innerText", vec![])
        .await
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .unwrap_or_else(|e| format!("({e})"));
    let at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    let path = output_dir().join(format!("gagal-{at}.png"));
    let saved = match client.screenshot().await {
        Ok(png) => std::fs::write(&path, png).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    let shot = saved.map_or_else(
        |e| format!("no screenshot: {e}"),
        |()| path.display().to_string(),
    );
    let text: String = text.chars().take(3000).collect();
    panic!("{why}\nshown then ({shot}):\n{text}")
}

/// Runs `probe` every 150 ms until it gives a value, for at most `WAIT`;
/// afterwards, the reason it gave last. Every helper below reads the page
/// through this, so an element that Svelte re-rendered meanwhile (stale) is
/// simply found again on the next round.
pub(crate) async fn poll<T>(
    mut probe: impl AsyncFnMut() -> Result<T, String>,
) -> Result<T, String> {
    let start = Instant::now();
    loop {
        match probe().await {
            Ok(value) => return Ok(value),
            Err(why) if start.elapsed() > WAIT => return Err(format!("{why} after {WAIT:?}")),
            Err(_) => tokio::time::sleep(Duration::from_millis(150)).await,
        }
    }
}

/// The elements with `testid` now (none while the page is changing).
async fn all(client: &Client, testid: &str) -> Vec<Element> {
    client
        .find_all(Locator::Css(&css(testid)))
        .await
        .unwrap_or_default()
}

pub(crate) async fn click(client: &Client, testid: &str) {
    click_text(client, testid, "").await;
}

/// Clicks the first element with `testid` whose text contains `text` (any
/// such element for ""), waiting for it.
pub(crate) async fn click_text(client: &Client, testid: &str, text: &str) {
    click_in(client, &css(testid), text, None, Pick::First).await;
}

/// Clicks the button `inner` inside the first element with `testid` whose
/// text contains `text` (a list row's *Buka*), waiting for it.
pub(crate) async fn click_in_row(client: &Client, testid: &str, text: &str, inner: &str) {
    click_in(client, &css(testid), text, Some(&css(inner)), Pick::First).await;
}

/// Clicks the last element with `testid` (the newest point's *hapus*).
pub(crate) async fn click_last(client: &Client, testid: &str) {
    click_in(client, &css(testid), "", None, Pick::Last).await;
}

/// Clicks the first element matching the CSS `selector` (a grid cell's
/// button, a row's button without a test id).
pub(crate) async fn click_css(client: &Client, selector: &str) {
    click_in(client, selector, "", None, Pick::First).await;
}

/// Which of the matching elements a click aims at.
#[derive(Clone, Copy)]
enum Pick {
    First,
    Last,
}

/// The one click: the element matching `selector` and showing `text` (or
/// the `inner` element inside it), once it is settled.
async fn click_in(client: &Client, selector: &str, text: &str, inner: Option<&str>, pick: Pick) {
    let what = format!(
        "{selector} showing {text:?}{}",
        inner.map(|i| format!(" → {i}")).unwrap_or_default()
    );
    let clicked = poll(async || {
        let mut found = client
            .find_all(Locator::Css(selector))
            .await
            .unwrap_or_default();
        if let Pick::Last = pick {
            found.reverse();
        }
        for el in found {
            if text.is_empty() || el.text().await.is_ok_and(|t| t.contains(text)) {
                let el = match inner {
                    Some(inner) => el
                        .find(Locator::Css(inner))
                        .await
                        .map_err(|e| format!("no {what}: {e}"))?,
                    None => el,
                };
                // That one or, next round, that one again: never the next in line.
                if !settled(client, &el).await {
                    return Err(format!(
                        "{what}: the page is still loading, moving or covered"
                    ));
                }
                return el
                    .click()
                    .await
                    .map_err(|e| format!("cannot click {what}: {e}"));
            }
        }
        Err(format!("no {what}"))
    })
    .await;
    if let Err(why) = clicked {
        give_up(client, why).await
    }
}

/// Brings `el` mid-view, as a clerk scrolls a tall dialog clear of its sticky
/// buttons, and tells whether it is ready to click as a clerk would: nothing
/// still loading before it (in its dialog, or on the page), its box still for
/// two frames, nothing over its centre. A section that finishes loading above
/// a button pushes it down; a click aimed before that lands on whatever took
/// its place (another signatory's row, say).
async fn settled(client: &Client, el: &Element) -> bool {
    const SCRIPT: &str = "
        const [el, done] = arguments;
        const scope = el.closest('[role=dialog]') || document;
        const loading = [...scope.querySelectorAll('.loading')]
            .some(l => l.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (loading) return done(false);
        el.scrollIntoView({block: 'center'});
        const box = () => JSON.stringify(el.getBoundingClientRect());
        const before = box();
        requestAnimationFrame(() => requestAnimationFrame(() => {
            const r = el.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            done(box() === before && top !== null && el.contains(top));
        }));";
    client
        .execute_async(SCRIPT, vec![serde_json::to_value(el).unwrap()])
        .await
        .is_ok_and(|v| v == serde_json::Value::Bool(true))
}

/// Waits for an element matching the CSS `selector` and returns its
/// attribute `attr`.
pub(crate) async fn wait_for_attr(client: &Client, selector: &str, attr: &str) -> String {
    poll(async || {
        for el in client
            .find_all(Locator::Css(selector))
            .await
            .unwrap_or_default()
        {
            if let Ok(value) = el.attr(attr).await {
                return Ok(value.unwrap_or_default());
            }
        }
        Err(format!("no {selector} with {attr}"))
    })
    .await
    .unwrap_or_else(|why| panic!("{why}"))
}

pub(crate) async fn type_into(client: &Client, testid: &str, text: &str) {
    poll(async || {
        let field = find(client, testid).await;
        field.clear().await.map_err(|e| e.to_string())?;
        field.send_keys(text).await.map_err(|e| e.to_string())
    })
    .await
    .unwrap_or_else(|why| panic!("type into {testid}: {why}"));
}

pub(crate) async fn choose(client: &Client, testid: &str, value: &str) {
    poll(async || {
        let field = find(client, testid).await;
        field
            .select_by_value(value)
            .await
            .map_err(|e| e.to_string())
    })
    .await
    .unwrap_or_else(|why| panic!("select {value} in {testid}: {why}"));
}

/// Waits until an element with `testid` shows `text`, and returns it.
pub(crate) async fn wait_for_text(client: &Client, testid: &str, text: &str) -> Element {
    let found = poll(async || {
        for el in all(client, testid).await {
            if el.text().await.is_ok_and(|t| t.contains(text)) {
                return Ok(el);
            }
        }
        Err(format!("no {testid} showing {text:?}"))
    })
    .await;
    match found {
        Ok(el) => el,
        Err(why) => give_up(client, why).await,
    }
}

/// Waits until exactly `n` elements carry `testid` (a list has settled).
pub(crate) async fn wait_for_count(client: &Client, testid: &str, n: usize) {
    poll(async || match all(client, testid).await.len() {
        found if found == n => Ok(()),
        found => Err(format!("{found} {testid}, not {n}")),
    })
    .await
    .unwrap_or_else(|why| panic!("{why}"));
}

/// Waits until a form field with `testid` holds a value containing `text`,
/// and returns that value.
pub(crate) async fn wait_for_value(client: &Client, testid: &str, text: &str) -> String {
    poll(async || {
        let mut seen = Vec::new();
        for el in all(client, testid).await {
            if let Ok(Some(value)) = el.prop("value").await {
                if value.contains(text) {
                    return Ok(value);
                }
                seen.push(value);
            }
        }
        Err(format!("no {testid} holding {text:?}; values: {seen:?}"))
    })
    .await
    .unwrap_or_else(|why| panic!("{why}"))
}

/// Waits until the preview's first page shows `text`. The preview draws
/// words one by one, so spaces are left out of the comparison.
pub(crate) async fn wait_for_preview(client: &Client, text: &str) {
    let wanted: String = text.split_whitespace().collect();
    poll(async || {
        let page = client
            .execute(
                "const p = document.querySelector('[data-testid=\"preview-page\"]'); return p ? p.textContent : '';",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let shown: String = page.as_str().unwrap_or("").split_whitespace().collect();
        match shown.contains(&wanted) {
            true => Ok(()),
            false => Err(format!("the preview does not show {wanted}: {shown}")),
        }
    })
    .await
    .unwrap_or_else(|why| panic!("{why}"));
}

/// `test-output/e2e/`, where the screenshots and reports go.
pub(crate) fn output_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub(crate) async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let path = output_dir().join(name);
    std::fs::write(&path, client.screenshot().await.unwrap()).unwrap();
    path
}

/// Starts a new WFH circular from Surat Edaran and waits for its first save.
pub(crate) async fn new_draft(client: &Client) {
    click(client, "nav-surat-edaran").await;
    choose(client, "new-kind", "wfh_baru").await;
    click(client, "new-circular").await;
    wait_for_text(client, "save-state", "Tersimpan").await;
}

/// Opens, from Surat Edaran's list, the draft whose row holds `subject`.
pub(crate) async fn open_draft(client: &Client, subject: &str) {
    click(client, "nav-surat-edaran").await;
    click_in_row(client, "circular-row", subject, "open-circular").await;
    wait_for_text(client, "circular-status", "Draf").await;
}

/// The circular made last in `store` (the scenario's own draft).
pub(crate) fn newest_circular(store: &edaran_core::Store) -> edaran_core::store::CircularSummary {
    store
        .circulars()
        .unwrap()
        .into_iter()
        .max_by_key(|c| c.id)
        .expect("a circular")
}

/// Sets a date field at once, as a paste would (it reads ISO as well as
/// `dd/mm/yyyy`).
pub(crate) async fn set_date(client: &Client, testid: &str, iso: &str) {
    client
        .execute(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1]; el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![css(testid).into(), iso.into()],
        )
        .await
        .unwrap();
}

/// The value of the form field with `testid` (read again if re-rendered).
pub(crate) async fn value_of(client: &Client, testid: &str) -> String {
    wait_for_value(client, testid, "").await
}

/// What a native file dialog is for: the keys differ.
#[derive(Clone, Copy)]
pub(crate) enum FileDialog {
    Open,
    Save,
}

/// Answers the native GTK file dialog titled `title` with `path`, as a user
/// types it: the location field (open) or the name field (save), then Enter.
pub(crate) fn answer_file_dialog(title: &str, kind: FileDialog, path: &Path) {
    let xdo = |args: &[&str]| {
        let out = Command::new("xdotool")
            .args(args)
            .output()
            .expect("xdotool is installed (scripts/setup.sh test)");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
        )
    };
    let start = Instant::now();
    let window = loop {
        if let (true, found) = xdo(&["search", "--onlyvisible", "--name", title]) {
            if let Some(id) = found.lines().last() {
                break id.to_string();
            }
        }
        assert!(
            start.elapsed() < WAIT,
            "no file dialog titled {title:?} appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    // Give GTK a moment to finish laying the dialog out before typing.
    std::thread::sleep(Duration::from_millis(700));
    let select = match kind {
        FileDialog::Open => "ctrl+l",
        FileDialog::Save => "ctrl+a",
    };
    // Pauses as a person makes them: GTK's location field completes as
    // it is typed into, and Enter right after the last key can be lost.
    for (args, pause) in [
        (vec!["windowfocus", "--sync", window.as_str()], 0),
        (vec!["key", "--clearmodifiers", select], 300),
        (vec!["type", "--delay", "20", path.to_str().unwrap()], 500),
        (vec!["key", "Return"], 0),
    ] {
        let (ok, _) = xdo(&args);
        assert!(ok, "xdotool {args:?} failed on the dialog {title:?}");
        std::thread::sleep(Duration::from_millis(pause));
    }
}

/// The app the scenarios drive: the debug build beside the tests, or the
/// one `EDARAN_E2E_APP` names (e.g. `target/release/edaran-app`, to time a
/// release build).
fn app_binary() -> std::path::PathBuf {
    std::env::var_os("EDARAN_E2E_APP")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| built_binary("edaran-app"))
}
