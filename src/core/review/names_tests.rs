//! The names check, one case at a time: tokens that survive translation, names written otherwise,
//! acronyms in another order, and what is never a name.

use super::*;

fn keys(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.text).collect()
}

#[test]
fn names_that_survive_translation() {
    assert_eq!(keys("OpenAI a sorti GPT-4 sur des A100 en 2023."), ["OpenAI", "GPT-4", "A100"]);
    assert_eq!(
        keys("Écrivez à contact@example.org ou voyez https://example.org/a."),
        ["contact@example.org", "https://example.org/a"]
    );
    assert_eq!(keys("我们用Nvidia的芯片和AI模型"), ["Nvidia", "AI"]);
    assert_eq!(
        keys("Au XXIe siècle, la 448e séance ; in the 21st century, the 448th sitting, his 50th year."),
        Vec::<String>::new(),
        "ordinals, in digits or Roman numerals, are no names"
    );
    assert_eq!(
        keys("背景辐射约3K，直径7cm；a 5kg box at 2GHz, 2.8c le litre, 12ft"),
        Vec::<String>::new(),
        "a number with its unit is no name"
    );
    assert_eq!(keys("GPT-4o, 3D, 5G, H20"), ["GPT-4o", "3D", "5G", "H20"], "names that hold digits stay names");
    // A scanned novel: `l966年` is 1966, `l3` 13.
    assert_eq!(keys("那是l966年，他l3岁。"), Vec::<String>::new(), "a misread number is no name");
    assert_eq!(keys("die Route Bschütti ( 1O )"), Vec::<String>::new(), "a misread number is no name");
    assert_eq!(
        keys("The model is big. Paris is nice."),
        Vec::<String>::new(),
        "plain capitalised words are left alone"
    );
}

#[test]
fn a_name_written_with_other_hyphens_or_capitals_is_kept() {
    use crate::core::document::{Document, Pair};
    let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
    // A yearbook scanned by OCR: the hyphen of a place name lost on one side.
    let pair = Pair::new(
        doc("de", "Wir stiegen zum ZinalRothorn und nach SaasFee ab."),
        doc("fr", "Nous sommes montés au Zinal-Rothorn, puis descendus à Saas-Fee."),
    );
    let vocab = Vocabularies::of(&pair);
    assert_eq!(check_row(&pair, 0, &vocab), []);
    let pair = Pair::new(doc("de", "Wir nutzten dazu ChatGPT."), doc("fr", "Nous avons utilisé un assistant."));
    let vocab = Vocabularies::of(&pair);
    assert!(!check_row(&pair, 0, &vocab).is_empty(), "a name really missing is still flagged");
}

#[test]
fn common_words_run_together_are_no_name() {
    use crate::core::document::{Document, Pair};
    let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
    let flags = |left: &str, right: &str| {
        let pair = Pair::new(doc("de", left), doc("fr", right));
        check_row(&pair, 0, &Vocabularies::of(&pair))
    };
    // A scanned yearbook: `Sommer-Ende` with its hyphen lost at a line's end; the French
    // says "en cette saison".
    assert_eq!(
        flags("Jetzt bei SommerEnde liegt noch Schnee in der Kluft.", "En cette saison, il reste de la neige."),
        []
    );
    assert_eq!(flags("Am SeeEnde steht die Hütte.", "La cabane est au bout du lac."), []);
    // A mountain's name with a common word is still a name.
    assert_eq!(flags("Die MythenWestwand von unten.", "La paroi vue d'en bas.").len(), 1);
    // A brand made of English words is no German or French dictionary's.
    assert_eq!(flags("Wir nutzten dazu DeepSeek.", "Nous avons utilisé un assistant.").len(), 1);
}

#[test]
fn a_name_is_found_one_row_off_in_parts_or_as_its_number() {
    use crate::core::alignment::Link;
    use crate::core::document::{Document, Pair};
    let doc = |name: &str, lines: &[&str]| Document::from_text(name, &lines.join("\n\n"), "UTF-8", 0);
    let names = |left: &[&str], right: &[&str]| {
        let mut pair = Pair::new(doc("de", left), doc("fr", right));
        std::sync::Arc::make_mut(&mut pair.alignment).links =
            (0..left.len()).map(|k| Link::auto(k..k + 1, k..k + 1, 0.9)).collect();
        let vocab = Vocabularies::of(&pair);
        (0..left.len()).flat_map(|row| check_row(&pair, row, &vocab)).map(|f| f.message).collect::<Vec<_>>()
    };
    // The sentence naming the model went one row down on the right.
    let none: Vec<String> = Vec::new();
    assert_eq!(
        names(
            &["Wir fuhren mit DeepSeek.", "Dann regnete es."],
            &["Nous sommes partis.", "Avec DeepSeek, il pleuvait."]
        ),
        none
    );
    // Two rows away is too far.
    let far = names(
        &["Wir fuhren mit DeepSeek.", "Es war kalt.", "Dann regnete es."],
        &["Nous sommes partis.", "Il faisait froid.", "Avec DeepSeek, il pleuvait."],
    );
    assert_eq!(far.len(), 2, "{far:?}");
    // Names written in other words and orders: `D.Anker/M.Piola`, `Rothorn de Zinal`, `R5`.
    assert_eq!(names(&["Daniel Anker und Michel Piola"], &["D.Anker/M.Piola, 1988"]), none);
    assert_eq!(names(&["Am ZinalRothorn stürzte er."], &["Il tomba au Rothorn de Zinal."]), none);
    assert_eq!(names(&["An Stand 5 kreuzten wir alte Haken."], &["À R5, nous avons croisé de vieux pitons."]), none);
    assert_eq!(names(&["Zur KLL-Seilbahn hinab."], &["Vers le téléphérique des KLL."]), none);
    assert_eq!(names(&["Mit 45-m-Seilen."], &["Avec des cordes de 45 m."]), none);
    assert_eq!(names(&["Wir fuhren mit ChatGPT."], &["Nous avons roulé avec un assistant."]).len(), 1);
}

#[test]
fn a_name_the_dictionary_renders_is_there() {
    use crate::core::alignment::Link;
    use crate::core::document::{Document, Pair};
    let doc = |name: &str, lines: &[&str]| Document::from_text(name, &lines.join("\n\n"), "UTF-8", 0);
    let flags = |zh: &[&str], en: &[&str]| {
        let mut pair = Pair::new(doc("zh.txt", zh), doc("en.txt", en));
        std::sync::Arc::make_mut(&mut pair.alignment).links =
            (0..zh.len()).map(|k| Link::auto(k..k + 1, k..k + 1, 0.9)).collect();
        let vocab = Vocabularies::of(&pair);
        (0..zh.len()).flat_map(|row| check_row(&pair, row, &vocab)).map(|f| f.message).collect::<Vec<_>>()
    };
    // The Chinese writes NATO and CEO in Latin letters at first, then in Chinese.
    let zh = ["NATO和CEO都说是真的。", "天很冷。", "我们走了很久。", "北约同意了，总经理也同意。"];
    let en =
        ["NATO and the CEO both say so.", "It was cold.", "We walked a long way.", "NATO agreed, and so did the CEO."];
    assert_eq!(flags(&zh, &en), Vec::<String>::new());
    let dropped = ["NATO和CEO都说是真的。", "天很冷。", "我们走了很久。", "他们同意了，大家也同意。"];
    assert_eq!(flags(&dropped, &en), ["NATO, CEO: only on the right"]);
    // A word in Latin letters that no capital marks is no name.
    let zh = ["我们用app订票。", "天很冷。", "我们走了很久。", "他用手机订票。"];
    let en = ["We booked on the app.", "It was cold.", "We walked a long way.", "He booked with the app."];
    assert_eq!(flags(&zh, &en), Vec::<String>::new());
}

#[test]
fn codes_and_addresses_are_copied_exactly() {
    use crate::core::document::{Document, Pair};
    let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
    let flags = |left: &str, right: &str| {
        let pair = Pair::new(doc("en", left), doc("fr", right));
        let vocab = Vocabularies::of(&pair);
        check_row(&pair, 0, &vocab)
    };
    // A parliamentary record: the bill's number, and the committee's page.
    let got = flags("We debated Bill C-98 today.", "Nous avons débattu du projet de loi C98 aujourd'hui.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].kind, FlagKind::Tokens);
    assert_eq!(got[0].message, "C-98 ≠ C98");
    assert!(flags("Bill C-98 passed.", "Le projet de loi C-98 est adopté.").is_empty());
    let got = flags("See https://example.org/Report today.", "Voir https://example.org/report aujourd'hui.");
    assert_eq!(got.iter().map(|f| f.kind).collect::<Vec<_>>(), [FlagKind::Tokens]);
    assert!(flags("Write to info@example.org now.", "Écrivez à info@example.org maintenant.").is_empty());
}

#[test]
fn what_a_parliaments_record_writes_is_no_name() {
    // The language a member spoke, a French clock time, numerals in Roman figures.
    assert_eq!(keys("(IT) Quatrièmement, la sécurité juridique."), Vec::<String>::new());
    assert_eq!(keys("La séance est levée à 20h25."), Vec::<String>::new());
    assert_eq!(keys("aux recommandations I et II, au titre XIV"), Vec::<String>::new());
    assert_eq!(keys("(Le vote a lieu à 17h)"), Vec::<String>::new());
    assert_eq!(keys("Le groupe PPE (DE) vote contre."), ["PPE"], "a group's acronym stays one");
}

#[test]
fn an_acronym_in_the_other_languages_order_or_its_words_is_there() {
    use crate::core::document::{Document, Pair};
    let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
    // The French quotes the English acronyms further on, so a row without them is a question.
    let (tail_en, tail_fr) = (
        "\n\nIt rains.\n\nThe wind blows.\n\nNight falls.\n\nThe EU, the ECB, NATO and the EPP met.",
        "\n\nIl pleut.\n\nLe vent souffle.\n\nLa nuit tombe.\n\nThe EU, the ECB, NATO and the EPP met.",
    );
    let flags = |left: &str, right: &str| {
        let pair = Pair::new(doc("en", &format!("{left}{tail_en}")), doc("fr", &format!("{right}{tail_fr}")));
        check_row(&pair, 0, &Vocabularies::of(&pair))
    };
    assert_eq!(flags("The EU budget is late.", "Le budget de l'UE est en retard."), []);
    assert_eq!(flags("The ECB raised its rates.", "La BCE a relevé ses taux."), []);
    assert_eq!(flags("A vote for NATO.", "Un vote pour l'OTAN."), []);
    assert_eq!(flags("The EPP voted.", "Le groupe PPE a voté."), []);
    assert_eq!(flags("The EU budget is late.", "Le budget de l'Union européenne est en retard."), [], "its words");
    // Another acronym is not the same one; a name really left out is still flagged.
    assert_eq!(flags("The ECB raised its rates.", "La BCI a relevé ses taux.").len(), 1);
    assert_eq!(flags("The ECB raised its rates.", "La banque a relevé ses taux.").len(), 1);
    assert_eq!(flags("The EU budget is late.", "Le budget est en retard.").len(), 1);
}
