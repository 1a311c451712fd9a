//! What the CLI prints: `--format table|json`, listings as columns, errors.

use clap::{ArgMatches, ValueEnum};
use edaran_core::{Error, ErrorReport};
use serde::Serialize;

/// `--format`: how a command prints what it found (and its error).
#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub enum Format {
    Table,
    Json,
}

impl Format {
    /// The `--format` given to the (sub)command being run; table for a
    /// command without one.
    pub fn chosen(matches: &ArgMatches) -> Format {
        let mut leaf = matches;
        while let Some((_, sub)) = leaf.subcommand() {
            leaf = sub;
        }
        leaf.try_get_one::<Format>("format")
            .ok()
            .flatten()
            .copied()
            .unwrap_or(Format::Table)
    }
}

/// Prints `value` as JSON, or the text `table` makes. A reader that stops
/// early (`| head`) ends the output quietly.
pub fn emit<T: Serialize>(format: Format, value: &T, table: impl FnOnce() -> String) {
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
pub fn table(headers: &[&str], rows: Vec<Vec<String>>) -> String {
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

/// Writes an error to stderr: `Galat: …` with an import's rows, or the
/// error report as JSON.
pub fn report(e: &Error, format: Format) {
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
