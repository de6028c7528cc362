#!/usr/bin/env python3
"""First look at how the sverka release binary does on the real pairs (stdlib only).

For every folder: (1) does `sverka segment` split each raw text exactly as the gold segs?
(2) `sverka align A B --format vecalign` on the raw texts: strict/lax F1 against gold when
both segmentations equal the gold segs; (3) `sverka align --presegmented` on the gold segs:
strict/lax F1 against gold (the aligner alone).  Scores come from the shared reference
scorer, pooled per mode.  Writes nothing; prints a table and per-folder differences.

Usage: python3 first_look.py [--sverka PATH] [--scorer PATH] [-v]
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def segment(sverka, path, lang):
    out = run([sverka, "segment", path, "--lang", lang])
    return [l for l in out.split("\n") if l.strip()]


def score(scorer, gold, test):
    out = run([sys.executable, scorer, "-g", *gold, "-t", *test])
    return out.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sverka", default="/work/main/target/release/sverka")
    ap.add_argument("--scorer", default="/work/shared/eval/reference_score.py")
    ap.add_argument("-v", action="store_true", help="print sverka's beads next to gold")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="realcopy-")
    raw_gold, raw_test, pre_gold, pre_test = [], [], [], []
    by_kind = {}
    for name in sorted(os.listdir(HERE)):
        d = os.path.join(HERE, name)
        if not os.path.isdir(d) or name.startswith(('.', '_')):
            continue
        meta = json.load(open(os.path.join(d, "meta.json"), encoding="utf-8"))
        la, lb = meta["langs"]
        sb = "en2" if lb == "en" else lb
        fa, fb = os.path.join(d, "en.txt"), os.path.join(d, sb + ".txt")
        sa, sbb = os.path.join(d, "en.segs"), os.path.join(d, sb + ".segs")
        gold = os.path.join(d, "gold")
        same = []
        for f, s, lang in ((fa, sa, la), (fb, sbb, lb)):
            got = segment(a.sverka, f, lang)
            want = [l for l in open(s, encoding="utf-8").read().split("\n") if l.strip()]
            same.append(got == want)
            if got != want:
                print(f"--- {name}/{os.path.basename(s)}: sverka {len(got)} segments, gold {len(want)}")
                gs, ws = set(got), set(want)
                for l in want:
                    if l not in gs:
                        print(f"   gold only : {l[:110]}")
                for l in got:
                    if l not in ws:
                        print(f"   sverka    : {l[:110]}")
        raw = run([a.sverka, "align", fa, fb, "--langs", f"{la},{lb}", "--format", "vecalign"])
        rawf = os.path.join(tmp, name + ".raw")
        open(rawf, "w").write(raw)
        pre = run([a.sverka, "align", sa, sbb, "--langs", f"{la},{lb}", "--presegmented", "--format", "vecalign"])
        pref = os.path.join(tmp, name + ".pre")
        open(pref, "w").write(pre)
        pre_gold.append(gold); pre_test.append(pref)
        k = by_kind.setdefault(meta["kind"], ([], [], [], []))
        line = f"{name:40s} seg en={'=' if same[0] else 'x'} {sb}={'=' if same[1] else 'x'}  "
        if all(same):
            raw_gold.append(gold); raw_test.append(rawf)
            k[0].append(gold); k[1].append(rawf)
            line += "raw: " + score(a.scorer, [gold], [rawf]).replace("\n", " | ") + "  "
        k[2].append(gold); k[3].append(pref)
        line += "pre: " + score(a.scorer, [gold], [pref]).replace("\n", " | ")
        print(line)
        if a.v:
            g = [l.strip() for l in open(gold) if l.strip()]
            t = [l.strip().rsplit(":", 1)[0] if l.count(":") > 1 else l.strip() for l in pre.split("\n") if l.strip()]
            print("   gold:   ", " ".join(g))
            print("   sverka: ", " ".join(t))
    print()
    if raw_gold:
        print(f"pooled, raw texts ({len(raw_gold)} folders whose segmentation matches):")
        print(score(a.scorer, raw_gold, raw_test))
    print(f"pooled, presegmented on gold segs ({len(pre_gold)} folders):")
    print(score(a.scorer, pre_gold, pre_test))
    for kind, (rg, rt, pg, pt) in sorted(by_kind.items()):
        def f1(g, t):
            if not g:
                return "-"
            s = score(a.scorer, g, t).split("\n")
            return [l for l in s if l.startswith("F1")][0].split()[1]
        print(f"strict F1 by kind: {kind:12s} raw {f1(rg, rt)} ({len(rg)} folders)  presegmented {f1(pg, pt)} ({len(pg)} folders)")


if __name__ == "__main__":
    main()
