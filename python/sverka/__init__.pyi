"""sverka: align a translation with its original sentence by sentence, and check names,
numbers and coverage. Every function runs the Rust library with the defaults of the
``sverka`` command line (``config`` overrides them as ``--config FILE`` does), releases
the GIL while it works, and raises ``ValueError`` (bad input, unknown language or config
key), ``FileNotFoundError``/``OSError`` (files) or ``ConnectionError`` (an embeddings
service) with the library's message."""

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypedDict

__version__: str

class Bead(TypedDict):
    """One bead: sentences of A and of B that translate each other."""

    a: list[int]
    """0-based ids of the A sentences (empty for a 0-1 bead)."""
    b: list[int]
    """0-based ids of the B sentences (empty for a 1-0 bead)."""
    a_text: str
    """The A sentences joined with a space."""
    b_text: str
    """The B sentences joined with a space."""
    score: float
    """Confidence in [0, 1], rounded to 3 decimals (as in ``sverka align --format json``)."""
    moved: bool
    """Whether the bead was moved out of document order (a crossing bead)."""

class Occurrence(TypedDict, total=False):
    """One place of a finding found in more than one place."""

    sentence: int
    bead: int
    found: str

class Finding(TypedDict, total=False):
    """One finding of the checks, as in ``sverka check --format json``."""

    check: str
    """``glossary-variant``, ``glossary-missing``, ``name-inconsistent``, ``number-mismatch``,
    ``omission``, ``addition``, ``version-name`` or ``weak-alignment``."""
    severity: Literal["info", "warning", "error"]
    side: Literal["a", "b"]
    sentence: int
    """Sentence id on that side."""
    bead: int
    """Index of the bead the sentence is in, when known."""
    found: str
    expected: str
    """The canonical form, when there is one."""
    message: str
    occurrences: list[Occurrence]
    """Every place (the first being ``sentence``) when the problem is found in more than one."""

class Scores(TypedDict):
    """Strict and lax precision, recall and F1 (``sverka score --json``)."""

    p_strict: float
    r_strict: float
    f1_strict: float
    p_lax: float
    r_lax: float
    f1_lax: float
    test_links: int
    gold_links_nonnull: int

Langs = Sequence[str | None] | None
"""Two language codes (A, B), e.g. ``("en", "ru")``; ``None`` for a side (or for both) is
detected. Codes: en, ru, be (own rules) or uk, de, fr, … (language-neutral rules)."""

Config = str | Mapping[str, Any] | None
"""A TOML text or a dict merged into the default configuration (``sverka config`` prints
every key); unknown keys are a ``ValueError``."""

def align(
    a: str,
    b: str,
    langs: Langs = ("en", "ru"),
    presegmented: bool = False,
    mt_file: str | os.PathLike[str] | None = None,
    embed_url: str | None = None,
    config: Config = None,
) -> list[Bead]:
    """Aligns text ``a`` (usually the translation) with text ``b`` (the original): the beads
    of ``sverka align A B``, in order, covering every sentence of both sides once.

    ``presegmented``: one sentence per line. ``mt_file``: a ready translation of B into
    A's language, one line per sentence of B (``--mt-file``). ``embed_url``: OpenAI-style
    base URL of an embeddings service (``--embed-url``)."""

def check(
    a: str,
    b: str,
    langs: Langs = ("en", "ru"),
    presegmented: bool = False,
    mt_file: str | os.PathLike[str] | None = None,
    embed_url: str | None = None,
    config: Config = None,
) -> list[Finding]:
    """Aligns ``a`` with ``b`` and checks glossary terms, names, numbers and coverage: the
    findings of ``sverka check A B --format json``, in document order. The house-style
    profile is ``config={"check": {"profile": "belta"}}``."""

def segment(text: str, lang: str | None = None) -> list[str]:
    """Splits ``text`` into sentences (``sverka segment``); ``lang`` is detected when
    ``None`` or ``"auto"``. Line breaks inside a sentence are kept."""

def translit(text: str, lang: Literal["ru", "be"] = "ru", system: str = "bgn-pcgn") -> str:
    """Romanises Russian or Belarusian ``text`` (``sverka translit``). Systems: bgn-pcgn,
    iso9, gost-7.79-b, icao-9303, ala-lc, wikipedia, by-2007, by-2023, mvd-2010, un."""

def score(gold: str | Sequence[str], test: str | Sequence[str]) -> Scores:
    """Scores the vecalign alignment ``test`` against ``gold`` (``sverka score``). Lists
    hold one alignment per document; their counts are pooled."""

def batch(
    lines: Iterable[str | bytes],
    emit: Literal["ids", "text"] = "ids",
    langs: Langs = None,
    presegmented: bool = False,
    config: Config = None,
    base_dir: str | os.PathLike[str] | None = None,
) -> list[str]:
    """Answers manifest lines as ``sverka batch`` does, byte for byte: one JSON result line
    (without a line end) per input line, in order, ``id`` first; a bad line gets an
    ``{"id", "error"}`` line. ``emit="text"`` adds the aligned texts (``--emit text``).
    ``langs`` applies where a line names none; relative paths are resolved against
    ``base_dir`` (default: the working directory). The lines are processed in parallel."""
