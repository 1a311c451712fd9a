//! Values crossing the seam: what a query is given and what a row holds,
//! the same five kinds on both backends (SQLite's storage classes).

use chrono::NaiveDate;

use super::DbError;

/// One cell or parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Integer(_) => "bilangan bulat",
            Value::Real(_) => "bilangan pecahan",
            Value::Text(_) => "teks",
            Value::Blob(_) => "data biner",
        }
    }
}

/// A Rust value given to a query.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

/// A Rust value read from a row's cell.
pub trait FromValue: Sized {
    fn from_value(v: Value) -> Result<Self, DbError>;
}

fn mismatch<T>(v: &Value, wanted: &'static str) -> Result<T, DbError> {
    Err(DbError::Type {
        wanted,
        found: v.kind(),
    })
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Integer(*self as i64)
            }
        }
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, DbError> {
                match v {
                    Value::Integer(i) => <$t>::try_from(i).or_else(|_| mismatch(&Value::Integer(i), stringify!($t))),
                    other => mismatch(&other, stringify!($t)),
                }
            }
        }
    )*};
}
integers!(i64, i32, u32, u16, u8, usize);

impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Integer(*self as i64)
    }
}

impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self, DbError> {
        match v {
            Value::Integer(i) => Ok(i != 0),
            other => mismatch(&other, "bool"),
        }
    }
}

impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}

impl FromValue for f64 {
    fn from_value(v: Value) -> Result<Self, DbError> {
        match v {
            Value::Real(f) => Ok(f),
            Value::Integer(i) => Ok(i as f64),
            other => mismatch(&other, "f64"),
        }
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, DbError> {
        match v {
            Value::Text(s) => Ok(s),
            other => mismatch(&other, "teks"),
        }
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

impl FromValue for Vec<u8> {
    fn from_value(v: Value) -> Result<Self, DbError> {
        match v {
            Value::Blob(b) => Ok(b),
            other => mismatch(&other, "data biner"),
        }
    }
}

/// Dates are stored as `YYYY-MM-DD` text on both backends, so they compare
/// and sort as text the same way.
impl ToValue for NaiveDate {
    fn to_value(&self) -> Value {
        Value::Text(self.format("%Y-%m-%d").to_string())
    }
}

impl FromValue for NaiveDate {
    fn from_value(v: Value) -> Result<Self, DbError> {
        match &v {
            Value::Text(s) => {
                NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| mismatch(&v, "tanggal"))
            }
            _ => mismatch(&v, "tanggal"),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, DbError> {
        match v {
            Value::Null => Ok(None),
            other => T::from_value(other).map(Some),
        }
    }
}

impl FromValue for Value {
    fn from_value(v: Value) -> Result<Self, DbError> {
        Ok(v)
    }
}
