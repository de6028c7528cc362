//! `sverka check` from the command line: exit codes (0 clean, 1 findings at or above
//! `--fail-on`, 2 errors), JSON findings, profiles, user glossaries (TSV and TBX)
//! layered over the built-in one, and errors that name the file and line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus(pair: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_corpus").join(pair)
}

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sverka")).arg("check").args(args).output().expect("runs sverka")
}

fn pair_args(pair: &str, orig: &str) -> Vec<String> {
    let dir = corpus(pair);
    vec![
        dir.join("en.txt").display().to_string(),
        dir.join(format!("{orig}.txt")).display().to_string(),
        "--presegmented".into(),
        "--langs".into(),
        format!("en,{orig}"),
    ]
}

fn run(pair: &str, orig: &str, extra: &[&str]) -> Output {
    let mut args = pair_args(pair, orig);
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    check(&refs)
}

fn findings(out: &Output) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    json["findings"].as_array().expect("findings array").clone()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

#[test]
fn a_clean_pair_exits_0() {
    let out = run("12-ru-clean-kazakhstan", "ru", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(findings(&out).is_empty());
}

#[test]
fn errors_exit_1_with_json_findings() {
    let out = run("01-ru-kursk", "ru", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let f = findings(&out);
    let variant = f.iter().find(|f| f["check"] == "glossary-variant").expect("variant finding");
    assert_eq!(variant["found"], "Zelensky");
    assert_eq!(variant["expected"], "Zelenskyy");
    assert_eq!(variant["severity"], "error");
    assert_eq!(variant["side"], "a");
    assert_eq!(variant["sentence"], 2);
    assert!(f.iter().any(|f| f["check"] == "number-mismatch" && f["found"] == "2023"));
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = tempfile::tempdir().expect("tempdir");
    let en = write(dir.path(), "en.txt", "The President met the farmers.\n");
    let ru = write(dir.path(), "ru.txt", "Александр Лукашенко встретился с аграриями.\n");
    let args = [en.to_str().expect("path"), ru.to_str().expect("path"), "--presegmented", "--langs", "en,ru"];
    assert_eq!(check(&args).status.code(), Some(0), "a warning does not fail by default");
    let mut strict = args.to_vec();
    strict.extend(["--fail-on", "warning"]);
    assert_eq!(check(&strict).status.code(), Some(1));
}

#[test]
fn the_text_report_names_the_finding() {
    let out = run("06-be-mogilev", "be", &["--format", "text"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Lukashenka"), "{text}");
}

#[test]
fn profiles_change_the_house_spelling() {
    let default = findings(&run("08-ru-reuters", "ru", &["--format", "json"]));
    assert!(default.iter().any(|f| f["found"] == "Alexander Lukashenko"), "BelTA style rejects Alexander");
    let reuters = findings(&run("08-ru-reuters", "ru", &["--format", "json", "--profile", "reuters"]));
    assert!(!reuters.iter().any(|f| f["found"] == "Alexander Lukashenko"));
    assert!(reuters.iter().any(|f| f["found"] == "Zelenskyy" && f["expected"] == "Zelenskiy"));
    assert!(reuters.iter().any(|f| f["found"] == "Kursk Region" && f["expected"] == "Kursk region"));
}

#[test]
fn an_unknown_profile_exits_2() {
    let out = run("01-ru-kursk", "ru", &["--profile", "nosuch"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nosuch") && err.contains("reuters"), "{err}");
    // The profile is checked before any MT request: nothing listens at this URL, and the
    // error is still about the profile.
    let out = run(
        "01-ru-kursk",
        "ru",
        &["--profile", "nosuch", "--mt", "libretranslate", "--mt-url", "http://127.0.0.1:9", "--no-cache"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nosuch") && !err.contains("127.0.0.1"), "{err}");
}

#[test]
fn a_malformed_glossary_exits_2_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = write(dir.path(), "bad.tsv", "# mine\nen\tru\ttype\nKyiv\tКиев\tplace\nOdesa\tОдесса\tcity\n");
    let out = run("01-ru-kursk", "ru", &["--glossary", g.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.tsv:4:") && err.contains("city"), "{err}");
}

#[test]
fn user_glossaries_layer_over_the_builtin_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let g = write(
        dir.path(),
        "house.tsv",
        "en\tru\tbe\tvariants\ttype\tnote\n\
         Alexander Lukashenko\tАлександр Лукашенко\tАляксандр Лукашэнка\tAleksandr Lukashenko\tperson\tour style\n",
    );
    let out =
        run("12-ru-clean-kazakhstan", "ru", &["--format", "json", "--glossary", g.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let f = findings(&out);
    assert!(
        f.iter().any(|f| f["found"] == "Aleksandr Lukashenko" && f["expected"] == "Alexander Lukashenko")
    );
}

#[test]
fn tbx_glossaries_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tbx = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="c1">
<langSec xml:lang="en">
<termSec><term>Astana</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
<termSec><term>Nur-Sultan</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
</langSec>
<langSec xml:lang="ru"><termSec><term>Астана</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>"#;
    let g = write(dir.path(), "terms.tbx", tbx);
    let en = write(dir.path(), "en.txt", "Tokayev invited him to Nur-Sultan.\n");
    let ru = write(dir.path(), "ru.txt", "Токаев пригласил его в Астану.\n");
    let out = check(&[
        en.to_str().expect("path"),
        ru.to_str().expect("path"),
        "--presegmented",
        "--langs",
        "en,ru",
        "--format",
        "json",
        "--glossary",
        g.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let f = findings(&out);
    assert!(f.iter().any(|f| f["check"] == "glossary-variant" && f["found"] == "Nur-Sultan"), "{f:?}");
}

/// JSON findings of `sverka check` on two presegmented texts written to a temp dir.
fn check_texts(en: &str, ru: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().expect("tempdir");
    let en = write(dir.path(), "en.txt", en);
    let ru = write(dir.path(), "ru.txt", ru);
    let mut args = vec![en.to_str().expect("path"), ru.to_str().expect("path"), "--presegmented"];
    args.extend(["--langs", "en,ru", "--format", "json"]);
    args.extend(extra);
    findings(&check(&args))
}

/// The spelling findings (`name-inconsistent`, `glossary-variant`) as (found, expected).
fn name_findings(f: &[serde_json::Value]) -> Vec<(String, String)> {
    f.iter()
        .filter(|f| f["check"] == "name-inconsistent" || f["check"] == "glossary-variant")
        .map(|f| {
            (
                f["found"].as_str().unwrap_or_default().into(),
                f["expected"].as_str().unwrap_or_default().into(),
            )
        })
        .collect()
}

#[test]
fn regression_a_feminine_surname_is_not_the_masculine_one_spelled_another_way() {
    let en =
        "President Zelenskyy arrived in Minsk.\nHis wife Olena Zelenska also came.\nZelenskyy spoke first.\n";
    let ru = "Президент Зеленский прибыл в Минск.\nЕго жена Елена Зеленская тоже приехала.\nЗеленский выступил первым.\n";
    assert_eq!(name_findings(&check_texts(en, ru, &[])), []);
    let en = "Ivan Ivanov arrived.\nHis wife Anna Ivanova came too.\nIvanov spoke first.\n";
    let ru = "Иван Иванов прибыл.\nЕго жена Анна Иванова тоже приехала.\nИванов выступил первым.\n";
    assert_eq!(name_findings(&check_texts(en, ru, &[])), []);
    // A real inconsistency beside the feminine form is still reported.
    let en =
        "President Zelenskyy arrived.\nHis wife Olena Zelenska came.\nZelensky spoke.\nZelenskyy left.\n";
    let ru = "Президент Зеленский прибыл.\nЕго жена Елена Зеленская приехала.\nЗеленский выступил.\nЗеленский уехал.\n";
    assert_eq!(name_findings(&check_texts(en, ru, &[])), [("Zelensky".to_string(), "Zelenskyy".to_string())]);
}

#[test]
fn spellings_expect_the_house_spelling_of_the_profile_with_one_finding_a_span() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/belta-kursk");
    let (en, ru) = (sample.join("en-inconsistent.txt"), sample.join("ru.txt"));
    for (profile, first, surname) in [
        ("belta", "Aleksandr Lukashenko", "Zelenskyy"),
        ("ap", "Alexander Lukashenko", "Zelenskyy"),
        ("reuters", "Alexander Lukashenko", "Zelenskiy"),
    ] {
        let args = [
            en.to_str().expect("path"),
            ru.to_str().expect("path"),
            "--format",
            "json",
            "--profile",
            profile,
        ];
        let f = findings(&check(&args));
        let names = name_findings(&f);
        assert!(names.iter().any(|(_, e)| e == first), "{profile}: {names:?}");
        assert!(names.iter().any(|(_, e)| e == surname), "{profile}: {names:?}");
        for (found, expected) in &names {
            assert_ne!(found, expected);
        }
        // Never two findings on one stretch of text.
        let mut spans: Vec<(u64, String)> = Vec::new();
        for g in &f {
            let places = match g["occurrences"].as_array() {
                Some(all) => all.iter().map(|o| (o["sentence"].as_u64(), o["found"].clone())).collect(),
                None => vec![(g["sentence"].as_u64(), g["found"].clone())],
            };
            for (sentence, found) in places {
                let (sentence, found) =
                    (sentence.unwrap_or(0), found.as_str().unwrap_or_default().to_string());
                for (s, other) in &spans {
                    let overlap = other.contains(found.as_str()) || found.contains(other.as_str());
                    assert!(
                        !(*s == sentence && overlap),
                        "{profile}: two findings on '{found}' in {sentence}"
                    );
                }
                spans.push((sentence, found));
            }
        }
    }
}

#[test]
fn runs_that_cannot_mean_anything_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let en = write(dir.path(), "en.txt", "Lukashenko arrived in Minsk on 5 May with two ministers.\n");
    let ru = write(dir.path(), "ru.txt", "Лукашенко прибыл в Минск 5 мая с двумя министрами.\n");
    let ru2 = write(dir.path(), "ru2.txt", "Лукашенко прибыл в Минск 5 мая с двумя министрами.\n");
    let be = write(dir.path(), "be.txt", "Лукашэнка прыбыў у Мінск 5 мая з двума міністрамі.\n");
    let path = |p: &PathBuf| p.display().to_string();
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).to_string();
    // --langs swapped: exit 2 naming the fix.
    let out = check(&[&path(&en), &path(&ru), "--langs", "ru,en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("swapped (--langs en,ru)"), "{}", stderr(&out));
    // Latin letters said to be Russian on one side.
    let out = check(&[&path(&en), &path(&ru), "--langs", "ru,ru"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // Both Russian, detected: nothing to check.
    let out = check(&[&path(&ru), &path(&ru2)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("both read as 'ru'"), "{}", stderr(&out));
    // Neither English: a warning, and the run goes on.
    let out = check(&[&path(&ru), &path(&be)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("sverka: warning: neither A ('ru') nor B ('be') is English"),
        "{}",
        stderr(&out)
    );
    // A format that cannot carry findings: a warning; the exit code still by findings.
    let changed =
        write(dir.path(), "changed.txt", "Lukashenko arrived in Minsk on 6 May with two ministers.\n");
    let out = check(&[&path(&changed), &path(&ru), "--format", "tsv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--format tsv cannot carry findings"), "{}", stderr(&out));
    let out = check(&[&path(&changed), &path(&ru), "--format", "json"]);
    assert!(!stderr(&out).contains("cannot carry"));
}

#[test]
fn two_english_versions_are_compared_and_the_original_says_which_departs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = write(
        dir.path(),
        "a.txt",
        "Alexander Lukashenko heard a report on the harvest.\n\nThe yield is 32 kg/ha.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Aleksandr Lukashenko heard a report on the harvest.\n\nThe average yield was 32 centners per hectare.\n",
    );
    let o = write(
        dir.path(),
        "o.txt",
        "Александр Лукашенко заслушал доклад об уборке урожая.\n\nСредняя урожайность - 32 ц/га.\n",
    );
    let path = |p: &PathBuf| p.display().to_string();
    let out = check(&[&path(&a), &path(&b), "--langs", "en,en", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let f = findings(&out);
    assert!(
        f.iter().any(|f| f["check"] == "version-name" && f["found"] == "Alexander" && f["side"] == "a"),
        "{f:?}"
    );
    let out = check(&[&path(&a), &path(&b), "--langs", "en,en", "--original", &path(&o), "--format", "json"]);
    let f = findings(&out);
    let unit = f.iter().find(|f| f["check"] == "number-mismatch").expect("the unit");
    assert_eq!((unit["side"].as_str(), unit["found"].as_str()), (Some("a"), Some("32 kg/ha")));
    assert!(unit["message"].as_str().unwrap_or_default().contains("version A departs"), "{unit}");
    // --original needs two English versions.
    let out = check(&[&path(&a), &path(&o), "--original", &path(&o)]);
    assert_eq!(out.status.code(), Some(2));
}
