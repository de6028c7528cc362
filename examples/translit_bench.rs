//! Benchmark of transliteration (words per second, every system) and of cross-script name
//! matching (pairs per second, from strings and from prepared keys).
//!
//! Run: `cargo run --release --example translit_bench [FILE]` — FILE is Russian text to
//! use instead of the built-in news paragraph (it is repeated to about one million words).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Instant;
use sverka::model::Lang;
use sverka::translit::{NameKey, System, name_similarity, transliterate};

const PARAGRAPH: &str = "Президент Беларуси Александр Лукашенко провёл в Минске переговоры с губернатором \
Курской области Александром Хинштейном. Стороны обсудили поставки техники, строительство жилья и \
сотрудничество Гомельской, Могилёвской и Витебской областей с российскими регионами. Как сообщил \
пресс-секретарь Кремля Дмитрий Песков, Владимир Путин и Сергей Лавров ожидают подписания соглашения \
до конца года, а объём товарооборота уже превысил 50 миллиардов долларов.";

const NAMES: [(&str, &str); 12] = [
    ("Лукашенко", "Lukashenka"),
    ("Зеленского", "Zelenskyy"),
    ("Минске", "Minsk"),
    ("Курской", "Kursk"),
    ("Александр", "Alexander"),
    ("Песков", "Peskov"),
    ("Путин", "Pushkin"),
    ("Гомель", "Homel"),
    ("Тихановская", "Tsikhanouskaya"),
    ("Киеве", "Kyiv"),
    ("Хинштейном", "Khinshtein"),
    ("Лавров", "Lavrentyev"),
];

fn main() {
    let base = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).unwrap(),
        None => PARAGRAPH.to_string(),
    };
    let per = base.split_whitespace().count().max(1);
    let text = base.repeat(1_000_000 / per + 1);
    let words = text.split_whitespace().count();
    let word_list: Vec<&str> = text.split_whitespace().take(200_000).collect();
    println!("text: {words} words ({} MB)", text.len() / 1_000_000);
    let ru = Lang::ru();
    for system in System::ALL {
        let t = Instant::now();
        let out = transliterate(&text, &ru, system);
        let whole = words as f64 / t.elapsed().as_secs_f64();
        black_box(out);
        let t = Instant::now();
        for w in &word_list {
            black_box(transliterate(w, &ru, system));
        }
        let single = word_list.len() as f64 / t.elapsed().as_secs_f64();
        println!(
            "transliterate {:12} {:6.2} M words/s (one text)  {:6.2} M words/s (one call per word)",
            system.id(),
            whole / 1e6,
            single / 1e6
        );
    }
    let rounds = 50_000;
    let t = Instant::now();
    for _ in 0..rounds {
        for (c, l) in NAMES {
            black_box(name_similarity(black_box(c), black_box(l)));
        }
    }
    let n = (rounds * NAMES.len()) as f64;
    println!("name_similarity (strings)      {:8.0} pairs/s", n / t.elapsed().as_secs_f64());
    let cyr: Vec<NameKey> = NAMES.iter().map(|(c, _)| NameKey::from_cyrillic(c)).collect();
    let lat: Vec<NameKey> = NAMES.iter().map(|(_, l)| NameKey::from_latin(l)).collect();
    let t = Instant::now();
    let mut pairs = 0usize;
    for _ in 0..rounds / 12 {
        for c in &cyr {
            for l in &lat {
                black_box(c.similarity(l));
                pairs += 1;
            }
        }
    }
    println!("NameKey::similarity (prepared) {:8.0} pairs/s", pairs as f64 / t.elapsed().as_secs_f64());
}
