//! Language codes on the command line (`--lang`, `--langs`, `--to`, a manifest's
//! `langs`): which ones sverka accepts, and the one error message for the others.

use anyhow::bail;
use sverka::model::Lang;

/// Languages the options accept: en, ru, be first (their own segmentation rules), then
/// those that get the language-neutral rules.
pub const KNOWN: &[&str] = &[
    "en", "ru", "be", "uk", "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "ga", "gl",
    "hr", "hu", "is", "it", "kk", "lt", "lv", "mk", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sq",
    "sr", "sv", "tr",
];

/// Parses `code` as one of the [`KNOWN`] languages; `what` names the option in the error.
pub fn parse_known(code: &str, what: &str) -> anyhow::Result<Lang> {
    match Lang::parse(code) {
        Some(lang) if KNOWN.contains(&lang.code()) => Ok(lang),
        _ => bail!(
            "{what}: unknown language '{code}'; use en, ru or be (own rules), or one of {} \
             (language-neutral rules)",
            KNOWN[3..].join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_parse_and_others_are_refused() {
        for (code, ok) in [
            ("en", true),
            ("RU", true),
            (" be ", true),
            ("de", true),
            ("is", true),
            ("xx", false),
            ("", false),
        ] {
            assert_eq!(parse_known(code, "--langs").is_ok(), ok, "{code:?}");
        }
        let err = parse_known("eng", "--langs").unwrap_err().to_string();
        assert!(err.starts_with("--langs: unknown language 'eng'"), "{err}");
    }
}
