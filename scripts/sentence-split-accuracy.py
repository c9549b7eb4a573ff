#!/usr/bin/env python3
"""sentence-split and pysbd scored on the same table: the cases `bench sentences --write-cases`
exports (the tables the tests check), with the splitter's own pieces in each line.

Only cases with default settings and built-in words are scored (pysbd has no --min-chars). A
case counts when the pieces equal the expected ones (spaces around a piece aside):
  ours whole      the splitter fed the whole text;
  ours streamed   the same, and also scalar by scalar and in 25 random cuttings, each piece out
                  by the token that makes it certain (the tests' standard);
  pysbd whole     pysbd on the whole text (English or Hindi, by the text's script);
  pysbd streamed  pysbd as a streaming user must run it: the buffer segmented again at every
                  token, all but the last segment sent.
`--boundaries` also scores the cuts alone: each piece reduced to its letters and digits, so a
mark kept on either side of a cut does not count. Then both segmenters' streaming cost on the
tables' tokens: tokens per second of one core. Usage:
  scripts/sentence-split-accuracy.py CASES.jsonl [--boundaries] [--failures SET]"""
import argparse, json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pysbd_venv

pysbd_venv.enter()
import pysbd

parser = argparse.ArgumentParser()
parser.add_argument("cases")
parser.add_argument("--boundaries", action="store_true", help="also score the cuts alone")
parser.add_argument("--failures", metavar="SET", help="list the cases of SET that either segmenter gets wrong")
args = parser.parse_args()

cases = [json.loads(line) for line in open(args.cases, encoding="utf-8")]
scored = [c for c in cases if c["defaults"]]
segmenters = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("en", "hi")}


def pieces(segments):
    return [s.strip() for s in segments if s.strip()]


def streamed(case):
    """pysbd fed token by token: what a streaming user can send, and when."""
    segmenter, out, buffer = segmenters[case["language"]], [], ""
    for token in case["tokens"]:
        buffer += token
        segments = segmenter.segment(buffer)
        if len(segments) > 1:
            out += segments[:-1]
            buffer = segments[-1]
    return pieces(out + (segmenter.segment(buffer) if buffer.strip() else []))


def letters(segmentation):
    signature = ["".join(ch.lower() for ch in piece if ch.isalnum()) for piece in segmentation]
    return [s for s in signature if s]


for c in scored:
    c["pysbd"] = pieces(segmenters[c["language"]].segment(c["text"]))
    c["pysbd_streamed"] = streamed(c)

# (name, right or not; None where a column does not apply to a way of comparing)
columns = [
    ("ours whole", lambda c, same: same(c["ours"], c["expected"])),
    ("ours streamed", lambda c, same: c["ours_streamed"] if same is exact else None),
    ("pysbd whole", lambda c, same: same(c["pysbd"], c["expected"])),
    ("pysbd streamed", lambda c, same: same(c["pysbd_streamed"], c["expected"])),
]


def exact(a, b):
    return a == b


def cuts(a, b):
    return letters(a) == letters(b)


sets = list(dict.fromkeys(c["set"] for c in cases))
for title, same in [("exact pieces", exact)] + ([("cuts only", cuts)] if args.boundaries else []):
    print(f"sentence-split vs pysbd, {title}: cases right, default settings only")
    print(f"  {'set':<11} {'cases':>5}" + "".join(f" {name:>15}" for name, _ in columns))
    for name in sets:
        group = [c for c in scored if c["set"] == name]
        row = [None if check(group[0], same) is None else sum(1 for c in group if check(c, same)) for _, check in columns]
        print(f"  {name:<11} {len(group):>5}" + "".join(f" {'-':>15}" if n is None else f" {n:>6} {100 * n / len(group):6.1f}%" for n in row))

if args.failures:
    for c in scored:
        if c["set"] != args.failures:
            continue
        wrong = [name for name, check in columns if not check(c, exact)]
        if wrong:
            print(f"\n{c['file']}:{c['line']} wrong: {', '.join(wrong)}{' (known: ' + c['known_issue'] + ')' if 'known_issue' in c else ''}")
            print(f"  expected {c['expected']}")
            print(f"  ours     {c['ours']}")
            print(f"  pysbd    {c['pysbd']}")

# Streaming cost: every token segments the buffer again; process time, one core.
tokens = sum(len(c["tokens"]) for c in scored)
start = time.process_time()
for c in scored:
    streamed(c)
elapsed = time.process_time() - start
print(f"pysbd streaming     {tokens / elapsed:10.0f} tokens/s per core   (the tables' {tokens} tokens, the buffer segmented again at every token)")
