//! The glossary TSV format: UTF-8, a header row naming the columns, `#` comment lines
//! and blank lines ignored. Columns (any order): `en` (required; the canonical English
//! form, then `|`-separated other accepted forms), `ru` and `be` (lemma forms,
//! `|`-separated), `variants` (English forms to reject, `|`-separated), `type`
//! (`person|place|org|term`, default `term`), `note` (source, usage) and the optional
//! `profile` (house-style profiles the row belongs to, `,`-separated; empty = always).

use super::{Entry, TermType};
use crate::error::{Error, Result};
use std::path::Path;

const COLUMNS: [&str; 7] = ["en", "ru", "be", "variants", "type", "note", "profile"];

/// Parses glossary TSV `text`; `path` names it in errors. Rows of a file whose name
/// says so get `default_profile` when they have no `profile` column.
///
/// # Errors
/// [`Error::Parse`] with the 1-based line of the first malformed row.
pub fn parse(text: &str, path: &Path, default_profile: Option<&str>) -> Result<Vec<Entry>> {
    let err = |line: usize, msg: String| Error::parse(path, line, msg);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((header_no, header)) = lines.next() else {
        return Err(err(
            1,
            "empty glossary: expected a header row such as 'en<TAB>ru<TAB>be<TAB>variants<TAB>type<TAB>note'"
                .into(),
        ));
    };
    let columns: Vec<String> = header.split('\t').map(|c| c.trim().to_ascii_lowercase()).collect();
    for (k, c) in columns.iter().enumerate() {
        if !COLUMNS.contains(&c.as_str()) {
            return Err(err(
                header_no + 1,
                format!("unknown column '{c}'; columns are {}", COLUMNS.join(", ")),
            ));
        }
        if columns[..k].contains(c) {
            return Err(err(header_no + 1, format!("column '{c}' appears twice in the header")));
        }
    }
    if !columns.iter().any(|c| c == "en") {
        return Err(err(
            header_no + 1,
            "the header has no 'en' column (is the first line the header?)".into(),
        ));
    }
    let mut out = Vec::new();
    for (no, line) in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() > columns.len() {
            let msg = format!("{} fields but the header has {} columns", fields.len(), columns.len());
            return Err(err(no + 1, msg));
        }
        out.push(row(&columns, &fields, default_profile).map_err(|m| err(no + 1, m))?);
    }
    Ok(out)
}

fn list(field: &str, sep: char) -> Vec<String> {
    field.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn row(columns: &[String], fields: &[&str], default_profile: Option<&str>) -> Result<Entry, String> {
    let get = |name: &str| {
        columns.iter().position(|c| c == name).and_then(|i| fields.get(i)).map_or("", |f| f.trim())
    };
    let mut en = list(get("en"), '|');
    if en.is_empty() {
        return Err("empty 'en' field: every row needs its canonical English form".into());
    }
    let canonical = en.remove(0);
    let kind = match get("type").to_ascii_lowercase().as_str() {
        "person" => TermType::Person,
        "place" => TermType::Place,
        "org" => TermType::Org,
        "term" | "" => TermType::Term,
        other => return Err(format!("type '{other}' is not one of person, place, org, term")),
    };
    let mut profiles = list(get("profile"), ',');
    if profiles.is_empty() {
        profiles.extend(default_profile.map(String::from));
    }
    let entry = Entry {
        en: canonical,
        en_alt: en,
        ru: list(get("ru"), '|'),
        be: list(get("be"), '|'),
        variants: list(get("variants"), '|'),
        kind,
        note: get("note").to_string(),
        profiles: profiles.iter().map(|p| p.to_ascii_lowercase()).collect(),
    };
    if entry.ru.is_empty() && entry.be.is_empty() && entry.variants.is_empty() {
        return Err(format!("'{}' has no ru, be or variants forms: nothing to match", entry.en));
    }
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_named_twice_is_a_header_error() {
        let err = parse("# c\nen\tru\ten\nA\tБ\tB\n", Path::new("g.tsv"), None).unwrap_err();
        assert_eq!(err.to_string(), "g.tsv:2: column 'en' appears twice in the header");
    }

    #[test]
    fn rows_parse_with_lists_and_comments() {
        let text = "# comment\nen\tru\tbe\tvariants\ttype\tnote\nKyiv\tКиев\tКіеў\tKiev\tplace\tAP\n\n";
        let e = parse(text, Path::new("g.tsv"), None).expect("parses");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].variants, vec!["Kiev"]);
        assert_eq!(e[0].kind, TermType::Place);
    }

    #[test]
    fn the_profile_column_scopes_rows() {
        let text = "en\tru\tvariants\tprofile\nKyiv\tКиев\tKiev\t\nKiev\tКиев\tKyiv\tTass, Old\n";
        let e = parse(text, Path::new("g.tsv"), None).expect("parses");
        assert!(e[0].profiles.is_empty());
        assert_eq!(e[1].profiles, vec!["tass", "old"]);
        let g = super::super::Glossary::new(e);
        assert_eq!(g.with_profile(Some("TASS")).expect("known").entries[0].en, "Kiev");
        assert_eq!(g.with_profile(None).expect("base").entries[0].en, "Kyiv");
        let named = parse("en\tru\nKyiv\tКиев\n", Path::new("ap.tsv"), Some("ap")).expect("parses");
        assert_eq!(named[0].profiles, vec!["ap"]);
    }

    #[test]
    fn malformed_rows_name_their_line() {
        let text = "en\tru\ttype\nKyiv\tКиев\tcity\n";
        let msg = parse(text, Path::new("g.tsv"), None).expect_err("bad type").to_string();
        assert!(msg.starts_with("g.tsv:2:"), "{msg}");
        let text = "en\tru\n\tКиев\n";
        assert!(parse(text, Path::new("g.tsv"), None).expect_err("no en").to_string().contains("g.tsv:2:"));
        let text = "en\tru\nKyiv\tКиев\textra\n";
        assert!(parse(text, Path::new("g.tsv"), None).is_err());
        let text = "english\tru\n";
        assert!(parse(text, Path::new("g.tsv"), None).expect_err("bad header").to_string().contains(":1:"));
    }
}
