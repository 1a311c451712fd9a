//! The core's top-level modules import each other without a cycle. Every
//! `crate::<module>` path in `src/` (a `use` or an inline path, groups
//! `crate::{a, b::c}` too) is an edge from the module of the file it is in
//! (`pdf/`, `store/`, `rules/`… count as one module each) to that module;
//! `crate::Store`-like names resolve through `lib.rs`'s re-exports.
//! Comment lines and inline `#[cfg(test)] mod tests { … }` are not read:
//! tests may use the demo office and the store from anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Edges kept on purpose, each with why.
const ALLOWED: &[(&str, &str, &str)] = &[(
    "circular",
    "rules",
    "a circular carries its rules (`Circular::rules`), whose data types live in rules/ \
     beside the engine that reads the circular",
)];

type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of `text` without comment lines and its inline test module.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn identifier(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first segment of every path `crate::` leads to in `code`.
fn targets(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            out.push(identifier(rest));
            continue;
        };
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    out.push(identifier(group[start..].trim_start()));
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(identifier(group[start..].trim_start()));
                    start = i + 1;
                }
                _ => {}
            }
        }
    }
    out.retain(|t| !t.is_empty() && *t != "self");
    out
}

/// The modules `lib.rs` declares, and the module of each name it re-exports.
fn root(lib: &str) -> (BTreeSet<String>, BTreeMap<String, String>) {
    let mut modules = BTreeSet::new();
    let mut exported = BTreeMap::new();
    for line in lib.lines().map(str::trim) {
        let line = line.strip_prefix("pub ").unwrap_or(line);
        if let Some(m) = line.strip_prefix("mod ") {
            modules.insert(identifier(m).to_string());
        } else if let Some(path) = line.strip_prefix("use ") {
            let module = identifier(path).to_string();
            let names = path[module.len()..].trim_start_matches("::");
            for name in names.trim_matches(|c| "{};".contains(c)).split(',') {
                let name = name.trim().rsplit("::").next().unwrap_or_default();
                exported.insert(identifier(name).to_string(), module.clone());
            }
        }
    }
    (modules, exported)
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (modules, exported) = root(&fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let mut graph = Graph::new();
    for path in paths {
        let relative = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let file = path.file_stem().unwrap().to_string_lossy();
        if relative == "lib.rs" || file.starts_with("tests") {
            continue;
        }
        let from = relative
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        assert!(
            modules.contains(&from),
            "{relative}: not a module of lib.rs"
        );
        for target in targets(&code(&fs::read_to_string(&path).unwrap())) {
            let to = match exported.get(target) {
                Some(module) => module.as_str(),
                None if modules.contains(target) => target,
                None => panic!("{relative}: crate::{target} is neither a module nor re-exported"),
            };
            if to != from {
                graph
                    .entry(from.clone())
                    .or_default()
                    .entry(to.to_string())
                    .or_default()
                    .insert(relative.clone());
            }
        }
    }
    graph
}

/// A shortest way from `start` back to itself, if any.
fn cycle_through(graph: &Graph, start: &str) -> Option<Vec<String>> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut frontier = vec![start];
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for node in frontier {
            for to in graph.get(node).into_iter().flat_map(|e| e.keys()) {
                if to == start {
                    let mut path = vec![node.to_string()];
                    let mut at = node;
                    while at != start {
                        at = came_from[at];
                        path.push(at.to_string());
                    }
                    path.reverse();
                    path.push(start.to_string());
                    return Some(path);
                }
                if !came_from.contains_key(to.as_str()) {
                    came_from.insert(to, node);
                    next.push(to.as_str());
                }
            }
        }
        frontier = next;
    }
    None
}

#[test]
fn the_cores_modules_import_each_other_without_a_cycle() {
    let mut graph = graph();
    for (from, to, why) in ALLOWED {
        let edge = graph.get_mut(*from).and_then(|e| e.remove(*to));
        assert!(
            edge.is_some(),
            "{from} → {to} is allowed ({why}) but no longer imported: drop it from ALLOWED"
        );
    }
    let mut seen = BTreeSet::new();
    let mut paths: Vec<Vec<String>> = graph
        .keys()
        .filter_map(|node| cycle_through(&graph, node))
        .filter(|path| seen.insert(path.iter().cloned().collect::<BTreeSet<_>>()))
        .collect();
    // The shortest first: it names the import to remove.
    paths.sort_by_key(Vec::len);
    let cycles: Vec<String> = paths
        .into_iter()
        .map(|path| {
            let steps = path
                .windows(2)
                .map(|w| {
                    let by = &graph[&w[0]][&w[1]];
                    let by: Vec<&str> = by.iter().map(String::as_str).collect();
                    format!("{} → {} ({})", w[0], w[1], by.join(", "))
                })
                .collect::<Vec<_>>();
            steps.join("; ")
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "module import cycles:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn paths_are_read_from_uses_groups_and_inline_paths() {
    let text = "use crate::{a, b::{c, d}, self};\nlet x = crate::e::f(crate::g);\n\
                // crate::h in a comment\n#[cfg(test)]\nmod tests {\n    use crate::i;\n}\n";
    assert_eq!(targets(&code(text)), ["a", "b", "e", "g"]);
}
