#!/usr/bin/env python3
"""Check every pair folder under eval/realcopy/real/ (Python standard library only).

For each folder:
  * the two raw texts exist (en.txt and ru.txt | be.txt | en2.txt, as meta.json "langs" says);
  * every line of A.segs / B.segs is a substring of the raw text (inner line breaks of the
    raw text read as spaces), the segments occur in document order without overlapping,
    and no non-blank raw text is left outside every segment;
  * gold holds one bead per line, `[i, j]:[k]`, covering every sentence id of both sides
    exactly once, with ids in range, English-side beads in English order (a bead labelled
    "moved" in meta.json may break the order);
  * meta.json parses and has source / langs / kind / edits / labels, labels point at gold lines;
  * problems.tsv has the header side, sentence, kind, found, expected, note and every row
    names a side (a|b), a sentence id of that side and a known kind; a non-empty `found`
    must occur in that sentence.

Usage: python3 validate.py [FOLDER...]      (default: every folder beside this script)
Exit status 0 when every folder passes, 1 otherwise.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BEAD = re.compile(r'^\[([0-9, ]*)\]:\[([0-9, ]*)\](?::[0-9.]+)?$')
KINDS = {"translation", "rewrite", "versions"}
PROBLEM_KINDS = {"glossary-variant", "name-inconsistent", "number-mismatch",
                 "omission", "addition", "version-name"}
PROBLEM_HEADER = ["side", "sentence", "kind", "found", "expected", "note"]
SIDE_FILES = {"en": "en", "ru": "ru", "be": "be", "en2": "en2"}


def flat(text):
    """Raw text with every run of whitespace read as one space."""
    return re.sub(r'\s+', ' ', text)


def ids(s):
    s = s.strip()
    return [int(x) for x in s.split(',')] if s else []


def check_segs(raw, segs, name, errs):
    text = flat(raw)
    pos = 0
    for n, seg in enumerate(segs):
        if not seg.strip():
            errs.append(f"{name}: segment {n} is empty")
            continue
        if seg != seg.strip():
            errs.append(f"{name}: segment {n} has leading/trailing spaces")
        at = text.find(seg, pos)
        if at < 0:
            where = text.find(seg)
            why = "not in the raw text" if where < 0 else "out of document order (or overlaps)"
            errs.append(f"{name}: segment {n} {why}: {seg[:60]!r}")
            continue
        gap = text[pos:at]
        if gap.strip():
            errs.append(f"{name}: raw text before segment {n} is in no segment: {gap.strip()[:60]!r}")
        pos = at + len(seg)
    rest = text[pos:]
    if rest.strip():
        errs.append(f"{name}: raw text after the last segment is in no segment: {rest.strip()[:60]!r}")


def check_folder(folder):
    errs = []
    name = os.path.basename(folder.rstrip('/'))

    def path(f):
        return os.path.join(folder, f)

    try:
        meta = json.load(open(path("meta.json"), encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{name}: meta.json: {e}"]
    for key in ("source", "langs", "kind", "edits", "labels"):
        if key not in meta:
            errs.append(f"{name}: meta.json lacks {key!r}")
    langs = meta.get("langs", [])
    if meta.get("kind") not in KINDS:
        errs.append(f"{name}: meta.json kind {meta.get('kind')!r} not in {sorted(KINDS)}")
    if len(langs) != 2 or langs[0] != "en":
        errs.append(f"{name}: meta.json langs must be ['en', X], got {langs!r}")
        return errs
    side_b = "en2" if langs[1] == "en" else langs[1]
    if side_b not in SIDE_FILES:
        errs.append(f"{name}: unknown second language {langs[1]!r}")
        return errs
    if (meta.get("kind") == "versions") != (side_b == "en2"):
        errs.append(f"{name}: kind 'versions' goes with langs ['en', 'en'] and only with them")
    src = meta.get("source", {})
    for s in ("en", side_b):
        if s not in src:
            errs.append(f"{name}: meta.json source lacks {s!r}")

    segs = {}
    for side in ("en", side_b):
        try:
            raw = open(path(side + ".txt"), encoding="utf-8").read()
            lines = open(path(side + ".segs"), encoding="utf-8").read().split("\n")
        except OSError as e:
            errs.append(f"{name}: {e}")
            return errs
        if lines and lines[-1] == "":
            lines.pop()
        segs[side] = lines
        check_segs(raw, lines, f"{name}/{side}.segs", errs)
    na, nb = len(segs["en"]), len(segs[side_b])

    labels = meta.get("labels", {})
    moved_lines = {int(k) for k, v in labels.items() if "moved" in v}
    seen_a, seen_b = {}, {}
    beads = []
    try:
        gold = open(path("gold"), encoding="utf-8").read().split("\n")
    except OSError as e:
        errs.append(f"{name}: {e}")
        return errs
    gold = [g for g in gold if g.strip()]
    for ln, line in enumerate(gold):
        m = BEAD.match(line.strip())
        if not m:
            errs.append(f"{name}/gold line {ln}: not a bead: {line!r}")
            continue
        a, b = ids(m.group(1)), ids(m.group(2))
        if not a and not b:
            errs.append(f"{name}/gold line {ln}: empty on both sides")
        for i in a:
            if not 0 <= i < na:
                errs.append(f"{name}/gold line {ln}: English id {i} out of range 0..{na - 1}")
            if i in seen_a:
                errs.append(f"{name}/gold line {ln}: English id {i} already in line {seen_a[i]}")
            seen_a[i] = ln
        for k in b:
            if not 0 <= k < nb:
                errs.append(f"{name}/gold line {ln}: {side_b} id {k} out of range 0..{nb - 1}")
            if k in seen_b:
                errs.append(f"{name}/gold line {ln}: {side_b} id {k} already in line {seen_b[k]}")
            seen_b[k] = ln
        beads.append((ln, a, b))
    for i in range(na):
        if i not in seen_a:
            errs.append(f"{name}/gold: English sentence {i} in no bead")
    for k in range(nb):
        if k not in seen_b:
            errs.append(f"{name}/gold: {side_b} sentence {k} in no bead")
    # English order: beads with English ids appear with rising first id, except moved ones.
    last = -1
    for ln, a, b in beads:
        if a and ln not in moved_lines:
            if min(a) < last:
                errs.append(f"{name}/gold line {ln}: English ids out of order (not labelled moved)")
            last = max(last, max(a))
    for k in labels:
        if not k.isdigit() or int(k) >= len(gold):
            errs.append(f"{name}: meta.json label key {k!r} is not a gold line index")

    try:
        rows = open(path("problems.tsv"), encoding="utf-8").read().split("\n")
    except OSError as e:
        errs.append(f"{name}: {e}")
        return errs
    rows = [r for r in rows if r.strip()]
    if not rows or rows[0].split("\t") != PROBLEM_HEADER:
        errs.append(f"{name}/problems.tsv: header must be {PROBLEM_HEADER}")
    for n, row in enumerate(rows[1:], 1):
        cols = row.split("\t")
        if len(cols) != len(PROBLEM_HEADER):
            errs.append(f"{name}/problems.tsv row {n}: {len(cols)} columns")
            continue
        side, sent, kind, found = cols[0], cols[1], cols[2], cols[3]
        if side not in ("a", "b"):
            errs.append(f"{name}/problems.tsv row {n}: side {side!r}")
            continue
        if kind not in PROBLEM_KINDS:
            errs.append(f"{name}/problems.tsv row {n}: kind {kind!r}")
        lines = segs["en"] if side == "a" else segs[side_b]
        if not sent.isdigit() or int(sent) >= len(lines):
            errs.append(f"{name}/problems.tsv row {n}: sentence {sent!r} out of range")
            continue
        if found and found not in lines[int(sent)]:
            errs.append(f"{name}/problems.tsv row {n}: found {found!r} not in sentence {sent}")
    return errs


def main(argv):
    folders = argv[1:] or sorted(
        os.path.join(HERE, d) for d in os.listdir(HERE)
        if os.path.isdir(os.path.join(HERE, d)) and not d.startswith(('.', '_')))
    bad = 0
    for f in folders:
        errs = check_folder(f)
        if errs:
            bad += 1
            for e in errs:
                print(e)
        else:
            print(f"ok  {os.path.basename(f.rstrip('/'))}")
    print(f"{len(folders) - bad}/{len(folders)} folders pass")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
