#!/usr/bin/env python3
"""Generate a corpus for evaluating speech recognition (stt-stream) on telephone audio.

Three kinds of item, each one WAV file (8 kHz mono 16-bit PCM) with its transcript:

  receptionist  caller lines IN the grammar of Examples/receptionist.yaml (what
                `llm-stream grammar --script Examples/receptionist.yaml` prints), each tagged
                with the dialogue state it is said in and the grammar rule that state's
                `listen` event names: welcome (state_welcome), booking asking name / date /
                time (state_booking_name, state_booking_date, state_booking_time), confirm
                (state_confirm). An evaluator sends that listen event before the audio.
  general       everyday sentences that are NOT in the grammar: free-form word error rate.
  human         real recordings: a deterministic subset of the Asterisk core prompts
                (/usr/share/asterisk/sounds/en, package asterisk-core-sounds-en-wav), with
                their published transcripts; entries that are bracketed non-speech
                ("[beep]") or not normalisable are skipped.

Transcripts (`text`) are normalised as a recognizer writes them: lowercase, no punctuation
except apostrophes inside words, digits as words ("press 1" -> "press one"), hyphens as
spaces, "#" as "pound", "*" as "star".

Synthesized items (receptionist, general)
  Every sentence is spoken by two voices, one from each set below, so that every sentence
  is in both halves of the split, said by different speakers:
    tuning voices      espeak-ng en-us, en-gb, en-us+m3; flite kal, slt
    evaluation voices  espeak-ng en-us+f3, en-gb-scotland, en-029; flite rms, awb
  The voice is picked by rotation over the sentence's index (espeak-ng and flite
  alternate). espeak-ng speed 150-190 wpm and flite duration_stretch 0.9-1.15, from a
  seeded random.Random. Each rendering is written clean and at 10 dB SNR, the noise kind
  rotating over white, pink, brown, babble, hum, clicks (the generators of vad-corpus.py;
  each noise is made once, 40 s long, and each item takes a seeded random stretch of it).
  SNR is set inside the telephone band, as in vad-corpus.py: band-limited speech power over
  the speech frames / band-limited noise power. Speech is levelled to -26 dBFS active RMS
  (peaks at most -1 dBFS) and padded with 400 ms of silence before and 600 ms after, as a
  VAD would hand it over with its pre-roll and hangover.
Human items
  The recording as published (8 kHz), padded the same way, clean and at 10 dB SNR.
Telephone chain (every file)
  sox: band-limit 300-3400 Hz, resample to 8 kHz, mu-law encode and decode; written as
  8 kHz mono 16-bit PCM WAV.

Split (recorded per item as "set"):
  synthesized items by voice: a tuning voice -> "tuning", an evaluation voice -> "evaluation";
  human items by recording: every third file name in sorted order (index % 3 == 0) ->
  "tuning", the rest -> "evaluation".
Tune on "tuning" only (grammar weights, thresholds, which engine wins) and report on
"evaluation".

Output (default <repo>/bench-data/stt-corpus/):
  <kind>/<id>-<voice>-<clean|noise10>.wav
  manifest.json   {"version":1, "seed":..., "items":[{file, text, kind, state, rule, voice,
                   snr, noise, set}]} one item a line; file relative to the manifest;
                   state/rule null outside receptionist; snr null for clean.

Deterministic: the same --seed gives the same files on the same machine (seeded noise,
sox -R without dither; espeak-ng and flite are deterministic). If manifest.json exists for
the same seed and every file is there, nothing is done unless --force. Progress on stderr.
Requires python3 (standard library), espeak-ng, flite, sox.

  python3 scripts/stt-corpus.py [--seed 1] [--out DIR] [--force] [--human N]
"""
import argparse
import array
import concurrent.futures
import gzip
import importlib.util
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import wave

HERE = os.path.dirname(os.path.abspath(__file__))


def load_vad_corpus():
    """scripts/vad-corpus.py as a module: its synthesis, noise and telephone chain."""
    spec = importlib.util.spec_from_file_location("vad_corpus", os.path.join(HERE, "vad-corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


vc = load_vad_corpus()
RATE = vc.RATE                  # 16 kHz working rate
LEVEL_DBFS = -26.0
LEAD_MS, TAIL_MS = 400, 600
NOISE_SECONDS = 40
SNR_DB = 10
ASTERISK_SOUNDS = "/usr/share/asterisk/sounds/en"
ASTERISK_TEXT = "/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz"

TUNING_VOICES = [("espeak-ng", "en-us"), ("flite", "kal"), ("espeak-ng", "en-gb"), ("flite", "slt"),
                 ("espeak-ng", "en-us+m3")]
EVALUATION_VOICES = [("flite", "rms"), ("espeak-ng", "en-us+f3"), ("flite", "awb"),
                     ("espeak-ng", "en-gb-scotland"), ("espeak-ng", "en-029")]

# (state, rule, caller line). Every line is a sentence of that rule of the receptionist grammar.
RECEPTIONIST = [
    ("welcome", "state_welcome", line) for line in [
        "i need an appointment",
        "i need an appointment tomorrow",
        "i need an appointment on monday at ten",
        "i need an appointment next friday at half past two",
        "i need an appointment the day after tomorrow at four p m",
        "i need an appointment march the third at noon",
        "i would like to book an appointment",
        "i would like to book an appointment for tuesday",
        "i would like to book an appointment on the twelfth",
        "can i book tomorrow at nine thirty",
        "can i book the fifth of march at eleven",
        "can i book coming wednesday at a quarter past three",
        "can i see a doctor today",
        "can i see a doctor this thursday",
        "i'd like to see the doctor",
        "what are your opening hours",
        "when are you open",
        "are you open on saturdays",
        "goodbye",
        "never mind",
    ]
] + [
    ("booking:name", "state_booking_name", line) for line in [
        "asha",
        "my name is ravi",
        "it's john",
        "this is maria",
        "i'm anna",
        "the name is david",
        "sarah",
        "my name is ahmed",
        "it's mei",
        "lucas",
        "this is fatima",
        "i'm tom",
        "my name is asha tomorrow at ten",
        "it's ravi on friday",
        "john next monday at nine a m",
        "what are your opening hours",
    ]
] + [
    ("booking:date", "state_booking_date", line) for line in [
        "tomorrow",
        "today",
        "on monday",
        "next tuesday",
        "this friday",
        "the day after tomorrow",
        "the fifth of march",
        "on the twenty first",
        "march the third",
        "april ten",
        "twelve june",
        "tomorrow at half past ten",
        "friday at three p m",
        "for thursday",
        "on the second of june at noon",
        "coming saturday",
    ]
] + [
    ("booking:time", "state_booking_time", line) for line in [
        "at ten",
        "half past ten",
        "at a quarter to five",
        "nine thirty",
        "at eleven o'clock",
        "around two in the afternoon",
        "noon",
        "at four p m",
        "ten fifteen in the morning",
        "twenty past three",
        "at seven oh five",
        "midday",
    ]
] + [
    ("confirm", "state_confirm", line) for line in [
        "yes",
        "yes please",
        "yeah",
        "no",
        "no thanks",
        "that's right",
        "sure thank you",
        "correct",
        "nope",
        "of course",
        "go ahead please",
        "sounds good",
        "perfect thanks",
        "absolutely",
        "no thank you",
        "okay",
        "that's all thank you",
    ]
]

GENERAL = [
    "the weather has been lovely all week",
    "please call me back after lunch",
    "my car broke down on the way to work",
    "we are moving to a new house next month",
    "could you send the invoice by email",
    "the train was twenty minutes late again",
    "i left my keys at the office",
    "she is learning to play the piano",
    "the children are playing in the garden",
    "turn left at the second traffic light",
    "i would like a cup of tea with milk",
    "the meeting has been moved to the afternoon",
    "he forgot to bring his umbrella",
    "our flight leaves early in the morning",
    "the library closes at six on weekdays",
    "can you speak a little louder please",
    "i think the printer is out of paper",
    "the shop on the corner sells fresh bread",
    "my daughter starts school in september",
    "we had pasta for dinner last night",
    "the package should arrive within three days",
    "there is a lot of traffic on the bridge",
    "he works as a nurse at the city hospital",
    "please leave a message after the tone",
    "the price includes breakfast and parking",
    "i need to renew my passport this year",
    "the football match was cancelled because of rain",
    "my phone battery is almost empty",
    "they painted the kitchen bright yellow",
    "the museum is free on the first sunday",
    "i lost my wallet on the bus",
    "the dog barks whenever the doorbell rings",
]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                 "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def spell(n):
    """A cardinal below a million in words."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        return ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + spell(n % 100))
    return spell(n // 1000) + " thousand" + ("" if n % 1000 == 0 else " " + spell(n % 1000))


def spell_ordinal(n):
    words = spell(n).split()
    last = words[-1]
    if last in ORDINAL_WORDS:
        words[-1] = ORDINAL_WORDS[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def normalise(text):
    """A transcript as a recognizer writes it; None if something in it cannot be said."""
    text = text.lower().replace("#", " pound ").replace("*", " star ").replace("&", " and ")
    text = re.sub(r"(\d+)(st|nd|rd|th)\b", lambda m: " " + spell_ordinal(int(m.group(1))) + " ", text)
    text = re.sub(r"\d+", lambda m: " " + spell(int(m.group(0))) + " " if len(m.group(0)) < 7 else " ", text)
    text = re.sub(r"[\u2018\u2019]", "'", text)
    text = re.sub(r"[-/]", " ", text)
    text = re.sub(r"[.,!?;:\"()]", " ", text)
    text = re.sub(r"(^|\s)'|'(\s|$)", " ", text)
    if re.search(r"[^a-z' ]", text):
        return None
    words = text.split()
    return " ".join(words) if words else None


def spoken_form(line):
    """The line as given to a synthesizer: spelled letters where the words are letters."""
    return re.sub(r"\b([ap]) m\b", lambda m: m.group(1).upper() + " M", line)


# ------------------------------------------------------------------------------- the plan

def synthesized_items(seed):
    """Every rendering of every sentence: one tuning voice, one evaluation voice, clean and noisy."""
    rng = random.Random("%d:stt-voices" % seed)
    sentences = [("receptionist", "r%02d" % i, state, rule, text) for i, (state, rule, text) in enumerate(RECEPTIONIST)]
    sentences += [("general", "g%02d" % i, None, None, text) for i, text in enumerate(GENERAL)]
    items = []
    for index, (kind, ident, state, rule, text) in enumerate(sentences):
        for split, voices in (("tuning", TUNING_VOICES), ("evaluation", EVALUATION_VOICES)):
            engine, voice = voices[index % len(voices)]
            speed = rng.randint(150, 190) if engine == "espeak-ng" else round(rng.uniform(0.9, 1.15), 2)
            noise = vc.NOISES[len(items) // 2 % len(vc.NOISES)]
            for snr in (None, SNR_DB):
                items.append({"kind": kind, "id": ident, "text": text, "state": state, "rule": rule,
                              "engine": engine, "voice": voice, "speed": speed, "set": split,
                              "snr": snr, "noise": noise if snr is not None else None})
    return items


def human_items(count):
    """Asterisk prompts with a speakable transcript, every k-th of them in name order."""
    with gzip.open(ASTERISK_TEXT, "rt", encoding="utf-8", errors="replace") as f:
        entries = []
        for line in f:
            name, sep, text = line.partition(":")
            if not sep or line.startswith(";") or "[" in text or "/" in name:
                continue
            path = os.path.join(ASTERISK_SOUNDS, name.strip() + ".wav")
            words = normalise(text.strip())
            if words and os.path.exists(path) and 2 <= len(words.split()) <= 30:
                entries.append((name.strip(), path, words))
    entries.sort()
    step = max(1, len(entries) // count)
    chosen = entries[::step][:count]
    items = []
    for index, (name, path, words) in enumerate(chosen):
        split = "tuning" if index % 3 == 0 else "evaluation"
        noise = vc.NOISES[index % len(vc.NOISES)]
        for snr in (None, SNR_DB):
            items.append({"kind": "human", "id": name, "text": words, "state": None, "rule": None,
                          "engine": "human", "voice": "asterisk", "path": path, "set": split,
                          "snr": snr, "noise": noise if snr is not None else None})
    return items


def file_name(item):
    voice = re.sub(r"[^a-z0-9]+", "", item["voice"].lower())
    return "%s/%s-%s-%s.wav" % (item["kind"], item["id"], voice, "clean" if item["snr"] is None else "noise%d" % item["snr"])


# ------------------------------------------------------------------------------- rendering

def speech_samples(item, tmp, name):
    """The item's speech at 16 kHz, trimmed, levelled and padded; and its speech frames."""
    if item["engine"] == "human":
        dst = os.path.join(tmp, name + ".wav")
        vc.sox(item["path"], "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer", dst)
        samples = vc.read_wav16(dst)
    else:
        samples = vc.synthesize(item["engine"], item["voice"], item["speed"], spoken_form(item["text"]), tmp, name)
    runs = vc.speech_runs(samples)
    if not runs:
        raise vc.ToolError("%s %s produced no audio for %r" % (item["engine"], item["voice"], item["text"]))
    samples, runs = vc.trim_to_speech(samples, runs)
    gain, _ = vc.level_gain(samples, runs, LEVEL_DBFS)
    lead, tail = LEAD_MS * RATE // 1000, TAIL_MS * RATE // 1000
    padded = array.array("f", bytes(4 * lead)) + array.array("f", [v * gain for v in samples]) + array.array("f", bytes(4 * tail))
    shift = lead // vc.FRAME
    return padded, [(s + shift, e + shift) for s, e in runs]


def render(item, noises, out, tmp, seed):
    name = file_name(item)
    stem = os.path.join(tmp, name.replace("/", "_")[:-4])
    speech, runs = speech_samples(item, tmp, os.path.basename(stem))
    speech_path = stem + ".f32"
    vc.write_f32(speech_path, speech)
    inputs = [(speech_path, 1.0)]
    if item["snr"] is not None:
        noise, noise_power = noises[item["noise"]]
        rng = random.Random("%d:%s" % (seed, name))
        start = rng.randrange(len(noise) - len(speech))
        noise_path = stem + ".noise.f32"
        vc.write_f32(noise_path, noise[start:start + len(speech)])
        band = vc.in_band(speech_path, stem + ".band")
        speech_power = sum(vc.power(band[s * vc.FRAME:e * vc.FRAME]) * (e - s) for s, e in runs) / sum(e - s for s, e in runs)
        inputs.append((noise_path, math.sqrt(speech_power / (noise_power * 10 ** (item["snr"] / 10)))))
    staged = stem + ".staged.wav"
    vc.telephone(inputs, staged, stem + ".ul")
    os.makedirs(os.path.dirname(os.path.join(out, name)), exist_ok=True)
    shutil.move(staged, os.path.join(out, name))
    for path, _ in inputs:
        os.remove(path)
    return name


def make_noises(seed, pool, tmp):
    """Each noise kind once, NOISE_SECONDS long, with its band-limited mean power."""
    n = NOISE_SECONDS * RATE
    noises = {}
    for kind in vc.NOISES:
        # one at a time: babble synthesizes its talkers through the pool itself
        noise = vc.make_noise(kind, seed, n, pool, tmp)
        path = os.path.join(tmp, "noise-%s.f32" % kind)
        vc.write_f32(path, noise)
        noises[kind] = (noise, vc.power(vc.in_band(path, path + ".band")))
        os.remove(path)
        progress("made %s noise" % kind)
    return noises


def progress(message):
    print("stt-corpus: " + message, file=sys.stderr, flush=True)


def manifest_entry(item):
    voice = item["voice"] if item["engine"] == "human" else "%s:%s" % (item["engine"], item["voice"])
    return {"file": file_name(item), "text": item["text"], "kind": item["kind"], "state": item["state"],
            "rule": item["rule"], "voice": voice, "snr": item["snr"], "noise": item["noise"], "set": item["set"]}


def up_to_date(out, seed, items):
    try:
        with open(os.path.join(out, "manifest.json")) as f:
            manifest = json.load(f)
        return (manifest.get("version") == 1 and manifest.get("seed") == seed
                and [i["file"] for i in manifest["items"]] == [file_name(i) for i in items]
                and all(os.path.exists(os.path.join(out, file_name(i))) for i in items))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def main():
    repo = os.path.dirname(HERE)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default=os.path.join(repo, "bench-data", "stt-corpus"),
                        help="output directory (default: <repo>/bench-data/stt-corpus)")
    parser.add_argument("--human", type=int, default=60, help="Asterisk recordings to take (default 60)")
    parser.add_argument("--force", action="store_true", help="regenerate even if up to date")
    args = parser.parse_args()

    missing = vc.missing_tools()
    if missing:
        for tool in missing:
            print("stt-corpus: %s not found; install the Debian package: apt-get install %s" % (tool, tool), file=sys.stderr)
        return vc.EX_UNAVAILABLE
    if not os.path.exists(ASTERISK_TEXT):
        print("stt-corpus: %s not found; install asterisk-core-sounds-en-wav" % ASTERISK_TEXT, file=sys.stderr)
        return vc.EX_UNAVAILABLE

    items = synthesized_items(args.seed) + human_items(args.human)
    if not args.force and up_to_date(args.out, args.seed, items):
        progress("%s up to date" % args.out)
        return 0
    os.makedirs(args.out, exist_ok=True)
    manifest = os.path.join(args.out, "manifest.json")
    if os.path.exists(manifest):
        os.remove(manifest)  # stale until the new set is done
    try:
        with tempfile.TemporaryDirectory(prefix="stt-corpus-") as tmp, \
                concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
            noises = make_noises(args.seed, pool, tmp)
            for done, name in enumerate(pool.map(lambda i: render(i, noises, args.out, tmp, args.seed), items), 1):
                if done % 25 == 0 or done == len(items):
                    progress("%d/%d files (%s)" % (done, len(items), name))
    except vc.ToolError as e:
        print("stt-corpus: " + str(e), file=sys.stderr)
        return 1
    # the manifest last: its presence means the set is complete
    vc.write_json_lines(manifest, {"version": 1, "seed": args.seed, "rate": 8000,
                                   "split": "synthesized: by voice (tuning / evaluation voices); human: every third recording is tuning"},
                        "items", [manifest_entry(i) for i in items])
    progress("wrote %s (%d items)" % (manifest, len(items)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
