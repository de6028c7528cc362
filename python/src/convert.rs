//! Crossing the border between Python and Rust: JSON-shaped values both ways (the
//! library's serde types become plain dicts and lists; a config dict becomes a
//! [`Config`]), and the library's errors as Python exceptions carrying its messages.

use pyo3::exceptions::{
    PyConnectionError, PyFileNotFoundError, PyOSError, PyRuntimeError, PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::Value;
use sverka::config::Config;

/// The library's error as the Python exception a Python user expects: `FileNotFoundError`
/// or `OSError` for files, `ValueError` for bad input, `ConnectionError` for a service.
pub fn error(e: sverka::Error) -> PyErr {
    let message = e.to_string();
    match e {
        sverka::Error::Io { error, .. } if error.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(message)
        }
        sverka::Error::Io { .. } => PyOSError::new_err(message),
        sverka::Error::NotText { .. } | sverka::Error::Parse { .. } | sverka::Error::Invalid(_) => {
            PyValueError::new_err(message)
        }
        sverka::Error::Network { .. } => PyConnectionError::new_err(message),
        _ => PyRuntimeError::new_err(message),
    }
}

/// A JSON value as Python data: dicts, lists, str, int, float, bool, None.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            (None, None) => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// A serializable value of the library as Python data.
pub fn serde_to_py<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    to_py(py, &value)
}

/// Python data (dicts with str keys, lists, tuples, str, int, float, bool, None) as JSON.
///
/// # Errors
/// `TypeError` naming `what` for anything else.
pub fn from_py(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        return Ok(match value.extract::<i64>() {
            Ok(i) => Value::from(i),
            Err(_) => Value::from(value.extract::<u64>()?),
        });
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| PyValueError::new_err(format!("{what}: {} is not a finite number", f.value())));
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_string()));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (key, item) in dict.iter() {
            let key: String = key.extract().map_err(|_| {
                PyTypeError::new_err(format!("{what}: keys must be str, not {}", key.get_type()))
            })?;
            let item = from_py(&item, &format!("{what}.{key}"))?;
            map.insert(key, item);
        }
        return Ok(Value::Object(map));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items: PyResult<Vec<Value>> = value.try_iter()?.map(|item| from_py(&item?, what)).collect();
        return Ok(Value::Array(items?));
    }
    Err(PyTypeError::new_err(format!("{what}: cannot use a value of type {}", value.get_type())))
}

/// `config=`: `None` (the CLI's defaults), a TOML string, or a dict; either is merged
/// into [`Config::default`] as `--config FILE` is, unknown keys being errors.
///
/// # Errors
/// `ValueError` with the library's message for an unknown key or a bad value;
/// `TypeError` for a config of another type.
pub fn config(config: Option<&Bound<'_, PyAny>>) -> PyResult<Config> {
    let Some(config) = config.filter(|c| !c.is_none()) else { return Ok(Config::default()) };
    if let Ok(text) = config.cast::<PyString>() {
        return Config::from_toml(text.to_str()?).map_err(|e| PyValueError::new_err(format!("config: {e}")));
    }
    if !config.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "config must be a TOML string or a dict, not {}",
            config.get_type()
        )));
    }
    let value = from_py(config, "config")?;
    let parsed: Config =
        serde_json::from_value(value).map_err(|e| PyValueError::new_err(format!("config: {e}")))?;
    parsed.validate().map_err(|e| PyValueError::new_err(format!("config: {e}")))?;
    Ok(parsed)
}
