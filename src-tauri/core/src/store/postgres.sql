-- Edaran's schema on PostgreSQL at version 13: the same tables, columns and
-- rules as SQLite's steps 1–13 (migrations.rs), in PostgreSQL's terms.
-- Text compares byte-wise (COLLATE "C") as in SQLite, whatever the
-- server's locale; ids come from sequences; foreign keys may be deferred
-- to the commit (Urungkan puts rows back in any order).
CREATE TABLE edaran_schema (version BIGINT NOT NULL);
INSERT INTO edaran_schema VALUES (0);

-- Fills an id given as NULL (an upsert of a new record), as SQLite does.
CREATE FUNCTION edaran_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS NULL THEN
        NEW.id := nextval(pg_get_serial_sequence(TG_TABLE_NAME, 'id'));
    END IF;
    RETURN NEW;
END $$;

CREATE TABLE edaran_marker (id BIGSERIAL UNIQUE, app TEXT NOT NULL);
INSERT INTO edaran_marker (app) VALUES ('edaran');
CREATE TABLE office (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    region_kind TEXT COLLATE "C" NOT NULL,
    region_name TEXT COLLATE "C" NOT NULL,
    office_name TEXT COLLATE "C" NOT NULL,
    address_lines TEXT COLLATE "C" NOT NULL DEFAULT '',
    place TEXT COLLATE "C" NOT NULL,
    numbering_template TEXT COLLATE "C" NOT NULL,
    classification TEXT COLLATE "C" NOT NULL DEFAULT '',
    unit_code TEXT COLLATE "C" NOT NULL DEFAULT '',
    paper TEXT COLLATE "C" NOT NULL,
    emblem BYTEA
);
CREATE TABLE setting (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE agency (
    id BIGSERIAL PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    short_name TEXT COLLATE "C" NOT NULL DEFAULT '',
    kind TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX agency_name ON agency (lower(name));
CREATE TABLE unit (
    id BIGSERIAL PRIMARY KEY,
    agency_id BIGINT NOT NULL REFERENCES agency(id) DEFERRABLE,
    parent_id BIGINT REFERENCES unit(id) DEFERRABLE,
    name TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX unit_name ON unit (agency_id, lower(name));
CREATE TABLE employee (
    id BIGSERIAL PRIMARY KEY,
    nip TEXT COLLATE "C" CONSTRAINT employee_nip UNIQUE,
    name TEXT COLLATE "C" NOT NULL,
    front_title TEXT COLLATE "C" NOT NULL DEFAULT '',
    back_title TEXT COLLATE "C" NOT NULL DEFAULT '',
    employment TEXT COLLATE "C" NOT NULL,
    golongan TEXT COLLATE "C",
    position_name TEXT COLLATE "C" NOT NULL,
    position_kind TEXT COLLATE "C" NOT NULL,
    eselon TEXT COLLATE "C",
    agency_id BIGINT NOT NULL REFERENCES agency(id) DEFERRABLE,
    unit_id BIGINT REFERENCES unit(id) DEFERRABLE
);
CREATE INDEX employee_agency ON employee(agency_id);
CREATE INDEX employee_unit ON employee(unit_id);
CREATE TRIGGER employee_id BEFORE INSERT ON employee FOR EACH ROW EXECUTE FUNCTION edaran_fill_id();
CREATE TABLE signatory (
    id BIGSERIAL PRIMARY KEY,
    role TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    front_title TEXT COLLATE "C" NOT NULL DEFAULT '',
    back_title TEXT COLLATE "C" NOT NULL DEFAULT '',
    position_title TEXT COLLATE "C" NOT NULL,
    nip TEXT COLLATE "C",
    golongan TEXT COLLATE "C",
    active BIGINT NOT NULL DEFAULT 1,
    kop TEXT COLLATE "C" NOT NULL DEFAULT 'kepala_daerah'
);
CREATE TRIGGER signatory_id BEFORE INSERT ON signatory FOR EACH ROW EXECUTE FUNCTION edaran_fill_id();
CREATE TABLE holiday_decree (
    id BIGSERIAL PRIMARY KEY,
    year BIGINT NOT NULL,
    title TEXT COLLATE "C" NOT NULL,
    recorded_at TEXT COLLATE "C" NOT NULL,
    UNIQUE (year, title)
);
CREATE TABLE holiday (
    id BIGSERIAL PRIMARY KEY,
    date TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    source TEXT COLLATE "C" NOT NULL,
    decree_id BIGINT REFERENCES holiday_decree(id) DEFERRABLE
);
CREATE INDEX holiday_date ON holiday(date);
CREATE INDEX holiday_decree_days ON holiday(decree_id);
CREATE TABLE register (
    id BIGSERIAL PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    numbering_template TEXT COLLATE "C" NOT NULL DEFAULT '',
    classification TEXT COLLATE "C" NOT NULL DEFAULT '',
    unit_code TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX register_name ON register (lower(name));
INSERT INTO register (id, name) VALUES (1, 'Buku agenda kantor');
SELECT setval(pg_get_serial_sequence('register', 'id'), 1);
CREATE TABLE circular (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    subject TEXT COLLATE "C" NOT NULL,
    document TEXT COLLATE "C" NOT NULL,
    number TEXT COLLATE "C",
    issued_on TEXT COLLATE "C",
    parent_id BIGINT REFERENCES circular(id) DEFERRABLE,
    relation TEXT COLLATE "C",
    updated_at TEXT COLLATE "C" NOT NULL,
    period_start TEXT COLLATE "C",
    period_end TEXT COLLATE "C",
    scope TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX circular_parent ON circular(parent_id);
CREATE INDEX circular_period_end ON circular(period_end);
-- Issued circulars are frozen: only their status may still change.
CREATE FUNCTION edaran_circular_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'surat edaran yang sudah terbit tidak dapat dihapus';
    END IF;
    IF NEW.document IS DISTINCT FROM OLD.document OR NEW.number IS DISTINCT FROM OLD.number
        OR NEW.issued_on IS DISTINCT FROM OLD.issued_on OR NEW.subject IS DISTINCT FROM OLD.subject
        OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
        RAISE EXCEPTION 'surat edaran yang sudah terbit tidak dapat diubah';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER circular_frozen BEFORE UPDATE ON circular FOR EACH ROW
    WHEN (OLD.status NOT IN ('draf', 'diparaf')) EXECUTE FUNCTION edaran_circular_frozen();
CREATE TRIGGER circular_kept BEFORE DELETE ON circular FOR EACH ROW
    WHEN (OLD.status NOT IN ('draf', 'diparaf')) EXECUTE FUNCTION edaran_circular_frozen();
-- Buku agenda surat keluar: one row per allocated number, never deleted.
CREATE TABLE register_entry (
    id BIGSERIAL PRIMARY KEY,
    register_id BIGINT NOT NULL DEFAULT 1 REFERENCES register(id) DEFERRABLE,
    year BIGINT NOT NULL,
    sequence BIGINT,
    number TEXT COLLATE "C" NOT NULL,
    circular_id BIGINT REFERENCES circular(id) DEFERRABLE,
    subject TEXT COLLATE "C" NOT NULL,
    issued_on TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL DEFAULT 'terbit',
    status TEXT COLLATE "C" NOT NULL DEFAULT 'terpakai',
    note TEXT COLLATE "C" NOT NULL DEFAULT '',
    pdf_sha256 TEXT COLLATE "C",
    UNIQUE (register_id, year, sequence)
);
CREATE INDEX register_entry_number ON register_entry(register_id, lower(number));
CREATE INDEX register_entry_date ON register_entry(register_id, issued_on);
CREATE FUNCTION edaran_register_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'nomor dalam buku agenda tidak dapat dihapus';
END $$;
CREATE TRIGGER register_kept BEFORE DELETE ON register_entry FOR EACH ROW
    EXECUTE FUNCTION edaran_register_kept();
CREATE TABLE audit (
    id BIGSERIAL PRIMARY KEY,
    circular_id BIGINT NOT NULL REFERENCES circular(id) DEFERRABLE,
    action TEXT COLLATE "C" NOT NULL,
    actor TEXT COLLATE "C" NOT NULL,
    at TEXT COLLATE "C" NOT NULL,
    detail TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX audit_circular ON audit(circular_id);
-- Full-text search over number, subject, body and signatory, kept in step
-- with the circular table by a trigger: no stemming, no stop words (the
-- 'simple' configuration, as SQLite's unicode61), punctuation in numbers
-- and emphasis marks read as spaces; weights as SQLite's bm25 columns.
CREATE TABLE circular_search (
    id BIGINT PRIMARY KEY,
    body TEXT COLLATE "C" NOT NULL,
    doc tsvector NOT NULL
);
CREATE INDEX circular_search_doc ON circular_search USING gin (doc);
CREATE FUNCTION edaran_words(t TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT to_tsvector('simple', regexp_replace(coalesce(t, ''), '[-/.,;:()"''_*]+', ' ', 'g'))
$$;
CREATE FUNCTION edaran_texts(j jsonb) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(string_agg(v #>> '{}', ' '), '')
    FROM jsonb_path_query(j, 'strict $.**') v WHERE jsonb_typeof(v) = 'string'
$$;
CREATE FUNCTION edaran_circular_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d jsonb := NEW.document::jsonb;
    body TEXT COLLATE "C" := concat_ws(' ', edaran_texts(d->'points'), edaran_texts(d->'references'),
        edaran_texts(d->'addressees'), edaran_texts(d->'copies'), edaran_texts(d->'annexes'),
        d->>'scope');
    signatory TEXT COLLATE "C" := edaran_texts((d->'signature') - 'mode');
    doc tsvector := setweight(edaran_words(NEW.number), 'A') || setweight(edaran_words(NEW.subject), 'B')
        || setweight(edaran_words(signatory), 'C') || setweight(edaran_words(body), 'D');
BEGIN
    -- A zero-width space after each slash: ts_headline then reads
    -- rumah/tempat or 800/1 as words, not as one file path (taken out
    -- again before the snippet is shown).
    INSERT INTO circular_search (id, body, doc) VALUES (NEW.id, replace(body, '/', '/' || chr(8203)), doc)
        ON CONFLICT (id) DO UPDATE SET body = excluded.body, doc = excluded.doc;
    RETURN NULL;
END $$;
CREATE TRIGGER circular_search_insert AFTER INSERT ON circular FOR EACH ROW
    EXECUTE FUNCTION edaran_circular_search();
CREATE TRIGGER circular_search_update AFTER UPDATE OF document, number, subject ON circular
    FOR EACH ROW EXECUTE FUNCTION edaran_circular_search();
-- Not a foreign key: Urungkan puts a circular back and the insert trigger
-- writes its search row again.
CREATE FUNCTION edaran_circular_unsearch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM circular_search WHERE id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER circular_search_delete AFTER DELETE ON circular FOR EACH ROW
    EXECUTE FUNCTION edaran_circular_unsearch();
CREATE TABLE certificate (
    id BIGSERIAL PRIMARY KEY,
    signatory_id BIGINT NOT NULL REFERENCES signatory(id) ON DELETE CASCADE DEFERRABLE,
    label TEXT COLLATE "C" NOT NULL,
    chain BYTEA NOT NULL,
    sealed_key BYTEA NOT NULL,
    kdf_salt BYTEA NOT NULL,
    nonce BYTEA NOT NULL,
    internal BIGINT NOT NULL,
    fingerprint TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX certificate_signatory ON certificate(signatory_id);
CREATE TABLE trusted_root (
    id BIGSERIAL PRIMARY KEY,
    der BYTEA NOT NULL UNIQUE,
    label TEXT COLLATE "C" NOT NULL,
    internal BIGINT NOT NULL,
    added_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE signed_document (
    id BIGSERIAL UNIQUE,
    circular_id BIGINT PRIMARY KEY REFERENCES circular(id) DEFERRABLE,
    pdf BYTEA NOT NULL,
    certificate_id BIGINT REFERENCES certificate(id) ON DELETE SET NULL DEFERRABLE,
    signed_at TEXT COLLATE "C" NOT NULL,
    sha256 TEXT COLLATE "C"
);
CREATE INDEX signed_document_sha256 ON signed_document(sha256);
CREATE TABLE roster_assignment (
    id BIGSERIAL UNIQUE,
    circular_id BIGINT NOT NULL REFERENCES circular(id) ON DELETE CASCADE DEFERRABLE,
    date TEXT COLLATE "C" NOT NULL,
    employee_id BIGINT NOT NULL REFERENCES employee(id) ON DELETE CASCADE DEFERRABLE,
    unit_id BIGINT REFERENCES unit(id) ON DELETE SET NULL DEFERRABLE,
    source TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (circular_id, date, employee_id)
);
CREATE TABLE roster_horizon (
    id BIGSERIAL UNIQUE,
    circular_id BIGINT PRIMARY KEY REFERENCES circular(id) ON DELETE CASCADE DEFERRABLE,
    until TEXT COLLATE "C" NOT NULL
);
CREATE TABLE signed_notice (
    pdf_sha256 TEXT COLLATE "C" PRIMARY KEY,
    circular_id BIGINT NOT NULL REFERENCES circular(id) DEFERRABLE,
    signed_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE absence (
    id BIGSERIAL PRIMARY KEY,
    employee_id BIGINT NOT NULL REFERENCES employee(id) ON DELETE CASCADE DEFERRABLE,
    start TEXT COLLATE "C" NOT NULL,
    "end" TEXT COLLATE "C" NOT NULL CHECK ("end" >= start),
    reason TEXT COLLATE "C" NOT NULL,
    note TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX absence_employee ON absence(employee_id, start);
CREATE TABLE deleted (
    id BIGSERIAL PRIMARY KEY,
    at TEXT COLLATE "C" NOT NULL,
    what TEXT COLLATE "C" NOT NULL,
    removed TEXT COLLATE "C" NOT NULL
);
