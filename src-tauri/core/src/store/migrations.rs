//! Versioned schema steps, per backend. Each step runs in one transaction
//! together with the bump of the schema version; a newer database is
//! refused. SQLite's steps are the schema's history; PostgreSQL's start at
//! the schema of version 13 (`postgres.sql`, when offices first could share
//! a server) and every later step is added to both lists.

use crate::db::{Backend, Db};

use crate::error::{Error, Result};
use crate::ErrorCode;

/// Step N (1-based) brings the schema from version N-1 to N. Append only.
const STEPS: &[&str] = &[
    r#"
CREATE TABLE office (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    region_kind TEXT NOT NULL,
    region_name TEXT NOT NULL,
    office_name TEXT NOT NULL,
    address_lines TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL,
    numbering_template TEXT NOT NULL,
    classification TEXT NOT NULL DEFAULT '',
    unit_code TEXT NOT NULL DEFAULT '',
    paper TEXT NOT NULL,
    emblem BLOB
);
CREATE TABLE agency (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL
);
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    parent_id INTEGER REFERENCES unit(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    UNIQUE (agency_id, name COLLATE NOCASE)
);
CREATE TABLE employee (
    id INTEGER PRIMARY KEY,
    nip TEXT UNIQUE,
    name TEXT NOT NULL,
    front_title TEXT NOT NULL DEFAULT '',
    back_title TEXT NOT NULL DEFAULT '',
    employment TEXT NOT NULL,
    golongan TEXT,
    position_name TEXT NOT NULL,
    position_kind TEXT NOT NULL,
    eselon TEXT,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    unit_id INTEGER REFERENCES unit(id)
);
CREATE INDEX employee_agency ON employee(agency_id);
CREATE INDEX employee_unit ON employee(unit_id);
CREATE TABLE signatory (
    id INTEGER PRIMARY KEY,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    front_title TEXT NOT NULL DEFAULT '',
    back_title TEXT NOT NULL DEFAULT '',
    position_title TEXT NOT NULL,
    nip TEXT,
    golongan TEXT,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE holiday (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX holiday_date ON holiday(date);
-- Marks the file as an Edaran database (checked before restoring backups).
CREATE TABLE edaran_marker (app TEXT NOT NULL);
INSERT INTO edaran_marker VALUES ('edaran');
"#,
    r#"
CREATE TABLE circular (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    subject TEXT NOT NULL,
    document TEXT NOT NULL,
    number TEXT,
    issued_on TEXT,
    parent_id INTEGER REFERENCES circular(id),
    relation TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX circular_parent ON circular(parent_id);
-- Issued circulars are frozen: only their status may still change.
CREATE TRIGGER circular_frozen BEFORE UPDATE ON circular
WHEN OLD.status NOT IN ('draf', 'diparaf') AND (
    NEW.document IS NOT OLD.document OR NEW.number IS NOT OLD.number
    OR NEW.issued_on IS NOT OLD.issued_on OR NEW.subject IS NOT OLD.subject
    OR NEW.kind IS NOT OLD.kind OR NEW.parent_id IS NOT OLD.parent_id)
BEGIN SELECT RAISE(ABORT, 'surat edaran yang sudah terbit tidak dapat diubah'); END;
CREATE TRIGGER circular_kept BEFORE DELETE ON circular
WHEN OLD.status NOT IN ('draf', 'diparaf')
BEGIN SELECT RAISE(ABORT, 'surat edaran yang sudah terbit tidak dapat dihapus'); END;
-- Buku agenda surat keluar: one row per allocated number, never deleted.
CREATE TABLE register_entry (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    number TEXT NOT NULL,
    circular_id INTEGER REFERENCES circular(id),
    subject TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'terpakai',
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (year, sequence)
);
CREATE TRIGGER register_kept BEFORE DELETE ON register_entry
BEGIN SELECT RAISE(ABORT, 'nomor dalam buku agenda tidak dapat dihapus'); END;
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    circular_id INTEGER NOT NULL REFERENCES circular(id),
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_circular ON audit(circular_id);
"#,
    r#"
-- Holiday decrees: each year's list comes from a decree (SKB); an amendment
-- is a new decree for the same year that supersedes the earlier one, which
-- stays as history. The latest recorded decree of a year is in force.
CREATE TABLE holiday_decree (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (year, title)
);
INSERT INTO holiday_decree (year, title, recorded_at)
    SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER), source, datetime('now', 'localtime') FROM holiday;
ALTER TABLE holiday ADD COLUMN decree_id INTEGER REFERENCES holiday_decree(id);
UPDATE holiday SET decree_id = (SELECT d.id FROM holiday_decree d
    WHERE d.year = CAST(substr(holiday.date, 1, 4) AS INTEGER) AND d.title = holiday.source);
CREATE INDEX holiday_decree_days ON holiday(decree_id);
-- Period and scope copied out of the document, for the dashboard's queries.
ALTER TABLE circular ADD COLUMN period_start TEXT;
ALTER TABLE circular ADD COLUMN period_end TEXT;
ALTER TABLE circular ADD COLUMN scope TEXT NOT NULL DEFAULT '';
UPDATE circular SET period_start = json_extract(document, '$.period.start'),
    period_end = json_extract(document, '$.period.end'),
    scope = coalesce(json_extract(document, '$.scope'), '');
CREATE INDEX circular_period_end ON circular(period_end);
-- Full-text search over number, subject, body and signatory, kept in step
-- with the circular table by triggers (rowid = circular id).
CREATE VIRTUAL TABLE circular_search USING fts5(
    number, subject, body, signatory, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIEW circular_search_source AS
SELECT c.id AS id, coalesce(c.number, '') AS number, c.subject AS subject,
    coalesce((SELECT group_concat(t.value, ' ') FROM json_tree(c.document) t
        WHERE t.type = 'text' AND (t.path LIKE '$.points%' OR t.path LIKE '$.references%'
            OR t.path LIKE '$.addressees%' OR t.path LIKE '$.copies%'
            OR t.path LIKE '$.annexes%' OR t.key = 'scope')), '') AS body,
    coalesce((SELECT group_concat(t.value, ' ') FROM json_tree(c.document, '$.signature') t
        WHERE t.type = 'text' AND t.key <> 'mode'), '') AS signatory
FROM circular c;
INSERT INTO circular_search (rowid, number, subject, body, signatory)
    SELECT id, number, subject, body, signatory FROM circular_search_source;
CREATE TRIGGER circular_search_insert AFTER INSERT ON circular BEGIN
    INSERT INTO circular_search (rowid, number, subject, body, signatory)
        SELECT id, number, subject, body, signatory FROM circular_search_source WHERE id = NEW.id;
END;
CREATE TRIGGER circular_search_update AFTER UPDATE OF document, number, subject ON circular BEGIN
    DELETE FROM circular_search WHERE rowid = OLD.id;
    INSERT INTO circular_search (rowid, number, subject, body, signatory)
        SELECT id, number, subject, body, signatory FROM circular_search_source WHERE id = NEW.id;
END;
CREATE TRIGGER circular_search_delete AFTER DELETE ON circular BEGIN
    DELETE FROM circular_search WHERE rowid = OLD.id;
END;
-- Settings chosen in Pengaturan (key → value as text).
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"#,
    r#"
-- Electronic signatures: a signatory's certificates with the private key
-- sealed under the signatory's passphrase (Argon2id + ChaCha20-Poly1305).
CREATE TABLE certificate (
    id INTEGER PRIMARY KEY,
    signatory_id INTEGER NOT NULL REFERENCES signatory(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    -- DER certificates, leaf first, concatenated (each is self-delimiting).
    chain BLOB NOT NULL,
    sealed_key BLOB NOT NULL,
    kdf_salt BLOB NOT NULL,
    nonce BLOB NOT NULL,
    internal INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX certificate_signatory ON certificate(signatory_id);
-- Root certificates this office trusts when verifying signed PDFs.
CREATE TABLE trusted_root (
    id INTEGER PRIMARY KEY,
    der BLOB NOT NULL UNIQUE,
    label TEXT NOT NULL,
    internal INTEGER NOT NULL,
    added_at TEXT NOT NULL
);
-- SHA-256 of the issued PDF as signed (the unsigned revision, the hash in the QR code).
ALTER TABLE register_entry ADD COLUMN pdf_sha256 TEXT;
"#,
    r#"
-- The PDF of a circular issued with an electronic signature, byte for byte
-- as signed (rendering again would not match the signature).
CREATE TABLE signed_document (
    circular_id INTEGER PRIMARY KEY REFERENCES circular(id),
    pdf BLOB NOT NULL,
    certificate_id INTEGER REFERENCES certificate(id) ON DELETE SET NULL,
    signed_at TEXT NOT NULL
);
"#,
    r#"
-- Jadwal piket of a circular: who is in the office on which working day.
-- `otomatis` rows are regenerated; `manual` (put on duty by hand) and
-- `dilepas` (taken off by hand) rows survive regeneration.
CREATE TABLE roster_assignment (
    circular_id INTEGER NOT NULL REFERENCES circular(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (circular_id, date, employee_id)
);
"#,
    r#"
-- Signed notices of a circular: they carry its number, so verification
-- matches their hashes here as well as the circular's own.
CREATE TABLE signed_notice (
    pdf_sha256 TEXT PRIMARY KEY,
    circular_id INTEGER NOT NULL REFERENCES circular(id),
    signed_at TEXT NOT NULL
);
"#,
    r#"
-- The kop a signatory's circulars are drafted with: the head of region's
-- (kepala_daerah) or the office's (perangkat_daerah); until now the head's
-- for everyone but the heads of perangkat daerah.
ALTER TABLE signatory ADD COLUMN kop TEXT NOT NULL DEFAULT 'kepala_daerah';
UPDATE signatory SET kop = 'perangkat_daerah' WHERE role = 'kepala_perangkat_daerah';
"#,
    r#"
-- Leave, sickness and official travel: days a person is never rostered.
CREATE TABLE absence (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
    start TEXT NOT NULL,
    end TEXT NOT NULL CHECK (end >= start),
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX absence_employee ON absence(employee_id, start);
"#,
    r#"
-- How far an open-ended circular's jadwal piket is drawn up (its horizon):
-- the last day the stored roster covers, moved on by extending it.
CREATE TABLE roster_horizon (
    circular_id INTEGER PRIMARY KEY REFERENCES circular(id) ON DELETE CASCADE,
    until TEXT NOT NULL
);
"#,
    r#"
-- Registers (buku agenda) the office keeps: its own (id 1: template,
-- classification and unit from the office profile) and others, e.g. the
-- Setda's Bagian Organisasi with its own template; one without a template
-- only records numbers given elsewhere (another office).
CREATE TABLE register (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    numbering_template TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL DEFAULT '',
    unit_code TEXT NOT NULL DEFAULT ''
);
INSERT INTO register (id, name) VALUES (1, 'Buku agenda kantor');
-- Entries per register: sequences per register and year; a recorded number
-- (kind 'dicatat') has a sequence only when it is the register's own pattern.
CREATE TABLE register_entry_by_register (
    id INTEGER PRIMARY KEY,
    register_id INTEGER NOT NULL DEFAULT 1 REFERENCES register(id),
    year INTEGER NOT NULL,
    sequence INTEGER,
    number TEXT NOT NULL,
    circular_id INTEGER REFERENCES circular(id),
    subject TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'terbit',
    status TEXT NOT NULL DEFAULT 'terpakai',
    note TEXT NOT NULL DEFAULT '',
    pdf_sha256 TEXT,
    UNIQUE (register_id, year, sequence)
);
INSERT INTO register_entry_by_register
    (id, year, sequence, number, circular_id, subject, issued_on, status, note, pdf_sha256)
    SELECT id, year, sequence, number, circular_id, subject, issued_on, status, note, pdf_sha256
    FROM register_entry;
DROP TABLE register_entry;
ALTER TABLE register_entry_by_register RENAME TO register_entry;
CREATE INDEX register_entry_number ON register_entry(register_id, number COLLATE NOCASE);
CREATE INDEX register_entry_date ON register_entry(register_id, issued_on);
CREATE TRIGGER register_kept BEFORE DELETE ON register_entry
BEGIN SELECT RAISE(ABORT, 'nomor dalam buku agenda tidak dapat dihapus'); END;
"#,
    // 12: the trash, so a deletion can be undone (`trash.rs`).
    r#"
CREATE TABLE deleted (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    what TEXT NOT NULL,
    removed TEXT NOT NULL
);
"#,
    // 13: signed PDFs found by their bytes (Verifikasi Dokumen), among them
    // those SRIKANDI signed, whose register entries are of kind 'srikandi'.
    r#"
ALTER TABLE signed_document ADD COLUMN sha256 TEXT;
CREATE INDEX signed_document_sha256 ON signed_document(sha256);
"#,
    // 14: working together (several workstations on one server): every
    // change of a circular counts its version, so a save based on an older
    // one is refused and told who changed it; the audit names the station.
    r#"
ALTER TABLE circular ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE circular ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN station TEXT NOT NULL DEFAULT '';
CREATE TRIGGER circular_version AFTER UPDATE ON circular WHEN NEW.version = OLD.version
BEGIN UPDATE circular SET version = OLD.version + 1 WHERE id = NEW.id; END;
"#,
    // 15: Beranda over a long history: the periods meeting a window read
    // from one index (end, then start).
    r#"
DROP INDEX circular_period_end;
CREATE INDEX circular_period ON circular(period_end, period_start);
"#,
];

/// The schema version this build writes.
pub const LATEST: i64 = STEPS.len() as i64;

/// PostgreSQL's steps: (version reached, SQL), from an empty database.
const POSTGRES_STEPS: &[(i64, &str)] = &[
    (13, include_str!("postgres.sql")),
    (
        14,
        r#"
ALTER TABLE circular ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE circular ADD COLUMN updated_by TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN station TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE FUNCTION edaran_circular_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;
CREATE TRIGGER circular_version BEFORE UPDATE ON circular FOR EACH ROW
    EXECUTE FUNCTION edaran_circular_version();
"#,
    ),
    (
        15,
        r#"
DROP INDEX circular_period_end;
CREATE INDEX circular_period ON circular(period_end, period_start, id);
-- The search vectors stay in their rows, read by every search; the bodies,
-- read only for the best hits' excerpts (made by the app, `excerpt.rs`,
-- which needs no zero-width spaces), go out of them.
ALTER TABLE circular_search ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE circular_search ALTER COLUMN doc SET STORAGE MAIN;
CREATE OR REPLACE FUNCTION edaran_circular_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d jsonb := NEW.document::jsonb;
    body TEXT COLLATE "C" := concat_ws(' ', edaran_texts(d->'points'), edaran_texts(d->'references'),
        edaran_texts(d->'addressees'), edaran_texts(d->'copies'), edaran_texts(d->'annexes'),
        d->>'scope');
    signatory TEXT COLLATE "C" := edaran_texts((d->'signature') - 'mode');
    doc tsvector := setweight(edaran_words(NEW.number), 'A') || setweight(edaran_words(NEW.subject), 'B')
        || setweight(edaran_words(signatory), 'C') || setweight(edaran_words(body), 'D');
BEGIN
    INSERT INTO circular_search (id, body, doc) VALUES (NEW.id, body, doc)
        ON CONFLICT (id) DO UPDATE SET body = excluded.body, doc = excluded.doc;
    RETURN NULL;
END $$;
-- Every row written again, into a fresh table (no dead half left to scan),
-- so the storage above applies to it.
CREATE TEMP TABLE search_rows ON COMMIT DROP AS
    SELECT id, replace(body, '/' || chr(8203), '/') AS body, doc || ''::tsvector AS doc FROM circular_search;
TRUNCATE circular_search;
INSERT INTO circular_search (id, body, doc) SELECT id, body, doc FROM search_rows;
"#,
    ),
];

/// Brings `db` up to [`LATEST`]; running it again changes nothing.
pub fn migrate(db: &Db) -> Result<()> {
    migrate_to(db, LATEST)
}

/// Brings `db` up to schema version `target` (at most [`LATEST`]): the
/// schema a database of that version has, for comparing a backup with.
/// Workstations starting together migrate one after another.
pub fn migrate_to(db: &Db, target: i64) -> Result<()> {
    // Up to date (the usual case): no write lock, so workstations opening
    // together do not queue for one.
    let current = db.schema_version()?;
    if current >= target.clamp(0, LATEST) && current <= LATEST && current >= 0 {
        return Ok(());
    }
    db.begin()?;
    let done = steps(db, target);
    match done {
        Ok(()) => db.commit(),
        Err(e) => {
            let _ = db.rollback();
            Err(e)
        }
    }
}

fn steps(db: &Db, target: i64) -> Result<()> {
    db.lock_schema()?;
    let current = db.schema_version()?;
    if current > LATEST {
        return Err(Error::NewerSchema {
            found: current,
            known: LATEST,
        });
    }
    if current < 0 {
        return Err(Error::Refused {
            code: ErrorCode::SkemaTidakSah,
            message: format!(
                "Basis data ini bukan basis data Edaran: versi skemanya {current}, padahal versi skema Edaran tidak pernah negatif."
            ),
        });
    }
    let target = target.clamp(0, LATEST);
    match db.backend() {
        Backend::Sqlite => {
            for (index, sql) in STEPS
                .iter()
                .enumerate()
                .take(target as usize)
                .skip(current as usize)
            {
                db.execute_batch(sql)?;
                db.set_schema_version(index as i64 + 1)?;
            }
        }
        Backend::Postgres => {
            if current == 0 && db.has_tables()? {
                return Err(Error::Refused {
                    code: ErrorCode::SkemaTidakSah,
                    message: "Basis data bersama ini sudah berisi tabel yang bukan milik Edaran. Buat basis data kosong khusus untuk Edaran (lihat README, bagian Basis data bersama).".into(),
                });
            }
            for (version, sql) in POSTGRES_STEPS
                .iter()
                .filter(|(v, _)| *v > current && *v <= target)
            {
                db.execute_batch(sql)?;
                db.set_schema_version(*version)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatories_from_before_kop_settings_keep_the_kop_their_role_had() {
        let conn = Db::sqlite_in_memory().unwrap();
        migrate_to(&conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO signatory (role, name, position_title) VALUES
                 ('kepala_daerah', 'A', 'BUPATI X'),
                 ('kepala_perangkat_daerah', 'B', 'KEPALA BKPSDM');",
        )
        .unwrap();
        migrate(&conn).unwrap();
        let kops: Vec<String> = conn
            .prepare_cached("SELECT kop FROM signatory ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<Vec<String>>>()
            .unwrap();
        assert_eq!(kops, ["kepala_daerah", "perangkat_daerah"]);
    }

    #[test]
    fn entries_from_before_registers_are_the_offices_own_and_keep_their_sequence() {
        let conn = Db::sqlite_in_memory().unwrap();
        migrate_to(&conn, 8).unwrap();
        conn.execute_batch(
            "INSERT INTO circular (kind, status, subject, document, updated_at) VALUES ('wfh_baru', 'terbit', 'A', '{}', '');
             INSERT INTO register_entry (year, sequence, number, circular_id, subject, issued_on, status, note)
                 VALUES (2020, 439, '800/439/BKPSDM/2020', 1, 'A', '2020-05-15', 'dibatalkan', 'salah alamat');",
        )
        .unwrap();
        migrate(&conn).unwrap();
        let row: (i64, String, i64, String, String, String) = conn
            .query_row(
                "SELECT e.sequence, e.number, e.register_id, r.name, e.kind, e.note
                 FROM register_entry e JOIN register r ON r.id = e.register_id",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .unwrap();
        assert_eq!(
            row,
            (
                439,
                "800/439/BKPSDM/2020".into(),
                1,
                "Buku agenda kantor".into(),
                "terbit".into(),
                "salah alamat".into()
            )
        );
        assert!(
            conn.execute("DELETE FROM register_entry", []).is_err(),
            "entries are still never deleted"
        );
    }
}
