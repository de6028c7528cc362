//! `sverka._sverka`, the native module of the Python package `sverka`: a thin layer over
//! the library. Every function converts its arguments, runs the library (the engine with
//! the CLI's defaults, `Config::default()` or `config=` merged into it) without the GIL,
//! and converts the result to plain Python data; the library's errors become Python
//! exceptions with its messages. The signatures and docs Python users see are in
//! `sverka/__init__.pyi`.

mod convert;
mod pair;

use pair::Pair;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use rayon::prelude::*;
use std::path::PathBuf;
use sverka::align::score::Link;
use sverka::batch::{Batch, Emit};
use sverka::engine::Engine;
use sverka::model::{Bead, Lang, Report, round_score};
use sverka::translit::System;

/// Aligns text `a` with text `b`: one dict per bead, in order.
#[pyfunction]
#[pyo3(signature = (a, b, langs = Some(vec![Some("en".to_string()), Some("ru".to_string())]), presegmented = false, mt_file = None, embed_url = None, config = None))]
#[expect(clippy::too_many_arguments, reason = "the keyword arguments of the Python function")]
fn align<'py>(
    py: Python<'py>,
    a: String,
    b: String,
    langs: Option<Vec<Option<String>>>,
    presegmented: bool,
    mt_file: Option<PathBuf>,
    embed_url: Option<String>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let pair = Pair { a, b, langs, presegmented, mt_file, embed_url, config: convert::config(config)? };
    let report = py.detach(move || pair.run(false)).map_err(convert::error)?;
    report.beads.iter().map(|bead| bead_dict(py, &report, bead)).collect()
}

/// Aligns `a` with `b` and checks the translation: one dict per finding.
#[pyfunction]
#[pyo3(signature = (a, b, langs = Some(vec![Some("en".to_string()), Some("ru".to_string())]), presegmented = false, mt_file = None, embed_url = None, config = None))]
#[expect(clippy::too_many_arguments, reason = "the keyword arguments of the Python function")]
fn check<'py>(
    py: Python<'py>,
    a: String,
    b: String,
    langs: Option<Vec<Option<String>>>,
    presegmented: bool,
    mt_file: Option<PathBuf>,
    embed_url: Option<String>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let pair = Pair { a, b, langs, presegmented, mt_file, embed_url, config: convert::config(config)? };
    let report = py.detach(move || pair.run(true)).map_err(convert::error)?;
    report.findings.iter().map(|finding| convert::serde_to_py(py, finding)).collect()
}

/// One bead as a dict: ids, texts, score, moved.
fn bead_dict<'py>(py: Python<'py>, report: &Report, bead: &Bead) -> PyResult<Bound<'py, PyDict>> {
    let row = sverka::report::bitext_row(report, bead);
    let dict = PyDict::new(py);
    dict.set_item("a", &bead.a)?;
    dict.set_item("b", &bead.b)?;
    dict.set_item("a_text", row.a)?;
    dict.set_item("b_text", row.b)?;
    dict.set_item("score", round_score(bead.score))?;
    dict.set_item("moved", bead.moved)?;
    Ok(dict)
}

/// Splits `text` into sentences (`lang` detected when `None`).
#[pyfunction]
#[pyo3(signature = (text, lang = None))]
fn segment(py: Python<'_>, text: String, lang: Option<String>) -> PyResult<Vec<String>> {
    let lang = match lang.as_deref() {
        None | Some("auto") => None,
        Some(code) => Some(sverka::lang::parse_known(code, "lang").map_err(convert::error)?),
    };
    let text = pair::text(&text, "text").map_err(convert::error)?;
    Ok(py.detach(move || {
        sverka::engine::document(&text, lang, false).sentences.into_iter().map(|s| s.text).collect()
    }))
}

/// Romanises Russian or Belarusian `text` under `system`.
#[pyfunction]
#[pyo3(signature = (text, lang = "ru", system = "bgn-pcgn"))]
fn translit(text: &str, lang: &str, system: &str) -> PyResult<String> {
    let lang = match lang.trim().to_ascii_lowercase().as_str() {
        "ru" => Lang::ru(),
        "be" => Lang::be(),
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown lang '{other}': use ru (Russian) or be (Belarusian)"
            )));
        }
    };
    let Some(system) = System::from_id(system.trim()) else {
        let ids: Vec<&str> = System::ALL.iter().map(|s| s.id()).collect();
        return Err(PyValueError::new_err(format!(
            "unknown system '{system}'; the systems are: {}",
            ids.join(", ")
        )));
    };
    Ok(sverka::translit::transliterate(text, &lang, system))
}

/// Strict and lax precision, recall and F1 of `test` against `gold` (vecalign text, or
/// lists of them pooled as `sverka score` pools files).
#[pyfunction]
fn score<'py>(
    py: Python<'py>,
    gold: &Bound<'py, PyAny>,
    test: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let gold = alignments(gold, "gold")?;
    let test = alignments(test, "test")?;
    if gold.len() != test.len() {
        return Err(PyValueError::new_err(format!(
            "gold has {} alignments but test has {}; give one test per gold, in the same order",
            gold.len(),
            test.len()
        )));
    }
    let docs: Vec<(Vec<Link>, Vec<Link>)> = gold.into_iter().zip(test).collect();
    convert::serde_to_py(py, &sverka::align::score::score(&docs))
}

/// `gold=` or `test=`: one vecalign text or a list of them, parsed.
fn alignments(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<Vec<Link>>> {
    let texts: Vec<String> = if let Ok(text) = value.cast::<PyString>() {
        vec![text.to_str()?.to_string()]
    } else {
        value.extract().map_err(|_| {
            PyTypeError::new_err(format!("{what} must be a vecalign text (str) or a list of them"))
        })?
    };
    let parse = |(i, text): (usize, &String)| {
        sverka::align::score::parse_vecalign(text).map_err(|e| {
            let which = if texts.len() > 1 { format!("{what}[{i}]") } else { what.to_string() };
            PyValueError::new_err(format!(
                "{which}: line {}: {}; each line must look like `[0, 1]:[2]`",
                e.line, e.message
            ))
        })
    };
    texts.iter().enumerate().map(parse).collect()
}

/// Answers manifest lines as `sverka batch` does: one JSON result line per line.
#[pyfunction]
#[pyo3(signature = (lines, emit = "ids", langs = None, presegmented = false, config = None, base_dir = None))]
fn batch<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    emit: &str,
    langs: Option<Vec<Option<String>>>,
    presegmented: bool,
    config: Option<&Bound<'py, PyAny>>,
    base_dir: Option<PathBuf>,
) -> PyResult<Vec<String>> {
    let emit = match emit {
        "ids" => Emit::Ids,
        "text" => Emit::Text,
        other => {
            return Err(PyValueError::new_err(format!("emit must be \"ids\" or \"text\", not {other:?}")));
        }
    };
    let mut config = convert::config(config)?;
    config.segment.presegmented |= presegmented;
    let (lang_a, lang_b) =
        pair::langs(langs.as_deref(), config.segment.presegmented).map_err(convert::error)?;
    let engine = Engine::new(config).map_err(convert::error)?;
    let batch =
        Batch::new(engine).langs(lang_a, lang_b).emit(emit).base_dir(base_dir.unwrap_or_else(|| ".".into()));
    let lines = manifest_lines(lines)?;
    Ok(py.detach(move || lines.par_iter().enumerate().map(|(i, line)| batch.answer(i + 1, line)).collect()))
}

/// `lines=`: any iterable of str or bytes, each one manifest line (a final line end is
/// dropped, as the CLI drops it).
fn manifest_lines(lines: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<u8>>> {
    if lines.is_instance_of::<PyString>() || lines.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "lines must be an iterable of lines (e.g. a list of str), not one string",
        ));
    }
    let mut out = Vec::new();
    for line in lines.try_iter()? {
        let line = line?;
        let mut bytes = if let Ok(s) = line.cast::<PyString>() {
            s.to_str()?.as_bytes().to_vec()
        } else if let Ok(b) = line.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else {
            return Err(PyTypeError::new_err(format!(
                "each line must be str or bytes, not {}",
                line.get_type()
            )));
        };
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        }
        out.push(bytes);
    }
    Ok(out)
}

/// The native module.
#[pymodule]
fn _sverka(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(align, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(translit, m)?)?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(batch, m)?)?;
    Ok(())
}
