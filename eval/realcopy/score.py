#!/usr/bin/env python3
"""Score `sverka align` on realcopy pairs (raw wire copy and presegmented gold sentences).

    python3 eval/realcopy/score.py [DIR ...] [--bin PATH] [--json] [--reference reference_score.py]
    python3 eval/realcopy/score.py --self-test

A DIR is a set of pair folders (eval/realcopy/synth, eval/realcopy/real) or one pair folder.
A pair folder holds en.txt and ru.txt|be.txt (raw text), en.segs and ru.segs|be.segs (gold
sentences), gold (vecalign beads over the segs ids) and, optionally, meta.json.

Every pair is aligned twice:
* raw: `sverka align en.txt ru.txt --langs en,ru --format json`. System and gold sentences are
  located in the raw text by sequential search (white space runs count as one space); each gold
  sentence goes to the system sentence it overlaps most, and each system bead becomes the bead
  of the gold sentences assigned to its sentences.
* presegmented: `--presegmented` on the .segs files, so that ids are gold ids (alignment alone).
Both are scored with the metric of shared/eval/README.md (strict and lax P/R/F1, pooled).
Python 3 standard library only.
"""

import argparse
import json
import os
import re
import shlex
import subprocess

# Extra options for every `sverka align` run (--align-args).
EXTRA = []
import sys
import tempfile
from pathlib import Path

LINK = re.compile(r'^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\]')
BINS = [(0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.0)]
MODES = ('raw', 'preseg')

# ---------------------------------------------------------------------------------------------
# Beads and the metric
# ---------------------------------------------------------------------------------------------


def parse_ids(text):
    """'3, 4' -> (3, 4)."""
    return tuple(int(x) for x in text.split(',') if x.strip())


def parse_vecalign(text):
    """Beads of a vecalign text as (a ids, b ids) tuples, in file order."""
    beads = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = LINK.match(line)
        if not m:
            raise ValueError(f'line {n}: not a vecalign bead: {line!r}')
        beads.append((parse_ids(m.group(1)), parse_ids(m.group(2))))
    return beads


def format_vecalign(beads):
    """Beads as vecalign lines."""
    return ''.join(f'[{", ".join(map(str, a))}]:[{", ".join(map(str, b))}]\n' for a, b in beads)


def hits(reference, hypothesis):
    """(strict, lax, n) of the distinct non-empty beads of `hypothesis` against `reference`.

    Strict: the identical bead is in the reference. Lax: a sentence of its first side and one
    of its second side lie in one reference bead (a null bead can only be a strict hit).
    """
    ref = {(a, b) for a, b in reference if a or b}
    hyp = {(a, b) for a, b in hypothesis if a or b}
    linked = {}
    for a, b in ref:
        for i in a:
            linked.setdefault(i, set()).update(b)
    strict = lax = 0
    for a, b in hyp:
        if (a, b) in ref:
            strict += 1
            lax += 1
        elif any(j in linked.get(i, ()) for i in a for j in b):
            lax += 1
    return strict, lax, len(hyp)


def counts(gold, test):
    """Metric counts of one document: precision over all test beads, recall over gold beads
    with both sides non-empty (against test beads with both sides non-empty)."""
    ps, pl, pn = hits(gold, test)
    both = lambda beads: [(a, b) for a, b in beads if a and b]
    rs, rl, rn = hits(both(test), both(gold))
    return {'ps': ps, 'pl': pl, 'pn': pn, 'rs': rs, 'rl': rl, 'rn': rn}


def add(total, more):
    """Pool metric counts."""
    for k, v in more.items():
        total[k] = total.get(k, 0) + v
    return total


def metric(c):
    """P/R/F1 strict and lax from pooled counts (the names of reference_score.py --json)."""
    ratio = lambda x, n: x / n if n else 0.0
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    p_s, p_l = ratio(c.get('ps', 0), c.get('pn', 0)), ratio(c.get('pl', 0), c.get('pn', 0))
    r_s, r_l = ratio(c.get('rs', 0), c.get('rn', 0)), ratio(c.get('rl', 0), c.get('rn', 0))
    return {'P_strict': p_s, 'R_strict': r_s, 'F1_strict': f1(p_s, r_s),
            'P_lax': p_l, 'R_lax': r_l, 'F1_lax': f1(p_l, r_l),
            'n_test_links': c.get('pn', 0), 'n_gold_links_nonnull': c.get('rn', 0)}


# ---------------------------------------------------------------------------------------------
# Raw text: spans of sentences and projection of system beads onto gold ids
# ---------------------------------------------------------------------------------------------


def squash(text):
    """Text with every run of white space made one space, and without leading/trailing space."""
    return ' '.join(text.split())


def locate(sentences, raw):
    """Spans (start, end) of sentences found one after the other in `raw`, in squashed
    coordinates; None for a sentence that is not found after the previous one."""
    flat = squash(raw)
    spans, at = [], 0
    for sentence in sentences:
        s = squash(sentence)
        found = flat.find(s, at) if s else -1
        if found < 0:
            spans.append(None)
            continue
        spans.append((found, found + len(s)))
        at = found + len(s)
    return spans


def assign(gold_spans, system_spans):
    """For each gold sentence, the system sentence it overlaps most (first on ties), or None."""
    out = []
    for g in gold_spans:
        best, best_overlap = None, 0
        for k, s in enumerate(system_spans):
            if g is None or s is None:
                continue
            overlap = min(g[1], s[1]) - max(g[0], s[0])
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        out.append(best)
    return out


def project(system_beads, assign_a, assign_b):
    """System beads as beads of gold ids: the union of the gold sentences assigned to the
    sentences of each side. A bead may come out empty on both sides (the caller drops it)."""
    def owners(assigned):
        table = {}
        for gold_id, system_id in enumerate(assigned):
            if system_id is not None:
                table.setdefault(system_id, []).append(gold_id)
        return table
    own_a, own_b = owners(assign_a), owners(assign_b)
    side = lambda ids, own: tuple(sorted(g for i in ids for g in own.get(i, [])))
    return [(side(a, own_a), side(b, own_b)) for a, b in system_beads]


def overlaps(g, s):
    """True when two spans (or None) share a character."""
    return g is not None and s is not None and min(g[1], s[1]) > max(g[0], s[0])


def exact_spans(gold_spans, system_spans):
    """How many gold sentences have exactly the span of a system sentence."""
    system = {s for s in system_spans if s is not None}
    return sum(1 for g in gold_spans if g is not None and g in system)


# ---------------------------------------------------------------------------------------------
# Pairs and the aligner
# ---------------------------------------------------------------------------------------------


class PairDir:
    """One pair folder: file names, languages, gold beads, meta."""

    def __init__(self, path):
        self.path = path
        self.name = path.name
        self.meta = json.loads((path / 'meta.json').read_text(encoding='utf-8')) if (path / 'meta.json').exists() else {}
        other = next(lang for lang in ('ru', 'be') if (path / f'{lang}.txt').exists())
        self.langs = self.meta.get('langs', ['en', other])
        self.lang = self.langs[1]
        self.gold = parse_vecalign((path / 'gold').read_text(encoding='utf-8'))
        self.edits = self.meta.get('edits')
        self.labels = {int(k): v for k, v in self.meta.get('labels', {}).items()}

    def file(self, lang, ext):
        """Path of en.txt, ru.segs, ..."""
        return self.path / f'{lang}.{ext}'

    def has_segs(self):
        """True when both .segs files exist."""
        return all(self.file(lang, 'segs').exists() for lang in self.langs)

    def segs(self, lang):
        """The gold sentences of one side."""
        return self.file(lang, 'segs').read_text(encoding='utf-8').rstrip('\n').split('\n')


def is_pair_dir(path):
    """True for a folder that holds a pair."""
    return (path / 'gold').exists() and (path / 'en.txt').exists() and \
        any((path / f'{lang}.txt').exists() for lang in ('ru', 'be'))


def find_pairs(directory):
    """The pair folders of a set folder (or the folder itself when it is a pair)."""
    if is_pair_dir(directory):
        return [PairDir(directory)]
    return [PairDir(p) for p in sorted(directory.iterdir()) if p.is_dir() and is_pair_dir(p)]


def run_align(binary, a, b, langs, presegmented):
    """The JSON report of `sverka align`."""
    cmd = [binary, 'align', str(a), str(b), '--langs', ','.join(langs), '--format', 'json', *EXTRA]
    if presegmented:
        cmd.append('--presegmented')
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f'{" ".join(cmd)}: exit {done.returncode}: {done.stderr.strip()}')
    return json.loads(done.stdout)


def system_beads(report):
    """(a ids, b ids, score, moved) of the beads of a JSON report, ids sorted."""
    return [(tuple(sorted(b['a'])), tuple(sorted(b['b'])), b.get('score'), bool(b.get('moved')))
            for b in report['beads']]


# ---------------------------------------------------------------------------------------------
# Scoring one pair
# ---------------------------------------------------------------------------------------------


def judge(gold, test, scores, flags, labels):
    """Everything measured on one alignment already in gold ids.

    Returns metric counts, the label hits (gold bead index -> produced exactly, null beads
    included), (score, strict hit) for every system bead that is not empty, and the strict
    hits of the beads the system flagged as moved.
    """
    gold_set = {(a, b) for a, b in gold}
    test_set = {(a, b) for a, b in test if a or b}
    found = {i: gold[i] in test_set for i in labels}
    confidence = [(s, (a, b) in gold_set) for (a, b), s in zip(test, scores) if (a or b) and s is not None]
    flagged = [(a, b) in gold_set for (a, b), moved in zip(test, flags) if moved and (a or b)]
    return {'counts': counts(gold, test), 'found': found, 'confidence': confidence, 'flagged_moved': flagged}


def score_raw(pair, binary):
    """Align the raw texts and project the system beads onto gold sentences."""
    en, xx = pair.langs
    report = run_align(binary, pair.file(en, 'txt'), pair.file(xx, 'txt'), pair.langs, False)
    result = {'unlocated': 0, 'exact': {}, 'gold_sentences': {}}
    assigned = []
    for side, lang in (('a', en), ('b', xx)):
        raw = pair.file(lang, 'txt').read_text(encoding='utf-8')
        system_spans = locate(report[side]['sentences'], raw)
        gold_spans = locate(pair.segs(lang), raw)
        result['unlocated'] += system_spans.count(None) + gold_spans.count(None)
        result['exact'][lang] = exact_spans(gold_spans, system_spans)
        result.setdefault('seg_misses', []).extend(
            (lang, gold, [report[side]['sentences'][k] for k, s in enumerate(system_spans) if overlaps(g, s)])
            for gold, g in zip(pair.segs(lang), gold_spans) if g is None or g not in system_spans)
        result['gold_sentences'][lang] = len(gold_spans)
        assigned.append(assign(gold_spans, system_spans))
    beads = system_beads(report)
    test = project([(a, b) for a, b, _, _ in beads], *assigned)
    result.update(judge(pair.gold, test, [s for _, _, s, _ in beads], [m for _, _, _, m in beads], pair.labels))
    result['test'] = test
    return result


def score_preseg(pair, binary):
    """Align the gold sentences (ids are gold ids)."""
    en, xx = pair.langs
    report = run_align(binary, pair.file(en, 'segs'), pair.file(xx, 'segs'), pair.langs, True)
    beads = system_beads(report)
    test = [(a, b) for a, b, _, _ in beads]
    result = judge(pair.gold, test, [s for _, _, s, _ in beads], [m for _, _, _, m in beads], pair.labels)
    result['test'] = test
    return result


def score_pair(pair, binary):
    """Both modes for one pair."""
    out = {'name': pair.name, 'langs': pair.langs, 'edits': pair.edits, 'labels': pair.labels,
           'raw': score_raw(pair, binary)}
    if pair.has_segs():
        out['preseg'] = score_preseg(pair, binary)
    return out


# ---------------------------------------------------------------------------------------------
# Summaries
# ---------------------------------------------------------------------------------------------


def pooled(results, mode):
    """Metric over the results that have `mode`."""
    total = {}
    for r in results:
        if mode in r:
            add(total, r[mode]['counts'])
    return metric(total)


def label_recall(results):
    """label -> {'gold': n, 'raw': found, 'preseg': found} over the gold beads with that label."""
    table = {}
    for r in results:
        for index, labels in r['labels'].items():
            for label in labels:
                row = table.setdefault(label, {'gold': 0, 'raw': 0, 'preseg': 0})
                row['gold'] += 1
                for mode in MODES:
                    if mode in r and r[mode]['found'].get(index):
                        row[mode] += 1
    return dict(sorted(table.items()))


def by_edit(results):
    """edit -> metric in both modes over the pairs with that edit only ('clean': no edit)."""
    groups = {}
    for r in results:
        if r['edits'] is None or len(r['edits']) > 1:
            continue
        groups.setdefault(r['edits'][0] if r['edits'] else 'clean', []).append(r)
    return {edit: {'pairs': len(rs), **{mode: pooled(rs, mode) for mode in MODES}}
            for edit, rs in sorted(groups.items())}


def confidence_table(results, mode):
    """Strict-hit share of system beads by confidence bin, and at >= 0.8."""
    beads = [c for r in results if mode in r for c in r[mode]['confidence']]
    rows = []
    for lo, hi in BINS:
        inside = [hit for s, hit in beads if lo <= s < hi or (hi == 1.0 and s == 1.0)]
        rows.append({'bin': f'{lo:.1f}-{hi:.1f}', 'beads': len(inside),
                     'strict_hits': sum(inside), 'share': sum(inside) / len(inside) if inside else None})
    high = [hit for s, hit in beads if s >= 0.8]
    return {'bins': rows, 'at_least_0.8': {'beads': len(high), 'strict_hits': sum(high),
                                            'share': sum(high) / len(high) if high else None}}


def segmentation(results):
    """Gold sentences whose span equals a system sentence's span, per language."""
    table = {}
    for r in results:
        for lang, n in r['raw']['gold_sentences'].items():
            row = table.setdefault(lang, {'gold': 0, 'exact': 0})
            row['gold'] += n
            row['exact'] += r['raw']['exact'][lang]
    return table


def per_pair(r):
    """The one-line summary of a pair."""
    row = {'name': r['name'], 'edits': r['edits'], 'unlocated': r['raw']['unlocated'],
           'seg_exact': sum(r['raw']['exact'].values()), 'gold_sentences': sum(r['raw']['gold_sentences'].values())}
    for mode in MODES:
        if mode in r:
            row[mode] = metric(r[mode]['counts'])
    return row


def summarise(name, results):
    """Every figure of one set."""
    pairs = [per_pair(r) for r in results]
    worst = min(pairs, key=lambda p: (p['raw']['F1_strict'], p['name'])) if pairs else None
    recall = label_recall(results)
    return {
        'set': name, 'pairs': len(results),
        **{mode: pooled(results, mode) for mode in MODES},
        'segmentation': segmentation(results),
        'moved': recall.get('moved', {'gold': 0, 'raw': 0, 'preseg': 0}),
        'flagged_moved': {mode: {'beads': sum(len(r[mode]['flagged_moved']) for r in results if mode in r),
                                 'strict_hits': sum(sum(r[mode]['flagged_moved']) for r in results if mode in r)}
                          for mode in MODES},
        'confidence': {mode: confidence_table(results, mode) for mode in MODES},
        'by_edit': by_edit(results),
        'labels': recall,
        'per_pair': pairs,
        'worst': worst,
    }


# ---------------------------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------------------------


def fmt(x):
    """A share with three decimals, or '-'."""
    return '-' if x is None else f'{x:.3f}'


def metric_line(label, m):
    """One row of P/R/F1."""
    return (f'{label:<22} {m["P_strict"]:.3f} {m["R_strict"]:.3f} {m["F1_strict"]:.3f}   '
            f'{m["P_lax"]:.3f} {m["R_lax"]:.3f} {m["F1_lax"]:.3f}   {m["n_test_links"]:>5} {m["n_gold_links_nonnull"]:>5}')


def print_summary(s, out=sys.stdout):
    """The tables of one set."""
    w = lambda line='': print(line, file=out)
    w(f'== {s["set"]}: {s["pairs"]} pairs')
    w(f'{"":<22} strict P/R/F1          lax P/R/F1          test  gold')
    for mode in MODES:
        w(metric_line({'raw': 'raw text', 'preseg': 'presegmented'}[mode], s[mode]))
    seg = s['segmentation']
    w('segmentation exact:    ' + ', '.join(f'{lang} {v["exact"]}/{v["gold"]} ({v["exact"] / v["gold"]:.3f})'
                                          for lang, v in seg.items() if v['gold']))
    mv = s['moved']
    fl = s['flagged_moved']
    w(f'moved beads found:     raw {mv["raw"]}/{mv["gold"]}, presegmented {mv["preseg"]}/{mv["gold"]}'
      f'  (beads flagged moved: raw {fl["raw"]["strict_hits"]}/{fl["raw"]["beads"]} right,'
      f' presegmented {fl["preseg"]["strict_hits"]}/{fl["preseg"]["beads"]} right)')
    for mode in MODES:
        hi = s['confidence'][mode]['at_least_0.8']
        w(f'confidence >= 0.8 ({mode:<6}): {hi["strict_hits"]}/{hi["beads"]} strict hits ({fmt(hi["share"])})')
    w()
    w('confidence bin   raw: beads hits share   preseg: beads hits share')
    for r_raw, r_pre in zip(s['confidence']['raw']['bins'], s['confidence']['preseg']['bins']):
        w(f'{r_raw["bin"]:<16} {r_raw["beads"]:>10} {r_raw["strict_hits"]:>4} {fmt(r_raw["share"]):>5}'
          f'   {r_pre["beads"]:>13} {r_pre["strict_hits"]:>4} {fmt(r_pre["share"]):>5}')
    if s['by_edit']:
        w()
        w('edit (pairs with it alone)  pairs  raw P   R     F1     preseg P  R     F1')
        for edit, row in s['by_edit'].items():
            r, p = row['raw'], row['preseg']
            w(f'{edit:<27} {row["pairs"]:>5}  {r["P_strict"]:.3f} {r["R_strict"]:.3f} {r["F1_strict"]:.3f}'
              f'  {p["P_strict"]:.3f}    {p["R_strict"]:.3f} {p["F1_strict"]:.3f}')
    if s['labels']:
        w()
        w('label (gold beads)     gold  found raw  found preseg')
        for label, row in s['labels'].items():
            w(f'{label:<22} {row["gold"]:>4}  {row["raw"]:>4} {row["raw"] / row["gold"]:.2f}  '
              f'{row["preseg"]:>4} {row["preseg"] / row["gold"]:.2f}')
    w()
    w('pair                                         raw F1  preseg F1  seg exact  edits')
    for p in s['per_pair']:
        pre = fmt(p['preseg']['F1_strict']) if 'preseg' in p else '-'
        warn = f'  ({p["unlocated"]} sentences not located)' if p['unlocated'] else ''
        w(f'{p["name"]:<44} {p["raw"]["F1_strict"]:.3f}  {pre:>9}  {p["seg_exact"]:>4}/{p["gold_sentences"]:<4}  '
          f'{",".join(p["edits"] or []) or "-"}{warn}')
    if s['worst']:
        p = s['worst']
        w()
        w(f'worst pair (raw strict F1): {p["name"]} {p["raw"]["F1_strict"]:.3f}'
          f' (presegmented {fmt(p["preseg"]["F1_strict"]) if "preseg" in p else "-"})')
    w()


def explain(pair, r, mode, out=sys.stdout):
    """Print the gold beads a mode missed and the wrong beads it produced, with their texts."""
    segs = {lang: pair.segs(lang) for lang in pair.langs}
    text = lambda ids, lang: ' | '.join(segs[lang][i] for i in ids) or '-'
    show = lambda a, b: f'{list(a)}:{list(b)}  {text(a, pair.langs[0])[:110]}  <=>  {text(b, pair.langs[1])[:110]}'
    test = {(a, b) for a, b in r[mode]['test'] if a or b}
    print(f'-- {pair.name} ({mode})', file=out)
    if mode == 'raw':
        for lang, gold_text, system_texts in r['raw']['seg_misses']:
            print(f'   segmented {lang}: {gold_text[:100]!r} -> {[t[:60] for t in system_texts]}', file=out)
    for k, (a, b) in enumerate(pair.gold):
        if (a, b) not in test:
            print(f'   missed {",".join(pair.labels.get(k, [])) or "-"}: {show(a, b)}', file=out)
    gold = set(pair.gold)
    for a, b in sorted(test):
        if (a, b) not in gold:
            print(f'   wrong: {show(a, b)}', file=out)


# ---------------------------------------------------------------------------------------------
# Cross-check with shared/eval/reference_score.py
# ---------------------------------------------------------------------------------------------


def check_reference(results, reference):
    """Score the presegmented alignments with reference_score.py too; return (ours, theirs)."""
    with tempfile.TemporaryDirectory() as tmp:
        golds, tests = [], []
        for k, r in enumerate(x for x in results if 'preseg' in x):
            g, t = Path(tmp) / f'{k}.gold', Path(tmp) / f'{k}.test'
            g.write_text(format_vecalign(r['gold']), encoding='utf-8')
            t.write_text(format_vecalign(r['preseg']['test']), encoding='utf-8')
            golds.append(str(g))
            tests.append(str(t))
        if not golds:
            return None
        done = subprocess.run([sys.executable, str(reference), '--json', '-g', *golds, '-t', *tests],
                              capture_output=True, text=True, check=True)
    return pooled(results, 'preseg'), json.loads(done.stdout)


# ---------------------------------------------------------------------------------------------
# Self-test
# ---------------------------------------------------------------------------------------------


def self_test():
    """Check the metric on a handcrafted case and the raw-to-gold projection."""
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2,)), ((), (3,))]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2, 3))]
    c = counts(gold, test)
    # precision: 5 test beads; strict [0]:[0], [3]:[]; lax adds [1]:[1] and [4]:[2,3]
    # recall: 3 gold beads with both sides; strict [0]:[0]; lax adds [1,2]:[1] and [4]:[2]
    assert c == {'ps': 2, 'pl': 4, 'pn': 5, 'rs': 1, 'rl': 3, 'rn': 3}, c
    m = metric(c)
    assert abs(m['F1_strict'] - 2 * 0.4 * (1 / 3) / (0.4 + 1 / 3)) < 1e-12
    assert abs(m['F1_lax'] - 2 * 0.8 * 1.0 / 1.8) < 1e-12
    assert counts(gold, test + [((), ())]) == c, 'empty beads are dropped'
    assert counts(gold, test + [((0,), (0,))]) == c, 'duplicates count once'
    assert parse_vecalign('[0]:[1]\n[1, 2]:[]:0.5\n\n[]:[0]\n') == [((0,), (1,)), ((1, 2), ()), ((), (0,))]

    # Projection: the system cuts the dateline off the first gold sentence, and joins the
    # second and third gold sentences (one missing full stop).
    raw = 'Headline\n\nMINSK, 1 May. /TASS/. It rained.\nIt snowed\nIt stopped.\n'
    gold_segs = ['Headline', 'MINSK, 1 May. /TASS/. It rained.', 'It snowed', 'It stopped.']
    system = ['Headline', 'MINSK, 1 May.', '/TASS/.', 'It rained.', 'It snowed It stopped.']
    g, s = locate(gold_segs, raw), locate(system, raw)
    assert g == [(0, 8), (9, 41), (42, 51), (52, 63)], g
    assert s == [(0, 8), (9, 22), (23, 30), (31, 41), (42, 63)], s
    assert exact_spans(g, s) == 1
    assigned = assign(g, s)
    assert assigned == [0, 1, 4, 4], assigned  # 'MINSK, 1 May.' overlaps more than 'It rained.'
    beads = [((0,), (0,)), ((1, 2), ()), ((3,), (1,)), ((4,), (2,))]
    projected = project(beads, assigned, [0, 1, 2])
    assert projected == [((0,), (0,)), ((1,), ()), ((), (1,)), ((2, 3), (2,))], projected
    assert locate(['not there'], raw) == [None]
    print('score.py self-test: ok')


# ---------------------------------------------------------------------------------------------


def default_binary():
    """$SVERKA_BIN, else target/release/sverka of the repository."""
    return os.environ.get('SVERKA_BIN') or str(Path(__file__).resolve().parents[2] / 'target' / 'release' / 'sverka')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dirs', nargs='*', type=Path, help='set folders or pair folders')
    ap.add_argument('--bin', default=default_binary(), help='the sverka binary (default $SVERKA_BIN or target/release/sverka)')
    ap.add_argument('--json', action='store_true', help='print the figures as JSON')
    ap.add_argument('--reference', type=Path, help="check presegmented figures against this reference_score.py")
    ap.add_argument('--explain', action='store_true', help='list the missed and wrong beads of every pair')
    ap.add_argument('--self-test', action='store_true')
    ap.add_argument('--align-args', default='', help='extra options for every `sverka align` run, e.g. "--config my.toml"')
    args = ap.parse_args()
    EXTRA.extend(shlex.split(args.align_args))
    if args.self_test:
        self_test()
        return 0
    if not args.dirs:
        ap.error('give at least one folder')
    summaries, status = [], 0
    for directory in args.dirs:
        if not directory.is_dir():
            print(f'score.py: {directory}: no such folder, skipped', file=sys.stderr)
            continue
        results = []
        for pair in find_pairs(directory):
            r = score_pair(pair, args.bin)
            r['gold'] = pair.gold
            results.append(r)
            if args.explain:
                for mode in MODES:
                    if mode in r:
                        explain(pair, r, mode)
        summary = summarise(str(directory), results)
        if args.reference and results:
            ours, theirs = check_reference(results, args.reference)
            same = all(abs(ours[k] - theirs[k]) < 1e-12 for k in theirs)
            summary['reference_check'] = {'same': same, 'reference': theirs}
            if not same:
                status = 1
                print(f'score.py: {directory}: presegmented figures differ from {args.reference}: {ours} vs {theirs}',
                      file=sys.stderr)
        summaries.append(summary)
        if not args.json:
            print_summary(summary)
            if 'reference_check' in summary:
                print(f'reference_score.py on the presegmented output: '
                      f'{"same figures" if summary["reference_check"]["same"] else "DIFFERENT figures"}\n')
    if args.json:
        print(json.dumps({'binary': args.bin, 'sets': summaries}, ensure_ascii=False, indent=1))
    return status


if __name__ == '__main__':
    try:
        sys.exit(main())
    except BrokenPipeError:  # `score.py ... | head`: end quietly
        sys.stderr.close()
        sys.exit(0)
