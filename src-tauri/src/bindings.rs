//! The UI's contract, written from the Rust definitions: the types the
//! commands exchange (ts-rs), one typed wrapper per command of
//! `command_list.rs` (read from the handler's signature) and the capability
//! that grants them. `cargo test -p edaran-app bindings` rewrites what is out
//! of date and fails, so a stale contract never passes CI.

use std::any::TypeId;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use syn::{FnArg, GenericArgument, Item, ItemFn, Pat, PathArguments, ReturnType, Type};
use ts_rs::{Config, TypeVisitor, TS};

include!("command_list.rs");

/// Every command as (module, name), in the list's order.
macro_rules! listed {
    ($($module:ident::$name:ident,)+) => {
        &[$((stringify!($module), stringify!($name))),+]
    };
}

const COMMANDS: &[(&str, &str)] = app_commands!(listed);

/// Arguments Tauri fills in itself: never sent by the page.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "Webview", "WebviewWindow"];

/// An argument of one of the `INJECTED` types.
fn injected(ty: &Type) -> bool {
    matches!(ty, Type::Path(p)
        if INJECTED.iter().any(|name| p.path.segments.last().is_some_and(|s| s.ident == name)))
}

/// The TypeScript declarations reachable from the roots.
struct Declarations {
    cfg: Config,
    seen: HashSet<TypeId>,
    /// TypeScript name → `export type …` with its doc comment.
    decls: BTreeMap<String, String>,
    /// Rust type name (last path segment) → TypeScript name, for the roots.
    roots: HashMap<String, String>,
}

impl Declarations {
    /// A type named in a command's signature (or sent as an event), with what it uses.
    fn root<T: TS + 'static>(&mut self) {
        let rust = std::any::type_name::<T>().rsplit("::").next().unwrap();
        self.roots.insert(rust.to_string(), T::ident(&self.cfg));
        self.visit::<T>();
    }
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if T::output_path().is_some() {
            let name = T::ident(&self.cfg);
            let decl = format!(
                "{}export {}",
                T::docs().unwrap_or_default(),
                T::decl(&self.cfg)
            );
            if let Some(other) = self.decls.insert(name.clone(), decl) {
                assert_eq!(other, self.decls[&name], "two Rust types are `{name}`");
            }
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// The types of every command's arguments and answer, and the events' payloads.
fn declarations() -> Declarations {
    use edaran_core::{
        absence, agency, calendar, circular, classification, docx, employee, import, notices,
        office, pdf, reference, register, rules, sign, store, tracking,
    };
    let mut d = Declarations {
        cfg: Config::new().with_large_int("number"),
        seen: HashSet::new(),
        decls: BTreeMap::new(),
        roots: HashMap::new(),
    };
    d.root::<edaran_core::ErrorReport>();
    d.root::<absence::Absence>();
    d.root::<absence::NewAbsence>();
    d.root::<agency::Agency>();
    d.root::<agency::AgencyInput>();
    d.root::<agency::Unit>();
    d.root::<agency::UnitInput>();
    d.root::<calendar::Holiday>();
    d.root::<calendar::HolidayDecree>();
    d.root::<calendar::HolidayGap>();
    d.root::<calendar::NewHoliday>();
    d.root::<circular::Circular>();
    d.root::<circular::CircularKind>();
    d.root::<circular::KopKind>();
    d.root::<circular::Letterhead>();
    d.root::<circular::Relation>();
    d.root::<circular::Signature>();
    d.root::<circular::SigningMode>();
    d.root::<classification::Classification>();
    d.root::<docx::srikandi::Sifat>();
    d.root::<docx::srikandi::Urgensi>();
    d.root::<employee::Employee>();
    d.root::<employee::EmployeeInput>();
    d.root::<import::ColumnMapping>();
    d.root::<notices::Written>();
    d.root::<office::OfficeProfile>();
    d.root::<office::PaperSize>();
    d.root::<office::Signatory>();
    d.root::<office::SignatoryInput>();
    d.root::<pdf::Preview>();
    d.root::<reference::ReferenceData>();
    d.root::<register::Register>();
    d.root::<rules::Rules>();
    d.root::<rules::conflicts::Conflict>();
    d.root::<rules::export::RosterFormat>();
    d.root::<rules::horizon::Horizon>();
    d.root::<rules::roster::RosterEdit>();
    d.root::<sign::Progress>();
    d.root::<store::AgencyGrid>();
    d.root::<store::AuditEntry>();
    d.root::<store::CertificateRecord>();
    d.root::<store::Check>();
    d.root::<store::CircularRecord>();
    d.root::<store::CircularSummary>();
    d.root::<store::Deleted>();
    d.root::<store::Derived>();
    d.root::<store::Edited>();
    d.root::<store::EmployeeFilter>();
    d.root::<store::EmployeePage>();
    d.root::<store::Extension>();
    d.root::<import::ImportSummary>();
    d.root::<store::Issue>();
    d.root::<store::Overview>();
    d.root::<store::Recording>();
    d.root::<store::RegisterEntry>();
    d.root::<store::Restored>();
    d.root::<store::RulesView>();
    d.root::<store::SearchFilter>();
    d.root::<store::SearchHit>();
    d.root::<store::SignedIssue>();
    d.root::<store::StatusRow>();
    d.root::<store::TrustedRoot>();
    d.root::<tracking::Dashboard>();
    d.root::<crate::commands::DatabaseInfo>();
    d.root::<crate::commands::OfficeView>();
    d.root::<crate::circulars::Imported>();
    d.root::<crate::circulars::SrikandiFile>();
    d.root::<crate::circulars::SrikandiSaved>();
    d.root::<crate::rules::ImportStart>();
    d.root::<crate::rules::NoticeOptions>();
    d.root::<crate::rules::RosterSummary>();
    d.root::<crate::signing::VerifiedFile>();
    d.root::<crate::tracking::Settings>();
    d
}

/// `agency_id` → `agencyId`, as Tauri names a command's arguments by default.
fn camel(name: &str) -> String {
    let mut parts = name.split('_');
    let mut out = parts.next().unwrap_or_default().to_string();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// The TypeScript of a Rust type in a command's signature.
fn ts_type(ty: &Type, roots: &HashMap<String, String>, used: &mut BTreeSet<String>) -> String {
    let path = match ty {
        Type::Reference(r) => return ts_type(&r.elem, roots, used),
        Type::Tuple(t) if t.elems.is_empty() => return "null".into(),
        Type::Path(p) => p.path.segments.last().unwrap(),
        _ => panic!("no TypeScript for a type of this form in a command's signature"),
    };
    let args: Vec<&Type> = match &path.arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut arg = |i: usize| ts_type(args[i], roots, used);
    match path.ident.to_string().as_str() {
        "String" | "str" | "PathBuf" | "NaiveDate" => "string".into(),
        "bool" => "boolean".into(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" | "f32"
        | "f64" => "number".into(),
        "Option" => format!("{} | null", arg(0)),
        "Vec" => format!("Array<{}>", arg(0)),
        "Reply" | "Result" => arg(0),
        name => {
            let ts = roots.get(name).unwrap_or_else(|| {
                panic!("`{name}` is in a command's signature but not a root in bindings.rs")
            });
            used.insert(ts.clone());
            ts.clone()
        }
    }
}

fn source_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src")
}

/// Handler `name` as written in `src-tauri/src/{module}.rs`.
fn handler(module: &str, name: &str) -> ItemFn {
    let path = source_dir().join(format!("{module}.rs"));
    let text = std::fs::read_to_string(&path).unwrap();
    let file = syn::parse_file(&text).unwrap();
    file.items
        .into_iter()
        .find_map(|item| match item {
            Item::Fn(f) if f.sig.ident == name => Some(f),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no fn {name} in {}", path.display()))
}

/// A handler's doc comment as JSDoc, indented for an object member.
fn jsdoc(f: &ItemFn) -> String {
    let lines: Vec<String> = f
        .attrs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let mut out = String::from("  /**\n");
    for line in lines {
        out.push_str(&format!("   * {line}\n").replace(" \n", "\n"));
    }
    out.push_str("   */\n");
    out
}

/// `commands.ts`: one wrapper per listed command.
fn commands_ts(roots: &HashMap<String, String>) -> String {
    let mut used = BTreeSet::new();
    let mut members = String::new();
    for (module, name) in COMMANDS {
        let f = handler(module, name);
        let mut params: Vec<(String, String)> = Vec::new();
        for input in &f.sig.inputs {
            let FnArg::Typed(arg) = input else { continue };
            if injected(&arg.ty) {
                continue;
            }
            let Pat::Ident(pat) = &*arg.pat else {
                panic!("{name}: an argument must be a plain name")
            };
            let ty = ts_type(&arg.ty, roots, &mut used);
            params.push((camel(&pat.ident.to_string()), ty));
        }
        // Trailing `Option`s may be left out, as Tauri reads them as `None`.
        let optional_from = params
            .iter()
            .rposition(|(_, ty)| !ty.ends_with(" | null"))
            .map_or(0, |i| i + 1);
        let signature: Vec<String> = params
            .iter()
            .enumerate()
            .map(|(i, (n, ty))| {
                let mark = if i >= optional_from { "?" } else { "" };
                format!("{n}{mark}: {ty}")
            })
            .collect();
        let answer = match &f.sig.output {
            ReturnType::Default => "null".to_string(),
            ReturnType::Type(_, ty) => ts_type(ty, roots, &mut used),
        };
        let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
        let call = if names.is_empty() {
            format!("invoke('{name}')")
        } else {
            format!("invoke('{name}', {{ {} }})", names.join(", "))
        };
        members.push_str(&jsdoc(&f));
        members.push_str(&format!(
            "  {name}: ({}): Promise<{answer}> =>\n    {call},\n",
            signature.join(", ")
        ));
    }
    let imports: Vec<String> = used.into_iter().collect();
    format!(
        "{HEADER}\nimport {{ invoke }} from '@tauri-apps/api/core';\nimport type {{ {} }} from './types';\n\n\
         /** Every command of the app, its arguments as the Rust handler names them. */\n\
         export const commands = {{\n{members}}};\n\n\
         /** What the page may call. */\nexport type Commands = typeof commands;\n",
        imports.join(", ")
    )
}

const HEADER: &str =
    "// Written by `cargo test -p edaran-app bindings` from the Rust definitions; do not edit.\n";

fn types_ts(d: &Declarations) -> String {
    let mut out = String::from(HEADER);
    for decl in d.decls.values() {
        out.push('\n');
        out.push_str(decl);
        out.push('\n');
    }
    out
}

/// The main window's capability: exactly the listed commands.
fn capability() -> String {
    let mut permissions = vec!["core:default".to_string()];
    permissions.extend(
        COMMANDS
            .iter()
            .map(|(_, name)| format!("allow-{}", name.replace('_', "-"))),
    );
    let list: Vec<String> = permissions
        .iter()
        .map(|p| format!("    {}", serde_json::to_string(p).unwrap()))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"main\",\n  \
         \"description\": \"The main window: Edaran's own commands only (files are opened with the system viewer from Rust, not from the page). Written by `cargo test -p edaran-app bindings` from src-tauri/src/command_list.rs.\",\n  \
         \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        list.join(",\n")
    )
}

#[test]
fn bindings_are_what_the_rust_definitions_say() {
    let d = declarations();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = root.join("ui/src/lib/generated");
    let files = [
        (generated.join("types.ts"), types_ts(&d)),
        (generated.join("commands.ts"), commands_ts(&d.roots)),
        (root.join("src-tauri/capabilities/main.json"), capability()),
    ];
    std::fs::create_dir_all(&generated).unwrap();
    let mut stale = Vec::new();
    for (path, text) in files {
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, &text).unwrap();
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "out of date, rewritten now from the Rust definitions (`cargo test -p edaran-app bindings`): \
         review and commit {}",
        stale.join(", ")
    );
}
