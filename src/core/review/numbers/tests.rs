//! The number reader, one format at a time, and the comparison of a row's numbers.
use super::*;

/// The values read, as (lo, hi, percent, weak).
fn values(text: &str) -> Vec<(f64, f64, bool, bool)> {
    read(text).into_iter().map(|q| (q.lo, q.hi, q.percent, q.weak)).collect()
}

/// The one value read, as (lo, hi).
pub(super) fn one(text: &str) -> (f64, f64) {
    let v = read(text);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    (v[0].lo, v[0].hi)
}

#[test]
fn digits_with_any_grouping() {
    for t in ["10 000 cartes", "10\u{202F}000 cartes", "10\u{00A0}000", "10,000 cards", "10.000 Karten", "10000"] {
        assert_eq!(one(t), (10000.0, 10000.0), "{t}");
    }
    assert_eq!(one("1 234 567"), (1234567.0, 1234567.0));
    assert_eq!(one("en 2017, le"), (2017.0, 2017.0));
    assert_eq!(values("en 2017 2018"), [(2017.0, 2017.0, false, false), (2018.0, 2018.0, false, false)]);
}

#[test]
fn decimals_with_a_comma_or_a_dot() {
    assert_eq!(one("1,5 milliard"), (1.5e9, 1.5e9));
    assert_eq!(one("$1.5 billion"), (1.5e9, 1.5e9));
    assert_eq!(one("2,75"), (2.75, 2.75));
    assert_eq!(one("1 234,5"), (1234.5, 1234.5));
    assert_eq!(one("1,234.5"), (1234.5, 1234.5));
}

#[test]
fn ranges_in_both_languages() {
    assert_eq!(one("60 000 à 70 000 yuans"), (60000.0, 70000.0));
    assert_eq!(one("60,000 to 70,000"), (60000.0, 70000.0));
    assert_eq!(one("60,000-70,000"), (60000.0, 70000.0));
    assert_eq!(one("600 million to 700 million"), (6e8, 7e8));
    assert_eq!(one("six ou sept milliards"), (6e9, 7e9));
    assert_eq!(one("600 to 700 million"), (6e8, 7e8));
    assert_eq!(one("六七亿"), (6e8, 7e8));
    assert_eq!(one("五六十"), (50.0, 60.0));
}

#[test]
fn percentages() {
    for t in ["15 %", "15%", "15 per cent", "15 percent", "15 pour cent", "百分之十五", "15％"] {
        assert_eq!(values(t), [(15.0, 15.0, true, false)], "{t}");
    }
    assert_eq!(values("三成"), [(30.0, 30.0, true, false)]);
}

#[test]
fn scale_words() {
    assert_eq!(one("3 millions"), (3e6, 3e6));
    assert_eq!(one("2 milliards"), (2e9, 2e9));
    assert_eq!(one("2 billion"), (2e9, 2e9));
    assert_eq!(one("1 trillion"), (1e12, 1e12));
    assert_eq!(one("deux mille"), (2000.0, 2000.0));
    assert_eq!(one("5 thousand"), (5000.0, 5000.0));
    assert_eq!(one("a thousand"), (1000.0, 1000.0));
    assert_eq!(one("8万"), (8e4, 8e4));
    assert_eq!(one("60亿"), (6e9, 6e9));
    assert_eq!(one("1.5万"), (1.5e4, 1.5e4));
    assert_eq!(one("三千"), (3000.0, 3000.0));
}

#[test]
fn spelled_numbers() {
    assert_eq!(one("twenty-one"), (21.0, 21.0));
    assert_eq!(one("vingt et un"), (21.0, 21.0));
    assert_eq!(one("soixante-dix"), (70.0, 70.0));
    assert_eq!(one("quatre-vingt-dix-sept"), (97.0, 97.0));
    assert_eq!(one("quatre-vingts"), (80.0, 80.0));
    assert_eq!(one("one hundred and twenty"), (120.0, 120.0));
    assert_eq!(one("cent vingt"), (120.0, 120.0));
    assert_eq!(one("deux cents"), (200.0, 200.0));
    assert_eq!(one("ninety-nine"), (99.0, 99.0));
    assert_eq!(one("a hundred"), (100.0, 100.0));
    assert!(read("trois")[0].weak, "a small spelled number confirms but never stands alone");
    assert!(!read("twenty")[0].weak);
}

#[test]
fn chinese_numerals() {
    assert_eq!(one("十五"), (15.0, 15.0));
    assert_eq!(one("两千"), (2000.0, 2000.0));
    assert_eq!(one("一百二十"), (120.0, 120.0));
    assert_eq!(one("三万五千"), (35000.0, 35000.0));
    assert_eq!(one("一亿五千万"), (1.5e8, 1.5e8));
    assert_eq!(one("二〇一七年"), (2017.0, 2017.0));
    assert!(read("一个")[0].weak);
    assert!(read("几十亿")[0].weak, "some billions is no number to check");
}

#[test]
fn clock_times_months_and_approximations() {
    let hours = [(4.0, 4.0, false, false), (13.0, 13.0, false, false)];
    assert_eq!(values("from 4 a.m. to 1 p.m."), hours);
    assert_eq!(values("de 4 h à 13 h"), hours);
    assert_eq!(one("下午1点"), (13.0, 13.0));
    assert_eq!(values("en mars 2023")[0], (3.0, 3.0, false, true), "a month is a weak 3");
    assert!(values("une quarantaine").contains(&(30.0, 50.0, false, true)), "about forty");
}

#[test]
fn clock_times_are_hours_and_a_decimal_stays_a_decimal() {
    assert_eq!(one("17 h 30"), (17.5, 17.5));
    assert_eq!(one("5.30 p.m."), (17.5, 17.5));
    assert_eq!(one("17:45"), (17.75, 17.75));
    assert_eq!(one("a rate of 5.30"), (5.3, 5.3), "no a.m. or p.m.: a decimal");
    assert_eq!(read("3:1")[0].lo, 3.0, "one digit after the colon: no time");
    assert_eq!(read("25:30")[0].lo, 25.0, "no hour 25");
    assert_eq!(one("100 p. 100"), (100.0, 100.0));
    assert!(read("100 p. 100")[0].percent);
    assert_eq!(read("100 p. 100").len(), 1, "the 100 of `p. 100` is no number of its own");
}

#[test]
fn short_years_and_year_ranges() {
    assert_eq!(one("the '97 season"), (1997.0, 1997.0));
    assert_eq!(one("’05"), (2005.0, 2005.0));
    assert!(read("rock'n'roll 97").iter().all(|q| q.lo == 97.0), "an apostrophe inside a word");
    assert_eq!(one("1996-97"), (1996.0, 1997.0));
    assert_eq!(one("1999-00"), (1999.0, 2000.0));
    assert_eq!(one("10-12"), (10.0, 12.0), "not years: as written");
}

#[test]
fn ordinals_and_years() {
    assert_eq!(one("the 3rd"), (3.0, 3.0));
    assert_eq!(one("le 2e"), (2.0, 2.0));
    assert_eq!(one("第三"), (3.0, 3.0));
    assert!(read("the first")[0].weak);
    assert_eq!(one("in 1998."), (1998.0, 1998.0));
}

#[test]
fn digits_in_names_are_not_numbers() {
    // Only confirmations: weak, never flagged alone, but `R5` answers `Stand 5`.
    let names = values("GPT-4 et A100, H20, Llama3, 5G, COVID-19");
    assert_eq!(names.iter().map(|v| v.0).collect::<Vec<_>>(), [4.0, 100.0, 20.0, 3.0, 5.0, 19.0]);
    assert!(names.iter().all(|v| v.3), "{names:?}");
    assert!(agree("an Stand 5 und Stand 7", "à R5 et R7"));
    assert!(agree("约28G", "about twenty-eight gigabytes"));
    // A number with its unit is a number: the cosmic background at about 3K, a 7cm crack.
    assert_eq!(values("约3K，裂缝7cm"), [(3.0, 3.0, false, false), (7.0, 7.0, false, false)]);
    let strong: Vec<f64> = read("GPT-4 coûte 30 dollars").iter().filter(|q| !q.weak).map(|q| q.lo).collect();
    assert_eq!(strong, [30.0]);
}

#[test]
fn spans_point_at_the_words() {
    let text = "au moins six ou sept milliards de yuans";
    let q = &read(text)[0];
    assert_eq!(q.text, "six ou sept milliards");
    let chars: String = text.chars().skip(q.chars.start).take(q.chars.len()).collect();
    assert_eq!(chars, q.text);
}

/// Whether two texts say the same numbers, read each way round.
fn agree(a: &str, b: &str) -> bool {
    let (qa, qb): (Vec<_>, Vec<_>) =
        (read(a).into_iter().map(|q| (0, q)).collect(), read(b).into_iter().map(|q| (0, q)).collect());
    let strong = |v: Vec<&(usize, Quantity)>| v.into_iter().filter(|(_, q)| !q.weak).count();
    strong(unmatched(&qa, &qb)) == 0 && strong(unmatched(&qb, &qa)) == 0
}

#[test]
fn every_format_matches_its_translation_both_ways() {
    let same = [
        ("10 000 cartes", "10,000 cards"),
        ("10\u{202F}000 cartes", "一万张卡"),
        ("10.000 Karten", "10 000 cartes"),
        ("1,5 milliard de dollars", "$1.5 billion"),
        ("15亿美元", "1,5 milliard de dollars"),
        ("60 000 à 70 000 yuans", "60,000 to 70,000 yuan"),
        ("60,000-70,000", "6万到7万"),
        ("au moins 600 à 700 millions", "六七亿"),
        ("six ou sept milliards", "60亿到70亿"),
        ("15 %", "15 per cent"),
        ("百分之十五", "15%"),
        ("三成", "30 pour cent"),
        ("2 millions", "two million"),
        ("vingt-cinq ans", "25 years"),
        ("quatre-vingt-dix-sept", "ninety-seven"),
        ("一百二十", "one hundred and twenty"),
        ("en 2017", "2017年"),
        ("le 3e jour", "the 3rd day"),
        ("两千人", "deux mille personnes"),
        ("à 13 h", "at 1 p.m."),
        // The House met at two: the French counts its hours to twelve like the English.
        ("la séance est ouverte à 2 heures", "the House met at 2 p.m."),
        // A parliamentary record in Canadian French gives percentages as `p. 100`.
        ("une hausse de 100 p. 100", "an increase of 100%"),
        ("15 p. cent des votes", "15 per cent of the votes"),
        // The sitting adjourned at half past five: each language its own clock.
        ("La séance est levée à 17 h 30.", "The House adjourned at 5.30 p.m."),
        ("à 17h30", "at 17:30"),
        ("下午5:30", "à 17 h 30"),
        ("at 9.15 a.m.", "à 9 h 15"),
        // A yearbook: the train leaves at a quarter to five, in German and in French.
        ("es ist 4.45 Uhr morgens", "il est 4 h 45 du matin"),
        // A season or a fiscal year, written out or short.
        ("le budget de 1996-1997", "the '97 budget"),
        ("en 1996-97", "in 1996-1997"),
        ("la saison 1999-00", "the 1999-2000 season"),
        // A century in Roman numerals, as French writes it.
        ("at the dawn of the 21st century", "à l'aube du XXIe siècle"),
        ("au XIXe siècle", "in the 19th century"),
        ("Recommendations 1 and 2", "les recommandations I et II"),
        // The last cabin down: German counts the half hour towards the next hour.
        ("um halb fünf talwärts", "à 4 heures et demie"),
        ("um halb fünf", "at 4.30 p.m."),
        ("à 4 heures et demie", "at half past four"),
        ("at a quarter to five", "vers 4 h 45"),
        ("mehr als zwanzigmal", "plus de vingt fois"),
        ("in den dreissiger Jahren", "dans les années trente"),
        // A sitting's fractions, periods and durations, as each language writes them.
        ("covering 1/3 of transport", "environ le tiers des transports"),
        ("two thirds of the members", "les 2/3 des députés"),
        ("the current 1994-1999 programmes", "les programmes 1994/1999"),
        ("in eighteen months' time", "dans un an et demi"),
        ("a review after three and a half years", "une révision après 3 ans et demi"),
        ("the last decade", "les dix dernières années"),
    ];
    for (a, b) in same {
        assert!(agree(a, b), "{a} = {b}");
        assert!(agree(b, a), "{b} = {a}");
    }
    let differ = [
        ("six ou sept milliards", "600 million to 700 million"),
        ("10 000 cartes", "100,000 cards"),
        ("2 millions", "2 billion"),
        ("15 %", "51%"),
        ("六七亿", "6 to 7 billion"),
        ("vingt-cinq ans", "35 years"),
        ("en 2017", "in 2018"),
        ("à 17 h 30", "at 6.30 p.m."),
        ("à 17 h 30", "at 5.45 p.m."),
        ("100 p. 100", "50%"),
        ("en 1996-97", "in 1998"),
        ("the '97 budget", "le budget de 1998"),
        ("à 4 heures et demie", "at 4 p.m."),
        ("au XIXe siècle", "in the 18th century"),
        ("covering 1/3 of transport", "environ le quart des transports"),
        ("the current 1994-1999 programmes", "les programmes 1994/1998"),
        ("in eighteen months' time", "dans deux ans et demi"),
        ("à 4 heures et demie", "um halb vier"),
        ("mehr als zwanzigmal", "plus de trente fois"),
    ];
    for (a, b) in differ {
        assert!(!agree(a, b), "{a} ≠ {b}");
        assert!(!agree(b, a), "{b} ≠ {a}");
    }
}

#[test]
fn approximations_read_as_the_values_they_cover() {
    assert_eq!(one("十几个人"), (10.0, 19.0));
    assert_eq!(one("四十多岁"), (40.0, 49.0));
    assert_eq!(one("300余名"), (300.0, 399.0));
    assert_eq!(one("十几万"), (100_000.0, 190_000.0));
    assert_eq!(one("a sixty-thousand-ton ship"), (60_000.0, 60_000.0));
    assert_eq!(one("几十万"), (200_000.0, 900_000.0));
    assert_eq!(one("tens of thousands"), (20_000.0, 100_000.0));
    assert_eq!(one("des dizaines de milliers"), (20_000.0, 100_000.0));
    assert_eq!(one("the 1960s"), (1960.0, 1969.0));
    assert_eq!(one("六十年代"), (60.0, 69.0));
    assert_eq!(one("les années 60"), (60.0, 69.0));
    assert!(read("dozens of people")[0].weak, "a loose count only confirms");
    assert!(read("几十个人")[0].weak);
    assert!(read("十几年后")[0].weak, "ten-odd years: as often `over a decade` as a figure");
    assert!(!read("一百多家")[0].weak, "over a hundred firms is a figure");
    assert!(!read("about 40")[0].about, "a figure, hedged, is a figure");
    assert_eq!(one("three decades"), (30.0, 30.0));
    assert_eq!(one("an eleven-year-old boy"), (11.0, 11.0));
    assert_eq!(one("forty-odd"), (40.0, 60.0));
    assert!(read("a year-long wait").is_empty());
    assert_eq!(one("deux décennies"), (20.0, 20.0));
}

#[test]
fn approximations_match_the_values_they_cover_both_ways() {
    let same = [
        // An interview: the founder hired ten-odd people, the French says a dozen.
        ("他招了十几个人", "il a embauché une douzaine de personnes"),
        ("forty staff", "四十多名员工"),
        ("some forty", "une quarantaine"),
        ("une vingtaine de pays", "twenty-two countries"),
        ("近3000人", "près de 3 000 personnes"),
        ("more than 100 firms", "一百多家公司"),
        ("300余名代表", "over 300 delegates"),
        ("几十万人", "hundreds of thousands of people"),
        ("tens of thousands", "数万"),
        ("des dizaines de milliers de manifestants", "tens of thousands of protesters"),
        ("40人左右", "about 40 people"),
        // A novel: the years of the story, in each language's way of naming a decade.
        ("一九六〇年代", "the 1960s"),
        ("六十年代", "in the sixties"),
        ("les années 60", "the sixties"),
        ("in her forties", "四十多岁"),
        ("三十多年后", "three decades later"),
        ("四十多人", "forty-odd people"),
        ("六万吨级的巨轮", "the sixty-thousand-ton ship"),
        ("三十几步", "thirty paces"),
        ("十一二岁的小孩", "an eleven- or twelve-year-old boy"),
        ("二十年来", "for two decades"),
    ];
    for (a, b) in same {
        assert!(agree(a, b), "{a} = {b}");
        assert!(agree(b, a), "{b} = {a}");
    }
    let differ = [
        ("十几个人", "forty people"),
        ("une quarantaine", "twenty"),
        ("about 40", "about 400"),
        // A figure with a hedge is still a figure: a changed digit is seen.
        ("about 13 billion", "environ 14 milliards"),
        ("一百多家公司", "more than 1,000 firms"),
        ("the 1960s", "in 1975"),
        ("六十年代", "the 1980s"),
        ("300余名", "30 delegates"),
        ("二十多年前", "more than thirty years ago"),
    ];
    for (a, b) in differ {
        assert!(!agree(a, b), "{a} ≠ {b}");
        assert!(!agree(b, a), "{b} ≠ {a}");
    }
}

#[test]
fn numerals_inside_words_enumerators_and_ordinals() {
    // A novel: `十分` is very, `万一` in case, `一五一十` in full detail — no counts.
    assert!(read("洗得十分干净").is_empty());
    assert!(read("万一他来了").iter().all(|q| q.weak));
    assert!(read("一五一十的数了").iter().all(|q| q.weak));
    assert_eq!(one("十分之一"), (0.1, 0.1), "a fraction is a number");
    assert_eq!(one("三分之二"), (2.0 / 3.0, 2.0 / 3.0));
    // A year in Chinese digits is no range, though 六 and 七 count up.
    assert_eq!(one("一九六七年"), (1967.0, 1967.0));
    assert_eq!(one("六七个"), (6.0, 7.0));
    // A novel: `三五` is three to five nights, `一一` one by one; neither is thirty-five or eleven.
    assert_eq!(one("时逢三五便团圆"), (3.0, 5.0));
    assert!(read("一一告诉她").iter().all(|q| q.weak));
    assert!(agree("那是百分之百的天然橡胶", "made of 100 percent natural rubber"));
    assert!(agree("输了一二百钱", "One or two hundred"));
    assert!(read("to seize the Empire").iter().all(|q| q.weak), "an English verb");
    // A yearbook in German and French.
    assert!(agree("hundertfünfzig Meter", "cent cinquante mètres"));
    assert!(agree("dreihundert Höhenmeter", "trois cents mètres de dénivelé"));
    assert!(agree("vierundzwanzig Stunden", "vingt-quatre heures"));
    assert!(agree("zehn Minuten", "dix minutes"));
    assert!(agree("dreissig Jahre", "trente ans"));
    assert!(agree("zweitausend Franken", "deux mille francs"));
    assert!(!agree("dreissig Jahre", "quarante ans"));
    assert!(read("Einsamkeit und Neugier").is_empty(), "words that open like a number");
    // A novel of the Qing: fifty taels of silver.
    let taels = read("五十两白银");
    assert_eq!((taels[0].lo, taels[0].hi), (50.0, 50.0));
    assert!(taels[1..].iter().all(|q| q.weak), "the tael is no 2 that could be flagged");
    assert_eq!(read("两千两")[0].lo, 2000.0);
    // A chapter heading's number.
    assert!(read("1．弄堂")[0].weak);
    assert!(read("2) The budget")[0].weak);
    assert!(!read("In 1996. the")[0].weak, "not at the start of the turn");
    assert!(agree("我在十五队", "I was on the fifteenth team"));
    assert!(
        agree("the twenty-first century", "le vingt et unième siècle")
            || agree("the twenty-first century", "le XXIe siècle")
    );
}

#[test]
fn many_approximations_against_many_figures_are_compared_quickly() {
    // A pathological turn: 75,000 counts and approximations on one side, 50,000 figures on the
    // other: compared pair by pair, billions of comparisons.
    let left: Vec<(usize, Quantity)> =
        read(&"dozens and une vingtaine, ".repeat(25_000)).into_iter().map(|q| (0, q)).collect();
    let right: Vec<(usize, Quantity)> =
        (0..50_000).flat_map(|k| read(&format!("{} ", 1000 + k))).map(|q| (0, q)).collect();
    assert_eq!(left.len(), 75_000, "dozens, une, vingtaine");
    let started = std::time::Instant::now();
    assert_eq!(unmatched(&right, &left).len(), 50_000, "figures no approximation covers");
    assert!(unmatched(&left, &right).len() >= 25_000);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn scale_characters_inside_words_confirm_and_never_stand_alone() {
    // A wish for a long life, `长命百岁`, rendered "live to a hundred".
    assert!(agree("祝你长命百岁。", "May you live to a hundred."));
    assert_eq!(values("祝你长命百岁。"), [(100.0, 100.0, false, true)], "weak: never flagged alone");
    // `万众一心`: ten thousand people of one mind.
    assert!(agree("大家万众一心。", "Ten thousand hearts beat as one."));
    // `年过半百`: past fifty; `上百名工人`: a hundred workers and more.
    assert!(agree("他已年过半百。", "He was past fifty."));
    assert!(agree("工厂里有上百名工人。", "The factory had more than a hundred workers."));
    assert!(!agree("工厂里有上百名工人。", "The factory had more than a thousand workers."));
    // Digits after a number keep their scale: `60亿` is six billion, not sixty and a billion.
    assert_eq!(one("60亿人"), (6e9, 6e9));
}

#[test]
fn a_white_circle_among_chinese_digits_is_a_zero() {
    assert!(agree("一九八○年春天", "in the spring of 1980"));
    assert!(values("他画了一个○。").iter().all(|v| v.0 != 0.0), "a circle alone is no digit");
    // A year of the sixties, its last digit left unsaid.
    assert!(agree("那是一九六几年的事。", "It happened back in the sixties."));
    assert!(!agree("那是一九六几年的事。", "It happened in 1975."));
}

#[test]
fn a_number_spelled_in_parts_and_cents_in_english() {
    assert_eq!(one("thirty-six thousand, five hundred and one blocks"), (36501.0, 36501.0));
    assert!(agree("三万六千五百零一块", "thirty-six thousand, five hundred and one blocks"));
    assert_eq!(one("thirty-six thousand five hundred blocks"), (36500.0, 36500.0));
    assert!(agree("世上百姓都很善良。", "The common people are kind."), "百姓 holds no hundred");
    // A list of numbers separated by commas stays a list.
    assert_eq!(values("two thousand, three").len(), 2);
    assert_eq!(values("twelve, five hundred").len(), 2);
    // `cinq cents` is five hundred; `five cents` is money.
    assert_eq!(one("cinq cents euros"), (500.0, 500.0));
    assert!(agree("他说：五分。", "He said: five cents."));
}

#[test]
fn two_neighbouring_numerals_are_an_approximation_like_this_or_that() {
    // A boy of eleven or twelve, rendered "a ten- or eleven-year-old": two guesses that meet.
    assert!(agree("一个十一二岁的小孩", "a ten- or eleven-year-old boy"));
    assert!(agree("十四五岁的少女", "a girl of thirteen or fourteen"));
    // Two or three hundred people, and the English that says the hundreds once.
    assert!(agree("只见二三百人排开", "between two and three hundred of them"));
    assert!(agree("六七十亿", "six or seven billion"));
    // A stated range is no approximation, and an approximation in the hundreds says a figure.
    assert!(!agree("二三百人", "about five hundred people"));
    assert!(!agree("de 60 à 70 euros", "from 50 to 70 euros"));
}

#[test]
fn titles_hyperboles_glued_words_and_ages() {
    // A sutra's title holds a number that is part of its name.
    assert!(agree("他有两部《四十二章经》。", "He had two copies of the sutra."));
    assert!(!agree("他有四十二部经。", "He had some sutras."));
    // A thousand times, ten thousand times: a manner of speaking.
    assert!(agree("说上一万遍也没用。", "It would do no good to say it a thousand times over."));
    assert!(agree("C'est mille fois mieux.", "It is ten times better."));
    assert!(!agree("He called me twelve times.", "Il m'a appelé onze fois."), "not a round number: a count");
    // The hyphen lost: `twentyone`.
    assert_eq!(one("I was twentyone that day"), (21.0, 21.0));
    // Chinese ages count a year more than Western ones, often.
    assert!(agree("父亲十四岁多一点。", "Father had just passed his fifteenth birthday."));
    assert!(agree("她今年十四岁。", "She is thirteen."));
    assert!(!agree("她今年十四岁。", "She is eleven."));
    assert!(!agree("他买了十四本书。", "He bought fifteen books."), "only ages");
}

#[test]
fn numbers_spelled_the_older_way() {
    // The King James English: units before tens, counting in scores.
    assert_eq!(one("he lived five and thirty years"), (35.0, 35.0));
    assert_eq!(one("an hundred and seven and twenty years old"), (127.0, 127.0));
    assert_eq!(one("threescore and ten palm trees"), (70.0, 70.0));
    assert_eq!(one("Moses was fourscore years old"), (80.0, 80.0));
    assert_eq!(one("an hundred threescore and fifteen years"), (175.0, 175.0));
    assert_eq!(one("a thousand seven hundred and threescore and fifteen shekels"), (1775.0, 1775.0));
    assert_eq!(one("six hundred thousand and three thousand and five hundred and fifty men"), (603550.0, 603550.0));
    assert_eq!(one("an hundred thousand and eight thousand and an hundred"), (108100.0, 108100.0));
    assert!(agree("二月二十七日", "on the seven and twentieth day of the second month"));
    assert!(agree("挪亚六百岁", "in the six hundredth year of Noah's life"));
    // And today's: `two thousand and five` is a year, `five thirty` a time (two numbers).
    assert_eq!(one("in two thousand and five"), (2005.0, 2005.0));
    assert_eq!(values("at five thirty").len(), 2);
    assert!(!agree("三十五年", "five and forty years"));
}

#[test]
fn a_round_number_in_words_answers_some_tens_or_hundreds() {
    assert!(agree("他后退几十步。", "He backed up ten paces."));
    assert!(agree("倒像有几百年似的。", "as if he had a hundred or two years ahead of him"));
    assert!(agree("花了几千两银子", "paid a thousand taels of silver"));
    assert!(!agree("花了几千两银子", "paid 1,000 taels of silver"), "a figure in digits says more");
    assert!(!agree("他后退几十步。", "He backed up a thousand paces."));
    // The whole of a share: `nine times out of ten` for `十拿九稳`.
    assert!(agree("赢钱也是十拿九稳。", "nine times out of ten I win anyway"));
    // `亿万`: untold numbers.
    assert!(agree("亿万百姓", "the common people"));
    // `百十年`: a hundred years or so, no thousand.
    assert!(agree("只须有百十年的时间。", "A hundred years was just about enough."));
}

#[test]
fn a_duration_in_another_unit_is_the_same_duration() {
    // A Commons answer: a post vacant `for over 12 months`, in French `durant plus de un an`.
    assert!(agree("no chief executive officer for over 12 months", "vacant durant plus de un an"));
    assert!(agree("dans quinze jours", "in two weeks"));
    assert!(agree("三个月后", "thirteen weeks later"));
    assert!(!agree("for over 12 months", "durant plus de deux ans"));
}

#[test]
fn noon_and_midnight_are_the_hours_they_name() {
    // A sitting's record: the vote at `12 noon`, in French `à midi`.
    assert!(agree("The vote will take place on Thursday at 12 noon.", "Le vote aura lieu jeudi à midi."));
    assert!(agree("Die Sitzung endet um 12 Uhr.", "La séance est levée à midi."));
    assert!(agree("at midnight", "à minuit"));
    assert!(agree("at 12 midnight", "à minuit"));
    assert!(!agree("The vote will take place at 11 a.m.", "Le vote aura lieu à midi."), "midi is no 11");
    assert!(read("à midi").iter().all(|q| q.weak), "noon is never flagged on its own");
    assert!(agree("The vote will take place at 12 noon.", "表决将在正午进行。"));
    assert!(agree("午夜时分", "at 12 midnight"));
    assert!(!agree("正午", "at 11 a.m."));
}

#[test]
fn chinese_clock_times() {
    assert!(agree("下午五点半开会", "the meeting is at 5.30 p.m."));
    assert!(agree("下午五点半开会", "la réunion est à 17 h 30"));
    assert!(agree("17点30分开会", "at 17:30"));
    assert!(agree("早上八点一刻", "at a quarter past eight, 8.15 a.m."));
    assert!(agree("5点半出发", "leaving at 5:30"));
    assert!(!agree("下午五点半开会", "the meeting is at 4.30 p.m."));
    // A 24-hour time against a 12-hour one, in words or digits.
    assert!(agree("她在晚上八点生下了孩子。", "She was born at eight o'clock."));
    assert!(agree("下午两点钟以后来", "sometime after two o'clock"));
    assert!(agree("晚上八点", "at 8 o'clock"));
    assert!(!agree("晚上八点", "at 9 o'clock"));
    // `点` that is no hour: three suggestions.
    assert_eq!(values("提了三点建议"), [(3.0, 3.0, false, true)]);
}

#[test]
fn years_said_by_their_last_two_digits_in_chinese() {
    assert!(agree("在六二至六五届的基础课中", "between the years of 1962 and 1965, in the intro course"));
    assert!(agree("五八年大炼钢铁", "in 1958 everyone made steel"));
    assert!(!agree("五八年大炼钢铁", "in 1959 everyone made steel"));
    assert!(!agree("六十二个人", "in 1962"), "sixty-two, with its ten, is no year");
    assert!(!agree("三五个人", "in 2005"), "three to five people");
    assert!(agree("大约七八年前", "some seven or eight years earlier"), "a few years, not 1978");
}

#[test]
fn a_lower_case_l_among_digits_is_a_scanned_one() {
    // A scanned Chinese novel wrote 1966 and 13 with an `l`.
    assert_eq!(one("那是l966年"), (1966.0, 1966.0));
    assert_eq!(one("他l3岁"), (13.0, 13.0));
    assert_eq!(one("in 19l6"), (1916.0, 1916.0));
    assert_eq!(values("the l and ll, hello"), []);
    // A scanned yearbook's climbing grade `( 1O )`; oxygen stays a name.
    assert_eq!(one("Bschütti ( 1O )"), (10.0, 10.0));
    assert_eq!(values("O2 et lO"), [(2.0, 2.0, false, true)]);
}

#[test]
fn a_measure_converted_into_another_unit_agrees_and_a_wrong_one_does_not() {
    // A novel's 20 km walked at night becomes "twelve miles" in its English translation.
    assert!(agree("已经走了二十公里", "we had walked twelve miles"));
    assert!(agree("三十里路", "ten miles of road"));
    assert!(agree("三斤酒", "three pounds of wine"));
    assert!(agree("une corde de 30 mètres", "a 100-foot rope"));
    assert!(!agree("已经走了二十公里", "we had walked two miles"));
}

#[test]
fn german_numbers_glued_to_a_suffix() {
    // A climber crossed the Grépon more than twenty times; the French says `plus de vingt fois`.
    assert_eq!(one("mehr als zwanzigmal den Grépon"), (20.0, 20.0));
    assert_eq!(one("dreimal"), (3.0, 3.0));
    assert_eq!(one("eine zehnfache Menge"), (10.0, 10.0));
    assert_eq!(one("die hundertjährigen Bäume"), (100.0, 100.0));
    // The thirties, as a summit book's pages were filled: `les années trente`.
    assert_eq!(one("in den dreissiger Jahren"), (30.0, 39.0));
    assert_eq!(one("die Dreißigerjahre"), (30.0, 39.0));
    // Once, or some day: no count.
    assert!(read("Es war einmal ein Berg.").is_empty());
    // A word that merely ends like one.
    assert!(read("Sie sprach mit dem Kellner.").is_empty());
}
