//! `sverka translit`: one output line per TEXT, systems and languages chosen by flags,
//! clear errors with exit code 2.

use std::process::{Command, Output};

fn sverka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sverka")).arg("translit").args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

/// (arguments, expected stdout)
const CASES: &[(&[&str], &str)] = &[
    (&["Жуков", "ЖУКОВ"], "Zhukov\nZHUKOV\n"),
    (&["--system", "wikipedia", "Владимир Зеленский"], "Vladimir Zelensky\n"),
    (&["--system", "iso9", "Щёлково"], "Ŝëlkovo\n"),
    (&["--system", "icao-9303", "Артём Краевой"], "Artem Kraevoi\n"),
    (&["--lang", "be", "Гродна"], "Hrodna\n"),
    (&["--lang", "be", "--system", "by-2007", "Беларусь"], "Bielaruś\n"),
    (&["--lang", "be", "--system", "by-2023", "Шаркаўшчына"], "Sharkawshchyna\n"),
    (&["--lang", "be", "--system", "mvd-2010", "Аляксандр", "МІХАІЛ"], "Aliaksandr\nMIKHAIL\n"),
    (&["--system", "un", "Вязьма"], "Vjazʹma\n"),
    (&["--system", "ala-lc", "Якутск"], "I͡Akutsk\n"),
];

#[test]
fn prints_one_line_per_text() {
    for (args, want) in CASES {
        let o = sverka(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(stdout(&o), *want, "{args:?}");
    }
}

#[test]
fn unknown_system_lists_the_valid_ids_and_exits_2() {
    let o = sverka(&["--system", "bgn", "Минск"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown --system 'bgn'"), "{err}");
    for id in [
        "bgn-pcgn",
        "iso9",
        "gost-7.79-b",
        "icao-9303",
        "ala-lc",
        "wikipedia",
        "by-2007",
        "by-2023",
        "mvd-2010",
        "un",
    ] {
        assert!(err.contains(id), "{id} missing from: {err}");
    }
    assert!(o.stdout.is_empty());
}

#[test]
fn unknown_language_and_missing_text_exit_2() {
    let o = sverka(&["--lang", "uk", "Київ"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ru (Russian), be (Belarusian) or auto"));
    let o = sverka(&[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn belarusian_letters_are_never_left_in_cyrillic() {
    // The default --lang auto reads і and ў as Belarusian.
    let o = sverka(&["Магілёў", "Могилёв"]);
    assert_eq!(stdout(&o), "Mahilyow\nMogilëv\n");
    assert!(o.stderr.is_empty());
    // Said to be Russian: a warning, and Belarusian rules.
    let o = sverka(&["--lang", "ru", "Магілёў"]);
    assert_eq!(stdout(&o), "Mahilyow\n");
    assert!(String::from_utf8_lossy(&o.stderr).contains("sverka: warning: 'Магілёў' has Belarusian letters"));
    // Letters no table has are named.
    let o = sverka(&["Київ"]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("no rule for ї"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
