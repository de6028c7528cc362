//! The built-in glossary data (glossary/*.tsv, glossary/profiles/*.tsv) kept tidy, and each
//! house-style profile checked against sentences in its outlet's own spelling.
//!
//! Data rules: rows sorted by their canonical `en` (compared in lower case, then as written),
//! no canonical `en` twice in a file, a note (where the spelling was seen) on every row, no
//! variant that is also an accepted form of its own row (for a person, the surname of an
//! accepted form is accepted too), Russian and Belarusian forms on every person and place, and
//! one file per built-in profile.
//!
//! Profile rules: English sentences as the outlet wrote them (quoted, some shortened, from its English copy,
//! source and date beside each) pass `--profile OUTLET` with no glossary-variant,
//! glossary-missing or name-inconsistent finding; the same sentence as another outlet writes it
//! is reported, with the outlet's own spelling as the expected one. The Russian sides were
//! written for this test; they render the English sentence by sentence.

use std::path::{Path, PathBuf};
use sverka::check::{self, CheckOptions};
use sverka::glossary::{BUILTIN_PROFILES, Entry, Glossary, TermType, tsv};
use sverka::model::{Alignment, Bead, CheckKind, Document, Finding, Lang};

fn glossary_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary")
}

/// (file name, profile, rows) of every built-in glossary file.
fn builtin_files() -> Vec<(String, Option<String>, Vec<Entry>)> {
    let mut out = Vec::new();
    for (dir, profiled) in [(glossary_dir(), false), (glossary_dir().join("profiles"), true)] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("glossary folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        paths.sort();
        for path in paths {
            let profile = profiled.then(|| path.file_stem().expect("stem").to_string_lossy().into_owned());
            let text = std::fs::read_to_string(&path).expect("glossary file");
            let rows = tsv::parse(&text, &path, profile.as_deref()).expect("parses");
            out.push((path.display().to_string(), profile, rows));
        }
    }
    out
}

fn sort_key(e: &Entry) -> (String, String) {
    (e.en.to_lowercase(), e.en.clone())
}

/// The accepted English forms of a row, with the surnames of a person's multiword forms.
fn accepted(e: &Entry) -> Vec<String> {
    let mut forms: Vec<String> = std::iter::once(e.en.clone()).chain(e.en_alt.iter().cloned()).collect();
    if e.kind == TermType::Person {
        let surnames: Vec<String> =
            forms.iter().filter_map(|f| f.trim().rsplit_once(' ').map(|(_, s)| s.to_string())).collect();
        forms.extend(surnames);
    }
    forms
}

#[test]
fn every_profile_file_is_a_built_in_profile_and_back() {
    let files: Vec<String> = builtin_files().into_iter().filter_map(|(_, p, _)| p).collect();
    let mut builtin: Vec<String> = BUILTIN_PROFILES.iter().map(|p| p.to_string()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    builtin.sort();
    assert_eq!(sorted, builtin, "glossary/profiles/*.tsv and BUILTIN_PROFILES differ");
    let known = Glossary::builtin().profiles();
    for p in &files {
        assert!(known.contains(p), "profile {p} is not compiled in (src/glossary/mod.rs BUILTIN)");
        Glossary::builtin().with_profile(Some(p)).expect("profile resolves");
    }
    let compiled = Glossary::builtin_checked().expect("built-in glossary parses").len();
    let on_disk: usize = builtin_files().iter().map(|(_, _, rows)| rows.len()).sum();
    assert_eq!(compiled, on_disk, "a glossary file on disk is not compiled in, or rows were merged");
}

#[test]
fn rows_are_sorted_by_en_and_unique_within_each_file() {
    for (name, _, rows) in builtin_files() {
        for pair in rows.windows(2) {
            assert!(
                sort_key(&pair[0]) < sort_key(&pair[1]),
                "{name}: '{}' must come after '{}' (rows sorted by en, lower case first, then as written; \
                 equal keys are duplicates)",
                pair[0].en,
                pair[1].en
            );
        }
    }
}

#[test]
fn every_row_is_noted_and_people_and_places_have_both_originals() {
    for (name, _, rows) in builtin_files() {
        for e in &rows {
            assert!(!e.note.trim().is_empty(), "{name}: '{}' has no note saying where it was seen", e.en);
            if matches!(e.kind, TermType::Person | TermType::Place) {
                assert!(!e.ru.is_empty(), "{name}: '{}' has no Russian form", e.en);
                assert!(!e.be.is_empty(), "{name}: '{}' has no Belarusian form", e.en);
            }
        }
    }
}

#[test]
fn no_variant_is_an_accepted_form_of_its_own_row() {
    for (name, _, rows) in builtin_files() {
        for e in &rows {
            let ok = accepted(e);
            for v in &e.variants {
                // A variant differing only in case (`Kursk region`) is intended: it is matched
                // case-sensitively. The same text exactly is a contradiction.
                assert!(!ok.contains(v), "{name}: '{}' both accepts and rejects '{v}'", e.en);
            }
            let mut seen = Vec::new();
            for v in &e.variants {
                assert!(!seen.contains(&v), "{name}: '{}' lists the variant '{v}' twice", e.en);
                seen.push(v);
            }
        }
    }
}

// ---- profiles against their outlets' copy ----

fn doc(lang: Lang, lines: &[&str]) -> Document {
    Document { lang, sentences: sverka::segment::presegmented(&lines.join("\n")) }
}

fn one_to_one(n: usize) -> Alignment {
    Alignment { beads: (0..n).map(|i| Bead::new(vec![i], vec![i], 1.0)).collect() }
}

/// Glossary and name findings of `en` against `ru` (aligned line by line) under `profile`.
fn name_findings(en: &[&str], ru: &[&str], profile: Option<&str>) -> Vec<Finding> {
    assert_eq!(en.len(), ru.len());
    let glossary = Glossary::builtin().with_profile(profile).expect("built-in profile");
    check::run(
        &doc(Lang::en(), en),
        &doc(Lang::ru(), ru),
        &one_to_one(en.len()),
        &glossary,
        &CheckOptions::default(),
    )
    .into_iter()
    .filter(|f| {
        matches!(
            f.check,
            CheckKind::GlossaryVariant | CheckKind::GlossaryMissing | CheckKind::NameInconsistent
        )
    })
    .collect()
}

fn assert_clean(outlet: &str, en: &[&str], ru: &[&str]) {
    let found = name_findings(en, ru, Some(outlet));
    assert!(found.is_empty(), "--profile {outlet} on {outlet}'s own copy: {found:#?}");
}

/// `found` in `en` is reported as a glossary variant under `profile`, expecting `expected`.
fn assert_flagged(profile: &str, en: &[&str], ru: &[&str], found: &str, expected: &str) {
    let findings = name_findings(en, ru, Some(profile));
    assert!(
        findings.iter().any(|f| f.check == CheckKind::GlossaryVariant
            && f.found == found
            && f.expected.as_deref() == Some(expected)),
        "--profile {profile}: '{found}' → '{expected}' not reported in {findings:#?}"
    );
}

// eng.belta.by: 21.07.2022 (recognition of DPR/LPR), 19.09.2024 (Pushilin), 27.06.2024
// (Ryzhenkov), 25.10.2024 (seed article, Kursk Region and Zelenskyy).
const BELTA_EN: [&str; 5] = [
    "The official recognition by Belarus of the self-proclaimed Donetsk People's Republic (DPR) and Lugansk People's Republic (LPR) will not make any difference for these regions, Belarusian President Aleksandr Lukashenko said.",
    "It would not bring any benefits to Lugansk, Donetsk, or Crimea in any way.",
    "Belarus always cooperated with Donetsk Oblast as part of Ukraine.",
    "Belarusian President Aleksandr Lukashenko has appointed Maksim Ryzhenkov Minister of Foreign Affairs of Belarus.",
    "Let's hope that the Kursk Region will be liberated, but now they want peace even more than Volodymyr Zelenskyy himself.",
];
const BELTA_RU: [&str; 5] = [
    "Официальное признание Беларусью самопровозглашенных Донецкой народной республики (ДНР) и Луганской народной республики (ЛНР) ничего не изменит для этих регионов, заявил Президент Беларуси Александр Лукашенко.",
    "Это никак не принесло бы пользы ни Луганску, ни Донецку, ни Крыму.",
    "Беларусь всегда сотрудничала с Донецкой областью в составе Украины.",
    "Президент Беларуси Александр Лукашенко назначил Максима Рыженкова министром иностранных дел Беларуси.",
    "Будем надеяться, что Курская область будет освобождена, но сейчас они хотят мира даже больше, чем сам Владимир Зеленский.",
];

// tass.com: 19.08.2024 (politics/1830917), 18.04.2023 (world/1605909), 23.01.2023
// (politics/1565865), 31.12.2021 (politics/1383167).
const TASS_EN: [&str; 5] = [
    "There is no doubt for Russia that the current regime in Kiev is criminal and terrorist, Foreign Minister Sergey Lavrov has told the daily Izvestia.",
    "The subsequent statements by the Poroshenko and Zelensky regimes are confined to pure Russophobia, Lavrov stated.",
    "Belarusian President Alexander Lukashenko met with Acting Head of the Donetsk People's Republic (DPR) Denis Pushilin in Minsk on Tuesday.",
    "Russian forces control about 11 settlements in the Kharkov region on the border with the Lugansk People's Republic (LPR).",
    "The Kremlin is satisfied with the talks, Assistant to the President of Russia for Foreign Policy Yury Ushakov stated.",
];
const TASS_RU: [&str; 5] = [
    "Для России нет сомнений, что нынешний режим в Киеве является преступным и террористическим, заявил министр иностранных дел Сергей Лавров газете «Известия».",
    "Последующие заявления режимов Порошенко и Зеленского сводятся к чистой русофобии, подчеркнул Лавров.",
    "Президент Белоруссии Александр Лукашенко во вторник встретился в Минске с врио главы Донецкой народной республики (ДНР) Денисом Пушилиным.",
    "Российские силы контролируют около 11 населенных пунктов в Харьковской области на границе с Луганской народной республикой (ЛНР).",
    "Кремль удовлетворен переговорами, заявил помощник президента России по внешней политике Юрий Ушаков.",
];

// Reuters copy: global-world-news.com 27.02.2022 (Lukashenko urges Kyiv), devdiscourse.com 2024
// (villages in the Kursk region).
const REUTERS_EN: [&str; 2] = [
    "Belarusian leader Alexander Lukashenko called on Kyiv on Sunday to sit down and hold talks with Russia so that Ukraine does not lose its statehood.",
    "Russia's Defence Ministry said on Monday that its forces had retaken control of two villages in the Kursk region from Ukraine.",
];
const REUTERS_RU: [&str; 2] = [
    "Белорусский лидер Александр Лукашенко в воскресенье призвал Киев сесть за стол переговоров с Россией, чтобы Украина не потеряла государственность.",
    "Минобороны России в понедельник сообщило, что его силы вернули под контроль два села в Курской области.",
];

// AP: HuffPost's report of Lukashenko's interview with The Associated Press, 05.05.2022, and
// AP's Zelenskyy (CNN 17.03.2022 on AP's spelling).
const AP_EN: [&str; 2] = [
    "Belarus President Alexander Lukashenko said he hadn't expected the Russian offensive to drag on this way, in an interview with The Associated Press.",
    "Lukashenko said Ukrainian President Volodymyr Zelenskyy should sit down at the negotiating table.",
];
const AP_RU: [&str; 2] = [
    "Президент Беларуси Александр Лукашенко в интервью Associated Press заявил, что не ожидал, что российская операция так затянется.",
    "Лукашенко заявил, что президенту Украины Владимиру Зеленскому следует сесть за стол переговоров.",
];

#[test]
fn belta_profile_passes_eng_belta_by_copy_and_rejects_other_outlets_spellings() {
    assert_clean("belta", &BELTA_EN, &BELTA_RU);
    // TASS's first name and Kiev's Ukrainian-based spelling of AP and Reuters.
    assert_flagged("belta", &TASS_EN[2..3], &TASS_RU[2..3], "Alexander Lukashenko", "Aleksandr Lukashenko");
    let luhansk = ["It would not bring any benefits to Luhansk, Donetsk, or Crimea in any way."];
    assert_flagged("belta", &luhansk, &BELTA_RU[1..2], "Luhansk", "Lugansk");
    let kyiv = [REUTERS_EN[0].replace("Alexander", "Aleksandr")];
    assert_flagged("belta", &[kyiv[0].as_str()], &REUTERS_RU[..1], "Kyiv", "Kiev");
    assert_flagged("belta", &REUTERS_EN[1..], &REUTERS_RU[1..], "Kursk region", "Kursk Region");
    let maxim = [BELTA_EN[3].replace("Maksim", "Maxim")];
    assert_flagged("belta", &[maxim[0].as_str()], &BELTA_RU[3..4], "Maxim Ryzhenkov", "Maksim Ryzhenkov");
}

#[test]
fn the_default_style_rejects_belta_s_lugansk_but_the_belta_profile_accepts_it() {
    // The shared rows keep the Ukrainian-based spellings of AP and US BGN; the belta profile
    // is what matches eng.belta.by.
    let found = name_findings(&BELTA_EN[..2], &BELTA_RU[..2], None);
    for lugansk in ["Lugansk People's Republic", "Lugansk"] {
        assert!(found.iter().any(|f| f.found == lugansk), "{lugansk}: {found:#?}");
    }
    assert!(name_findings(&BELTA_EN[..2], &BELTA_RU[..2], Some("belta")).is_empty());
}

#[test]
fn tass_profile_passes_tass_copy_and_rejects_other_outlets_spellings() {
    assert_clean("tass", &TASS_EN, &TASS_RU);
    assert_flagged("tass", &BELTA_EN[3..4], &BELTA_RU[3..4], "Aleksandr Lukashenko", "Alexander Lukashenko");
    assert_flagged("tass", &REUTERS_EN[..1], &REUTERS_RU[..1], "Kyiv", "Kiev");
    assert_flagged("tass", &BELTA_EN[4..], &BELTA_RU[4..], "Volodymyr Zelenskyy", "Volodymyr Zelensky");
    let sergei = [TASS_EN[0].replace("Sergey", "Sergei")];
    assert_flagged("tass", &[sergei[0].as_str()], &TASS_RU[..1], "Sergei Lavrov", "Sergey Lavrov");
    let luhansk = [TASS_EN[3].replace("Lugansk", "Luhansk")];
    assert_flagged(
        "tass",
        &[luhansk[0].as_str()],
        &TASS_RU[3..4],
        "Luhansk People's Republic",
        "Lugansk People's Republic",
    );
}

#[test]
fn reuters_profile_passes_reuters_copy_and_rejects_other_outlets_spellings() {
    assert_clean("reuters", &REUTERS_EN, &REUTERS_RU);
    assert_flagged("reuters", &BELTA_EN[4..], &BELTA_RU[4..], "Kursk Region", "Kursk region");
    assert_flagged("reuters", &BELTA_EN[4..], &BELTA_RU[4..], "Zelenskyy", "Zelenskiy");
    assert_flagged(
        "reuters",
        &BELTA_EN[3..4],
        &BELTA_RU[3..4],
        "Aleksandr Lukashenko",
        "Alexander Lukashenko",
    );
}

#[test]
fn ap_profile_passes_ap_copy_and_rejects_other_outlets_spellings() {
    assert_clean("ap", &AP_EN, &AP_RU);
    assert_flagged("ap", &BELTA_EN[3..4], &BELTA_RU[3..4], "Aleksandr Lukashenko", "Alexander Lukashenko");
    assert_flagged("ap", &BELTA_EN[4..], &BELTA_RU[4..], "Kursk Region", "Kursk region");
    let zelensky = [AP_EN[1].replace("Zelenskyy", "Zelensky")];
    assert_flagged("ap", &[zelensky[0].as_str()], &AP_RU[1..], "Zelensky", "Zelenskyy");
}
