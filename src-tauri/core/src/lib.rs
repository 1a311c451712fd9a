//! Edaran's core: the domain of regional circulars on the civil-service work
//! system, its validation, the SQLite store and the demo office. Knows
//! nothing of Tauri or WebKit; the app and the CLI are thin shells over it.

pub mod absence;
pub mod agency;
pub mod calendar;
pub mod circular;
pub mod classification;
mod csvfile;
pub mod db;
pub mod demo;
mod dice;
pub mod docx;
pub mod employee;
pub mod error;
pub mod excerpt;
pub mod exchange;
pub mod files;
pub mod image;
pub mod import;
pub mod markup;
pub mod nip;
pub mod notices;
pub mod numbering;
pub mod office;
pub mod paths;
pub mod pdf;
pub mod printed;
pub mod rank;
pub mod reference;
pub mod register;
pub mod rules;
pub mod sign;
pub mod spreadsheet;
pub mod srikandi;
pub mod store;
pub mod template;
pub mod tracking;
mod vocab;
pub mod words;

pub use error::{Error, ErrorCode, ErrorReport, Result, RowError};
pub use store::Store;

/// Opens the database at `path`; a new one is filled with the demo office.
pub fn open_with_demo(path: &std::path::Path) -> Result<Store> {
    let mut store = Store::open(path)?;
    // A shared server is an office's real data: never a demo.
    if store.is_new()? && !store.is_shared() {
        demo::fill(&mut store)?;
    }
    Ok(store)
}
