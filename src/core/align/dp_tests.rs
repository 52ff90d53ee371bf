//! How the DP's costs decide between link shapes, on units built by hand.

use super::dp::{self, Model};
use super::unit::{Ending, Unit};

fn unit(len: f32, end: Ending) -> Unit {
    Unit { end, ..Unit::narration(len) }
}

fn shapes(left: &[Unit], right: &[Unit], model: &Model) -> Vec<(usize, usize)> {
    dp::align(left, right, model).iter().map(|s| (s.i1 - s.i0, s.j1 - s.j0)).collect()
}

#[test]
fn an_introduction_goes_with_what_it_introduces() {
    // `Aber, o weh:` (12 letters) then the sentence it opens; the French says both in one.
    // By length alone it would join the sentence before (40 + 12 against 52).
    let left = [unit(40.0, Ending::Other), unit(12.0, Ending::Colon), unit(40.0, Ending::Other)];
    let right = [unit(52.0, Ending::Other), unit(44.0, Ending::Other)];
    let model = Model::new(1.0, &[], &[], false, 1_000);
    assert_eq!(shapes(&left, &right, &model), [(1, 1), (2, 1)]);
    let blind = Model { ends: [0.0; 3], ..model };
    assert_eq!(shapes(&left, &right, &blind), [(2, 1), (1, 1)], "the test fails without the ending");
}

#[test]
fn two_sentences_against_three_need_more_than_a_length_that_fits() {
    // A short sentence against a long one, then a long one against two: read as that, not as
    // one link of two against three that only the total length supports.
    let o = Ending::Other;
    let left = [unit(20.0, o), unit(80.0, o)];
    let right = [unit(50.0, o), unit(25.0, o), unit(25.0, o)];
    let model = Model::new(1.0, &[], &[], false, 1_000);
    assert_eq!(shapes(&left, &right, &model), [(1, 1), (1, 2)]);
    let mut cheap = model.clone();
    (cheap.shapes[2][3], cheap.shapes[3][2]) = (3.4, 3.4);
    assert_eq!(shapes(&left, &right, &cheap), [(2, 3)], "at the old cost, one link");
}

#[test]
fn a_speech_ends_where_its_translation_ends() {
    // `韦小宝笑道：“呸，你不会摔交！”` against "'You're hopeless!' cried Trinket with a grin." and
    // "'You obviously don't know the first thing about wrestling.'": the quotation closes after
    // the second English line, so both go with it, though the first alone fits the length.
    let unit = |len: f32, closes: bool| Unit { closes, ..self::unit(len, Ending::Other) };
    let left = [unit(30.0, true), unit(60.0, false)];
    let right = [unit(32.0, false), unit(14.0, true), unit(58.0, false)];
    let model = Model::new(1.0, &[], &[], false, 1_000);
    assert_eq!(shapes(&left, &right, &model), [(1, 2), (1, 1)]);
    let blind = Model { ends: [0.0; 3], ..model };
    assert_eq!(shapes(&left, &right, &blind), [(1, 1), (1, 2)], "the test fails without the quotation");
}
