#!/usr/bin/env python3
"""Generate a labelled corpus for evaluating a voice activity detector on telephone audio.

One synthetic speech track (about --seconds long) is mixed with six kinds of noise at four
SNRs and passed through a telephone chain, giving 25 files that share one set of labels:

  clean.wav                      speech only
  <noise>-<snr>.wav              noise in white pink brown babble hum clicks,
                                 snr in 20 10 5 0 (dB), e.g. pink-5.wav
  labels.json                    speech intervals (read by the Swift VAD benchmark)
  utterances.json                every utterance: engine, voice, speed, text, level, times

Everything is deterministic: the same --seed and --seconds give byte-identical files on the
same machine (the noise comes from Python's random.Random; sox runs with -R and without
dither; espeak-ng and flite are deterministic).

Speech track (16 kHz internally)
  Starts with 1.5 s without speech (a detector must learn each call's noise floor), has one
  8 s pause near the middle, and otherwise 0.3-4 s pauses between utterances. Utterances are
  short receptionist/caller lines in English and Hindi (Devanagari), synthesized alternately
  by espeak-ng (several voices, 130-210 wpm) and flite (kal, slt, rms, awb, with varied
  duration stretch), at levels spread over 15 dB (active RMS -34 to -19 dBFS).

Labels
  Speech intervals are integer milliseconds, [start, end), relative to the file start,
  computed from each CLEAN synthesized utterance on its own (before mixing):
    - split the utterance into 10 ms frames;
    - a frame is active if its RMS is within 40 dB of the utterance's loudest frame;
    - active runs separated by gaps shorter than 200 ms are merged into one interval;
    - intervals shorter than 30 ms left after merging are dropped.
  Each utterance is trimmed to its first..last active frame before it is placed, so the
  pauses above are pauses between labelled speech. All files have the same labels.

Noise (each generated once, at 16 kHz, for the whole track)
  white   Gaussian white noise.
  pink    1/f noise (Paul Kellet's refined filter applied to white noise).
  brown   leaky-integrated white noise (leak 0.995, corner ~13 Hz), mean removed.
  babble  six different synthetic talkers speaking sentences that are not in the speech
          list, each looped from its own offset, summed: a continuous crowd.
  hum     mains buzz as heard on a bad line: every harmonic of 50 Hz up to 2 kHz (so well
          into the voice band) at 1/k amplitude (-6 dB/octave), even harmonics 6 dB below
          the odd ones, random but fixed phases; stationary (one 20 ms period, tiled); plus
          white noise 30 dB below the buzz.
  clicks  about 3 clicks per second at random times, each a 1-5 ms exponentially decaying
          noise burst, plus white noise 30 dB below the clicks' mean power.
  SNR is set inside the telephone band, on what the detector hears: the clean 16 kHz speech
  track and each noise are band-limited on their own by the chain's 300-3400 Hz filter, and
  SNR = band-limited speech power over the labelled samples / band-limited noise's mean
  power over the whole file; the noise is scaled to reach the target SNR. Only codec
  clipping (below) moves the final files off it, noticeably only for clicks at 5 and 0 dB.

Telephone chain (after mixing)
  sox: band-limit 300-3400 Hz (sinc), resample to 8 kHz, encode to mu-law and decode back;
  written as 8 kHz mono 16-bit PCM WAV, all exactly the same number of samples. Mixing and
  band-limiting run 24 dB below full scale, so nothing clips before the filter; overloads
  clip at full scale at the codec (as a real one does); nothing wraps around.

Requires python3 (standard library only), espeak-ng, flite and sox. If the output directory
already holds a labels.json for the same seed and length, nothing is done unless --force.
Progress goes to stderr, one line per file written.
"""
import argparse
import array
import concurrent.futures
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import wave

RATE = 16000                 # working sample rate
OUT_RATE = 8000              # telephone rate of the files written
FRAME = RATE // 100          # 10 ms label frame
ACTIVE_DB = 40.0             # frame is speech if within this many dB of the loudest frame
MERGE_GAP_MS = 200           # speech runs closer than this are one interval
MIN_RUN_MS = 30              # shorter isolated runs are dropped
LEAD_MS = 1500               # no speech at the start of every file
LONG_PAUSE_MS = 8000         # the one long pause, placed once half the track is used
GAP_MS = (300, 4000)         # other pauses between utterances
TAIL_MS = 500                # at least this much no-speech at the end
LEVEL_DBFS = (-34.0, -19.0)  # active RMS of utterances: a 15 dB spread around -26.5
PEAK_DBFS = -1.0             # utterances never peak above this before mixing
NOISES = ["white", "pink", "brown", "babble", "hum", "clicks"]
SNRS_DB = [20, 10, 5, 0]
BAND = "300-3400"            # telephone band (Hz) of the sox sinc filter; SNRs are set in it
HEADROOM = 16                # the chain mixes and filters this far below full scale
HUM_HZ = 50                  # mains frequency
HUM_TOP_HZ = 2000            # highest hum harmonic
TOOLS = ["espeak-ng", "flite", "sox"]   # the Debian packages have the same names
EX_UNAVAILABLE = 69

ENGLISH = [
    "Yes.",
    "No.",
    "Okay.",
    "Sure.",
    "Right.",
    "Perfect.",
    "Yes, that's right.",
    "No, thank you.",
    "Thank you, goodbye.",
    "Good morning, thank you for calling Riverside Dental. How can I help you today?",
    "I'd like to book an appointment for next Tuesday, please.",
    "Can I get your full name and date of birth?",
    "My number is five five five, two one three, four four nine eight.",
    "We have an opening at half past two on Thursday afternoon.",
    "Does ten fifteen work for you?",
    "Hello? Are you still there?",
    "Sorry, could you repeat that?",
    "I need to cancel my appointment on the fourteenth.",
    "Please hold for a moment while I check the schedule.",
    "The clinic is closed on Sundays and public holidays.",
    "Your confirmation code is seven, four, alpha, nine.",
    "Is this the right number for the billing department?",
    "Let me transfer you to the front desk.",
    "We'll send you a text message reminder the day before.",
    "Could you spell your last name for me?",
    "I'm calling about the prescription refill for my mother.",
    "The doctor can see you at nine in the morning, or at four in the afternoon.",
    "Actually, wait, let me check my calendar first.",
    "Zero two zero, seven nine four six, one one three eight.",
]
HINDI = [
    "हाँ।",
    "नहीं, धन्यवाद।",
    "नमस्ते, मैं आपकी क्या मदद कर सकती हूँ?",
    "मुझे कल सुबह डॉक्टर से मिलना है।",
    "आपका अपॉइंटमेंट गुरुवार को तीन बजे है।",
    "कृपया अपना फ़ोन नंबर बताइए।",
    "मेरा नंबर नौ आठ सात छह, पाँच चार तीन, दो एक शून्य है।",
    "ठीक है, मैं इंतज़ार करूँगा।",
]
ESPEAK_ENGLISH = ["en-us", "en-gb", "en-us+f3", "en-gb-scotland", "en-029", "en-us+m3"]
ESPEAK_HINDI = ["hi", "hi+f3"]
FLITE_VOICES = ["kal", "slt", "rms", "awb"]

# Background talkers: none of these sentences is in the speech list, so a detector cannot
# be scored on the babble as if it were the foreground speaker.
BABBLE_SENTENCES = [
    "The weather has been lovely all week, hasn't it.",
    "I told him the train was going to be late again.",
    "We should paint the kitchen a brighter colour this spring.",
    "Did you see the match last night? What a finish.",
    "She bought three kilos of apples at the market.",
    "The meeting ran over, so I missed the bus home.",
    "My brother is moving to a new flat near the river.",
    "Can you believe how expensive coffee has become?",
    "They are building a new library across from the school.",
    "I think the printer on the second floor is broken again.",
    "Let's order pizza and watch a film tonight.",
    "The garden needs watering before the sun gets too hot.",
]
BABBLE_TALKERS = [  # (engine, voice, speed)
    ("espeak-ng", "en-us+m7", 165),
    ("espeak-ng", "en-gb+f4", 180),
    ("espeak-ng", "en-029+m2", 150),
    ("flite", "rms", 1.0),
    ("flite", "slt", 0.9),
    ("flite", "awb", 1.1),
]


class ToolError(Exception):
    pass


# ---------------------------------------------------------------------------------- tools

def run(cmd):
    """Run a command quietly; on failure raise ToolError carrying its stderr."""
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise ToolError("%s failed (exit %d): %s" % (" ".join(cmd[:6]), proc.returncode,
                                                     proc.stderr.decode(errors="replace").strip()))


def sox(*args):
    # -R: repeatable; -D: no dither (dither is random noise we neither want nor can label);
    # -V1: errors only, so expected clipping warnings at low SNR stay quiet.
    run(["sox", "-R", "-D", "-V1", *args])


F32 = ["-t", "f32", "-r", str(RATE), "-c", "1"]   # raw native float32 at the working rate


def missing_tools():
    return [t for t in TOOLS if shutil.which(t) is None]


def progress(msg):
    print("vad-corpus: " + msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- audio I/O

def read_wav16(path):
    """Samples of a 16-bit mono WAV as floats in [-1, 1)."""
    with wave.open(path, "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1 and w.getframerate() == RATE
        pcm = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        pcm.byteswap()
    return array.array("f", [v / 32768.0 for v in pcm])


def write_f32(path, samples):
    with open(path, "wb") as f:
        f.write(samples.tobytes())


def power(samples):
    return sum(v * v for v in samples) / len(samples)


# ------------------------------------------------------------------------------- speech

def synthesize(engine, voice, speed, text, tmp, name):
    """Synthesize one utterance and return its samples at 16 kHz."""
    src, dst = os.path.join(tmp, name + ".src.wav"), os.path.join(tmp, name + ".wav")
    if engine == "espeak-ng":
        run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", src, text])
    else:
        run(["flite", "-voice", voice, "--setf", "duration_stretch=%.2f" % speed,
             "-t", text, "-o", src])
    sox(src, "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer", dst)
    return read_wav16(dst)


def speech_runs(samples):
    """Labelled speech of one clean utterance, as [start, end) frame index pairs.

    This is the label definition documented at the top of the file.
    """
    energies = [sum(v * v for v in samples[i:i + FRAME])
                for i in range(0, len(samples) - FRAME + 1, FRAME)]
    loudest = max(energies, default=0.0)
    if loudest == 0.0:
        return []
    threshold = loudest * 10 ** (-ACTIVE_DB / 10)
    runs, start = [], None
    for i, e in enumerate(energies + [0.0]):
        if e >= threshold and start is None:
            start = i
        elif e < threshold and start is not None:
            runs.append([start, i])
            start = None
    merged = []
    for s, e in runs:
        if merged and (s - merged[-1][1]) * 10 < MERGE_GAP_MS:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged if (e - s) * 10 >= MIN_RUN_MS]


def trim_to_speech(samples, runs):
    """Cut the synthesizer's leading/trailing silence; return samples and shifted runs."""
    first, last = runs[0][0], runs[-1][1]
    return samples[first * FRAME:last * FRAME], [(s - first, e - first) for s, e in runs]


def active_power(samples, runs):
    total = sum(power(samples[s * FRAME:e * FRAME]) * (e - s) for s, e in runs)
    return total / sum(e - s for s, e in runs)


def plan_round(rng, english_count):
    """One pass over all sentences in seeded order, each with a voice, speed and level.

    English lines alternate between espeak-ng and flite, continuing from english_count;
    Hindi needs espeak-ng. Returns the plan and the new english_count.
    """
    lines = [(t, "en") for t in ENGLISH] + [(t, "hi") for t in HINDI]
    rng.shuffle(lines)
    plan = []
    for text, lang in lines:
        if lang == "hi":
            engine, voice = "espeak-ng", rng.choice(ESPEAK_HINDI)
        elif english_count % 2 == 0:
            engine, voice = "espeak-ng", rng.choice(ESPEAK_ENGLISH)
        else:
            engine, voice = "flite", rng.choice(FLITE_VOICES)
        if lang == "en":
            english_count += 1
        speed = rng.randint(130, 210) if engine == "espeak-ng" else round(rng.uniform(0.85, 1.25), 2)
        level = round(rng.uniform(*LEVEL_DBFS), 1)
        plan.append({"engine": engine, "voice": voice, "speed": speed, "text": text,
                     "level_db": level})
    return plan, english_count


def render(pool, plan, tmp, first_index):
    """Synthesize a planned round in parallel; return (trimmed samples, runs) per line."""
    def one(k):
        u = plan[k]
        samples = synthesize(u["engine"], u["voice"], u["speed"], u["text"], tmp,
                             "utt%03d" % (first_index + k))
        runs = speech_runs(samples)
        if not runs:
            raise ToolError("%s %s produced no audio for %r" % (u["engine"], u["voice"], u["text"]))
        return trim_to_speech(samples, runs)
    return list(pool.map(one, range(len(plan))))


def level_gain(samples, runs, level_db):
    """Gain that puts the utterance's active RMS at level_db, capped so it cannot peak
    above PEAK_DBFS; returns (gain, the level actually reached)."""
    rms = math.sqrt(active_power(samples, runs))
    gain = 10 ** (level_db / 20) / rms
    peak = max(abs(v) for v in samples)
    gain = min(gain, 10 ** (PEAK_DBFS / 20) / peak)
    return gain, round(20 * math.log10(gain * rms), 1)


def build_speech_track(seed, total_ms, pool, tmp):
    """Place utterances on a silent track; return (track, labels in ms, utterance records)."""
    rng = random.Random("%d:speech" % seed)
    track = array.array("f", bytes(4 * total_ms * RATE // 1000))
    labels, records = [], []
    cursor, long_pause_done, english_count = LEAD_MS, False, rng.randrange(2)
    while True:
        plan, english_count = plan_round(rng, english_count)
        rendered = render(pool, plan, tmp, len(records))
        for u, (samples, runs) in zip(plan, rendered):
            length_ms = len(samples) * 1000 // RATE
            if cursor + length_ms > total_ms - TAIL_MS:
                return track, labels, records
            gain, level = level_gain(samples, runs, u["level_db"])
            start = cursor * RATE // 1000
            track[start:start + len(samples)] = array.array("f", [v * gain for v in samples])
            speech = [[cursor + s * 10, cursor + e * 10] for s, e in runs]
            labels.extend(speech)
            speed = ("%d wpm" % u["speed"]) if u["engine"] == "espeak-ng" else \
                    ("duration_stretch %.2f" % u["speed"])
            records.append({"index": len(records), "engine": u["engine"], "voice": u["voice"],
                            "speed": speed, "text": u["text"], "level_db": level,
                            "start_ms": cursor, "end_ms": cursor + length_ms, "speech": speech})
            cursor += length_ms
            if not long_pause_done and cursor >= total_ms // 2:
                cursor += LONG_PAUSE_MS
                long_pause_done = True
            else:
                cursor += 10 * round(rng.uniform(*GAP_MS) / 10)


def labelled_power(track, labels):
    """Mean power of the track over the labelled speech samples."""
    total = n = 0
    for s, e in labels:
        seg = track[s * RATE // 1000:e * RATE // 1000]
        total += sum(v * v for v in seg)
        n += len(seg)
    return total / n


# -------------------------------------------------------------------------------- noise
# Each generator returns float32 samples of any scale; normalise() fixes the scale later.

def white(rng, n):
    gauss = rng.gauss
    return array.array("f", [gauss(0.0, 1.0) for _ in range(n)])


def pink(rng, n):
    # Paul Kellet's refined pink filter: a sum of first-order lowpasses approximating
    # -3 dB/octave within 0.05 dB above ~10 Hz at 44.1 kHz (a touch less flat at 16 kHz).
    gauss = rng.gauss
    out = array.array("f", bytes(4 * n))
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = 0.0
    for i in range(n):
        w = gauss(0.0, 1.0)
        b0 = 0.99886 * b0 + w * 0.0555179
        b1 = 0.99332 * b1 + w * 0.0750759
        b2 = 0.96900 * b2 + w * 0.1538520
        b3 = 0.86650 * b3 + w * 0.3104856
        b4 = 0.55000 * b4 + w * 0.5329522
        b5 = -0.7616 * b5 - w * 0.0168980
        out[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362
        b6 = w * 0.115926
    return remove_dc(out)


def brown(rng, n):
    # The leak keeps the integrator from wandering off (it turns into white below ~13 Hz);
    # removing the mean makes the file DC-free.
    gauss = rng.gauss
    out = array.array("f", bytes(4 * n))
    y = 0.0
    for i in range(n):
        y = 0.995 * y + gauss(0.0, 1.0)
        out[i] = y
    return remove_dc(out)


def hum(rng, n):
    # Mains buzz: every harmonic of 50 Hz up to HUM_TOP_HZ at 1/k amplitude (-6 dB/octave),
    # the even ones 6 dB below the odd ones, with random but fixed phases. One 20 ms period
    # holds every harmonic exactly, so compute it once and tile: the buzz is stationary.
    period = RATE // HUM_HZ
    harmonics = range(1, HUM_TOP_HZ // HUM_HZ + 1)
    amps = {k: (1.0 if k % 2 else 0.5) / k for k in harmonics}
    phases = {k: rng.uniform(0, 2 * math.pi) for k in harmonics}
    cycle = [sum(amps[k] * math.sin(2 * math.pi * k * i / period + phases[k]) for k in harmonics)
             for i in range(period)]
    tone = array.array("f", cycle) * (n // period + 1)
    del tone[n:]
    return add_floor(rng, tone, -30.0)


def clicks(rng, n, per_second=3.0):
    out = array.array("f", bytes(4 * n))
    t = rng.expovariate(per_second)
    while t < n / RATE:
        start, length = int(t * RATE), int(rng.uniform(0.001, 0.005) * RATE)
        amp = rng.uniform(0.3, 1.0) * rng.choice((-1.0, 1.0))
        for i in range(min(length, n - start)):
            # decays to -40 dB by the end of the burst
            out[start + i] += amp * rng.gauss(0.0, 1.0) * math.exp(-4.6 * i / length)
        t += rng.expovariate(per_second)
    return add_floor(rng, out, -30.0)


def babble(seed, n, pool, tmp):
    """Six looped talkers summed; each talker's sentences are normalised to one level."""
    rng = random.Random("%d:babble" % seed)
    talkers = []
    for t, (engine, voice, speed) in enumerate(BABBLE_TALKERS):
        sentences = BABBLE_SENTENCES[:]
        rng.shuffle(sentences)
        talkers.append((engine, voice, speed, sentences, rng.uniform(0.0, 1.0)))

    def talker_stream(t):
        engine, voice, speed, sentences, offset = talkers[t]
        trng = random.Random("%d:babble:%d" % (seed, t))
        stream = array.array("f")
        for k, text in enumerate(sentences):
            samples = synthesize(engine, voice, speed, text, tmp, "babble%d-%02d" % (t, k))
            samples, runs = trim_to_speech(samples, speech_runs(samples))
            gain = 0.1 / math.sqrt(active_power(samples, runs))
            stream.extend(array.array("f", [v * gain for v in samples]))
            # short pauses: with six talkers the crowd never goes quiet
            stream.extend(bytes(4 * int(trng.uniform(0.1, 0.5) * RATE)))
        start = int(offset * len(stream))   # each talker starts at its own point of its loop
        looped = (stream[start:] + stream[:start]) * (n // len(stream) + 1)
        del looped[n:]
        return looped

    streams = list(pool.map(talker_stream, range(len(talkers))))
    return remove_dc(array.array("f", [sum(v) for v in zip(*streams)]))


def add_floor(rng, signal, db):
    """Add white noise `db` below the signal's mean power."""
    scale = math.sqrt(power(signal) * 10 ** (db / 10))
    gauss = rng.gauss
    return array.array("f", [v + scale * gauss(0.0, 1.0) for v in signal])


def remove_dc(samples):
    mean = sum(samples) / len(samples)
    return array.array("f", [v - mean for v in samples])


def normalise(samples, peak=0.99):
    # sox reads float input into fixed point, clipping at +-1, before applying -v gains;
    # so every raw noise file must stay inside full scale and the gain does the rest.
    scale = peak / max(abs(v) for v in samples)
    return array.array("f", [v * scale for v in samples])


def make_noise(kind, seed, n, pool, tmp):
    if kind == "babble":
        return normalise(babble(seed, n, pool, tmp))
    rng = random.Random("%d:%s" % (seed, kind))
    return normalise({"white": white, "pink": pink, "brown": brown,
                      "hum": hum, "clicks": clicks}[kind](rng, n))


# ------------------------------------------------------------------------ telephone chain

def telephone(inputs, out_wav, tmp_ul):
    """Mix (path, gain) inputs, band-limit, resample to 8 kHz, mu-law round trip, write WAV.

    The mix and the band-limit run HEADROOM below the final level, so only the codec stage
    clips: a loud noise's energy outside the band cannot overload the line before the filter.
    """
    mix = ["-m"] if len(inputs) > 1 else []
    for path, gain in inputs:
        # with -v on every input, -m sums them without its default 1/n scaling
        mix += ["-v", "%.9g" % (gain / HEADROOM), *F32, path]
    sox(*mix, "-t", "ul", "-r", str(OUT_RATE), "-c", "1", tmp_ul,
        "sinc", BAND, "rate", str(OUT_RATE), "vol", str(HEADROOM))
    sox("-t", "ul", "-r", str(OUT_RATE), "-c", "1", tmp_ul,
        "-b", "16", "-e", "signed-integer", out_wav)


def in_band(path, tmp_out):
    """Samples of a raw float32 file after the telephone chain's band-limit (at 16 kHz),
    HEADROOM below the input's level (as in telephone())."""
    sox("-v", str(1 / HEADROOM), *F32, path, *F32, tmp_out, "sinc", BAND)
    with open(tmp_out, "rb") as f:
        samples = array.array("f", f.read())
    os.remove(tmp_out)
    return samples


# ---------------------------------------------------------------------------- the corpus

def file_names():
    return ["clean.wav"] + ["%s-%d.wav" % (k, s) for k in NOISES for s in SNRS_DB]


def up_to_date(out, seed, total_ms):
    try:
        with open(os.path.join(out, "labels.json")) as f:
            labels = json.load(f)
        files = labels["files"]
        return (labels.get("version") == 1 and labels.get("seed") == seed
                and [f["file"] for f in files] == file_names()
                and all(f["duration_ms"] == total_ms for f in files)
                and all(os.path.exists(os.path.join(out, f["file"])) for f in files)
                and os.path.exists(os.path.join(out, "utterances.json")))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def write_json_lines(path, head, key, items):
    """JSON with one list item per line: readable in a diff, and stable byte for byte."""
    text = json.dumps(head, ensure_ascii=False)[:-1]
    body = ",\n  ".join(json.dumps(i, ensure_ascii=False) for i in items)
    with open(path, "w", encoding="utf-8") as f:
        f.write('%s, "%s": [\n  %s\n]}\n' % (text, key, body))


def generate(out, seed, total_ms, tmp, build_track=build_speech_track, header=None):
    """Writes the corpus into `out`. `build_track(seed, total_ms, pool, tmp)` places the speech
    (scripts/vad-human-corpus.py passes one that places recordings); `header` adds keys to
    labels.json and utterances.json."""
    n = total_ms * RATE // 1000
    workers = os.cpu_count() or 2
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        track, labels, records = build_track(seed, total_ms, pool, tmp)
        speech_path = os.path.join(tmp, "speech.f32")
        write_f32(speech_path, track)
        del track
        speech_power = labelled_power(in_band(speech_path, speech_path + ".band"), labels)

        jobs = [("clean.wav", "none", None, [(speech_path, 1.0)])]
        for kind in NOISES:
            noise = make_noise(kind, seed, n, pool, tmp)
            noise_path = os.path.join(tmp, kind + ".f32")
            write_f32(noise_path, noise)
            del noise
            noise_power = power(in_band(noise_path, noise_path + ".band"))
            for snr in SNRS_DB:
                gain = math.sqrt(speech_power / (noise_power * 10 ** (snr / 10)))
                jobs.append(("%s-%d.wav" % (kind, snr), kind, snr,
                             [(speech_path, 1.0), (noise_path, gain)]))

        def finish(job):
            name, _, _, inputs = job
            staged = os.path.join(tmp, name)
            telephone(inputs, staged, staged + ".ul")
            with wave.open(staged, "rb") as w:
                assert w.getnframes() == total_ms * OUT_RATE // 1000, name
            shutil.move(staged, os.path.join(out, name))
            return name

        for name in pool.map(finish, jobs):
            progress("wrote " + os.path.join(out, name))

    write_json_lines(os.path.join(out, "utterances.json"), {"version": 1, "seed": seed, **(header or {})},
                     "utterances", records)
    progress("wrote " + os.path.join(out, "utterances.json"))
    files = [{"file": name, "noise": kind, "snr_db": snr, "duration_ms": total_ms,
              "speech": labels} for name, kind, snr, _ in jobs]
    # labels.json last: its presence means the set is complete
    write_json_lines(os.path.join(out, "labels.json"),
                     {"version": 1, "rate": OUT_RATE, "seed": seed, **(header or {}),
                      "frame_note": "speech intervals in ms, [start, end)"}, "files", files)
    progress("wrote " + os.path.join(out, "labels.json"))


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default=os.path.join(repo, "bench-data", "vad-corpus"),
                        help="output directory (default: <repo>/bench-data/vad-corpus)")
    parser.add_argument("--seconds", type=float, default=150.0,
                        help="length of every file in seconds (default 150, at least 20)")
    parser.add_argument("--force", action="store_true", help="regenerate even if up to date")
    args = parser.parse_args()
    if args.seconds < 20:
        parser.error("--seconds must be at least 20 (1.5 s lead-in + 8 s pause + speech)")
    total_ms = round(args.seconds * 1000)

    missing = missing_tools()
    if missing:
        for tool in missing:
            print("vad-corpus: %s not found; install the Debian package: apt-get install %s"
                  % (tool, tool), file=sys.stderr)
        return EX_UNAVAILABLE

    if not args.force and up_to_date(args.out, args.seed, total_ms):
        progress("%s up to date" % args.out)
        return 0
    os.makedirs(args.out, exist_ok=True)
    try:
        os.remove(os.path.join(args.out, "labels.json"))  # stale until the new set is done
    except FileNotFoundError:
        pass
    try:
        with tempfile.TemporaryDirectory(prefix="vad-corpus-") as tmp:
            generate(args.out, args.seed, total_ms, tmp)
    except ToolError as e:
        print("vad-corpus: " + str(e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
