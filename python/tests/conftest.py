"""Shared fixtures: the repository root and the ``sverka`` binary the package's results
are compared with (``$SVERKA_BIN``, which scripts/test sets, else a debug build)."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "belta-kursk"


@pytest.fixture(scope="session")
def sverka_bin() -> str:
    path = os.environ.get("SVERKA_BIN")
    if path:
        return path
    subprocess.run(["cargo", "build", "--quiet", "--bin", "sverka"], cwd=ROOT, check=True)
    return str(ROOT / "target" / "debug" / "sverka")


@pytest.fixture(scope="session")
def cli(sverka_bin):
    """Runs ``sverka ARGS`` in the repository root; returns stdout (exit code 0 or 1)."""

    def run(*args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [sverka_bin, *args], cwd=ROOT, input=stdin, capture_output=True, text=True
        )
        assert done.returncode in (0, 1), f"sverka {' '.join(args)}: {done.stderr}"
        return done.stdout

    return run


def read(path: pathlib.Path) -> str:
    return path.read_text(encoding="utf-8")
