//! `edaran`: Edaran from the terminal, over the same core as the app. This
//! file only dispatches: `args.rs` the command line, `output.rs` what is
//! printed, one module per group of commands.

use std::process::ExitCode;

mod args;
mod circulars;
mod output;
mod people;
mod record;
mod rules;
mod sign;
mod tracking;

use args::{CertAction, Cli, Command, DbAction};
use edaran_core::{paths, Error};

fn main() -> ExitCode {
    let (cli, format) = args::arguments();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            output::report(&e, format);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let path = paths::database_path(cli.db);
    match cli.command {
        Command::Demo => people::demo(&path)?,
        Command::Agencies { search, format } => people::agencies(&path, &search, format)?,
        Command::Employees {
            agency,
            search,
            format,
        } => people::employees(&path, agency, search, format)?,
        Command::Import { what } => people::import(&path, what)?,
        Command::Render(args) => circulars::render(args)?,
        Command::Circulars { format } => circulars::list(&path, format)?,
        Command::Circular { action } => circulars::circular(&path, action)?,
        Command::Registers { format } => circulars::registers(&path, format)?,
        Command::Klasifikasi { cari, format } => circulars::classifications(&cari, format),
        Command::Periods { at, format } => tracking::periods(&path, at, format)?,
        Command::Extend(args) => tracking::extend(&path, args)?,
        Command::Holidays { action } => tracking::holidays(&path, action)?,
        Command::Search(args) => tracking::search(&path, args)?,
        Command::Backup { file } => tracking::backup(&path, &file)?,
        Command::Restore { file } => tracking::restore(&path, &file)?,
        Command::Db {
            action: DbAction::Copy { from, to },
        } => tracking::copy(&from, &to)?,
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
        Command::Notices(args) => rules::notices(&path, args)?,
        Command::Sign(args) => sign::sign(&path, args)?,
        Command::Verify {
            file,
            trust,
            format,
        } => return sign::verify(&file, &trust, format),
        Command::Cert {
            action:
                CertAction::NewInternal {
                    office,
                    signer,
                    pass_env,
                    years,
                    output,
                },
        } => sign::new_internal(&office, &signer, &pass_env, years, &output)?,
    }
    Ok(ExitCode::SUCCESS)
}
