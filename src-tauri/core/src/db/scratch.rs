//! A private PostgreSQL server for tests and benchmarks: initialised in a
//! temporary folder, listening only on a Unix socket there (no port), run
//! as the `postgres` user when started by root, and stopped with the
//! process that started it (its parent-death signal), so none is left over;
//! the folders of servers whose process has ended are removed by the next.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The group of the roles that sign in with a password, one per guarded
/// database (see [`ScratchServer::create_guarded_database`]).
const CLERKS: &str = "petugas";

/// A running scratch server.
pub struct ScratchServer {
    dir: PathBuf,
    child: Child,
    bin: PathBuf,
    owner: Option<(u32, u32)>,
}

/// Why a scratch server could not start.
pub type Failure = String;

fn bin_dir() -> Result<PathBuf, Failure> {
    if let Some(dir) = std::env::var_os("EDARAN_PG_BIN") {
        return Ok(dir.into());
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|_| {
            "PostgreSQL tidak terpasang (/usr/lib/postgresql tidak ada); jalankan scripts/setup.sh"
                .to_string()
        })?
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").exists())
        .collect();
    found.sort();
    found
        .pop()
        .map(|(_, bin)| bin)
        .ok_or_else(|| "initdb PostgreSQL tidak ditemukan; jalankan scripts/setup.sh".into())
}

/// The uid/gid to run the server as: the `postgres` user when this is root
/// (PostgreSQL refuses to run as root), else this user.
#[cfg(unix)]
fn owner() -> Option<(u32, u32)> {
    // SAFETY: plain libc calls; getpwnam's result is read at once.
    unsafe {
        if libc::geteuid() != 0 {
            return None;
        }
        let pw = libc::getpwnam(c"postgres".as_ptr());
        if pw.is_null() {
            return None;
        }
        Some(((*pw).pw_uid, (*pw).pw_gid))
    }
}

fn command(bin: &Path, name: &str, owner: Option<(u32, u32)>) -> Command {
    let mut c = Command::new(bin.join(name));
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        if let Some((uid, gid)) = owner {
            c.uid(uid).gid(gid);
        }
        // SAFETY: prctl is async-signal-safe; it runs after the uid change,
        // which would otherwise clear it.
        unsafe {
            c.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT);
                Ok(())
            });
        }
    }
    c
}

fn run(bin: &Path, dir: &Path, owner: Option<(u32, u32)>) -> Result<Child, Failure> {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("server.log"))
        .map_err(|e| e.to_string())?;
    command(bin, "postgres", owner)
        .arg("-D")
        .arg(dir.join("data"))
        .arg("-k")
        .arg(dir)
        .args([
            "-c",
            "listen_addresses=",
            "-c",
            "fsync=off",
            "-c",
            "full_page_writes=off",
        ])
        .args(["-c", "max_connections=60"])
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("postgres tidak dapat dijalankan: {e}"))
}

/// Removes the folders of scratch servers whose test process has ended
/// (the process-wide one outlives its statics, so its folder stays).
fn sweep(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = name
            .to_str()
            .and_then(|n| n.strip_prefix("edaran-pg-"))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid {
            let alive = Path::new(&format!("/proc/{pid}")).exists();
            if pid != std::process::id() && !alive {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

impl ScratchServer {
    /// Starts a new server; `Err` says why not (PostgreSQL missing…).
    pub fn start() -> Result<ScratchServer, Failure> {
        let bin = bin_dir()?;
        let owner = owner();
        static STARTED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if cfg!(target_os = "linux") {
            sweep(&std::env::temp_dir());
        }
        let dir = std::env::temp_dir().join(format!("edaran-pg-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let data = dir.join("data");
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        #[cfg(unix)]
        if let Some((uid, gid)) = owner {
            std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).map_err(|e| e.to_string())?;
        }
        let out = command(&bin, "initdb", owner)
            .args(["-D"])
            .arg(&data)
            .args([
                "-U",
                "edaran",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "-N",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("initdb tidak dapat dijalankan: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "initdb gagal: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        // The [`CLERKS`] sign in with a password, as at an office; every
        // other role (the tests' own) is trusted on the socket.
        let hba = data.join("pg_hba.conf");
        let trusted = std::fs::read_to_string(&hba).map_err(|e| e.to_string())?;
        std::fs::write(
            &hba,
            format!("local all +{CLERKS} scram-sha-256\n{trusted}"),
        )
        .map_err(|e| e.to_string())?;
        let child = run(&bin, &dir, owner)?;
        let server = ScratchServer {
            dir,
            child,
            bin,
            owner,
        };
        server.ready()?;
        Ok(server)
    }

    /// Stops the server as a crash or a pulled cable would look to a client
    /// (immediate shutdown); [`ScratchServer::resume`] starts it again.
    pub fn stop(&mut self) {
        #[cfg(unix)]
        // SAFETY: signalling our own child.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGQUIT);
        }
        let _ = self.child.wait();
    }

    /// Starts the stopped server again on the same data.
    pub fn resume(&mut self) -> Result<(), Failure> {
        self.child = run(&self.bin, &self.dir, self.owner)?;
        self.ready()
    }

    fn ready(&self) -> Result<(), Failure> {
        let server = self;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if server.dir.join(".s.PGSQL.5432").exists()
                && postgres::Client::connect(&server.url("postgres"), postgres::NoTls).is_ok()
            {
                return Ok(());
            }
            if Instant::now() > deadline {
                let log =
                    std::fs::read_to_string(server.dir.join("server.log")).unwrap_or_default();
                return Err(format!(
                    "server PostgreSQL uji tidak siap dalam 30 detik: {log}"
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// One server for the whole process, started on first use from a thread
    /// that lives as long as the process (the parent-death signal follows
    /// the starting thread).
    pub fn shared() -> Result<&'static ScratchServer, Failure> {
        static SHARED: OnceLock<Result<ScratchServer, Failure>> = OnceLock::new();
        SHARED
            .get_or_init(|| {
                let (tx, rx) = std::sync::mpsc::channel();
                std::thread::spawn(move || {
                    let _ = tx.send(ScratchServer::start());
                    loop {
                        std::thread::park();
                    }
                });
                rx.recv()
                    .unwrap_or_else(|_| Err("server uji berhenti".into()))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The connection string of database `name` on this server.
    pub fn url(&self, name: &str) -> String {
        let host: String = self
            .dir
            .display()
            .to_string()
            .bytes()
            .map(|b| match b {
                b'/' => "%2F".to_string(),
                b => (b as char).to_string(),
            })
            .collect();
        format!("postgresql://edaran@{host}/{name}")
    }

    /// A new empty database owned by its own clerk, `petugas_<name>` (one
    /// of the [`CLERKS`]), who must give `password`; its connection string,
    /// without the password. Tests running at once each have their clerk.
    pub fn create_guarded_database(&self, name: &str, password: &str) -> Result<String, Failure> {
        let mut admin = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .map_err(|e| e.to_string())?;
        let clerk = format!("{CLERKS}_{name}");
        let roles = format!(
            "DO $$ BEGIN
                 IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{CLERKS}') THEN
                     CREATE ROLE {CLERKS} NOLOGIN;
                 END IF;
             EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
             END $$;
             CREATE ROLE {clerk} LOGIN IN ROLE {CLERKS} PASSWORD '{}';",
            password.replace('\'', "''")
        );
        // CREATE DATABASE runs alone, outside the roles' transaction.
        for sql in [roles, format!("CREATE DATABASE {name} OWNER {clerk}")] {
            admin.batch_execute(&sql).map_err(|e| e.to_string())?;
        }
        Ok(self.url(name).replacen("edaran@", &format!("{clerk}@"), 1))
    }

    /// A new empty database; its connection string.
    pub fn create_database(&self, name: &str) -> Result<String, Failure> {
        let mut admin = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .map_err(|e| e.to_string())?;
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .map_err(|e| e.to_string())?;
        Ok(self.url(name))
    }

    /// A new empty schema in database `edaran` (created once), much quicker
    /// than a database; its connection string.
    pub fn create_schema(&self, name: &str) -> Result<String, Failure> {
        static MADE: OnceLock<Result<(), Failure>> = OnceLock::new();
        MADE.get_or_init(|| self.create_database("edaran").map(|_| ()))
            .clone()?;
        let mut client = postgres::Client::connect(&self.url("edaran"), postgres::NoTls)
            .map_err(|e| e.to_string())?;
        client
            .batch_execute(&format!("CREATE SCHEMA {name}"))
            .map_err(|e| e.to_string())?;
        Ok(format!(
            "{}?options=-csearch_path%3D{name}",
            self.url("edaran")
        ))
    }
}

impl Drop for ScratchServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
