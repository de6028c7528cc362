"""sverka: align a translation with its original sentence by sentence, and check names,
numbers and coverage. A thin layer over the Rust library: the same engine and defaults
as the ``sverka`` command line. Signatures and docs: ``__init__.pyi``."""

from ._sverka import __version__, align, batch, check, score, segment, translit

__all__ = ["__version__", "align", "batch", "check", "score", "segment", "translit"]
