//! The UI tests' fakes replay what the core answers: this test writes those
//! answers into `ui/src/lib/recorded/` and fails when a file there was out
//! of date (it is rewritten; commit it), so a fake can never drift from the core.

use std::path::PathBuf;

use edaran_core::circular::CircularStatus;
use serde_json::{json, Value};

fn recorded(name: &str, answer: Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/src/lib/recorded")
        .join(name);
    let text = serde_json::to_string_pretty(&answer).unwrap() + "\n";
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, &text).unwrap();
        panic!(
            "{} was not what the core answers; it is rewritten now: commit it",
            path.display()
        );
    }
}

#[test]
fn the_actions_offered_per_status_are_the_cores() {
    let by_status: serde_json::Map<String, Value> = CircularStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), json!(s.actions())))
        .collect();
    recorded("actions.json", Value::Object(by_status));
}

#[test]
fn the_classification_codes_found_for_a_word_are_the_cores() {
    recorded(
        "classifications-cuti.json",
        json!(edaran_core::classification::search("cuti", 30)),
    );
}
