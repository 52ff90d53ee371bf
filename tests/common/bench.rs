//! What the public benchmarks' scorers share: reading a pair from the bertalign repository's git directory, its gold beads, and strict and lax F1 (Sennrich & Volk 2010).

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::process::Command;

pub type Bead = (Vec<usize>, Vec<usize>);

pub fn show(git: &str, rev: &str, path: &str) -> String {
    let out = Command::new("git").args(["--git-dir", git, "show", &format!("{rev}:{path}")]).output().unwrap();
    assert!(out.status.success(), "git show {rev}:{path} failed");
    String::from_utf8(out.stdout).unwrap()
}

pub fn gold(text: &str) -> Vec<Bead> {
    let list = |s: &str| -> Vec<usize> {
        s.trim().trim_matches(['[', ']']).split(',').filter_map(|x| x.trim().parse().ok()).collect()
    };
    text.lines().filter_map(|l| l.split_once(':')).map(|(a, b)| (list(a), list(b))).collect()
}

/// Strict and lax counts [true, false] for `test` against `gold` (Sennrich & Volk 2010).
pub fn counts(gold: &[Bead], test: &[Bead]) -> [usize; 4] {
    let gold_set: HashSet<&Bead> = gold.iter().filter(|b| !b.0.is_empty() || !b.1.is_empty()).collect();
    let mut to_tgt: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (s, t) in &gold_set {
        for &x in s {
            to_tgt.entry(x).or_default().extend(t);
        }
    }
    let test_set: HashSet<&Bead> = test.iter().filter(|b| !b.0.is_empty() || !b.1.is_empty()).collect();
    let mut c = [0; 4];
    for b in test_set {
        let lax = b.0.iter().any(|s| to_tgt.get(s).is_some_and(|t| b.1.iter().any(|x| t.contains(x))));
        if gold_set.contains(b) {
            c[0] += 1;
            c[2] += 1;
        } else if lax {
            c[1] += 1;
            c[2] += 1;
        } else {
            c[1] += 1;
            c[3] += 1;
        }
    }
    c
}

/// Strict and lax F1 over several pairs.
pub fn f1(pairs: &[(Vec<Bead>, Vec<Bead>)]) -> (f64, f64) {
    let both = |b: &[Bead]| -> Vec<Bead> { b.iter().filter(|x| !x.0.is_empty() && !x.1.is_empty()).cloned().collect() };
    let (mut p, mut r) = ([0; 4], [0; 4]);
    for (g, t) in pairs {
        let (cp, cr) = (counts(g, t), counts(&both(t), &both(g)));
        (0..4).for_each(|k| {
            p[k] += cp[k];
            r[k] += cr[k];
        });
    }
    let ratio = |a: usize, b: usize| if a + b == 0 { 0.0 } else { a as f64 / (a + b) as f64 };
    let f = |x: f64, y: f64| if x + y == 0.0 { 0.0 } else { 2.0 * x * y / (x + y) };
    (f(ratio(p[0], p[1]), ratio(r[0], r[1])), f(ratio(p[2], p[3]), ratio(r[2], r[3])))
}

/// One pair of a set: the revision, the left and right text and the gold beads' paths.
pub type Source = (&'static str, String, String, String);

/// The three sets, named: MAC-Test (24 chapters of Chinese novels and their published English
/// translations), Text+Berg (7 German/French yearbook articles) and MAC-Dev (the six development
/// chapters rules and weights are chosen on, gone from the repository's newest tree but kept in
/// its history).
pub fn sets() -> [(&'static str, Vec<Source>); 3] {
    let mac = (1..=24)
        .map(|n| {
            (
                "8f54e76^",
                format!("corpus/mac/test/split/{n:03}.zh"),
                format!("corpus/mac/test/split/{n:03}.en"),
                format!("eval/mac/test/gold/{n:03}.align"),
            )
        })
        .collect();
    let tb = (1..=7)
        .map(|n| {
            ("HEAD", format!("text+berg/de/{n:03}"), format!("text+berg/fr/{n:03}"), format!("text+berg/gold/{n:03}"))
        })
        .collect();
    let dev = (1..=6)
        .map(|n| {
            (
                "58d2f66",
                format!("data/mac/dev/zh/{n:03}"),
                format!("data/mac/dev/en/{n:03}"),
                format!("data/mac/dev/gold/{n:03}.align"),
            )
        })
        .collect();
    [("mac-test", mac), ("text+berg", tb), ("mac-dev", dev)]
}
