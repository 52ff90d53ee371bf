//! How good the numbers check is: false flags on faithful translations, and the share of
//! changed numbers it finds (a digit changed, a scale swapped, a number dropped).
//!
//! Two sources, both ours: the hand-written bakery interview (French, English, Chinese) and a
//! generated interview of 300 answers whose numbers are written the way each language writes
//! them (grouping, decimal commas, scale words, percentages, ranges, spelled and Chinese numerals).
//! Run with `--nocapture` to see the figures.

use tandem::core::document::{Document, Pair};
use tandem::core::review::{self, FlagKind, numbers};
use tandem::core::side::Side;

mod common;

fn pair(left: &str, right: &str) -> Pair {
    Pair::new(Document::from_text("left.txt", left, "UTF-8", 0), Document::from_text("right.txt", right, "UTF-8", 0))
}

/// Rows flagged for numbers, as the right side's first lines.
fn flagged_lines(p: &Pair) -> Vec<usize> {
    review::check(p)
        .into_iter()
        .filter(|f| f.kind == FlagKind::Numbers)
        .filter_map(|f| f.lines.right.map(|l| l.0))
        .collect()
}

fn bakery(lang: &str) -> String {
    std::fs::read_to_string(common::fixture(&format!("review/bakery_{lang}.txt"))).unwrap()
}

// ---- a generated interview ----------------------------------------------------------------

#[derive(Clone, Copy)]
enum Lang {
    En,
    Fr,
    Zh,
}

/// A tiny deterministic generator (xorshift), so the corpus is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn group(n: u64, sep: &str) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn han(n: u64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].into(),
        10..=19 => format!("十{}", if !n.is_multiple_of(10) { D[(n % 10) as usize] } else { "" }),
        _ => format!("{}十{}", D[(n / 10) as usize], if !n.is_multiple_of(10) { D[(n % 10) as usize] } else { "" }),
    }
}

fn spelled(n: u64, lang: Lang) -> String {
    const EN: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const EN_TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    const FR: [&str; 20] = [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
        "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    ];
    const FR_TENS: [&str; 7] = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];
    match lang {
        Lang::Zh => han(n),
        Lang::En if n < 20 => EN[n as usize].into(),
        Lang::En => match n % 10 {
            0 => EN_TENS[(n / 10) as usize].into(),
            u => format!("{}-{}", EN_TENS[(n / 10) as usize], EN[u as usize]),
        },
        Lang::Fr if n < 20 => FR[n as usize].into(),
        Lang::Fr if n < 70 => match n % 10 {
            0 => FR_TENS[(n / 10) as usize].into(),
            1 => format!("{} et un", FR_TENS[(n / 10) as usize]),
            u => format!("{}-{}", FR_TENS[(n / 10) as usize], FR[u as usize]),
        },
        Lang::Fr if n < 80 => match n {
            71 => "soixante et onze".into(),
            _ => format!("soixante-{}", FR[(n - 60) as usize]),
        },
        Lang::Fr => match n {
            80 => "quatre-vingts".into(),
            _ => format!("quatre-vingt-{}", FR[(n - 80) as usize]),
        },
    }
}

/// One answer with one number, in the three languages.
fn answer(rng: &mut Rng) -> [String; 3] {
    let pick = |rng: &mut Rng, v: &[&str]| v[rng.below(v.len() as u64) as usize].to_string();
    match rng.below(7) {
        0 => {
            let n = 1000 + rng.below(98_000);
            let fr_sep = pick(rng, &[" ", "\u{202F}", "\u{00A0}"]);
            let zh = if n.is_multiple_of(1000) { format!("{}万", n as f64 / 10_000.0) } else { n.to_string() };
            [
                format!("We counted {} visitors over the season, more than we had hoped.", group(n, ",")),
                format!(
                    "Nous avons compté {} visiteurs sur la saison, plus que nous ne l'espérions.",
                    group(n, &fr_sep)
                ),
                format!("这一季我们一共接待了{zh}名游客，比预想的要多。"),
            ]
        }
        1 => {
            let tenths = 11 + rng.below(80);
            let (en, fr) = if tenths.is_multiple_of(10) {
                ((tenths / 10).to_string(), (tenths / 10).to_string())
            } else {
                (format!("{}.{}", tenths / 10, tenths % 10), format!("{},{}", tenths / 10, tenths % 10))
            };
            [
                format!("The whole project cost {en} million euros, most of it public money."),
                format!("Le projet entier a coûté {fr} millions d'euros, surtout de l'argent public."),
                format!("整个项目花了{}万欧元，大部分是公共资金。", tenths * 10),
            ]
        }
        2 => {
            let b = 2 + rng.below(40);
            [
                format!("Across the sector that is about {b} billion a year."),
                format!("Pour tout le secteur, cela représente environ {b} milliards par an."),
                format!("整个行业每年大约有{}亿。", b * 10),
            ]
        }
        3 => {
            let p = 11 + rng.below(85);
            let en = if rng.below(2) == 0 { format!("{p}%") } else { format!("{p} per cent") };
            let zh = if rng.below(2) == 0 { format!("{p}%") } else { format!("百分之{}", han(p)) };
            [
                format!("Only {en} of the members voted for the change."),
                format!("Seuls {p} % des membres ont voté pour ce changement."),
                format!("只有{zh}的成员投票支持这一改变。"),
            ]
        }
        4 => {
            let a = 2 + rng.below(8);
            let (lo, hi) = (a * 10_000, (a + 1) * 10_000);
            [
                format!("A machine like that sells for {} to {} dollars.", group(lo, ","), group(hi, ",")),
                format!("Une machine comme celle-là se vend entre {} et {} dollars.", group(lo, " "), group(hi, " ")),
                format!("这样一台机器售价{}万到{}万美元。", a, a + 1),
            ]
        }
        5 => {
            let y = 1960 + rng.below(64);
            [
                format!("It all started in {y}, in a garage."),
                format!("Tout a commencé en {y}, dans un garage."),
                format!("一切始于{y}年，在一个车库里。"),
            ]
        }
        _ => {
            let n = 11 + rng.below(88);
            [
                format!("We were {} people at the first meeting.", spelled(n, Lang::En)),
                format!("Nous étions {} personnes à la première réunion.", spelled(n, Lang::Fr)),
                format!("第一次开会时我们有{}个人。", spelled(n, Lang::Zh)),
            ]
        }
    }
}

const QUESTIONS: [[&str; 3]; 4] = [
    [
        "Reporter: Can you tell us more about that?",
        "Journaliste : Pouvez-vous nous en dire plus ?",
        "记者：能多谈谈这一点吗？",
    ],
    ["Reporter: What happened next?", "Journaliste : Que s'est-il passé ensuite ?", "记者：后来发生了什么？"],
    [
        "Reporter: And how do you see it today?",
        "Journaliste : Et comment le voyez-vous aujourd'hui ?",
        "记者：那你今天怎么看？",
    ],
    ["Reporter: Was it hard?", "Journaliste : Était-ce difficile ?", "记者：难吗？"],
];
const GUEST: [&str; 3] = ["Anna Weber: ", "Anna Weber : ", "安娜·韦伯："];

/// The generated interview in three languages; each answer is on line `4k + 3`.
fn generated(answers: usize) -> ([String; 3], Vec<[String; 3]>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut docs = [String::new(), String::new(), String::new()];
    let mut all = Vec::new();
    for k in 0..answers {
        let a = answer(&mut rng);
        for lang in 0..3 {
            docs[lang].push_str(&format!("{}\n\n{}{}\n\n", QUESTIONS[k % 4][lang], GUEST[lang], a[lang]));
        }
        all.push(a);
    }
    (docs, all)
}

// ---- mutations -------------------------------------------------------------------------------

/// Changes one strong number of `text` in a known way; `None` when this way does not apply.
fn mutate(text: &str, how: usize) -> Option<String> {
    let q = numbers::read(text).into_iter().find(|q| !q.weak)?;
    let start: usize = text.char_indices().nth(q.chars.start).map(|(b, _)| b)?;
    let end: usize = text.char_indices().nth(q.chars.end).map_or(text.len(), |(b, _)| b);
    let words = &text[start..end];
    let changed = match how {
        // A digit changed.
        0 => {
            let at = words.find(|c: char| c.is_ascii_digit())?;
            let d = words[at..].chars().next()?.to_digit(10)?;
            format!("{}{}{}", &words[..at], (d + 1) % 10, &words[at + 1..])
        }
        // A scale swapped (millions ↔ milliards, 万 ↔ 亿), or a zero added where there is none.
        1 => {
            let swaps = [
                ("milliards", "millions"),
                ("millions", "milliards"),
                ("billion", "million"),
                ("million", "billion"),
                ("亿", "万"),
                ("万", "亿"),
            ];
            match swaps.iter().find(|(a, _)| words.contains(a)) {
                Some((a, b)) => words.replacen(a, b, 1),
                None => {
                    let at = words.rfind(|c: char| c.is_ascii_digit())?;
                    format!("{}0{}", &words[..=at], &words[at + 1..])
                }
            }
        }
        // The number dropped.
        _ => String::new(),
    };
    // Only a change the numbers can show: the same value elsewhere in the text hides a drop.
    let others = numbers::read(text).into_iter().filter(|o| o.chars != q.chars).any(|o| o.lo == q.lo);
    (!others).then(|| format!("{}{changed}{}", &text[..start], &text[end..]))
}

/// Mutates every third answer of `right` (answers are on `answer_lines`), from the `pass`-th on,
/// each in one of the three ways in turn; returns the mutated text and the lines changed.
fn mutated(right: &str, answer_lines: &[usize], pass: usize) -> (String, Vec<usize>) {
    let mut lines: Vec<String> = right.lines().map(str::to_string).collect();
    let mut changed = Vec::new();
    for (k, &line) in answer_lines.iter().enumerate().filter(|(k, _)| k % 3 == pass) {
        if let Some(new) = mutate(&lines[line - 1], (k / 3 + pass) % 3) {
            lines[line - 1] = new;
            changed.push(line);
        }
    }
    (lines.join("\n"), changed)
}

struct Figures {
    rows: usize,
    false_flags: usize,
    mutated: usize,
    found: usize,
}

fn experiment(left: &str, right: &str, answer_lines: &[usize]) -> Figures {
    let faithful = pair(left, right);
    let rows = faithful.alignment.counts().paired_rows;
    let false_flags = flagged_lines(&faithful).len();
    let (mut mutated_count, mut found) = (0, 0);
    // Three passes, so that every answer is changed once while its neighbours stay as they were.
    for pass in 0..3 {
        let (text, changed) = mutated(right, answer_lines, pass);
        let flagged = flagged_lines(&pair(left, &text));
        found += changed.iter().filter(|l| flagged.contains(l)).count();
        mutated_count += changed.len();
    }
    Figures { rows, false_flags, mutated: mutated_count, found }
}

fn answer_lines(text: &str) -> Vec<usize> {
    text.lines().enumerate().filter(|(_, l)| l.contains(": ") || l.contains('：')).map(|(k, _)| k + 1).collect()
}

#[test]
fn faithful_translations_raise_almost_no_number_flags_and_changed_numbers_are_found() {
    let (made, _) = generated(300);
    let mut total = Figures { rows: 0, false_flags: 0, mutated: 0, found: 0 };
    let cases = [
        ("generated en/fr", made[0].clone(), made[1].clone()),
        ("generated zh/fr", made[2].clone(), made[1].clone()),
        ("generated fr/zh", made[1].clone(), made[2].clone()),
        ("generated fr/en", made[1].clone(), made[0].clone()),
        ("bakery en/fr", bakery("en"), bakery("fr")),
        ("bakery zh/fr", bakery("zh"), bakery("fr")),
        ("bakery fr/zh", bakery("fr"), bakery("zh")),
        ("bakery fr/en", bakery("fr"), bakery("en")),
    ];
    for (name, left, right) in cases {
        let lines: Vec<usize> = answer_lines(&right)
            .into_iter()
            .filter(|l| right.lines().nth(l - 1).is_some_and(|t| !t.contains('?') && !t.contains('？')))
            .collect();
        let f = experiment(&left, &right, &lines);
        println!(
            "{name}: {} paired rows, {} false number flags; {} of {} changed numbers flagged",
            f.rows, f.false_flags, f.found, f.mutated
        );
        total.rows += f.rows;
        total.false_flags += f.false_flags;
        total.mutated += f.mutated;
        total.found += f.found;
    }
    println!(
        "all: {} paired rows, {} false number flags ({:.2} per 200 rows); {} of {} changed numbers flagged ({:.1}%)",
        total.rows,
        total.false_flags,
        total.false_flags as f64 * 200.0 / total.rows as f64,
        total.found,
        total.mutated,
        100.0 * total.found as f64 / total.mutated as f64
    );
    assert!(total.rows >= 1000 && total.mutated >= 1000, "a large enough experiment");
    assert!(total.false_flags * 200 <= total.rows, "at most one false flag per 200 paired rows");
    assert!(total.found * 100 >= total.mutated * 95, "at least 95% of the changed numbers are flagged");
}

#[test]
fn the_seed_pair_flags_the_milliards_and_not_the_equal_ranges() {
    let Some(dir) = common::shared_samples() else { return };
    let p =
        Pair::load(&dir.join("000_c399a18dbf3f9303.txt"), &dir.join("002_a788a5ca975c5a75.txt"), [None, None]).unwrap();
    let flags = review::check(&p);
    let numbers: Vec<_> = flags.iter().filter(|f| f.kind == FlagKind::Numbers).collect();
    let milliards = numbers.iter().find(|f| f.words(Side::Left).contains(&"six ou sept milliards"));
    let milliards = milliards.expect("the milliards/million row is flagged");
    assert_eq!(milliards.words(Side::Right), ["600 million to 700 million"]);
    assert_eq!(milliards.message, "six ou sept milliards ≠ 600 million to 700 million");
    for f in &numbers {
        for side in Side::BOTH {
            for w in f.words(side) {
                assert!(!w.contains("60") || w.contains("600"), "60 000 à 70 000 = 60,000 to 70,000, not {w}");
                assert!(!w.contains("80"), "80 000 yuans = 80,000 RMB, not {w}");
            }
        }
    }
    assert!(flags.iter().any(|f| f.kind == FlagKind::Duplicate && f.lines.right.is_some()), "the English copy");
}
