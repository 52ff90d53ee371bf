//! Speaker-label candidates on one line (`Name: …`, `NAME` alone, `哈姆莱特　…`) and their validity.

mod record;
mod stamps;

pub use stamps::time_in;

/// Whether the text is a time and nothing else (`0:12`, `01:02:03`, `[00:12]`).
pub fn is_time(text: &str) -> bool {
    let text = trim(text);
    stamps::time_len(text) == Some(text.len())
}

use super::text::{canonical, fold_width, is_han, is_space, trim};

/// How a label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `Name: text`, `Name : text`, `Name：text`, or `Name:` alone on its line.
    Colon,
    /// A play script's `NAME` (capitals) alone on its line, the speech below.
    CapsAlone,
    /// `NAME. text`: capitals followed by a full stop, as in many play editions.
    CapsDot,
    /// A short Han name alone on its line, the speech below.
    HanAlone,
    /// `哈姆莱特　text`: a short Han name, a space, the speech.
    HanSpace,
    /// A parliamentary record's `M. Jean Dupont. text` or `Anna Schmidt, rapporteur. – text`
    /// (see [`record`]).
    Record,
    /// A press interview's `Q. text` and `A. text` (French `R.`): marks, not names, told from
    /// an outline's `A. Introduction` by both of them recurring.
    MarkDot,
    /// A transcript's label with a time: `Anna Berg (00:12):`, `[00:12] Anna Berg:`, or
    /// `Anna Berg  0:12` alone above the speech (see [`stamps`]).
    Stamped,
}

impl Style {
    /// How many distinct lines must carry a name in this style before it counts as a speaker.
    pub fn min_occurrences(self) -> usize {
        match self {
            Style::Colon | Style::CapsAlone | Style::CapsDot | Style::Record | Style::Stamped | Style::MarkDot => 2,
            Style::HanAlone | Style::HanSpace => 3,
        }
    }
}

/// A possible speaker label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub style: Style,
    /// The name as written, emphasis removed (`Shen Wei`).
    pub name: String,
    /// The label as written, with its colon (`Shen Wei :`).
    pub label: String,
    /// Byte offset in the line where the speech starts (the line's length when nothing follows).
    pub rest: usize,
    /// [`canonical`] form of the name.
    pub canonical: String,
    /// The name was followed by a riding, party or office in brackets (`Mr. X (Beauce, BQ):`),
    /// the style of a parliament's record: where it recurs, a member who speaks once is still a
    /// speaker.
    pub qualified: bool,
}

/// Interview marks that are speakers even when they are not names.
pub fn is_interview_mark(canonical: &str) -> bool {
    matches!(
        canonical,
        "问" | "答"
            | "問"
            | "记者"
            | "記者"
            | "主持人"
            | "q"
            | "a"
            | "question"
            | "réponse"
            | "reponse"
            | "answer"
            | "interviewer"
    )
}

/// What a label says beside the name (`MARA, seule. —`: `seule`; `Mr. Tom Hart (Leeds East)
/// (Lab):`: `(Leeds East) (Lab)`; `主席（以英语发言）：`: `（以英语发言）`): a stage direction, a
/// riding, an office or a language the speech is given in, which the window shows beside the
/// speaker. `None` when the label is the name and its punctuation, carries a time (shown
/// apart), or is written another way than `name`.
pub fn qualifier<'a>(label: &'a str, name: &str) -> Option<&'a str> {
    if name.is_empty() || time_in(label).is_some() {
        return None;
    }
    let at = label.find(name)?;
    let punctuation = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | '：' | '，' | '—' | '–' | '-' | '*');
    let rest = label[at + name.len()..].trim_matches(punctuation);
    (!rest.is_empty() && label[..at].trim_matches(punctuation).is_empty()).then_some(rest)
}

/// The style a label as kept with its turn is written in (`Shen Wei :`, `HAMLET` alone on its
/// line, `MARA. —`), read again as the label of a speech.
pub fn style_of_label(label: &str) -> Option<Style> {
    candidate(label, true)
        .filter(|c| c.rest >= label.len())
        .or_else(|| candidate(&format!("{label} and so on"), true))
        .map(|c| c.style)
}

/// Finds a label candidate at the start of `line` (already trimmed and stripped of emphasis).
/// `alone_ok` says whether the line is followed by more text, so that a name alone can head a speech.
pub fn candidate(line: &str, alone_ok: bool) -> Option<Candidate> {
    stamps::stamped(line, alone_ok)
        .or_else(|| record::record_label(line))
        .or_else(|| colon_label(line))
        .or_else(|| if alone_ok { caps_alone(line) } else { None })
        .or_else(|| caps_dot(line))
        .or_else(|| mark_dot(line))
        .or_else(|| if alone_ok { han_alone(line) } else { None })
        .or_else(|| han_space(line))
        .filter(|c| !FIELDS.contains(&c.canonical.as_str()))
}

/// The fields of a document written like labels, however often they recur: a question's
/// `Subject:` / `Objet :` in a parliament's question time, a translator's `Note:`, an article's
/// `Source:` / `来源：` — never a speaker (canonical forms).
const FIELDS: [&str; 36] = [
    "subject",
    "objet",
    "betreff",
    "re",
    "主题",
    "事由",
    "note",
    "notes",
    "nota",
    "nb",
    "注",
    "注释",
    "备注",
    "译注",
    "译者注",
    "notedutraducteur",
    "ndt",
    "ndlr",
    "translatorsnote",
    "editorsnote",
    "source",
    "sources",
    "来源",
    "出处",
    "date",
    "日期",
    "title",
    "titre",
    "标题",
    "keywords",
    "motsclés",
    "关键词",
    "abstract",
    "摘要",
    "résumé",
    "summary",
];

fn make(style: Style, name: &str, label: &str, rest: usize) -> Candidate {
    Candidate { style, name: name.into(), label: label.into(), rest, canonical: canonical(name), qualified: false }
}

fn colon_label(line: &str) -> Option<Candidate> {
    let (colon, colon_len) = line
        .char_indices()
        .take(64)
        .find(|&(_, c)| matches!(c, ':' | '：' | '∶'))
        .map(|(i, c)| (i, c.len_utf8()))
        .or_else(|| long_office(line))?;
    let written = trim(&line[..colon]);
    let after = &line[colon + colon_len..];
    // `Mr. John Smith (Edmonton North, Ref.):`, `Hon. Anne Grey (Minister of Health):` — the
    // riding, party or office in brackets is not part of the speaker's name.
    // The House of Commons gives two: `Mr. Tom Hart (Leeds East) (Lab):`.
    let name = match unbracket(written).map(|base| unbracket(base).unwrap_or(base)) {
        Some(base) if is_name(base) => base,
        _ => written,
    };
    if after.starts_with("//") || !is_name(name) || introduces_a_quote(name, after) {
        return None;
    }
    // `10:30`, `1:2`: a time or ratio, not a label.
    if name.ends_with(|c: char| c.is_ascii_digit()) && after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // `Total: 145`, `Page: 3 / 12`: a field with a figure, not someone speaking.
    if !after.trim().is_empty() && !after.chars().any(char::is_alphabetic) {
        return None;
    }
    let rest = colon + colon_len + (after.len() - after.trim_start_matches(is_space).len());
    let qualified = name.len() < written.len();
    Some(Candidate { qualified, ..make(Style::Colon, name, trim(&line[..colon + colon_len]), rest) })
}

/// The colon after a long office in brackets (`Hon. Stéphane Dion (President of the Queen's Privy
/// Council for Canada and Minister of Intergovernmental Affairs, Lib.):`): a name, then its
/// bracket closed right before the colon, within a parliamentary record's longest.
fn long_office(line: &str) -> Option<(usize, usize)> {
    let open = line.char_indices().take(48).find(|&(_, c)| c == '(')?.0;
    let close = open + line[open..].char_indices().take(240).find(|&(_, c)| c == ')')?.0;
    let after = &line[close + 1..];
    let gap = after.len() - after.trim_start_matches(is_space).len();
    let colon = after[gap..].chars().next().filter(|&c| matches!(c, ':' | '：'))?;
    (!line[open + 1..close].contains(['(', ':', '：'])).then_some((close + 1 + gap, colon.len_utf8()))
}

/// `Name (Riding)` without its bracket, when it ends with one; in Chinese the bracket is full
/// width and follows the name with no space (`赵明先生（中国）`, the UN's `主席（以英语发言）`).
fn unbracket(w: &str) -> Option<&str> {
    let base = if let Some(inner) = w.strip_suffix('）') {
        &inner[..inner.rfind('（')?]
    } else {
        let inner = w.strip_suffix(')')?;
        let open = inner.rfind('(')?;
        let han_before = inner[..open].chars().next_back().is_some_and(is_han);
        if !(inner[..open].ends_with(' ') || han_before) {
            return None;
        }
        &inner[..open]
    };
    Some(trim(base)).filter(|b| !b.is_empty())
}

/// Narration that holds a quote, not a label: `韦小宝道：“是啊。”`, `她说：大嫂，捆疼了。`,
/// `He said: "No."` — a colon followed by an opening quotation mark, or a Han name ending in a
/// verb of saying (`道`, `说`, `曰`). A record's `问：` or `答：` alone stays a mark.
fn introduces_a_quote(name: &str, after: &str) -> bool {
    let quoted = trim(after).starts_with(['“', '「', '『', '"', '«', '‘', '„', '”']);
    let han = name.chars().filter(|&c| is_han(c)).count();
    let saying = han >= 2 && name.ends_with(['道', '说', '說', '曰']);
    quoted || saying
}

/// A personal name or role: starts with a letter, short, no sentence punctuation.
pub fn is_name(name: &str) -> bool {
    let Some(first) = name.chars().next() else {
        return false;
    };
    if !first.is_alphabetic() {
        return false;
    }
    let chars = name.chars().count();
    let han = name.chars().filter(|&c| is_han(c)).count();
    let words = name.split(is_space).filter(|w| !w.is_empty()).count();
    let limit_ok = if han > 0 { han <= 12 && chars <= 24 } else { chars <= 40 && words <= 5 };
    limit_ok
        && !name.chars().any(|c| {
            matches!(
                fold_width(c),
                ',' | '!'
                    | '?'
                    | ';'
                    | '"'
                    | '<'
                    | '>'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '/'
                    | '\\'
                    | '|'
                    | '='
                    | '+'
                    | '#'
                    | '@'
                    | '*'
            ) || matches!(c, '。' | '、' | '“' | '”' | '«' | '»' | '《' | '》' | '「' | '」' | '【' | '】' | '…')
        })
        && !name.ends_with('.')
        && !ends_in_a_small_word(name, words)
}

/// `Question No 28 by (H-0781/99):`: a heading ending in a small word, not a name.
fn ends_in_a_small_word(name: &str, words: usize) -> bool {
    words >= 2
        && name
            .split(is_space)
            .next_back()
            .is_some_and(|w| w.chars().all(char::is_lowercase) && crate::core::lexicon::is_stop_word(w))
}

/// `SCENE I`, `Acte II`, `SCÈNE PREMIÈRE`, `Szene 3`, `CHAPTER 4`, `第二场`: a division of a play
/// or a book and its number, which opens a heading and is never a speaker.
pub fn is_division(text: &str) -> bool {
    // `第二场`, `第三幕`, `第十二回`.
    if let Some(rest) = text.strip_prefix('第') {
        let number =
            rest.chars().take_while(|&c| c.is_ascii_digit() || "一二三四五六七八九十百零〇两".contains(c)).count();
        return number > 0 && rest.chars().nth(number).is_some_and(|c| "幕场章回节部卷篇集".contains(c));
    }
    const DIVISIONS: [&str; 12] = [
        "act", "acte", "akt", "aufzug", "auftritt", "scene", "scène", "szene", "tableau", "chapter", "chapitre",
        "kapitel",
    ];
    let mut words = text.split(|c: char| is_space(c) || matches!(c, '.' | ':')).filter(|w| !w.is_empty());
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    if first.len() > 9 || !DIVISIONS.contains(&first.to_lowercase().as_str()) {
        return false;
    }
    let second = second.to_lowercase();
    let roman = second.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
    let ordinal = ["ième", "ieme", "ème", "ère", "ier", "te", "ste"].iter().any(|e| second.ends_with(e))
        || ["first", "second", "third", "one", "two", "three", "seconde", "erste"].contains(&second.as_str());
    second.chars().all(|c| c.is_ascii_digit()) || roman || ordinal
}

/// Capitals only (at least two letters), at most four words.
fn is_caps_name(name: &str) -> bool {
    // Cheapest tests first: this runs on every line of a document, most of them long prose.
    name.len() <= 4 * 30
        && name.chars().count() <= 30
        && name.chars().all(|c| c.is_alphabetic() || is_space(c) || matches!(c, '-' | '\'' | '’' | '.'))
        && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && name.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && name.split(is_space).filter(|w| !w.is_empty()).count() <= 4
        && !is_division(name)
}

fn caps_alone(line: &str) -> Option<Candidate> {
    let name = trim(line.trim_end_matches(['.', ':']));
    (is_caps_name(name) && !name.contains('.')).then(|| make(Style::CapsAlone, name, trim(line), line.len()))
}

/// `Q. How did it start?`, `A. With two colleagues.`, `R. Avec deux collègues.` (an initial's
/// `A. Lincoln` too: only a `Q.` and an answer mark that both recur make them speakers).
fn mark_dot(line: &str) -> Option<Candidate> {
    let mark = line.get(..1).filter(|m| matches!(*m, "Q" | "A" | "R"))?;
    let speech = line[1..].strip_prefix(". ")?.trim_start_matches(is_space);
    let opens = speech.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "«“\"'¿¡".contains(c));
    opens.then(|| make(Style::MarkDot, mark, &line[..2], line.len() - speech.len()))
}

fn caps_dot(line: &str) -> Option<Candidate> {
    // A name is at most 30 characters: the dot is looked for near the start only.
    let dot = line[..line.floor_char_boundary(4 * 31)].find(". ")?;
    let name = trim(&line[..dot]);
    // A French edition sets a dash after the name (`MARA. — Le vent…`): it belongs to the label.
    let dash = ["— ", "– "].iter().find(|d| line[dot + 2..].starts_with(**d)).map_or(0, |d| d.len());
    let (label_end, rest_start) = if dash > 0 { (dot + 1 + dash, dot + 2 + dash) } else { (dot + 1, dot + 2) };
    let rest = &line[rest_start..];
    (is_caps_name(name) && !name.contains('.') && rest.chars().any(char::is_lowercase))
        .then(|| make(Style::CapsDot, name, line[..label_end].trim_end(), rest_start))
}

fn is_han_name(name: &str) -> bool {
    let n = name.chars().count();
    // `第一场`, `第三幕`: an ordinal (scene, act, chapter), not a name.
    (1..=6).contains(&n) && name.chars().all(|c| is_han(c) || c == '·') && !name.starts_with('第')
}

fn han_alone(line: &str) -> Option<Candidate> {
    is_han_name(line).then(|| make(Style::HanAlone, line, line, line.len()))
}

fn han_space(line: &str) -> Option<Candidate> {
    let (i, c) = line.char_indices().find(|&(_, c)| is_space(c))?;
    let name = &line[..i];
    let rest_start = i + c.len_utf8();
    let rest = trim(&line[rest_start..]);
    (is_han_name(name) && !rest.is_empty())
        .then(|| make(Style::HanSpace, name, name, line.len() - line[rest_start..].trim_start_matches(is_space).len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(line: &str) -> Option<(Style, String, String, String)> {
        candidate(line, true).map(|c| (c.style, c.name, c.label, line[c.rest..].to_string()))
    }

    #[test]
    fn colon_labels_in_all_widths() {
        let c = cand;
        assert_eq!(
            c("Shen Wei: Le soi-disant grand modèle"),
            Some((Style::Colon, "Shen Wei".into(), "Shen Wei:".into(), "Le soi-disant grand modèle".into()))
        );
        assert_eq!(c("Shen Wei : Oui.").unwrap().2, "Shen Wei :");
        assert_eq!(c("White Horse Business Review : Pouvez-vous ?").unwrap().1, "White Horse Business Review");
        assert_eq!(c("沈伟：大模型").unwrap().1, "沈伟");
        assert_eq!(c("问：什么是大模型？").unwrap().3, "什么是大模型？");
        assert_eq!(c("主持人:").unwrap().3, "");
        // A document's fields are no speakers however often they recur.
        assert_eq!(c("Subject: Construction of a nuclear plant in Turkey"), None);
        assert_eq!(c("Objet : Construction d'une centrale nucléaire"), None);
        assert_eq!(c("Note du traducteur : le mot est ambigu."), None);
        assert_eq!(c("来源：智源研究院"), None);
        assert_eq!(c("Question No 28 by (H-0781/99):"), None, "a heading ending in a small word");
        assert_eq!(c("question no 28 de (H-0781/99) :"), None);
        assert_eq!(c("Source originale : White Horse Business Review").unwrap().1, "Source originale");
    }

    #[test]
    fn a_riding_party_or_office_in_brackets_is_not_part_of_the_name() {
        let (style, name, label, rest) = cand("Mr. John Smith (Edmonton North, Ref.): Thank you.").unwrap();
        assert_eq!((style, name.as_str(), rest.as_str()), (Style::Colon, "Mr. John Smith", "Thank you."));
        assert_eq!(label, "Mr. John Smith (Edmonton North, Ref.):", "the label keeps what was written");
        assert_eq!(cand("M. John Smith (Edmonton-Nord, Réf.):").unwrap().1, "M. John Smith");
        assert_eq!(cand("Hon. Anne Grey (Minister of Health, Lib.):").unwrap().1, "Hon. Anne Grey");
        assert_eq!(cand("Shen Wei (pseudonyme) : Oui.").unwrap().1, "Shen Wei");
        assert_eq!(cand("Mr. Tom Hart (Leeds East) (Lab): I agree.").unwrap().1, "Mr. Tom Hart");
        // The United Nations' records: the language spoken in brackets too, and in Chinese full
        // width brackets with no space before them.
        assert_eq!(cand("Mr. Zhao Ming (China) (spoke in Chinese): China thanks…").unwrap().1, "Mr. Zhao Ming");
        let (_, name, label, rest) = cand("克莱尔·马丁女士（法国）（以法语发言）：法国支持该报告。").unwrap();
        assert_eq!((name.as_str(), label.as_str()), ("克莱尔·马丁女士", "克莱尔·马丁女士（法国）（以法语发言）："));
        assert_eq!(rest, "法国支持该报告。");
        assert_eq!(cand("主席（以英语发言）：我现在请中国代表发言。").unwrap().1, "主席");
        assert_eq!(cand("赵明先生(中国):中国感谢秘书长的报告。").unwrap().1, "赵明先生");
        assert_eq!(cand("Shen(Wei): no").unwrap().1, "Shen(Wei)", "a Latin name's bracket follows a space");
        let long = "Hon. Stéphane Dion (President of the Queen's Privy Council for Canada and Minister of \
                    Intergovernmental Affairs, Lib.): Mr. Speaker, no.";
        let (_, name, _, rest) = cand(long).unwrap();
        assert_eq!((name.as_str(), rest.as_str()), ("Hon. Stéphane Dion", "Mr. Speaker, no."));
        assert!(
            cand("The committee (which met on Tuesday and again on Thursday to hear many witnesses) said: no.")
                .is_none()
        );
    }

    #[test]
    fn things_that_are_not_labels() {
        for line in [
            "01 ChatGPT:奇点到来",
            "2. 拐点:人工智能大模型时代到来",
            "[ Editor's Note: the following was edited.",
            "Début mai, Zhou Hongyi, le chef de 360, a déclaré au monde extérieur : « Si vous",
            "Voici la transcription de la conversation entre Liu Zhiyuan et APPSO :",
            "See https://example.org/page for more",
            "We met at 10:30 in the morning.",
            "<100 subscribers",
            "《大模型》：一本书",
            "Total: -- 145",
            "Page : 3 / 12",
            "韦小宝道：“是啊，是太后吩咐去取的。”",
            "周瑞家的笑道：“我们奶奶请姑娘去。”",
            "她说：大嫂，捆疼了。",
            "海老公摇头道：“好什么？",
            "Then he said: \"We leave at dawn.\"",
            "Il répondit : « Jamais. »",
        ] {
            assert_eq!(cand(line).map(|c| c.0), None, "{line}");
        }
    }

    #[test]
    fn play_script_names() {
        assert_eq!(cand("HAMLET").unwrap().0, Style::CapsAlone);
        assert_eq!(cand("LA REINE.").unwrap().1, "LA REINE");
        assert_eq!(candidate("HAMLET", false), None, "a name alone needs a speech below");
        let (style, name, _, rest) = cand("HAMLET. To be, or not to be").unwrap();
        assert_eq!((style, name.as_str(), rest.as_str()), (Style::CapsDot, "HAMLET", "To be, or not to be"));
        // What a label says beside the name.
        assert_eq!(qualifier("MARA, seule. —", "MARA"), Some("seule"));
        assert_eq!(qualifier("TOMAS, entrant, trempé. —", "TOMAS"), Some("entrant, trempé"));
        assert_eq!(qualifier("Mr. Tom Hart (Leeds East) (Lab):", "Mr. Tom Hart"), Some("(Leeds East) (Lab)"));
        assert_eq!(qualifier("主席（以英语发言）：", "主席"), Some("（以英语发言）"));
        assert_eq!(qualifier("MARA. —", "MARA"), None);
        assert_eq!(qualifier("**White Horse Business Review :", "White Horse Business Review"), None);
        assert_eq!(qualifier("Anna Berg (00:00:12):", "Anna Berg"), None, "the time is shown apart");
        assert_eq!(qualifier("Baima Business Review :", "White Horse Business Review"), None);
        // Labels as kept with their turns, read again for their style.
        assert_eq!(style_of_label("HAMLET"), Some(Style::CapsAlone));
        assert_eq!(style_of_label("MARA. —"), Some(Style::CapsDot));
        assert_eq!(style_of_label("玛拉："), Some(Style::Colon));
        assert_eq!(style_of_label("Shen Wei :"), Some(Style::Colon));
        // A French edition's dash after the name is the label's, not the speech's.
        assert_eq!(
            cand("MARA. — Que viens-tu faire ici ?"),
            Some((Style::CapsDot, "MARA".into(), "MARA. —".into(), "Que viens-tu faire ici ?".into()))
        );
        assert_eq!(cand("哈姆莱特").unwrap().0, Style::HanAlone);
        assert_eq!(
            cand("Q. How did it start?").map(|c| (c.0, c.1, c.3)),
            Some((Style::MarkDot, "Q".into(), "How did it start?".into()))
        );
        assert_eq!(cand("R. « Avec deux collègues. »").unwrap().1, "R");
        assert_eq!(cand("A. with a small letter"), None);
        let (style, name, _, rest) = cand("哈姆莱特　生存还是毁灭，这是一个问题。").unwrap();
        assert_eq!(
            (style, name.as_str(), rest.as_str()),
            (Style::HanSpace, "哈姆莱特", "生存还是毁灭，这是一个问题。")
        );
        assert_eq!(cand("Il était une fois"), None);
        assert_eq!(cand("第一场　灯塔的灯室。夜。"), None, "a scene's number");
        assert_eq!(cand("THE END. "), None);
        assert_eq!(cand("SCENE I. A room in the castle."), None, "a scene's number");
        assert_eq!(cand("SCÈNE PREMIÈRE. Une salle du château."), None);
        assert_eq!(cand("ACTE II"), None);
        assert!(is_division("Szene 3") && is_division("CHAPTER 4: The road") && !is_division("ACTON. Go on."));
        assert!(is_division("第二场　同前。稍后。") && is_division("第十二回") && !is_division("第一次见面"));
    }

    #[test]
    fn names_are_short_and_start_with_a_letter() {
        assert!(is_name("Shen Wei (pseudonyme)"));
        assert!(is_name("Dr. Smith"));
        assert!(is_name("Note de l'éditeur"));
        assert!(!is_name("a b c d e f"));
        assert!(!is_name("01 ChatGPT"));
        assert!(!is_name(""));
        assert!(is_interview_mark("问") && !is_interview_mark("shenwei"));
    }
}
