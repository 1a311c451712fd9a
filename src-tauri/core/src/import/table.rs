//! A sheet of rows as read from a file, before any column means anything.

use chrono::NaiveDate;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    /// A spreadsheet number (CSV cells are always text).
    Number(f64),
    /// A spreadsheet date (an Excel serial formatted as a date).
    Date(NaiveDate),
    /// A formula, kept as written (without `=`): not a value.
    Formula(String),
    /// A spreadsheet error value such as `#N/A`.
    Invalid(String),
}

impl Cell {
    /// Text as the user sees it, for the preview.
    pub(crate) fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Date(d) => d.format("%d-%m-%Y").to_string(),
            Cell::Formula(f) => format!("={f}"),
            Cell::Invalid(e) => e.clone(),
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// Whole numbers without a decimal point (`12`, not `12.0`).
pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A data row and its number in the file (the header row is row 1 of a CSV).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub line: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    pub(crate) fn cell(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&Cell::Empty)
    }
}

/// Column headers and the data rows under them (blank rows left out).
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}
