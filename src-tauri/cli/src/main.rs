//! `edaran`: Edaran from the terminal, over the same core as the app.

use std::path::PathBuf;
use std::process::ExitCode;

mod record;
mod rules;
mod tracking;

use clap::{Parser, Subcommand, ValueEnum};
use edaran_core::circular::{CircularKind, CircularStatus, Relation};
use edaran_core::docx::srikandi::{Sheet, Sifat, Urgensi};
use edaran_core::office::PaperSize;
use edaran_core::printed::FileKind;
use edaran_core::sign::{self, MarkInfo, SignOptions};
use edaran_core::store::{EmployeeFilter, Extension, Issue, SearchFilter};
use edaran_core::ErrorCode;
use edaran_core::{demo, docx, exchange, files, import, paths, pdf, Error, ErrorReport, Store};
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "edaran",
    version,
    about = "Edaran — surat edaran sistem kerja ASN, dari terminal."
)]
struct Cli {
    /// Berkas basis data (bawaan: $EDARAN_DB, lalu folder data aplikasi).
    #[arg(long, global = false)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Table,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Membuat basis data baru berisi kantor contoh (Kabupaten Tanjung Seroja).
    Demo,
    /// Daftar perangkat daerah.
    Agencies {
        /// Hanya yang namanya memuat teks ini.
        #[arg(long, default_value = "")]
        search: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Daftar pegawai.
    Employees {
        /// Hanya pegawai perangkat daerah ini (nama persis).
        #[arg(long)]
        agency: Option<String>,
        /// Hanya yang nama, NIP, jabatan atau unitnya memuat teks ini.
        #[arg(long, default_value = "")]
        search: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Mencetak berkas surat edaran (JSON pertukaran) ke PDF atau Word (.docx); tanpa basis data.
    Render {
        file: PathBuf,
        /// Berkas keluaran: .pdf atau .docx (akhirannya menentukan bentuknya).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long, value_enum, default_value_t = Paper::F4)]
        paper: Paper,
        /// Naskah untuk SRIKANDI (.docx): nomor, tanggal, tanda tangan, nama, dan NIP
        /// sebagai isian SRIKANDI, dengan lembar metadata (<nama>-metadata.txt) di sampingnya.
        #[arg(long)]
        srikandi: bool,
        /// Sifat naskah pada lembar metadata: biasa (bawaan), terbatas, rahasia, sangat_rahasia.
        #[arg(long)]
        sifat: Option<String>,
        /// Tingkat urgensi pada lembar metadata: biasa (bawaan), segera, amat_segera.
        #[arg(long)]
        urgensi: Option<String>,
        /// Kode klasifikasi pada lembar metadata (bawaan: bagian pertama nomor surat).
        #[arg(long)]
        klasifikasi: Option<String>,
    },
    /// Daftar surat edaran (id, nomor, perihal, jenis, status).
    Circulars {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Satu surat edaran: ekspor, impor, terbitkan, catat nomor.
    Circular {
        #[command(subcommand)]
        action: CircularAction,
    },
    /// Buku agenda yang dipakai kantor, dengan templat nomornya.
    Registers {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Kode klasifikasi arsip (Permendagri 83/2022 dan kode lama) yang memuat kata atau kode ini; tanpa basis data.
    Klasifikasi {
        /// Kata dari nama (mis. cuti) dan/atau awal kode (mis. 800.1); kosong: semua.
        cari: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Impor data (semua baris atau tidak sama sekali).
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Pengaturan yang berlaku (dan yang akan berlaku), rantai perpanjangannya, sisa hari kerja, dan peringatan.
    Periods {
        /// Tanggal acuan (TTTT-BB-HH); bawaan: hari ini.
        #[arg(long, value_parser = date_arg)]
        at: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Menyusun draf perpanjangan dari surat edaran yang terbit (id atau nomor); baris terakhir keluaran adalah id draf.
    /// Bila draf perpanjangannya sudah ada (draf atau diparaf), draf itu yang diberikan.
    Extend {
        circular: String,
        /// Lama perpanjangan dalam hari kalender (bawaan: sama dengan periode sebelumnya).
        #[arg(long, conflicts_with = "working_days")]
        days: Option<u32>,
        /// Lama perpanjangan dalam hari kerja.
        #[arg(long)]
        working_days: Option<u32>,
        /// Boleh mulai pada hari libur (bawaan: mulai pada hari berikutnya yang bukan hari libur).
        #[arg(long)]
        start_on_holiday: bool,
        /// Tetap menyusun draf baru walaupun draf perpanjangannya sudah ada.
        #[arg(long)]
        another: bool,
        #[arg(long = "by", default_value = "petugas")]
        actor: String,
    },
    /// Kalender hari libur nasional dan cuti bersama.
    Holidays {
        #[command(subcommand)]
        action: HolidayAction,
    },
    /// Ketidakhadiran pegawai (cuti, sakit, dinas luar): hari yang tidak pernah
    /// dijadwalkan ke kantor oleh jadwal piket mana pun.
    Absences {
        #[command(subcommand)]
        action: AbsenceAction,
    },
    /// Pencarian teks penuh atas nomor, perihal, isi, dan penanda tangan surat edaran.
    Search {
        query: String,
        /// Tahun terbit (tahun mulai periode untuk draf).
        #[arg(long)]
        year: Option<i32>,
        /// Status, mis. draf, terbit, dicabut.
        #[arg(long)]
        status: Option<String>,
        /// Jenis, mis. perpanjangan, wfh_baru.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Menyalin basis data ke berkas cadangan (aman selagi aplikasi berjalan).
    Backup { file: PathBuf },
    /// Memulihkan basis data dari berkas cadangan yang sudah diperiksa; basis data lama disimpan di sampingnya.
    Restore { file: PathBuf },
    /// Menandatangani PDF secara elektronik (tanda tangan PDF sungguhan,
    /// CAdES, dengan kode QR dan baris keterangan di margin bawah halaman
    /// terakhir); berkas asli tidak berubah. Tanpa basis data, kecuali
    /// dengan --circular.
    Sign {
        /// PDF yang akan ditandatangani.
        file: PathBuf,
        /// Berkas sertifikat penanda tangan PKCS#12 (.p12/.pfx) berisi kunci privat.
        #[arg(long)]
        p12: PathBuf,
        /// Nama variabel lingkungan yang berisi kata sandi berkas .p12 (kata sandi tidak ditulis di baris perintah).
        #[arg(long = "pass-env", value_name = "VAR")]
        pass_env: String,
        /// Berkas PDF bertanda tangan yang ditulis.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Surat edaran (id atau nomor) yang PDF-nya ditandatangani: nomor,
        /// tanggal, dan penanda tangan pada kode QR diambil darinya, dan
        /// sertifikat harus tersimpan milik penanda tangannya.
        #[arg(long)]
        circular: Option<String>,
        /// Tetap menandatangani bila sertifikat bukan milik penanda tangan surat edaran (--circular).
        #[arg(long = "allow-other-signer", requires = "circular")]
        allow_other_signer: bool,
        /// Nomor surat yang dicantumkan pada kode QR; bawaan: nomor surat edaran --circular, atau "-".
        #[arg(long)]
        number: Option<String>,
        /// Tanggal surat pada kode QR (TTTT-BB-HH); bawaan: tanggal surat edaran --circular, atau hari ini.
        #[arg(long, value_parser = date_arg)]
        date: Option<chrono::NaiveDate>,
        /// Nama penanda tangan pada kode QR; bawaan: penanda tangan surat edaran --circular, atau nama pada sertifikat.
        #[arg(long)]
        signer: Option<String>,
        /// Alasan penandatanganan (/Reason).
        #[arg(long, default_value = "Penetapan surat edaran")]
        reason: String,
        /// Tempat penandatanganan (/Location).
        #[arg(long, default_value = "")]
        location: String,
        /// Tanda tangan tak terlihat: tanpa kode QR dan baris keterangan.
        #[arg(long = "no-mark")]
        no_mark: bool,
    },
    /// Memeriksa tanda tangan elektronik PDF tanpa jaringan. Status keluar:
    /// 0 sah; 1 utuh tetapi tidak dipercaya atau sertifikat tidak berlaku saat
    /// ditandatangani; 2 isi berubah atau tidak mencakup seluruh berkas;
    /// 3 tanpa tanda tangan atau berkas tidak terbaca.
    Verify {
        file: PathBuf,
        /// Sertifikat akar (PEM) yang dipercaya; boleh diulang.
        #[arg(long = "trust", value_name = "CA.pem")]
        trust: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Status kerja setiap pegawai pada satu tanggal menurut aturan surat edaran (id atau nomor), dengan alasannya.
    Status {
        circular: String,
        /// Tanggal (TTTT-BB-HH).
        #[arg(long, value_parser = date_arg)]
        date: chrono::NaiveDate,
        /// Hanya pegawai perangkat daerah dengan id ini.
        #[arg(long)]
        agency: Option<i64>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Menyusun dan menyimpan jadwal piket surat edaran (id atau nomor); perubahan manual tetap dipertahankan.
    Roster {
        circular: String,
        /// Berkas keluaran: .xlsx, .csv, atau .pdf (lampiran jadwal piket).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// Tanggal perubahan manual (TTTT-BB-HH).
        #[arg(long, value_parser = date_arg)]
        date: Option<chrono::NaiveDate>,
        /// NIP pegawai yang dijadwalkan piket pada --date.
        #[arg(long)]
        put: Option<String>,
        /// NIP pegawai yang dilepas dari piket pada --date (bersama --put: ditukar).
        #[arg(long)]
        take: Option<String>,
        /// Tetap simpan perubahan yang melanggar aturan (pelanggarannya ditampilkan sebagai peringatan).
        #[arg(long)]
        force: bool,
        /// Periode sampai dievaluasi: perpanjang jadwal sampai tanggal ini (TTTT-BB-HH); hari yang sudah terjadwal tidak berubah.
        #[arg(long, value_parser = date_arg)]
        until: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Mencetak pemberitahuan surat edaran yang sudah terbit: satu per kepala perangkat daerah (lampiran: jadwal piketnya, bila ada aturan piket), digabung dalam satu PDF dan per berkas dalam folder di sampingnya.
    Notices {
        circular: String,
        /// Berkas PDF gabungan, atau folder tempat menulisnya.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Juga satu pemberitahuan tugas piket per pegawai yang dijadwalkan.
        #[arg(long = "per-employee")]
        per_employee: bool,
        /// Ukuran kertas; bawaan: ukuran pada profil kantor.
        #[arg(long, value_enum)]
        paper: Option<Paper>,
        /// Tandatangani tiap berkas dengan sertifikat (id) milik penanda tangan surat edaran.
        #[arg(long)]
        cert: Option<i64>,
        /// Nama variabel lingkungan berisi kata sandi sertifikat (wajib bersama --cert).
        #[arg(long = "pass-env", value_name = "VAR")]
        pass_env: Option<String>,
        /// Berkas Word (.docx) per pemberitahuan, tanpa PDF gabungan: -o menamai folder baru
        /// (atau folder yang sudah ada tempat folder baru itu dibuat).
        #[arg(long)]
        word: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Konflik aturan surat edaran (id atau nomor) yang perlu diselesaikan sebelum terbit;
    /// keluar dengan kode 1 bila ada konflik, 0 bila tidak ada.
    Conflicts {
        circular: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Sertifikat penanda tangan.
    Cert {
        #[command(subcommand)]
        action: CertAction,
    },
}

#[derive(Subcommand)]
enum HolidayAction {
    /// Daftar hari libur yang berlaku.
    List {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Impor CSV (kolom tanggal, nama, jenis, sumber); tiap sumber menjadi keputusan yang menggantikan daftar tahun itu.
    Import { file: PathBuf },
    /// Ekspor hari libur yang berlaku ke CSV.
    Export {
        #[arg(long)]
        year: Option<i32>,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
pub(crate) enum AbsenceAction {
    /// Daftar ketidakhadiran yang tercatat.
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Mencatat ketidakhadiran satu pegawai.
    Add {
        nip: String,
        /// Hari pertama (TTTT-BB-HH).
        #[arg(long, value_parser = date_arg)]
        from: chrono::NaiveDate,
        /// Hari terakhir (TTTT-BB-HH); tanpa ini: satu hari.
        #[arg(long, value_parser = date_arg)]
        to: Option<chrono::NaiveDate>,
        /// cuti, sakit, dinas_luar, atau lainnya.
        #[arg(long)]
        reason: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Impor CSV (kolom nip, mulai, selesai, alasan, keterangan): semua baris, atau tidak satu pun bila ada yang salah.
    Import { file: PathBuf },
    /// Menghapus satu ketidakhadiran (id dari `absences list`).
    Delete { id: i64 },
}

#[derive(Subcommand)]
enum CertAction {
    /// Membuat sertifikat internal kantor (bukan sertifikat BSrE): sertifikat
    /// akar kantor (ECDSA P-256) dan sertifikat penanda tangan yang
    /// diterbitkannya. Menulis DIR/akar-internal.pem (untuk `edaran verify
    /// --trust` atau basis data NSS) dan DIR/penanda-tangan.p12 (untuk
    /// `edaran sign`). Kunci privat akar tidak disimpan.
    NewInternal {
        /// Nama kantor (O pada sertifikat).
        #[arg(long)]
        office: String,
        /// Nama penanda tangan (CN pada sertifikat), lengkap dengan gelar.
        #[arg(long)]
        signer: String,
        /// Nama variabel lingkungan berisi kata sandi untuk berkas .p12 (minimal 8 karakter).
        #[arg(long = "pass-env", value_name = "VAR")]
        pass_env: String,
        /// Masa berlaku dalam tahun.
        #[arg(long, default_value_t = 2)]
        years: u32,
        /// Folder tujuan (dibuat bila belum ada).
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum CircularAction {
    /// Menulis surat edaran ke berkas pertukaran JSON.
    Export {
        id: i64,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Membaca berkas pertukaran JSON sebagai draf baru; baris terakhir keluaran adalah id-nya.
    Import { file: PathBuf },
    /// Menerbitkan draf: memberi nomor dari buku agenda dan membekukan isinya.
    Issue {
        id: i64,
        /// Tanggal penetapan (TTTT-BB-HH); bawaan: hari ini.
        #[arg(long, value_parser = date_arg)]
        date: Option<chrono::NaiveDate>,
        /// Buku agenda yang memberi nomor (nama, lihat `edaran registers`); bawaan: buku agenda kantor sendiri.
        #[arg(long)]
        register: Option<String>,
        /// Kode klasifikasi surat ini bila bukan kode buku agenda (mis. 800.1.11; lihat `edaran klasifikasi`).
        #[arg(long)]
        klasifikasi: Option<String>,
        /// Alasan bila tanggal penetapan lebih awal dari nomor terakhir buku agenda itu (dicatat di keterangan dan jejak audit).
        #[arg(long = "backdate-reason", default_value = "")]
        backdate_reason: String,
        /// Nama petugas yang dicatat di jejak audit.
        #[arg(long = "by", default_value = "petugas")]
        actor: String,
    },
    /// Mencatat nomor surat edaran yang diberikan di tempat lain (buku agenda
    /// lain, instansi lain, atau SRIKANDI): untuk draf yang tersimpan (ID), atau
    /// untuk berkas pertukaran JSON yang sekaligus diimpor (mis. diterima dari
    /// provinsi atau terbit sebelum Edaran dipakai). Dengan --srikandi-pdf, PDF
    /// yang dinomori dan ditandatangani di SRIKANDI disimpan apa adanya sebagai
    /// PDF surat edaran itu. Baris terakhir keluaran adalah id-nya.
    Record {
        /// Id draf yang tersimpan (lihat `edaran circulars`), atau berkas pertukaran JSON.
        #[arg(value_name = "ID|FILE")]
        target: String,
        /// Nomor surat sebagaimana tertulis; untuk berkas, bawaan: nomor dalam berkas.
        #[arg(long)]
        number: Option<String>,
        /// Tanggal penetapan (TTTT-BB-HH); untuk berkas, bawaan: tanggal dalam berkas.
        #[arg(long, value_parser = date_arg)]
        date: Option<chrono::NaiveDate>,
        /// Buku agenda tempat nomor itu dicatat (nama); bawaan: buku agenda kantor sendiri.
        #[arg(long)]
        register: Option<String>,
        /// PDF yang sudah dinomori dan ditandatangani di SRIKANDI (paling besar 20 MB), untuk draf ID.
        #[arg(long = "srikandi-pdf", value_name = "FILE")]
        srikandi_pdf: Option<PathBuf>,
        /// Tetap lampirkan PDF dari SRIKANDI meski ada peringatan (tanpa tanda tangan elektronik, nomor tidak ditemukan di PDF).
        #[arg(long, requires = "srikandi_pdf")]
        force: bool,
        #[arg(long = "by", default_value = "petugas")]
        actor: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Paper {
    F4,
    A4,
}

impl From<Paper> for PaperSize {
    fn from(p: Paper) -> PaperSize {
        match p {
            Paper::F4 => PaperSize::F4,
            Paper::A4 => PaperSize::A4,
        }
    }
}

#[derive(Subcommand)]
enum ImportWhat {
    /// Pegawai dari berkas CSV atau XLSX ekspor data kepegawaian (kunci: NIP).
    Employees {
        file: PathBuf,
        /// Pemetaan kolom (JSON: {"nip": "NIP BARU", ...}); bawaan: pemetaan
        /// terakhir untuk judul kolom yang sama, atau tebakan dari judul kolom.
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Buat perangkat daerah dan unit yang belum terdaftar.
        #[arg(long)]
        create_missing: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// A date on the command line, written as in files: `TTTT-BB-HH`.
/// The id of the register named `name` (the office's own when none).
fn register_id(store: &Store, name: Option<&str>) -> Result<Option<i64>, Error> {
    name.map(|n| store.register_named(n).map(|r| r.id))
        .transpose()
}

fn date_arg(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!("tanggal \"{text}\" tidak dapat dibaca; tulis dalam bentuk TTTT-BB-HH, mis. 2020-07-28 untuk 28 Juli 2020")
    })
}

/// The arguments, or an Indonesian message for a value that does not parse
/// (clap's own wording for everything else: usage and help).
fn arguments() -> Cli {
    Cli::try_parse().unwrap_or_else(|e| {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        use std::error::Error as _;
        if e.kind() != ErrorKind::ValueValidation {
            e.exit();
        }
        let context = |kind| match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            _ => String::new(),
        };
        let reason = e.source().map(|s| s.to_string()).unwrap_or_default();
        eprintln!(
            "Galat: nilai \"{}\" untuk {} tidak sah: {reason}.",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg)
        );
        std::process::exit(2)
    })
}

fn main() -> ExitCode {
    let cli = arguments();
    let format = match &cli.command {
        Command::Agencies { format, .. } | Command::Employees { format, .. } => *format,
        Command::Import {
            what: ImportWhat::Employees { format, .. },
        } => *format,
        Command::Circulars { format }
        | Command::Periods { format, .. }
        | Command::Search { format, .. }
        | Command::Verify { format, .. }
        | Command::Status { format, .. }
        | Command::Roster { format, .. }
        | Command::Conflicts { format, .. }
        | Command::Notices { format, .. }
        | Command::Holidays {
            action: HolidayAction::List { format, .. },
        }
        | Command::Absences {
            action: AbsenceAction::List { format },
        } => *format,
        _ => Format::Table,
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            report(&e, format);
            ExitCode::FAILURE
        }
    }
}

fn report(e: &Error, format: Format) {
    if format == Format::Json {
        eprintln!(
            "{}",
            serde_json::to_string_pretty(&ErrorReport::from(e)).unwrap_or_default()
        );
        return;
    }
    eprintln!("Galat: {e}");
    if let Error::Import(rows) = e {
        for row in rows {
            let column = if row.column.is_empty() {
                String::new()
            } else {
                format!(", kolom {}", row.column)
            };
            eprintln!("  baris {}{column}: {}", row.line, row.message);
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let path = paths::database_path(cli.db);
    match cli.command {
        Command::Sign {
            file,
            p12,
            pass_env,
            output,
            circular,
            allow_other_signer,
            number,
            date,
            signer,
            reason,
            location,
            no_mark,
        } => {
            let signer_cert = sign::import_pkcs12(
                &files::read_limited(
                    &p12,
                    files::MAX_PKCS12_BYTES,
                    "berkas sertifikat (.p12/.pfx)",
                )?,
                &passphrase(&pass_env)?,
                chrono::Utc::now(),
            )?;
            // The QR's number, date and signer: as given, else the circular's.
            let (mut of_number, mut of_date, mut of_signer) = (None, None, None);
            if let Some(key) = circular {
                let store = Store::open(&path)?;
                let id = tracking::circular_id(&store, &key)?;
                match store.check_owner_of(id, signer_cert.info()) {
                    Ok(()) => {}
                    Err(e) if allow_other_signer => eprintln!(
                        "Peringatan: {e} Tetap ditandatangani karena --allow-other-signer."
                    ),
                    Err(e) => return Err(e),
                }
                let record = store.circular(id)?;
                of_number = record.summary.number;
                of_date = record.document.issued_on;
                of_signer = Some(record.document.signature.name.trim().to_string());
            }
            let mark = MarkInfo {
                number: number.or(of_number).unwrap_or_else(|| "-".into()),
                date: date.or(of_date).unwrap_or_else(today),
                signer: signer.or(of_signer).unwrap_or_default(),
            };
            let options = SignOptions {
                reason,
                location,
                time: chrono::Utc::now(),
                mark: (!no_mark).then_some(mark),
            };
            let signed = sign::sign_pdf(
                &files::read_limited(&file, files::MAX_PDF_BYTES, "PDF")?,
                &signer_cert,
                &options,
            )?;
            std::fs::write(&output, signed)?;
            println!(
                "PDF ditandatangani oleh {} ditulis ke {}.",
                signer_cert.info().name,
                output.display()
            );
        }
        Command::Verify {
            file,
            trust,
            format,
        } => {
            let mut roots = Vec::new();
            for path in &trust {
                roots.extend(sign::from_pem(&files::read_text_limited(
                    path,
                    files::MAX_PEM_BYTES,
                    "berkas sertifikat akar (PEM)",
                )?)?);
            }
            // An unreadable or hostile file is verdict 3, like no signature.
            let report = match files::read_limited(&file, files::MAX_PDF_BYTES, "PDF")
                .and_then(|pdf| sign::verify_pdf(&pdf, &roots))
            {
                Ok(report) => report,
                Err(e) => {
                    report(&e, format);
                    return Ok(ExitCode::from(3));
                }
            };
            emit(format, &report, || verify_table(&report));
            return Ok(ExitCode::from(report.verdict.exit_code() as u8));
        }
        Command::Cert {
            action:
                CertAction::NewInternal {
                    office,
                    signer,
                    pass_env,
                    years,
                    output,
                },
        } => {
            let pass = passphrase(&pass_env)?;
            if pass.chars().count() < 8 {
                return Err(Error::invalid(
                    ErrorCode::KataSandiPendek,
                    "passphrase",
                    "Kata sandi berkas .p12 minimal 8 karakter.",
                ));
            }
            let made = sign::new_internal(&office, &signer, chrono::Utc::now(), years)?;
            std::fs::create_dir_all(&output)?;
            let (pem, p12) = (
                output.join("akar-internal.pem"),
                output.join("penanda-tangan.p12"),
            );
            std::fs::write(&pem, made.root_pem())?;
            std::fs::write(&p12, sign::export_pkcs12(&made.signer, &pass)?)?;
            let info = made.signer.info();
            println!(
                "Sertifikat internal kantor untuk {} (berlaku sampai {}):",
                info.name,
                info.valid_to.date_naive()
            );
            println!("  akar kantor      : {}", pem.display());
            println!("  penanda tangan   : {}", p12.display());
            println!("  sidik jari SHA-256: {}", info.fingerprint);
        }
        Command::Render {
            file,
            output,
            paper,
            srikandi,
            sifat,
            urgensi,
            klasifikasi,
        } => {
            let kind = FileKind::of_file(&output)?;
            let handoff = match (srikandi, &sifat, &urgensi, &klasifikasi) {
                (true, ..) => Some((
                    sifat.as_deref().map_or(Ok(Sifat::Biasa), |s| Sifat::require(s, "sifat"))?,
                    urgensi
                        .as_deref()
                        .map_or(Ok(Urgensi::Biasa), |u| Urgensi::require(u, "urgensi"))?,
                )),
                (false, None, None, None) => None,
                (false, ..) => {
                    return Err(Error::invalid(
                        ErrorCode::WajibDiisi,
                        "srikandi",
                        "--sifat, --urgensi, dan --klasifikasi mengisi lembar metadata naskah untuk SRIKANDI; tambahkan --srikandi.",
                    ))
                }
            };
            let circular = exchange::from_json(&files::read_text_limited(
                &file,
                files::MAX_EXCHANGE_BYTES,
                "berkas surat edaran (JSON)",
            )?)?;
            let paper = paper.into();
            match (kind, handoff) {
                (FileKind::Pdf, None) => {
                    std::fs::write(&output, pdf::render(&circular, paper, chrono::Utc::now())?)?;
                    println!("PDF ditulis ke {}.", output.display());
                }
                (FileKind::Docx, None) => {
                    std::fs::write(&output, docx::render(&circular, paper)?)?;
                    println!("Berkas Word ditulis ke {}.", output.display());
                }
                (FileKind::Pdf, Some(_)) => {
                    return Err(Error::invalid(
                        ErrorCode::FormatTidakDikenal,
                        "output",
                        "Naskah untuk SRIKANDI berupa berkas Word: beri nama keluaran berakhiran .docx.",
                    ))
                }
                (FileKind::Docx, Some((sifat, urgensi))) => {
                    let bytes = docx::srikandi::render(&circular, paper)?;
                    let sheet = Sheet::new(&circular, klasifikasi.as_deref(), sifat, urgensi);
                    let sheet_file = docx::srikandi::save(&output, &bytes, &sheet)?;
                    println!(
                        "Naskah untuk SRIKANDI ditulis ke {}; lembar metadata ke {}.",
                        output.display(),
                        sheet_file.display()
                    );
                }
            }
        }
        Command::Demo => {
            let mut store = Store::open(&path)?;
            if !store.is_new()? {
                return Err(Error::Refused {
                    code: ErrorCode::BasisDataBerisi,
                    message: format!(
                        "Basis data {} sudah berisi data; kantor contoh hanya diisikan ke basis data baru.",
                        path.display()
                    ),
                });
            }
            demo::fill(&mut store)?;
            let o = store.overview()?;
            println!(
                "Kantor contoh dibuat di {}: {} perangkat daerah, {} unit, {} pegawai, {} hari libur, {} penandatangan.",
                path.display(),
                o.agencies,
                o.units,
                o.employees,
                o.holidays,
                o.signatories
            );
        }
        Command::Agencies { search, format } => {
            let agencies = Store::open(&path)?.agencies(&search)?;
            emit(format, &agencies, || {
                table(
                    &["ID", "NAMA", "SINGKATAN", "JENIS", "UNIT", "PEGAWAI"],
                    agencies
                        .iter()
                        .map(|a| {
                            vec![
                                a.id.to_string(),
                                a.name.clone(),
                                a.short_name.clone(),
                                a.kind_label.to_string(),
                                a.unit_count.to_string(),
                                a.employee_count.to_string(),
                            ]
                        })
                        .collect(),
                )
            });
        }
        Command::Employees {
            agency,
            search,
            format,
        } => {
            let store = Store::open(&path)?;
            let agency_id = match agency {
                Some(name) => Some(
                    store
                        .agency_by_name(&name)?
                        .ok_or_else(|| Error::NotFound(format!("Perangkat daerah \"{name}\"")))?,
                ),
                None => None,
            };
            let rows = store
                .employees(&EmployeeFilter {
                    query: search,
                    agency_id,
                    ..Default::default()
                })?
                .rows;
            emit(format, &rows, || {
                table(
                    &["NIP", "NAMA", "JENIS", "GOL", "JABATAN", "PERANGKAT DAERAH"],
                    rows.iter()
                        .map(|e| {
                            vec![
                                e.nip.clone().unwrap_or_else(|| "-".into()),
                                e.full_name(),
                                e.employment.label().to_string(),
                                e.golongan.clone().unwrap_or_else(|| "-".into()),
                                e.position_name.clone(),
                                e.agency_name.clone(),
                            ]
                        })
                        .collect(),
                )
            });
        }
        Command::Registers { format } => {
            let list = Store::open(&path)?.registers()?;
            emit(format, &list, || {
                table(
                    &["NAMA", "TEMPLAT NOMOR", "KLASIFIKASI", "UNIT"],
                    list.iter()
                        .map(|r| {
                            vec![
                                r.name.clone(),
                                if r.numbering_template.is_empty() {
                                    "(hanya mencatat)".into()
                                } else {
                                    r.numbering_template.clone()
                                },
                                r.classification.clone(),
                                r.unit_code.clone(),
                            ]
                        })
                        .collect(),
                )
            });
        }
        Command::Klasifikasi { cari, format } => {
            let list = edaran_core::classification::search(&cari.join(" "), usize::MAX);
            emit(format, &list, || {
                table(
                    &["KODE", "NAMA"],
                    list.iter()
                        .map(|c| vec![c.code.to_string(), c.name.to_string()])
                        .collect(),
                )
            });
        }
        Command::Circulars { format } => {
            let list = Store::open(&path)?.circulars()?;
            emit(format, &list, || {
                table(
                    &["ID", "NOMOR", "STATUS", "JENIS", "PERIHAL"],
                    list.iter()
                        .map(|c| {
                            vec![
                                c.id.to_string(),
                                c.number.clone().unwrap_or_else(|| "-".into()),
                                c.status.label().to_string(),
                                c.kind.label().to_string(),
                                c.subject.clone(),
                            ]
                        })
                        .collect(),
                )
            });
        }
        Command::Circular { action } => {
            let mut store = Store::open(&path)?;
            match action {
                CircularAction::Export { id, output } => {
                    std::fs::write(&output, exchange::to_json(&store.circular(id)?.document))?;
                    println!("Surat edaran {id} ditulis ke {}.", output.display());
                }
                CircularAction::Import { file } => {
                    let circular = exchange::from_json(&files::read_text_limited(
                        &file,
                        files::MAX_EXCHANGE_BYTES,
                        "berkas surat edaran (JSON)",
                    )?)?;
                    let id = store.create_circular(&circular, "impor")?;
                    if let Some(note) = exchange::number_left_out(&circular) {
                        eprintln!("{note}");
                    }
                    println!("Draf baru dari {}:", file.display());
                    println!("{id}");
                }
                CircularAction::Issue {
                    id,
                    date,
                    register,
                    klasifikasi,
                    backdate_reason,
                    actor,
                } => {
                    let issue = Issue {
                        date: date.unwrap_or_else(today),
                        register_id: register_id(&store, register.as_deref())?,
                        classification: klasifikasi,
                        backdate_reason,
                    };
                    // The dialog's checklist: warnings are said, never a stop.
                    for check in store.issue_checklist(id)? {
                        if !check.ok && !check.blocking {
                            eprintln!("Peringatan: {}", check.message);
                        }
                    }
                    let number = store.issue(id, &issue, &actor)?;
                    println!("Surat edaran {id} terbit dengan nomor {number}.");
                }
                CircularAction::Record {
                    target,
                    number,
                    date,
                    register,
                    srikandi_pdf,
                    force,
                    actor,
                } => {
                    let register_id = register_id(&store, register.as_deref())?;
                    record::record(
                        &mut store,
                        record::RecordArgs {
                            target,
                            number,
                            date,
                            register_id,
                            srikandi_pdf,
                            force,
                            actor,
                        },
                    )?;
                }
            }
        }
        Command::Import {
            what:
                ImportWhat::Employees {
                    file,
                    mapping,
                    create_missing,
                    format,
                },
        } => {
            let file = import::ImportFile::read(&file)?;
            let mut store = Store::open(&path)?;
            let mapping = match mapping {
                Some(json) => serde_json::from_str(&files::read_text_limited(
                    &json,
                    files::MAX_MAPPING_BYTES,
                    "berkas pemetaan kolom (JSON)",
                )?)
                .map_err(|e| {
                    Error::invalid(
                        ErrorCode::PemetaanTidakSah,
                        "mapping",
                        format!("Berkas pemetaan {} tidak sah: {e}", json.display()),
                    )
                })?,
                None => import::preview_import(&store, &file)?.mapping,
            };
            let summary = import::import_employees(&mut store, &file, &mapping, create_missing)?;
            emit(format, &summary, || {
                let mut text = format!(
                    "Impor selesai: {} pegawai baru, {} diperbarui.\n",
                    summary.created, summary.updated
                );
                if summary.agencies_created + summary.units_created > 0 {
                    text += &format!(
                        "Dibuat: {} perangkat daerah, {} unit.\n",
                        summary.agencies_created, summary.units_created
                    );
                }
                if !summary.skipped.is_empty() {
                    text += &format!(
                        "Dilewati (bukan pegawai aktif): {} baris.\n",
                        summary.skipped.len()
                    );
                    for s in &summary.skipped {
                        text += &format!(
                            "  baris {}: NIP {}, {}: {}\n",
                            s.line, s.nip, s.name, s.reason
                        );
                    }
                }
                if !summary.inferred_eselon.is_empty() {
                    text += &format!(
                        "Eselon dari nama jabatan ({} pegawai; periksa):\n",
                        summary
                            .inferred_eselon
                            .iter()
                            .map(|i| i.count)
                            .sum::<usize>()
                    );
                    for i in &summary.inferred_eselon {
                        text += &format!(
                            "  {} → {} ({} pegawai, pertama di baris {})\n",
                            i.position, i.eselon, i.count, i.line
                        );
                    }
                }
                text
            });
        }
        Command::Periods { at, format } => {
            let at = at.unwrap_or_else(today);
            let board = Store::open(&path)?.dashboard(at)?;
            if let Some(gap) = &board.holiday_gap {
                eprintln!("Peringatan: {}", gap.message);
            }
            emit(format, &board, || tracking::dashboard_table(&board));
        }
        Command::Extend {
            circular,
            days,
            working_days,
            start_on_holiday,
            another,
            actor,
        } => {
            let mut store = Store::open(&path)?;
            let id = tracking::circular_id(&store, &circular)?;
            let extension = Extension {
                days: days.or(working_days),
                working_days: working_days.is_some(),
                start_on_holiday,
            };
            let draft = store.draft_from(
                id,
                Relation::Perpanjangan,
                extension,
                another,
                today(),
                &actor,
            )?;
            println!("{}", draft.message);
            println!("{}", draft.id);
        }
        Command::Holidays { action } => tracking::holidays(&path, action)?,
        Command::Absences { action } => rules::absences(&path, action)?,
        Command::Status {
            circular,
            date,
            agency,
            format,
        } => rules::status(&path, &circular, date, agency, format)?,
        Command::Roster {
            circular,
            output,
            date,
            put,
            take,
            force,
            until,
            format,
        } => rules::roster(
            &path,
            &circular,
            output,
            rules::EditArgs {
                date,
                put,
                take,
                force,
            },
            until,
            format,
        )?,
        Command::Conflicts { circular, format } => {
            if rules::conflicts(&path, &circular, format)? {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Notices {
            circular,
            output,
            per_employee,
            paper,
            cert,
            pass_env,
            word,
            format,
        } => {
            if word && cert.is_some() {
                return Err(Error::invalid(
                    ErrorCode::FormatTidakDikenal,
                    "cert",
                    "Tanda tangan elektronik hanya untuk PDF; berkas Word ditandatangani di SRIKANDI atau dicetak. Hapus --cert atau --word.",
                ));
            }
            if word {
                return rules::notices_word(
                    &path,
                    &circular,
                    output,
                    per_employee,
                    paper.map(PaperSize::from),
                )
                .map(|()| ExitCode::SUCCESS);
            }
            let pass = match (cert, pass_env) {
                (Some(_), Some(var)) => Some(passphrase(&var)?),
                (Some(_), None) => {
                    return Err(Error::invalid(
                        ErrorCode::WajibDiisi,
                        "pass-env",
                        "--cert memerlukan --pass-env berisi kata sandi sertifikat.",
                    ))
                }
                _ => None,
            };
            rules::notices(
                &path,
                &circular,
                output,
                per_employee,
                paper.map(PaperSize::from),
                cert.zip(pass.as_deref()),
                format,
            )?
        }
        Command::Search {
            query,
            year,
            status,
            kind,
            format,
        } => {
            let filter = SearchFilter {
                year,
                status: status
                    .map(|s| CircularStatus::require(&s, "status"))
                    .transpose()?,
                kind: kind
                    .map(|k| CircularKind::require(&k, "kind"))
                    .transpose()?,
            };
            let hits = Store::open(&path)?.search_circulars(&query, &filter)?;
            emit(format, &hits, || tracking::search_table(&hits));
        }
        Command::Backup { file } => {
            Store::open(&path)?.backup_to(&file)?;
            println!("Cadangan basis data ditulis ke {}.", file.display());
        }
        Command::Restore { file } => {
            files::check_regular_file(&file, "berkas cadangan")?;
            let restored = Store::open(&path)?.restore_from(&file)?;
            println!(
                "Basis data dipulihkan dari {} ({} surat edaran, {} pegawai). Basis data sebelumnya disimpan di {}.",
                file.display(),
                restored.info.circulars,
                restored.info.employees,
                restored.replaced_copy.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Prints `value` as JSON, or the text `table` makes. A reader that stops
/// early (`| head`) ends the output quietly.
fn emit<T: Serialize>(format: Format, value: &T, table: impl FnOnce() -> String) {
    use std::io::Write;
    let text = match format {
        Format::Json => serde_json::to_string_pretty(value).expect("serialisable") + "\n",
        Format::Table => table(),
    };
    if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("Keluaran tidak dapat ditulis: {e}");
        }
    }
}

/// Left-aligned columns separated by two spaces.
pub(crate) fn table(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        parts.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(headers.to_vec());
    for row in &rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

/// The passphrase held in environment variable `var`.
fn passphrase(var: &str) -> Result<String, Error> {
    std::env::var(var)
        .ok()
        .filter(|p| !p.is_empty())
        .ok_or_else(|| {
            Error::invalid(
                ErrorCode::KataSandiKosong,
                "passphrase",
                format!("Variabel lingkungan {var} tidak berisi kata sandi."),
            )
        })
}

/// The verification report for people.
fn verify_table(report: &sign::Report) -> String {
    let yes_no = |ok: bool, yes: &str, no: &str| if ok { yes.to_string() } else { no.to_string() };
    let mut out = String::new();
    for (i, s) in report.signatures.iter().enumerate() {
        let (name, issuer) = s
            .certificate
            .as_ref()
            .map(|c| (c.name.clone(), c.issuer_name.clone()))
            .unwrap_or_else(|| ("-".into(), "-".into()));
        out.push_str(&format!("Tanda tangan {}: {name}\n", i + 1));
        out.push_str(&format!("  Penerbit sertifikat : {issuer}\n"));
        let time = s
            .signing_time
            .map(|t| t.to_rfc3339())
            .unwrap_or_else(|| "-".into());
        out.push_str(&format!("  Waktu tanda tangan  : {time}\n"));
        out.push_str(&format!(
            "  Keutuhan            : {}\n",
            yes_no(s.intact, "utuh", "TIDAK UTUH")
        ));
        out.push_str(&format!(
            "  Cakupan             : {}\n",
            yes_no(
                s.covers_whole_file,
                "seluruh berkas",
                "TIDAK seluruh berkas"
            )
        ));
        out.push_str(&format!(
            "  Rantai sertifikat   : {}\n",
            yes_no(s.chain_trusted, "dipercaya", "TIDAK DIPERCAYA")
        ));
        out.push_str(&format!(
            "  Masa berlaku        : {}\n",
            yes_no(
                s.in_validity,
                "berlaku saat ditandatangani",
                "TIDAK berlaku saat ditandatangani"
            )
        ));
        if let Some(q) = &s.qr {
            out.push_str(&format!(
                "  Kode QR             : {} tanggal {}, {}\n",
                q.payload.number,
                q.payload.date,
                yes_no(
                    q.drawn_matches && q.hash_matches,
                    "sesuai dokumen",
                    "TIDAK SESUAI"
                )
            ));
        }
        for p in &s.problems {
            out.push_str(&format!("  ! {p}\n"));
        }
    }
    out.push_str(&format!("Kesimpulan: {}\n", report.verdict.headline()));
    out
}
