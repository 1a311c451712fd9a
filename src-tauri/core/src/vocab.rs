//! Closed vocabularies (*daftar pilihan*): enums stored and sent as stable
//! codes, shown to users by their Indonesian labels.

use serde::Serialize;

/// One choice as the UI lists it: a vocabulary's value (sent as its code) and its label.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Choice<T> {
    pub code: T,
    pub label: &'static str,
}

/// Declares an enum whose variants each have a stored code and a label,
/// with `code()`, `label()`, `ALL`, `parse(code)` and serde as the code.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ts_rs::TS)]
        pub enum $name { $(#[ts(rename = $code)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Reads a stored code (also accepts the label, any case).
            pub fn parse(text: &str) -> Option<Self> {
                let t = text.trim();
                Self::ALL.iter().copied().find(|v| {
                    v.code().eq_ignore_ascii_case(t) || v.label().eq_ignore_ascii_case(t)
                })
            }

            /// Like `parse`, as a field error naming the accepted values.
            pub fn require(text: &str, field: &'static str) -> $crate::error::Result<Self> {
                Self::parse(text).ok_or_else(|| {
                    let names: Vec<&str> = Self::ALL.iter().map(|v| v.label()).collect();
                    $crate::error::Error::invalid(
                        $crate::ErrorCode::PilihanTidakDikenal,
                        field,
                        format!(concat!($what, " \"{}\" tidak dikenal. Pilihan: {}."), text.trim(), names.join(", ")),
                    )
                })
            }

            pub fn choices() -> Vec<$crate::vocab::Choice<Self>> {
                Self::ALL.iter().map(|&v| $crate::vocab::Choice { code: v, label: v.label() }).collect()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                Self::parse(&text).ok_or_else(|| serde::de::Error::custom(format!(concat!($what, " tidak dikenal: {}"), text)))
            }
        }

        impl $crate::db::ToValue for $name {
            fn to_value(&self) -> $crate::db::Value {
                $crate::db::Value::Text(self.code().into())
            }
        }

        impl $crate::db::FromValue for $name {
            fn from_value(v: $crate::db::Value) -> std::result::Result<Self, $crate::error::DbError> {
                match &v {
                    $crate::db::Value::Text(text) => Self::parse(text).ok_or($crate::error::DbError::Type { wanted: $what, found: "kode tidak dikenal" }),
                    _ => Err($crate::error::DbError::Type { wanted: $what, found: "bukan teks" }),
                }
            }
        }
    };
}

pub(crate) use vocabulary;
