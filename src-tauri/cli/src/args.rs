//! The command line: every command and its arguments, dates as typed, a
//! passphrase named by its environment variable.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use edaran_core::office::PaperSize;
use edaran_core::Error;
use edaran_core::ErrorCode;

use crate::output::Format;

#[derive(Parser)]
#[command(
    name = "edaran",
    version,
    about = "Edaran — surat edaran sistem kerja ASN, dari terminal."
)]
pub struct Cli {
    /// Berkas basis data, atau basis data bersama di server PostgreSQL
    /// (postgresql://pengguna@server/edaran?sslmode=require); bawaan:
    /// $EDARAN_DB, lalu folder data aplikasi.
    #[arg(long, global = false)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum DbAction {
    /// Menyalin seluruh isi basis data (mis. berkas kantor.db) ke basis data
    /// kosong (mis. postgresql://…) dalam satu transaksi, lalu mencocokkan
    /// jumlah baris dan nomor terakhir setiap buku agenda. Basis data tujuan
    /// yang sudah berisi data kantor ditolak.
    Copy {
        #[arg(long)]
        from: PathBuf,
        #[arg(long)]
        to: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum Command {
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
    Render(RenderArgs),
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
    Extend(ExtendArgs),
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
    Search(SearchArgs),
    /// Menyalin basis data ke berkas cadangan (aman selagi aplikasi berjalan).
    Backup { file: PathBuf },
    /// Memulihkan basis data dari berkas cadangan yang sudah diperiksa; basis data lama disimpan di sampingnya.
    Restore { file: PathBuf },
    /// Basis data: memindahkan kantor ke server PostgreSQL bersama.
    Db {
        #[command(subcommand)]
        action: DbAction,
    },
    /// Menandatangani PDF secara elektronik (tanda tangan PDF sungguhan,
    /// CAdES, dengan kode QR dan baris keterangan di margin bawah halaman
    /// terakhir); berkas asli tidak berubah. Tanpa basis data, kecuali
    /// dengan --circular.
    Sign(SignArgs),
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
    Notices(NoticesArgs),
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

/// `edaran render`: the exchange file, the output and the SRIKANDI sheet.
#[derive(Args)]
pub struct RenderArgs {
    pub file: PathBuf,
    /// Berkas keluaran: .pdf atau .docx (akhirannya menentukan bentuknya).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value_t = Paper::F4)]
    pub paper: Paper,
    /// Naskah untuk SRIKANDI (.docx): nomor, tanggal, tanda tangan, nama, dan NIP
    /// sebagai isian SRIKANDI, dengan lembar metadata (<nama>-metadata.txt) di sampingnya.
    #[arg(long)]
    pub srikandi: bool,
    /// Sifat naskah pada lembar metadata: biasa (bawaan), terbatas, rahasia, sangat_rahasia.
    #[arg(long)]
    pub sifat: Option<String>,
    /// Tingkat urgensi pada lembar metadata: biasa (bawaan), segera, amat_segera.
    #[arg(long)]
    pub urgensi: Option<String>,
    /// Kode klasifikasi pada lembar metadata (bawaan: bagian pertama nomor surat).
    #[arg(long)]
    pub klasifikasi: Option<String>,
}

/// `edaran extend`: the circular and the extension asked for.
#[derive(Args)]
pub struct ExtendArgs {
    pub circular: String,
    /// Lama perpanjangan dalam hari kalender (bawaan: sama dengan periode sebelumnya).
    #[arg(long, conflicts_with = "working_days")]
    pub days: Option<u32>,
    /// Lama perpanjangan dalam hari kerja.
    #[arg(long)]
    pub working_days: Option<u32>,
    /// Boleh mulai pada hari libur (bawaan: mulai pada hari berikutnya yang bukan hari libur).
    #[arg(long)]
    pub start_on_holiday: bool,
    /// Tetap menyusun draf baru walaupun draf perpanjangannya sudah ada.
    #[arg(long)]
    pub another: bool,
    #[arg(long = "by", default_value = "petugas")]
    pub actor: String,
}

/// `edaran search`: the words and the filters.
#[derive(Args)]
pub struct SearchArgs {
    pub query: String,
    /// Tahun terbit (tahun mulai periode untuk draf).
    #[arg(long)]
    pub year: Option<i32>,
    /// Status, mis. draf, terbit, dicabut.
    #[arg(long)]
    pub status: Option<String>,
    /// Jenis, mis. perpanjangan, wfh_baru.
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// `edaran sign`: the PDF, the certificate and what the mark says.
#[derive(Args)]
pub struct SignArgs {
    /// PDF yang akan ditandatangani.
    pub file: PathBuf,
    /// Berkas sertifikat penanda tangan PKCS#12 (.p12/.pfx) berisi kunci privat.
    #[arg(long)]
    pub p12: PathBuf,
    /// Nama variabel lingkungan yang berisi kata sandi berkas .p12 (kata sandi tidak ditulis di baris perintah).
    #[arg(long = "pass-env", value_name = "VAR")]
    pub pass_env: String,
    /// Berkas PDF bertanda tangan yang ditulis.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Surat edaran (id atau nomor) yang PDF-nya ditandatangani: nomor,
    /// tanggal, dan penanda tangan pada kode QR diambil darinya, dan
    /// sertifikat harus tersimpan milik penanda tangannya.
    #[arg(long)]
    pub circular: Option<String>,
    /// Tetap menandatangani bila sertifikat bukan milik penanda tangan surat edaran (--circular).
    #[arg(long = "allow-other-signer", requires = "circular")]
    pub allow_other_signer: bool,
    /// Nomor surat yang dicantumkan pada kode QR; bawaan: nomor surat edaran --circular, atau "-".
    #[arg(long)]
    pub number: Option<String>,
    /// Tanggal surat pada kode QR (TTTT-BB-HH); bawaan: tanggal surat edaran --circular, atau hari ini.
    #[arg(long, value_parser = date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Nama penanda tangan pada kode QR; bawaan: penanda tangan surat edaran --circular, atau nama pada sertifikat.
    #[arg(long)]
    pub signer: Option<String>,
    /// Alasan penandatanganan (/Reason).
    #[arg(long, default_value = "Penetapan surat edaran")]
    pub reason: String,
    /// Tempat penandatanganan (/Location).
    #[arg(long, default_value = "")]
    pub location: String,
    /// Tanda tangan tak terlihat: tanpa kode QR dan baris keterangan.
    #[arg(long = "no-mark")]
    pub no_mark: bool,
}

/// `edaran notices`: the circular, where to write, PDF or Word, signed or not.
#[derive(Args)]
pub struct NoticesArgs {
    pub circular: String,
    /// Berkas PDF gabungan, atau folder tempat menulisnya.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Juga satu pemberitahuan tugas piket per pegawai yang dijadwalkan.
    #[arg(long = "per-employee")]
    pub per_employee: bool,
    /// Ukuran kertas; bawaan: ukuran pada profil kantor.
    #[arg(long, value_enum)]
    pub paper: Option<Paper>,
    /// Tandatangani tiap berkas dengan sertifikat (id) milik penanda tangan surat edaran.
    #[arg(long)]
    pub cert: Option<i64>,
    /// Nama variabel lingkungan berisi kata sandi sertifikat (wajib bersama --cert).
    #[arg(long = "pass-env", value_name = "VAR")]
    pub pass_env: Option<String>,
    /// Berkas Word (.docx) per pemberitahuan, tanpa PDF gabungan: -o menamai folder baru
    /// (atau folder yang sudah ada tempat folder baru itu dibuat).
    #[arg(long)]
    pub word: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Subcommand)]
pub enum HolidayAction {
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
pub enum AbsenceAction {
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
pub enum CertAction {
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
pub enum CircularAction {
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
pub enum Paper {
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
pub enum ImportWhat {
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
pub fn date_arg(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!("tanggal \"{text}\" tidak dapat dibaca; tulis dalam bentuk TTTT-BB-HH, mis. 2020-07-28 untuk 28 Juli 2020")
    })
}

/// The arguments and the `--format` they chose, or an Indonesian message for
/// a value that does not parse (clap's own wording for everything else:
/// usage and help).
pub fn arguments() -> (Cli, Format) {
    Cli::command()
        .try_get_matches()
        .and_then(|matches| {
            let cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut Cli::command()))?;
            Ok((cli, Format::chosen(&matches)))
        })
        .unwrap_or_else(|e| {
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

/// The passphrase held in environment variable `var`.
pub fn passphrase(var: &str) -> Result<String, Error> {
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

/// A date not given: today, local time.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
