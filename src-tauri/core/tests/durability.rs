//! Committed means durable: the issuing process is killed (SIGKILL) at
//! random points while it issues circulars, with and without an electronic
//! signature, and after every restart the database must be intact, every
//! year's register numbered 1..n without a gap or a duplicate, every number
//! the killed process saw committed still there, and a signed PDF kept
//! exactly for the signed circulars that have a register entry.
//!
//! The issuing process is this test binary itself, run again with [`CHILD`]
//! set (see `issuing_child`). `EDARAN_UJI_KETAHANAN_KILLS` and
//! `EDARAN_UJI_KETAHANAN_SEED` change the number of kills and the random
//! seed (printed, so a failure can be replayed); `--nocapture` shows where
//! the kills landed.
#![cfg(unix)]

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use edaran_core::circular::{CircularKind, Signature, SigningMode};
use edaran_core::office::PaperSize;
use edaran_core::store::Store;
use rusqlite::Connection;

/// Set in the child: `<database path>\t<certificate id>\t<step>`.
const CHILD: &str = "EDARAN_UJI_KETAHANAN_ANAK";
const PASS: &str = "kata sandi kepala";
/// What starts the child's progress lines (libtest writes its own too).
const MARK: &str = "@ketahanan ";
const ISSUE: &str = "issue";
const ISSUE_SIGNED: &str = "issue_signed";

fn issue_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// The issuing child: makes a draft and issues it with `issue` or
/// `issue_signed` (as the parent asks), for ever, saying what it is about
/// to do before each step and what committed after it. Does nothing in an
/// ordinary test run.
#[test]
fn issuing_child() {
    let Ok(spec) = std::env::var(CHILD) else {
        return;
    };
    let [db, cert, step] = spec.split('\t').collect::<Vec<_>>()[..] else {
        panic!("{CHILD}: path, certificate and step expected");
    };
    let cert: i64 = cert.parse().unwrap();
    let say = |line: &str| {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{MARK}{line}").unwrap();
        out.flush().unwrap();
    };
    say("membuka");
    let mut store = Store::open(Path::new(db)).unwrap();
    say("siap");
    loop {
        say("draf");
        let id = store
            .create_from_template(CircularKind::WfhBaru, issue_day(), "uji")
            .unwrap();
        say(&format!("{step} {id}"));
        let number = if step == ISSUE_SIGNED {
            store
                .issue_signed(
                    id,
                    &edaran_core::store::Issue::on(issue_day()),
                    "uji",
                    cert,
                    PASS,
                    PaperSize::A4,
                )
                .unwrap()
                .number
        } else {
            store
                .issue(id, &edaran_core::store::Issue::on(issue_day()), "uji")
                .unwrap()
        };
        say(&format!("terbit {id} {number}"));
    }
}

/// xorshift64*: enough randomness for kill delays, replayable from a seed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }

    /// Uniform in `from..to` (fractions of `of`).
    fn within(&mut self, of: Duration, from: f64, to: f64) -> Duration {
        let span = of.as_micros() as f64;
        let lo = (span * from) as u64;
        let hi = (span * to) as u64;
        Duration::from_micros(lo + self.below(hi.saturating_sub(lo).max(1)))
    }
}

/// A demo office with the head of region's internal certificate; returns
/// the certificate id and the highest circular id before the children run.
fn setup(db: &Path) -> (i64, i64) {
    let mut store = Store::open(db).unwrap();
    edaran_core::demo::fill(&mut store).unwrap();
    let probe = store
        .create_from_template(CircularKind::WfhBaru, issue_day(), "uji")
        .unwrap();
    let signer = store.circular(probe).unwrap().document.signature.name;
    let head = store
        .signatories()
        .unwrap()
        .into_iter()
        .find(|s| Signature::by(s, SigningMode::Langsung, "", "").name == signer)
        .expect("the template's signer is a stored signatory");
    let cert = store.create_internal_certificate(head.id, PASS).unwrap();
    (cert.id, probe)
}

/// The checks after a restart. `signed`: for each circular a child started
/// to issue, whether with a signature; `committed`: (circular id, number)
/// the children reported issued. Returns whether circular `interrupted`
/// (being issued when the child was killed) ended up issued.
fn check_after_restart(
    db: &Path,
    first_id: i64,
    signed: &HashMap<i64, bool>,
    committed: &[(i64, String)],
    interrupted: Option<i64>,
) -> Option<bool> {
    // Reopening as the app does recovers the WAL and migrates.
    drop(Store::open(db).expect("the store opens after a kill"));
    let conn = Connection::open(db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");

    let mut by_year: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT year, sequence FROM register_entry ORDER BY year, sequence")
        .unwrap();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .unwrap()
    {
        let (year, sequence) = row.unwrap();
        by_year.entry(year).or_default().push(sequence);
    }
    for (year, sequences) in &by_year {
        let expected: Vec<i64> = (1..=sequences.len() as i64).collect();
        assert_eq!(sequences, &expected, "register numbers of {year}");
    }
    let doubled: i64 = conn
        .query_row(
            "SELECT count(*) - count(DISTINCT number) FROM register_entry",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(doubled, 0, "a number appears twice in the register");

    for (id, number) in committed {
        let kept: Option<String> = conn
            .query_row(
                "SELECT number FROM register_entry WHERE circular_id = ?1",
                [id],
                |r| r.get(0),
            )
            .ok();
        assert_eq!(
            kept.as_deref(),
            Some(number.as_str()),
            "circular {id} was reported issued but its number is gone"
        );
    }

    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM signed_document s
             WHERE NOT EXISTS (SELECT 1 FROM register_entry r WHERE r.circular_id = s.circular_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "a signed PDF without a register entry");
    let mut stmt = conn
        .prepare(
            "SELECT c.id, c.status, r.id IS NOT NULL, r.pdf_sha256 IS NOT NULL,
                s.circular_id IS NOT NULL, length(s.pdf)
             FROM circular c
             LEFT JOIN register_entry r ON r.circular_id = c.id
             LEFT JOIN signed_document s ON s.circular_id = c.id
             WHERE c.id > ?1",
        )
        .unwrap();
    let mut outcome = None;
    for row in stmt
        .query_map([first_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, bool>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })
        .unwrap()
    {
        let (id, status, registered, hashed, has_pdf, pdf_len) = row.unwrap();
        assert_eq!(
            registered,
            status == "terbit",
            "circular {id} ({status}) and its register entry disagree"
        );
        let meant = signed.get(&id).copied();
        assert!(
            meant.is_some() || !registered,
            "circular {id} was issued without a child starting to issue it"
        );
        let meant_signed = meant == Some(true);
        assert_eq!(
            has_pdf,
            meant_signed && registered,
            "circular {id}: signed PDF kept = {has_pdf}, register entry = {registered}"
        );
        assert_eq!(
            hashed, has_pdf,
            "circular {id}: register hash and signed PDF disagree"
        );
        assert!(pdf_len.is_none_or(|n| n > 1000), "circular {id}: empty PDF");
        if Some(id) == interrupted {
            outcome = Some(registered);
        }
    }
    outcome
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Why the child ended, if it ended by itself.
fn died(child: &mut Child, stderr: &Path) -> Option<String> {
    child.try_wait().unwrap().map(|status| {
        format!(
            "the issuing child ended by itself ({status}):\n{}",
            std::fs::read_to_string(stderr).unwrap_or_default()
        )
    })
}

/// Mean duration of a step (from its line to `terbit`) over whole rounds.
#[derive(Default)]
struct Mean {
    n: u32,
    total: Duration,
}

impl Mean {
    fn get(&self) -> Option<Duration> {
        (self.n > 0).then(|| self.total / self.n)
    }
}

#[test]
fn killing_the_issuing_process_at_random_points_loses_and_doubles_nothing() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("edaran.db");
    let (cert, first_id) = setup(&db);
    let kills = env_number("EDARAN_UJI_KETAHANAN_KILLS").unwrap_or(200);
    let seed = env_number("EDARAN_UJI_KETAHANAN_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1
    });
    eprintln!("uji ketahanan: {kills} kali SIGKILL, EDARAN_UJI_KETAHANAN_SEED={seed}");
    let mut random = Random(seed);
    let exe = std::env::current_exe().unwrap();
    let stderr = dir.path().join("anak.stderr");

    let mut signed: HashMap<i64, bool> = HashMap::new();
    let mut committed: Vec<(i64, String)> = Vec::new();
    let mut durations: HashMap<&str, Mean> = HashMap::new();
    // Where the kills landed: step, share of the step's mean duration
    // elapsed, and whether that issue had reached the database.
    let mut points: BTreeMap<String, usize> = BTreeMap::new();

    for _ in 0..kills {
        // One kill in ten aims at the start (opening, WAL recovery); the
        // others at a random point of `issue` or `issue_signed`, measured
        // from the moment the child starts it. Half of those into
        // `issue_signed` aim at its end, where its transaction runs (the
        // key's unlocking comes first and takes most of its time).
        let step = if random.below(2) == 0 {
            ISSUE
        } else {
            ISSUE_SIGNED
        };
        let at_start = random.below(10) == 0;
        // The step's duration is measured on whole rounds only (a child
        // left to issue three times, then killed), never on the rounds a
        // kill cut short, which would bias it low: at first and now and then.
        let calibrating =
            !at_start && (durations.get(step).is_none_or(|m| m.n < 3) || random.below(25) == 0);
        let mean = durations.get(step).and_then(Mean::get);
        let delay = match mean {
            _ if at_start => Duration::from_millis(random.below(40)),
            _ if calibrating => Duration::ZERO,
            Some(d) if step == ISSUE_SIGNED && random.below(2) == 0 => random.within(d, 0.7, 1.3),
            Some(d) => random.within(d, 0.0, 1.3),
            None => unreachable!("measured before"),
        };

        let (tx, rx) = mpsc::channel::<(Instant, String)>();
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "issuing_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, format!("{}\t{cert}\t{step}", db.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).unwrap())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
                if let Some(progress) = line.strip_prefix(MARK) {
                    let _ = tx.send((Instant::now(), progress.to_string()));
                }
            }
        });
        let mut seen: Vec<(Instant, String)> = Vec::new();
        if !at_start {
            // Wait for the step to start (calibrating: for three to end).
            let (until, times) = if calibrating {
                ("terbit", 3)
            } else {
                (step, 1)
            };
            let mut reached = 0;
            loop {
                match rx.recv_timeout(Duration::from_millis(100)) {
                    Ok(line) => {
                        reached += usize::from(line.1.starts_with(&format!("{until} ")));
                        seen.push(line);
                        if reached == times {
                            break;
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if let Some(why) = died(&mut child, &stderr) {
                            panic!("{why}");
                        }
                    }
                    Err(e) => panic!("{e}: {}", died(&mut child, &stderr).unwrap_or_default()),
                }
            }
        }
        std::thread::sleep(delay);
        if let Some(why) = died(&mut child, &stderr) {
            panic!("{why}");
        }
        let killed_at = Instant::now();
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        seen.extend(rx.try_iter());

        let mut started_at = None;
        for (at, line) in &seen {
            match line.split(' ').collect::<Vec<_>>()[..] {
                [s, id] if s == step => {
                    signed.insert(id.parse().unwrap(), s == ISSUE_SIGNED);
                    started_at = Some(*at);
                }
                ["terbit", id, number] => {
                    committed.push((id.parse().unwrap(), number.to_string()));
                    if let Some(start) = started_at.take().filter(|_| calibrating) {
                        let mean = durations.entry(step).or_default();
                        mean.n += 1;
                        mean.total += *at - start;
                    }
                }
                _ => {}
            }
        }
        let last = seen.last().map(|(_, l)| l.as_str()).unwrap_or("");
        let (point, interrupted) = match last.split(' ').collect::<Vec<_>>()[..] {
            [] | [""] | ["membuka"] => ("membuka basis data".to_string(), None),
            ["siap"] | ["draf"] => ("membuat draf".to_string(), None),
            ["terbit", ..] => ("sesudah terbit, sebelum draf berikutnya".to_string(), None),
            [s, id] => {
                let share = match (started_at, durations.get(step).and_then(Mean::get)) {
                    (Some(start), Some(mean)) => {
                        let q = (killed_at - start).as_secs_f64() / mean.as_secs_f64();
                        match (q * 4.0) as u32 {
                            0 => "0–25 %",
                            1 => "25–50 %",
                            2 => "50–75 %",
                            3 => "75–100 %",
                            _ => "> 100 %",
                        }
                    }
                    _ => "?",
                };
                (format!("{s}, {share}"), Some(id.parse::<i64>().unwrap()))
            }
            _ => panic!("unexpected progress line {last:?}"),
        };
        let issued = check_after_restart(&db, first_id, &signed, &committed, interrupted);
        let point = match issued {
            Some(true) => {
                format!("{point}: sudah tertulis, belum dilaporkan (mati di commit/fsync)")
            }
            Some(false) => format!("{point}: dibatalkan seluruhnya"),
            None => point,
        };
        *points.entry(point).or_default() += 1;
    }

    let store = Store::open(&db).unwrap();
    let pdfs = signed
        .iter()
        .filter(|(id, s)| **s && store.signed_pdf(**id).unwrap().is_some())
        .count();
    eprintln!(
        "uji ketahanan: {kills} kali dibunuh dalam {:.1} s; {} terbit dilaporkan, {pdfs} PDF bertanda tangan; rata-rata issue {:?}, issue_signed {:?}; titik:",
        started.elapsed().as_secs_f64(),
        committed.len(),
        durations.get(ISSUE).and_then(Mean::get).unwrap_or_default(),
        durations
            .get(ISSUE_SIGNED)
            .and_then(Mean::get)
            .unwrap_or_default(),
    );
    for (point, n) in &points {
        eprintln!("  {n:4}  {point}");
    }
    for step in [ISSUE, ISSUE_SIGNED] {
        assert!(
            points.keys().any(|p| p.starts_with(&format!("{step}, "))),
            "no kill landed inside {step}"
        );
    }
    assert!(pdfs > 0, "nothing was issued with a signature");
}
