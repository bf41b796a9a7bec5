//! The page layer sends the core only the attributes the core reads (CORE_ATTRS in
//! extension/content/snapshot.js, plus every data-* attribute). This test reads the core's
//! sources for every attribute it looks up by name and fails when one is missing from that
//! list: the snapshot would silently lack it in the browser while native tests still pass.

use regex::Regex;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The names in `const CORE_ATTRS = [...]`, in order.
fn page_layer_attr_list() -> Vec<String> {
    let js = read("extension/content/snapshot.js");
    let start = js.find("const CORE_ATTRS = [").expect("CORE_ATTRS defined");
    let list = &js[start..start + js[start..].find("];").expect("list closed")];
    let quoted = Regex::new(r"'([a-z0-9:_-]+)'").expect("valid regex");
    quoted
        .captures_iter(list)
        .map(|c| c[1].to_string())
        .collect()
}

fn page_layer_attrs() -> BTreeSet<String> {
    page_layer_attr_list().into_iter().collect()
}

/// Core sources that run in the browser: not the native-only parser, CLI, evaluations or tests.
fn core_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src readable") {
        let path = entry.expect("dir entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !matches!(name, "cli" | "eval") {
                core_sources(&path, out);
            }
        } else if name.ends_with(".rs") && !matches!(name, "html.rs" | "tests.rs" | "cli.rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_attribute_the_core_reads_is_in_the_snapshot() {
    let sent = page_layer_attrs();
    assert!(
        sent.contains("class") && sent.contains("id"),
        "list parsed: {sent:?}"
    );
    let lookup =
        Regex::new(r#"(?:has_attr|attr|contains_key)\("([a-z0-9:_-]+)"\)"#).expect("valid regex");
    let mut files = Vec::new();
    core_sources(&Path::new(ROOT).join("src"), &mut files);
    let mut missing = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("source readable");
        // Unit tests at the end of a file build their own snapshots.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for name in lookup.captures_iter(code).map(|c| c[1].to_string()) {
            if !name.starts_with("data-") && !sent.contains(&name) {
                missing.push(format!("{name} ({})", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "read by the core, not sent by snapshot.js: {missing:?}"
    );
}

/// The value of `const NAME = <value>;` in a source text (JS or Rust, any type annotation).
fn constant(source: &str, name: &str) -> String {
    let pattern =
        Regex::new(&format!(r"const {name}(?::\s*\w+)?\s*=\s*'?([^';]+)'?;")).expect("valid regex");
    pattern
        .captures(source)
        .map(|c| c[1].to_string())
        .unwrap_or_else(|| panic!("const {name} not found"))
}

fn read(relative: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join(relative)).expect("source readable")
}

#[test]
fn data_values_left_out_are_the_ones_the_core_skips() {
    let js = read("extension/content/snapshot.js");
    let rust = read("src/overlays/markup.rs");
    assert_eq!(
        constant(&js, "MAX_DATA_MARKER_CHARS"),
        constant(&rust, "MAX_DATA_MARKER_CHARS")
    );
}

/// snapshot.js sends `href` only on HREF_TAG elements and `src` only on SRC_TAG ones: every
/// read of them in the core must sit in a `"<tag>" =>` match arm for that tag.
#[test]
fn href_and_src_are_read_only_on_the_tags_they_are_sent_for() {
    let js = read("extension/content/snapshot.js");
    let arm =
        Regex::new(r#"^\s*"([a-z0-9-]+)"(?:\s*\|\s*"[a-z0-9-]+")*\s*=>"#).expect("valid regex");
    let mut files = Vec::new();
    core_sources(&Path::new(ROOT).join("src"), &mut files);
    let mut reads = 0;
    for (attr, tag) in [
        ("href", constant(&js, "HREF_TAG")),
        ("src", constant(&js, "SRC_TAG")),
    ] {
        let lookup = format!("attr(\"{attr}\")");
        for file in &files {
            let text = fs::read_to_string(file).expect("source readable");
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let lines: Vec<&str> = code.lines().collect();
            let reading = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.contains(&lookup));
            for (at, _) in reading {
                reads += 1;
                let arm_tag = lines[..at]
                    .iter()
                    .rev()
                    .find_map(|l| arm.captures(l).map(|c| c[1].to_string()));
                assert_eq!(
                    arm_tag.as_deref(),
                    Some(tag.as_str()),
                    "{} line {}: {attr} read outside a \"{tag}\" arm",
                    file.display(),
                    at + 1
                );
            }
        }
    }
    assert!(reads >= 2, "the lookups were found ({reads})");
}

/// Each name the page layer sends as a code is the same code to the core's wire reader.
#[test]
fn the_coded_names_are_the_same_list_on_both_sides() {
    let wire: Vec<String> = unveil::snapshot::wire::CODED_ATTRS
        .iter()
        .map(|name| name.to_string())
        .collect();
    assert_eq!(page_layer_attr_list(), wire);
}
