//! Latin-vs-Latin spelling variants of one name: `Aleksandr`/`Alexander`,
//! `Maxim`/`Maksim`, `Zelensky`/`Zelenskyy`/`Zelenskiy`, `Dmitry`/`Dmitri`.
//!
//! Both words are folded to a key that erases the usual romanisation choices (x = ks,
//! kh = h, w = v, y = i, final -iy/-yy/-ii = -i, doubled letters, diacritics); two
//! names are variants when their keys are equal, or differ by one edit (two for long
//! names) while sharing their consonant skeleton. Derived words (`Russia`/`Russian`)
//! and gender pairs (`Zelenskyy`/`Zelenska`, `Ivanov`/`Ivanova`) are not variants.

/// The folded key of a name (lowercase ASCII).
pub fn key(word: &str) -> String {
    let mut s = String::with_capacity(word.len() + 2);
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => s.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'ė' | 'ě' => s.push('e'),
            'í' | 'ì' | 'î' | 'ï' => s.push('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => s.push('o'),
            'ú' | 'ù' | 'û' | 'ü' | 'ŭ' => s.push('u'),
            'č' | 'ć' => s.push_str("ch"),
            'š' | 'ś' => s.push_str("sh"),
            'ž' | 'ź' | 'ż' => s.push_str("zh"),
            'ł' => s.push('l'),
            'ń' => s.push('n'),
            'ğ' => s.push('g'),
            'ş' => s.push_str("sh"),
            'ç' => s.push('c'),
            c if c.is_ascii_alphabetic() => s.push(c),
            _ => {}
        }
    }
    let mut s =
        s.replace("kh", "h").replace('x', "ks").replace("ck", "k").replace('w', "v").replace("ph", "f");
    for end in ["iy", "yy", "ii", "ij", "yi"] {
        if s.len() > end.len() + 2 && s.ends_with(end) {
            s.truncate(s.len() - end.len());
            s.push('i');
            break;
        }
    }
    let s = s.replace(['y', 'j'], "i");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The consonant skeleton of a key: its first letter, then its consonants other than
/// `v` (which alternates with `u` in Belarusian-based spellings: `-ouskaya`/`-ovskaya`).
pub fn skeleton(key: &str) -> String {
    let mut chars = key.chars();
    let first = chars.next().map(String::from).unwrap_or_default();
    first + &chars.filter(|c| !"aeiouv".contains(*c)).collect::<String>()
}

/// Edit distance between two short ASCII strings.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether one key is the other plus an ending (derivation, plural, feminine), also
/// once final vowels are set aside (`Ukraine`/`Ukrainian`, `China`/`Chinese`,
/// `Europe`/`European`; not `Lukashenko`/`Lukashenka`, which differ in a vowel only).
pub fn derived(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.starts_with(short) {
        return true;
    }
    let trim = |k: &str| k.trim_end_matches(['a', 'e', 'i', 'o', 'u']).len();
    let (ts, tl) = (&short[..trim(short)], &long[..trim(long)]);
    let (ts, tl) = if ts.len() <= tl.len() { (ts, tl) } else { (tl, ts) };
    tl.len() >= ts.len() + 2 && tl.starts_with(ts)
}

/// Masculine surname endings and their feminine forms, as folded keys ([`key`]: `y`
/// and `j` are `i`, a final `-iy`/`-yy`/`-ii`/`-ij`/`-yi` is `-i`): `-sky`, `-skyy`,
/// `-skiy`, `-skii`, `-skij`, `-ski`, `-tsky` ↔ `-ska`, `-skaya`, `-skaia`, `-skaja`,
/// `-tska`; `-oy` ↔ `-aya`; `-y`/`-iy` ↔ `-aya`; `-ov` ↔ `-ova`; `-ev`/`-yov` ↔
/// `-eva`; `-in`/`-yn` ↔ `-ina`.
const GENDER_ENDINGS: &[(&str, &[&str])] = &[
    ("ski", &["ska", "skaia"]),
    ("oi", &["aia"]),
    ("i", &["aia"]),
    ("ov", &["ova"]),
    ("iov", &["eva", "iova"]),
    ("ev", &["eva"]),
    ("in", &["ina"]),
];

/// Whether two keys are the masculine and the feminine form of one surname
/// (`Zelenskyy`/`Zelenska`, `Ivanov`/`Ivanova`, `Tolstoy`/`Tolstaya`), also when the
/// stems are spelled differently but share their consonant skeleton
/// (`Tsikhanouski`/`Tsikhanovskaya`).
pub fn gender_pair(a: &str, b: &str) -> bool {
    masculine_feminine(a, b) || masculine_feminine(b, a)
}

/// Whether `masc` ends in a masculine ending and `fem`, on a like stem, in one of its
/// feminine forms.
fn masculine_feminine(masc: &str, fem: &str) -> bool {
    GENDER_ENDINGS.iter().any(|(m, fs)| {
        let Some(ms) = masc.strip_suffix(m) else { return false };
        fs.iter().filter_map(|f| fem.strip_suffix(f)).any(|fs| like_stems(ms, fs))
    })
}

/// Two surname stems that are one stem, maybe spelled two ways: equal, or with the
/// same consonant skeleton and at most two edits apart (at least three letters each).
fn like_stems(a: &str, b: &str) -> bool {
    a.len() >= 3 && b.len() >= 3 && (a == b || (skeleton(a) == skeleton(b) && distance(a, b) <= 2))
}

/// Whether `a` and `b` (two different written words) look like one name spelled two
/// ways.
pub fn variants(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    if ka.len() < 4 || kb.len() < 4 || a == b {
        return false;
    }
    if ka == kb {
        return true;
    }
    if derived(&ka, &kb) || gender_pair(&ka, &kb) || skeleton(&ka) != skeleton(&kb) {
        return false;
    }
    let shortest = ka.len().min(kb.len());
    let d = distance(&ka, &kb);
    (d <= 1 && shortest >= 6) || (d <= 2 && shortest >= 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanisation_variants_are_variants() {
        for (a, b) in [
            ("Aleksandr", "Alexander"),
            ("Maxim", "Maksim"),
            ("Zelensky", "Zelenskyy"),
            ("Zelenskiy", "Zelenskyy"),
            ("Dmitry", "Dmitri"),
            ("Sergei", "Sergey"),
            ("Ryzhenkov", "Rizhenkov"),
            ("Lukashenko", "Lukashenka"),
            ("Natalya", "Natalia"),
            ("Tsikhanouskaya", "Tsikhanovskaya"),
        ] {
            assert!(variants(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn different_words_are_not_variants() {
        for (a, b) in [
            ("Russia", "Russian"),
            ("Belarus", "Belarusian"),
            ("Zelenskyy", "Zelenska"),
            ("Zelenskiy", "Zelenskaya"),
            ("Ivanov", "Ivanova"),
            ("Putin", "Patna"),
            ("Austria", "Australia"),
            ("Minister", "Ministry"),
            ("Kazan", "Kazakh"),
            ("These", "Those"),
            ("Though", "Through"),
            ("Ukraine", "Ukrainian"),
            ("Europe", "European"),
            ("China", "Chinese"),
            ("Centre", "Center"),
            ("Slovakia", "Slovenia"),
            ("Moscow", "Moscow"),
        ] {
            assert!(!variants(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn masculine_and_feminine_surnames_are_gender_pairs() {
        for (a, b) in [
            ("Zelenskyy", "Zelenska"),
            ("Zelensky", "Zelenska"),
            ("Zelenskiy", "Zelenskaya"),
            ("Zelenskii", "Zelenskaia"),
            ("Zelenskij", "Zelenskaja"),
            ("Zelenski", "Zelenska"),
            ("Trotsky", "Trotska"),
            ("Syrskyi", "Syrska"),
            ("Tsikhanouski", "Tsikhanouskaya"),
            ("Tsikhanouski", "Tsikhanovskaya"),
            ("Tolstoy", "Tolstaya"),
            ("Trubetskoy", "Trubetskaya"),
            ("Bely", "Belaya"),
            ("Ivanov", "Ivanova"),
            ("Gorbachev", "Gorbacheva"),
            ("Gorbachyov", "Gorbacheva"),
            ("Putin", "Putina"),
            ("Borodin", "Borodina"),
        ] {
            assert!(gender_pair(&key(a), &key(b)), "{a} / {b}");
            assert!(gender_pair(&key(b), &key(a)), "{b} / {a}");
            assert!(!variants(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn spelling_variants_are_not_gender_pairs() {
        for (a, b) in [
            ("Zelensky", "Zelenskyy"),
            ("Aleksandr", "Alexander"),
            ("Lukashenko", "Lukashenka"),
            ("Natalya", "Natalia"),
            ("Gomel", "Homel"),
            ("Dmitry", "Dmitri"),
        ] {
            assert!(!gender_pair(&key(a), &key(b)), "{a} / {b}");
        }
    }
}
