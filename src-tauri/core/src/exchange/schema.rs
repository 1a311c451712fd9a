//! serde's English schema errors said in Indonesian: what was found, what
//! the field expects, and for dates the form to write.

/// Chrono's messages for a date it cannot read.
const DATE_ERRORS: [&str; 6] = [
    "input contains invalid characters",
    "trailing input",
    "premature end of input",
    "input is out of range",
    "input is not enough for unique date and time",
    "no possible date and time matching input",
];

/// Explains serde's `message` about `value`; a missing field is appended
/// to `path`, which names the object that lacks it.
pub(super) fn explain(
    message: &str,
    value: Option<&serde_json::Value>,
    path: &mut String,
) -> String {
    let shown = value.map(|v| v.to_string()).unwrap_or_default();
    if let Some(name) = between(message, "missing field `", "`") {
        if !path.is_empty() && path != "." {
            path.push('.');
        } else {
            path.clear();
        }
        path.push_str(name);
        return format!("kolom \"{name}\" wajib ada.");
    }
    if let Some(variant) = between(message, "unknown variant `", "`") {
        let choices = message
            .split_once("expected ")
            .map(|(_, rest)| rest.replace('`', "\"").replace("one of ", ""))
            .unwrap_or_default();
        return format!("nilai \"{variant}\" tidak dikenal; pilihan yang sah: {choices}.");
    }
    if message == "input is out of range" {
        return format!("tanggal {shown} tidak ada di kalender; tulis tanggal yang ada dalam bentuk TTTT-BB-HH, mis. 2020-07-28.");
    }
    if DATE_ERRORS.contains(&message) {
        return format!("tanggal {shown} tidak dapat dibaca; tulis dalam bentuk TTTT-BB-HH, mis. 2020-07-28 untuk 28 Juli 2020.");
    }
    for (prefix, said) in [
        ("invalid type: ", "jenis nilai salah"),
        ("invalid value: ", "nilai tidak sah"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return format!(
                "{said}: {}, seharusnya {}.",
                found_as(found),
                expected_as(expected)
            );
        }
    }
    if message.starts_with("unknown field `") {
        let name = between(message, "unknown field `", "`").unwrap_or_default();
        return format!("kolom \"{name}\" tidak dikenal.");
    }
    message.to_string()
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(start)?;
    rest.split(end).next()
}

/// serde's "string \"x\"", "integer `5`", "null" … in Indonesian.
fn found_as(found: &str) -> String {
    let value = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    if let Some(v) = value("string ") {
        format!("teks {v}")
    } else if let Some(v) = value("integer ").or_else(|| value("floating point ")) {
        format!("bilangan {v}")
    } else if let Some(v) = value("boolean ") {
        format!("nilai benar/salah {v}")
    } else {
        match found {
            "null" => "kosong (null)".into(),
            "map" => "objek { … }".into(),
            "sequence" => "daftar [ … ]".into(),
            other => other.into(),
        }
    }
}

/// serde's expectation ("a string", "u8", "struct Point" …) in Indonesian.
fn expected_as(expected: &str) -> String {
    match expected {
        "a string" | "a borrowed string" => "teks".into(),
        "a boolean" => "true atau false".into(),
        "a sequence" => "daftar [ … ]".into(),
        "a map" => "objek { … }".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            "bilangan bulat".into()
        }
        "f32" | "f64" => "bilangan".into(),
        e if e.starts_with("struct ") => "objek { … }".into(),
        e if e.starts_with("a sequence") || e.starts_with("tuple") => "daftar [ … ]".into(),
        e if e.contains("date") => "tanggal TTTT-BB-HH".into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    /// The message for the Muba fixture with `pointer` set to `value` (or removed).
    fn refused(pointer: &str, value: Option<Value>) -> String {
        let mut v: Value = serde_json::from_str(include_str!(
            "../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap();
        match value {
            Some(value) => *v.pointer_mut(pointer).unwrap() = value,
            None => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                v.pointer_mut(parent)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(key);
            }
        }
        let text = serde_json::to_string_pretty(&v).unwrap();
        crate::exchange::from_json(&text).unwrap_err().to_string()
    }

    #[test]
    fn a_date_in_another_form_is_named_by_its_field_with_the_form_to_write() {
        for written in [
            "28-07-2020",
            "29 Juli 2020",
            "2020/07/28",
            "2020-07-28T08:00",
        ] {
            let e = refused("/circular/issued_on", Some(json!(written)));
            assert!(e.contains("pada circular.issued_on (baris"), "{e}");
            assert!(
                e.contains(&format!("tanggal \"{written}\" tidak dapat dibaca")),
                "{e}"
            );
            assert!(e.contains("TTTT-BB-HH, mis. 2020-07-28"), "{e}");
        }
        let e = refused("/circular/period/start", Some(json!("2020-02-30")));
        assert!(
            e.contains("circular.period.start") && e.contains("tidak ada di kalender"),
            "{e}"
        );
    }

    #[test]
    fn missing_fields_wrong_types_and_unknown_choices_are_said_in_indonesian() {
        let e = refused("/circular/signature/name", None);
        assert!(
            e.contains("pada circular.signature.name") && e.contains("kolom \"name\" wajib ada"),
            "{e}"
        );
        let e = refused("/circular/points", Some(json!("butir satu")));
        assert!(
            e.contains("circular.points")
                && e.contains("jenis nilai salah: teks \"butir satu\", seharusnya daftar"),
            "{e}"
        );
        let e = refused("/circular/points/1/text", Some(json!(12)));
        assert!(
            e.contains("circular.points[1].text") && e.contains("bilangan 12, seharusnya teks"),
            "{e}"
        );
        let e = refused("/circular/signature/mode", Some(json!("atas nama")));
        assert!(
            e.contains("circular.signature.mode") && e.contains("atas nama"),
            "{e}"
        );
        for english in [
            "missing field",
            "invalid type",
            "expected",
            "trailing input",
            "invalid characters",
        ] {
            assert!(!e.contains(english), "{english}: {e}");
        }
    }
}
