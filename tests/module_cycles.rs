//! No import cycle between the modules of `src/`: each file names the modules it uses
//! (`use super::x`, `crate::a::b::…`), and following those names never comes back to where it
//! started. A module reaching its own parent (`super::helper` defined in `mod.rs`) is not a cycle,
//! and neither is test code (`#[cfg(test)] mod tests`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module as a path of names (`core::review::numbers`), from its file.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib" || p == "main") {
        parts.pop();
    }
    parts
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module paths a file's code names, resolved against its own path: `super::a::b` and
/// `crate::a::b`, in `use` lines and inline, up to the longest prefix that is a module.
fn named(text: &str, me: &[String], modules: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut out = BTreeSet::new();
    for line in code.lines().map(str::trim_start).filter(|l| !l.starts_with("//")) {
        for start in ["crate::", "super::"] {
            let mut rest = line;
            while let Some(at) = rest.find(start) {
                // `super::` inside a longer word (`a_super::`) is not a path.
                let before = rest[..at].chars().last();
                let tail = &rest[at..];
                rest = &rest[at + start.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let words: Vec<&str> = tail
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or("")
                    .split("::")
                    .filter(|w| !w.is_empty())
                    .collect();
                // Where the path starts: the crate root, or this module's parent (`a/b.rs` and
                // `a/b/mod.rs` are both the module `a::b`, whose `super` is `a`).
                let mut base: Vec<String> = if words.first() == Some(&"crate") {
                    Vec::new()
                } else {
                    me[..me.len().saturating_sub(1)].to_vec()
                };
                let mut k = 1;
                while k < words.len() && words[k] == "super" {
                    base.pop();
                    k += 1;
                }
                let mut best = None;
                let mut path = base.clone();
                for w in &words[k..] {
                    path.push(w.to_string());
                    if modules.contains(&path) {
                        best = Some(path.clone());
                    }
                }
                if let Some(target) = best {
                    out.insert(target);
                }
            }
        }
    }
    out
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.retain(|f| !f.ends_with("main.rs"));
    let modules: BTreeSet<Vec<String>> = all.iter().map(|f| module_of(&src, f)).collect();
    assert!(modules.contains(&vec!["core".to_string(), "hash".to_string()]), "modules found: {}", modules.len());
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &all {
        let me = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        let targets = named(&text, &me, &modules)
            .into_iter()
            // A module using its ancestors (their mod.rs) or itself is not a cycle.
            .filter(|t| !me.starts_with(t))
            .collect();
        edges.insert(me, targets);
    }
    // Depth-first search for a path that comes back.
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if next == start {
                    let mut names: Vec<String> = path.iter().map(|m| m.join("::")).collect();
                    names.push(start.join("::"));
                    cycles.push(names.join(" → "));
                } else if !done.contains(next) && seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
        done.insert(start.clone());
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}
