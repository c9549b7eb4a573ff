#!/usr/bin/env python3
"""The peer of `bench sentences`: pysbd (a rule-based sentence segmenter, from PyPI) on the same
answers, in a venv this script makes. pysbd is not incremental, so a streaming user has to
segment the whole buffer again at every token; both that and pysbd's best case (each answer
segmented once, whole) are timed. Usage: scripts/sentence-split-peer.py ANSWERS.jsonl"""
import json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pysbd_venv

pysbd_venv.enter()
import pysbd

answers = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
tokens = sum(len(a) for a in answers)
segmenter = pysbd.Segmenter(language="en", clean=False)

start = time.process_time()
sentences = sum(len(segmenter.segment("".join(a))) for a in answers)
whole = time.process_time() - start
print(f"pysbd whole answers {tokens / whole:10.0f} tokens/s per core   ({sentences} sentences; each answer segmented once, after it ended)")

# Streaming: after every token the buffer is segmented again; all but the last segment are out.
sample = answers[: max(1, len(answers) // 20)]
sample_tokens = sum(len(a) for a in sample)
start = time.process_time()
for answer in sample:
    buffer = ""
    for token in answer:
        buffer += token
        segments = segmenter.segment(buffer)
        if len(segments) > 1:
            buffer = "".join(segments[-1:])
elapsed = time.process_time() - start
print(f"pysbd streaming     {sample_tokens / elapsed:10.0f} tokens/s per core   (segmenting the buffer again at every token; {len(sample)} answers)")
