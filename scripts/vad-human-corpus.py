#!/usr/bin/env python3
"""Generate labelled VAD corpora of real human speech, in two parts: one to tune on, one to report.

The speech is studio recordings of people that a Debian package ships: the Asterisk core
prompts (asterisk-core-sounds-en-wav: Allison Smith, US English; asterisk-core-sounds-fr-wav:
June Wallack, Canadian French), 8 kHz 16-bit WAV under /usr/share/asterisk/sounds. Everything
else is what scripts/vad-corpus.py does for synthetic speech, and it is that script's code that
does it: the same track layout (1.5 s lead-in, one 8 s pause, 0.3-4 s pauses, active levels
spread over -34..-19 dBFS), the same labels, the same six noises at the same four in-band SNRs,
the same telephone chain; read its description for each of them. Output per part:

  <out>/tune/  and  <out>/eval/   clean.wav, <noise>-<snr>.wav, labels.json, utterances.json

Parts: a prompt belongs to the tuning part or the evaluation part by the parity of the first
byte of the MD5 of "<language>/<name>" (e.g. "en/agent-pass"), so each part holds both
speakers and the split never changes when prompts are added. A detector is tuned on `tune`
only and reported on `eval`.

Which prompts: those with a line in the English transcript file
(/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz; the French prompts have the
same names) that is words, not a bracketed description of a tone or beep; the silence/ folder
is left out. Prompts longer than 6 s are left out too, so that a track holds many onsets. The
recordings are noise-gated (digital silence between words, about -95 dBFS), so the
synthetic corpus's label rule (a 10 ms frame is speech within 40 dB of the utterance's loudest
frame, runs merged across gaps under 200 ms, runs under 30 ms dropped) marks the voice, not the
studio. Each prompt is resampled to 16 kHz (sox, as the chain then works) before labelling.

Deterministic for a given --seed and --seconds. Requires python3, sox, espeak-ng and flite
(babble noise), and the Debian packages above.
"""
import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import random
import sys
import tempfile

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(SCRIPTS)
SOUNDS = "/usr/share/asterisk/sounds"
TRANSCRIPTS = "/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz"
# language tag -> (directory under SOUNDS, Debian package, speaker)
SPEAKERS = {
    "en": ("en_US_f_Allison", "asterisk-core-sounds-en-wav", "Allison Smith"),
    "fr": ("fr_CA_f_June", "asterisk-core-sounds-fr-wav", "June Wallack"),
}
PARTS = ("tune", "eval")
MAX_PROMPT_MS = 6000
EX_UNAVAILABLE = 69


def load_synthetic_corpus_module():
    """scripts/vad-corpus.py, whose name is not importable as is."""
    spec = importlib.util.spec_from_file_location("vad_corpus", os.path.join(SCRIPTS, "vad-corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


vc = load_synthetic_corpus_module()


def part_of(key):
    return PARTS[hashlib.md5(key.encode()).digest()[0] % 2]


def transcripts():
    texts = {}
    with gzip.open(TRANSCRIPTS, "rt", encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(";") or ":" not in line:
                continue
            name, text = line.split(":", 1)
            texts[name.strip()] = text.strip()
    return texts


def prompts(part):
    """(language, name, path, English text) of every spoken prompt of `part`, sorted."""
    texts = transcripts()
    found = []
    for lang, (folder, _, _) in SPEAKERS.items():
        base = os.path.join(SOUNDS, folder)
        for root, _, files in os.walk(base):
            for file in files:
                if not file.endswith(".wav"):
                    continue
                path = os.path.join(root, file)
                name = os.path.relpath(path, base)[:-4]
                text = texts.get(name)
                if text is None or text.startswith(("[", "<")) or name.startswith("silence/"):
                    continue
                if part_of(f"{lang}/{name}") == part:
                    found.append((lang, name, path, text))
    return sorted(found)


def load_prompt(path, tmp, tag):
    """A prompt at the working rate, trimmed to its labelled speech, and its runs; None if the
    recording is too long or holds nothing the label rule calls speech."""
    dst = os.path.join(tmp, tag + ".wav")
    vc.sox(path, "-r", str(vc.RATE), "-c", "1", "-b", "16", "-e", "signed-integer", dst)
    samples = vc.read_wav16(dst)
    os.remove(dst)
    runs = vc.speech_runs(samples)
    if not runs:
        return None
    samples, runs = vc.trim_to_speech(samples, runs)
    if len(samples) * 1000 // vc.RATE > MAX_PROMPT_MS:
        return None
    return samples, runs


def human_track_builder(part):
    """A build_track for vad-corpus.py's generate(): places this part's prompts as
    build_speech_track places synthesized lines (same lead-in, pauses, long pause, levels)."""
    def build(seed, total_ms, pool, tmp):
        rng = random.Random("%d:human:%s" % (seed, part))
        candidates = prompts(part)
        rng.shuffle(candidates)
        loaded = pool.map(lambda c: (c, load_prompt(c[2], tmp, "p%d" % candidates.index(c))), candidates)
        usable = [(c, p) for c, p in loaded if p is not None]
        if not usable:
            raise vc.ToolError("no usable prompts for part %s under %s" % (part, SOUNDS))
        track = vc.array.array("f", bytes(4 * total_ms * vc.RATE // 1000))
        labels, records = [], []
        cursor, long_pause_done = vc.LEAD_MS, False
        for (lang, name, _, text), (samples, runs) in usable:
            length_ms = len(samples) * 1000 // vc.RATE
            if cursor + length_ms > total_ms - vc.TAIL_MS:
                break
            gain, level = vc.level_gain(samples, runs, round(rng.uniform(*vc.LEVEL_DBFS), 1))
            start = cursor * vc.RATE // 1000
            track[start:start + len(samples)] = vc.array.array("f", [v * gain for v in samples])
            speech = [[cursor + s * 10, cursor + e * 10] for s, e in runs]
            labels.extend(speech)
            records.append({"index": len(records), "speaker": SPEAKERS[lang][2], "language": lang,
                            "prompt": name, "text": text if lang == "en" else None,
                            "level_db": level, "start_ms": cursor, "end_ms": cursor + length_ms,
                            "speech": speech})
            cursor += length_ms
            if not long_pause_done and cursor >= total_ms // 2:
                cursor += vc.LONG_PAUSE_MS
                long_pause_done = True
            else:
                cursor += 10 * round(rng.uniform(*vc.GAP_MS) / 10)
        return track, labels, records
    return build


def up_to_date(out, seed, total_ms, part):
    if not vc.up_to_date(out, seed, total_ms):
        return False
    with open(os.path.join(out, "labels.json")) as f:
        header = json.load(f)
    return header.get("part") == part and header.get("source") == "asterisk-core-sounds"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default=os.path.join(REPO, "bench-data", "vad-human"),
                        help="output directory; parts go in tune/ and eval/ (default: <repo>/bench-data/vad-human)")
    parser.add_argument("--seconds", type=float, default=240.0,
                        help="length of every file in seconds (default 240, at least 20)")
    parser.add_argument("--part", choices=PARTS, action="append", help="make only this part (repeatable)")
    parser.add_argument("--force", action="store_true", help="regenerate even if up to date")
    args = parser.parse_args()
    if args.seconds < 20:
        parser.error("--seconds must be at least 20")
    total_ms = round(args.seconds * 1000)

    missing = vc.missing_tools()
    folders = [f for f, _, _ in SPEAKERS.values()]
    absent = [pkg for (folder, pkg, _) in SPEAKERS.values() if not os.path.isdir(os.path.join(SOUNDS, folder))]
    if not os.path.exists(TRANSCRIPTS) and "asterisk-core-sounds-en-wav" not in absent:
        absent.append("asterisk-core-sounds-en-wav")
    for tool in missing:
        print("vad-human-corpus: %s not found; apt-get install %s" % (tool, tool), file=sys.stderr)
    if absent:
        print("vad-human-corpus: the recordings are missing (%s); apt-get install %s"
              % (", ".join(folders), " ".join(absent)), file=sys.stderr)
    if missing or absent:
        return EX_UNAVAILABLE

    for part in args.part or PARTS:
        out = os.path.join(args.out, part)
        if not args.force and up_to_date(out, args.seed, total_ms, part):
            vc.progress("%s up to date" % out)
            continue
        os.makedirs(out, exist_ok=True)
        try:
            os.remove(os.path.join(out, "labels.json"))  # stale until the new set is done
        except FileNotFoundError:
            pass
        try:
            with tempfile.TemporaryDirectory(prefix="vad-human-corpus-") as tmp:
                vc.generate(out, args.seed, total_ms, tmp, build_track=human_track_builder(part),
                            header={"part": part, "source": "asterisk-core-sounds"})
        except vc.ToolError as e:
            print("vad-human-corpus: " + str(e), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
