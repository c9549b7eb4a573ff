#!/usr/bin/env python3
"""Benchmark (not a test): Switchboard's `vad` against webrtcvad (modes 0-3) and Silero VAD.

    scripts/vad-compare.py [--corpus DIR] [--vad PATH] [--venv DIR] [--out DIR]

1. Makes (once) a venv with the peers pinned in scripts/vad-compare.requirements.txt, and
   re-executes itself with the venv's python.
2. Runs every peer over every file of the labelled corpus (bench-data/vad-corpus, made by
   `make corpus`) and writes one detections file per peer into --out: one character per frame,
   '1' speech, '0' not. The peers only give frame decisions; `vad eval --detections` applies the
   same endpointing as the built-in detector, so every detector is scored the same way.
3. Scores the built-in detector (`vad eval --corpus DIR --json`) and each detections file
   (`vad eval --corpus DIR --detections FILE --json`), prints one table and the target checks,
   and writes the table to --out/table.md next to the raw JSON. Exits 0 whether or not the
   targets are met; non-zero only if something could not be run. Columns: F1 per SNR, mean
   absolute onset error, signed onset error at utterance starts (detected − labelled, ms:
   mean/median/p90; negative is early) and the share of speech frames missed in the first and
   last 200 ms of utterances, as `vad eval` defines them.

The human corpus (scripts/vad-human-corpus.py) is compared the same way:
    scripts/vad-compare.py --corpus bench-data/vad-human/eval --out bench-data/vad-compare/human

Peers:
- webrtcvad (the webrtcvad-wheels build), modes 0-3, 30 ms frames: the frame size most used
  with it (10 and 20 ms are allowed too).
- Silero VAD: the ONNX model shipped in the silero-vad package, run with onnxruntime on one
  thread, 256-sample chunks (32 ms at 8 kHz), fed exactly as the package's OnnxWrapper feeds
  it, with Silero's own hysteresis (speech from p >= 0.5 until p < 0.35).
CPU time is time.process_time() (the whole process, all threads) over the detection loops only.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
import wave

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(SCRIPTS)
REQUIREMENTS = os.path.join(SCRIPTS, "vad-compare.requirements.txt")
# Set when we re-execute ourselves in the venv, so a venv that does not work fails loudly
# instead of re-executing forever.
REEXEC_MARK = "VAD_COMPARE_REEXECUTED"

WEBRTC_FRAME_MS = 30
WEBRTC_MODES = (0, 1, 2, 3)
# Silero's get_speech_timestamps defaults: start at threshold, end below threshold - 0.15.
SILERO_THRESHOLD = 0.5
SILERO_NEG_THRESHOLD = max(SILERO_THRESHOLD - 0.15, 0.01)
SILERO_MODEL = "silero_vad/data/silero_vad.onnx"  # the 8 kHz + 16 kHz model, inside the package

# Columns of the table: None is the clean file (snr_db null in the labels and in by_snr).
SNR_COLUMNS = (None, 20, 10, 5, 0)
SILERO_CLOSE_SNRS = (None, 20, 10)  # "at >= 10 dB", clean included
F1_POINTS_OF_SILERO = 3.0
CPU_VS_SILERO = 50.0
REAL_TIME = 1000.0


def log(message):
    print(f"vad-compare: {message}", file=sys.stderr, flush=True)


def die(message):
    log(f"error: {message}")
    sys.exit(2)


# ---------------------------------------------------------------- arguments and set-up

def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Compare Switchboard's vad with webrtcvad and Silero VAD on the labelled corpus.")
    parser.add_argument("--corpus", help="labelled corpus (default: bench-data/vad-corpus)")
    parser.add_argument("--vad", help="the vad executable (default: .build/release/vad)")
    parser.add_argument("--venv", help="venv for the peers, made once (default: bench-data/vad-venv)")
    parser.add_argument("--out", help="detections, raw JSON and table.md (default: bench-data/vad-compare)")
    args = parser.parse_args(argv)
    # Defaults are relative to the repository, so the script works from any directory; paths
    # given on the command line are relative to where it was run, as usual.
    for name, default in (("corpus", "bench-data/vad-corpus"), ("vad", ".build/release/vad"),
                          ("venv", "bench-data/vad-venv"), ("out", "bench-data/vad-compare")):
        value = getattr(args, name)
        setattr(args, name, os.path.abspath(value) if value else os.path.join(REPO, default))
    return args


def check_inputs(args):
    """Fail before spending minutes on the venv and the peers if the run cannot be scored."""
    problems = []
    labels = os.path.join(args.corpus, "labels.json")
    if not os.path.isfile(labels):
        problems.append(f"no corpus: {labels} does not exist. Make it with `make corpus` "
                        f"(scripts/vad-corpus.py), or pass --corpus DIR.")
    if not (os.path.isfile(args.vad) and os.access(args.vad, os.X_OK)):
        problems.append(f"no vad executable at {args.vad}. Build it with "
                        f"`swift build -c release --product vad`, or pass --vad PATH.")
    if problems:
        die("\n  ".join(problems))


def in_venv(venv):
    return os.path.realpath(sys.prefix) == os.path.realpath(venv)


def ensure_venv(venv):
    """Make the venv and install the pinned peers, unless an earlier run did it with the same pins.

    A stamp holding the hash of the requirements file marks a finished install, so an install
    that was interrupted, or pins that changed, are (re)done rather than trusted.
    """
    python = os.path.join(venv, "bin", "python")
    stamp = os.path.join(venv, ".vad-compare-requirements.sha256")
    with open(REQUIREMENTS, "rb") as f:
        wanted = hashlib.sha256(f.read()).hexdigest()
    if os.path.exists(python) and os.path.exists(stamp):
        with open(stamp) as f:
            if f.read().strip() == wanted:
                return python
    try:
        if not os.path.exists(python):
            log(f"making a venv for the peers in {venv} ...")
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        log("installing the pinned peers (webrtcvad-wheels, onnxruntime, numpy, silero-vad) ...")
        # --no-deps: silero-vad declares torch (~5 GB), and all we use of it is the ONNX file.
        # The requirements file lists the whole closure instead. pip's chatter goes to stderr
        # so that stdout keeps only the table.
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--no-deps", "--only-binary=:all:", "-r", REQUIREMENTS],
                       check=True, stdout=sys.stderr)
    except (OSError, subprocess.CalledProcessError) as error:
        die(f"could not set up the peers' venv in {venv}: {error}. Is PyPI reachable? "
            f"Remove {venv} to start it afresh.")
    with open(stamp, "w") as f:
        f.write(wanted + "\n")
    return python


def reexec_in_venv(python):
    os.environ[REEXEC_MARK] = "1"
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


# ---------------------------------------------------------------- corpus

def load_corpus(corpus):
    """The files the labels name, as (name, rate, little-endian 16-bit mono PCM bytes).

    labels.json, not a directory listing, says what `vad eval` scores, so it says what we run.
    """
    with open(os.path.join(corpus, "labels.json")) as f:
        labels = json.load(f)
    files = []
    for entry in labels["files"]:
        path = os.path.join(corpus, entry["file"])
        try:
            with wave.open(path, "rb") as w:
                if w.getnchannels() != 1 or w.getsampwidth() != 2:
                    die(f"{path}: want mono 16-bit PCM, got {w.getnchannels()} channel(s), "
                        f"{8 * w.getsampwidth()}-bit")
                rate = w.getframerate()
                pcm = w.readframes(w.getnframes())
        except (OSError, wave.Error) as error:
            die(f"{path}: {error} (remake the corpus with `make corpus`)")
        if rate not in (8000, 16000):
            die(f"{path}: {rate} Hz; the peers are run at 8 kHz (or 16 kHz)")
        files.append((entry["file"], rate, pcm))
    if not files:
        die(f"{corpus}/labels.json lists no files")
    return files


def audio_seconds(files):
    return sum(len(pcm) // 2 / rate for _, rate, pcm in files)


def detections(detector, frame_ms, cpu_seconds, files, frames):
    """The detections file `vad eval --detections` reads (field order as documented)."""
    return {"detector": detector, "frame_ms": frame_ms, "cpu_seconds": round(cpu_seconds, 6),
            "audio_seconds": round(audio_seconds(files), 6), "files": frames}


# ---------------------------------------------------------------- webrtcvad

def run_webrtcvad(files, mode):
    import webrtcvad

    frames, cpu = {}, 0.0
    for name, rate, pcm in files:
        frame_bytes = rate * WEBRTC_FRAME_MS // 1000 * 2
        # webrtcvad only takes whole frames: the last partial one is padded with silence, so the
        # string covers the whole file (as Silero's own loop does with its last chunk).
        pcm += b"\0" * (-len(pcm) % frame_bytes)
        start = time.process_time()
        vad = webrtcvad.Vad(mode)  # a fresh detector per file, as for a new call
        decisions = "".join("1" if vad.is_speech(pcm[i:i + frame_bytes], rate) else "0"
                            for i in range(0, len(pcm), frame_bytes))
        cpu += time.process_time() - start
        frames[name] = decisions
    return detections(f"webrtcvad mode {mode}", WEBRTC_FRAME_MS, cpu, files, frames)


# ---------------------------------------------------------------- Silero VAD

def silero_model_path():
    """The ONNX file inside the installed silero-vad package.

    Found through the package's metadata, not by importing silero_vad: its __init__ imports
    torch, which we deliberately do not install.
    """
    from importlib import metadata

    dist = metadata.distribution("silero-vad")
    path = str(dist.locate_file(SILERO_MODEL))
    if not os.path.isfile(path):
        die(f"silero-vad {dist.version} has no {SILERO_MODEL}; the pin in {REQUIREMENTS} "
            f"needs a version that ships it")
    return path, dist.version


def silero_session(model_path):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # One thread, as the package's own OnnxWrapper sets it: the comparison is CPU per audio
    # second on one core, and a live call gets one core, not the machine.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(model_path, sess_options=options,
                                        providers=["CPUExecutionProvider"])


def silero_frames(session, samples, rate):
    """One decision per chunk, following silero_vad/utils_vad.py step by step.

    OnnxWrapper.__call__: state [2, 1, 128] starts at zero; a context of the previous 32
    samples (64 at 16 kHz), zeros before the first chunk, is prepended to each chunk; the model
    returns the next state; the new context is the last samples of the input just given.
    get_speech_timestamps: state and context reset for each file; the last chunk zero-padded;
    speech starts at p >= threshold and ends at p < threshold - 0.15.
    """
    import numpy as np

    chunk = 256 if rate == 8000 else 512
    context_size = 32 if rate == 8000 else 64
    samples = np.pad(samples, (0, -len(samples) % chunk))
    state = np.zeros((2, 1, 128), dtype=np.float32)
    context = np.zeros((1, context_size), dtype=np.float32)
    sr = np.array(rate, dtype=np.int64)
    triggered, decisions = False, []
    for start in range(0, len(samples), chunk):
        x = np.concatenate([context, samples[None, start:start + chunk]], axis=1)
        probability, state = session.run(None, {"input": x, "state": state, "sr": sr})
        context = x[..., -context_size:]
        p = probability.item()
        if p >= SILERO_THRESHOLD:
            triggered = True
        elif triggered and p < SILERO_NEG_THRESHOLD:
            triggered = False
        decisions.append("1" if triggered else "0")
    return "".join(decisions)


def run_silero(files, session, version):
    import numpy as np

    frames, cpu, frame_ms = {}, 0.0, None
    for name, rate, pcm in files:
        # Scaling to float [-1, 1) is part of reading the file (Silero's read_audio does it).
        samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
        start = time.process_time()
        frames[name] = silero_frames(session, samples, rate)
        cpu += time.process_time() - start
        frame_ms = (256 if rate == 8000 else 512) * 1000 // rate
    return detections(f"silero-vad {version} (ONNX)", frame_ms, cpu, files, frames)


# ---------------------------------------------------------------- scoring with `vad eval`

def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=2)
        f.write("\n")


def vad_eval(vad, corpus, out_path, detections_path=None):
    """Runs `vad eval ... --json`, keeps its output as it printed it, and returns it parsed."""
    command = [vad, "eval", "--corpus", corpus, "--json"]
    if detections_path:
        command[4:4] = ["--detections", detections_path]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        log(f"`{' '.join(command)}` failed (exit {result.returncode}):\n{result.stderr.strip()}")
        return None
    with open(out_path, "w") as f:
        f.write(result.stdout)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        log(f"`{' '.join(command)}` printed no JSON ({error}); its output is in {out_path}")
        return None


# ---------------------------------------------------------------- table and targets

def by_snr(report):
    return {entry["snr_db"]: entry for entry in report.get("by_snr", [])}


def f1_points(report, snr):
    entry = by_snr(report).get(snr)
    return None if entry is None or entry.get("f1") is None else 100.0 * entry["f1"]


def cpu_per_audio_second(row):
    return row["cpu_seconds"] / row["audio_seconds"] if row["audio_seconds"] else None


def number(value, digits=1):
    return "—" if value is None else f"{value:.{digits}f}"


def scaled(value):
    """Few digits for large numbers, more for small ones (CPU s/h spans 0.1 to 1000s)."""
    if value is None:
        return "—"
    if value == float("inf"):
        return "∞"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def table_cells(row):
    report = row["report"]
    overall = report.get("overall", {}) if report else {}
    per_second = cpu_per_audio_second(row)
    real_time = None if per_second is None else (1 / per_second if per_second else float("inf"))
    cells = [row["detector"]]
    cells += [number(f1_points(report, snr)) if report else "failed" for snr in SNR_COLUMNS]
    signed = overall.get("onset_signed_ms") or {}
    edge = overall.get("edge_missed")
    cells += [number(overall.get("onset_error_ms")),
              "/".join(number(signed.get(k), 0) for k in ("mean", "median", "p90")),
              number(None if edge is None else 100 * edge),
              number(overall.get("false_starts_per_min"), 2),
              scaled(None if per_second is None else per_second * 3600),
              scaled(real_time) + ("×" if real_time is not None else "")]
    return cells


def markdown_table(rows):
    header = ["detector", "F1 % clean", "20 dB", "10 dB", "5 dB", "0 dB", "mean onset err ms",
              "late ms mean/med/p90", "edge miss %", "false starts/min", "CPU s per audio h", "× real time"]
    body = [table_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in [header] + body) for i in range(len(header))]

    def line(cells):
        # Text left-aligned, numbers right-aligned, padded so it reads as well in a terminal.
        return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    rule = "|" + "|".join("-" * (w + 1) + ":" if i else "-" * (w + 2)
                          for i, w in enumerate(widths)) + "|"
    return "\n".join([line(header), rule] + [line(cells) for cells in body])


def snr_name(snr):
    return "clean" if snr is None else f"{snr} dB"


def target_checks(rows):
    """(what, met or None when it cannot be judged, detail) for each target of the built-in vad."""
    builtin = rows[0]
    webrtc = [row for row in rows if row["detector"].startswith("webrtcvad") and row["report"]]
    silero = next((row for row in rows if row["detector"].startswith("silero") and row["report"]), None)
    checks = []

    if builtin["report"] and webrtc:
        gaps = [(f1_points(builtin["report"], snr) - max(f1_points(r["report"], snr) for r in webrtc), snr)
                for snr in SNR_COLUMNS
                if f1_points(builtin["report"], snr) is not None
                and all(f1_points(r["report"], snr) is not None for r in webrtc)]
        worst = min(gaps) if gaps else None
        checks.append(("F1 ≥ best webrtcvad mode at every SNR", worst[0] >= 0 if worst else None,
                       f"worst {snr_name(worst[1])} {worst[0]:+.1f}" if worst else "no SNR to compare"))
    else:
        checks.append(("F1 ≥ best webrtcvad mode at every SNR", None, "no scores"))

    if builtin["report"] and silero:
        gaps = [(f1_points(builtin["report"], snr) - f1_points(silero["report"], snr), snr)
                for snr in SILERO_CLOSE_SNRS
                if f1_points(builtin["report"], snr) is not None
                and f1_points(silero["report"], snr) is not None]
        worst = min(gaps) if gaps else None
        checks.append((f"within {F1_POINTS_OF_SILERO:g} F1 points of Silero at ≥ 10 dB",
                       worst[0] >= -F1_POINTS_OF_SILERO if worst else None,
                       f"worst {snr_name(worst[1])} {worst[0]:+.1f}" if worst else "no SNR to compare"))
    else:
        checks.append((f"within {F1_POINTS_OF_SILERO:g} F1 points of Silero at ≥ 10 dB", None, "no scores"))

    ours = cpu_per_audio_second(builtin)
    if silero and ours is not None and cpu_per_audio_second(silero) is not None:
        ratio = cpu_per_audio_second(silero) / ours if ours else float("inf")
        checks.append((f"≥ {CPU_VS_SILERO:g}× less CPU than Silero", ratio >= CPU_VS_SILERO, f"{scaled(ratio)}×"))
    else:
        checks.append((f"≥ {CPU_VS_SILERO:g}× less CPU than Silero", None, "no CPU figures"))

    if ours is not None:
        real_time = 1 / ours if ours else float("inf")
        checks.append((f"≥ {REAL_TIME:g}× real time", real_time >= REAL_TIME, f"{scaled(real_time)}×"))
    else:
        checks.append((f"≥ {REAL_TIME:g}× real time", None, "no CPU figures"))
    return checks


def targets_line(checks):
    verdict = {True: "met", False: "NOT met", None: "n/a"}
    return "Targets for builtin: " + "; ".join(
        f"{what}: {verdict[met]} ({detail})" for what, met, detail in checks)


# ---------------------------------------------------------------- the run

def run_peers(files, out):
    """Runs every peer and writes its detections file; returns [(slug, path, detections)]."""
    peers = []
    for mode in WEBRTC_MODES:
        peers.append(save_peer(f"webrtcvad-{mode}", run_webrtcvad(files, mode), out))
    model_path, version = silero_model_path()
    log(f"silero-vad {version}: {model_path}")
    peers.append(save_peer("silero", run_silero(files, silero_session(model_path), version), out))
    return peers


def save_peer(slug, found, out):
    path = os.path.join(out, f"{slug}.detections.json")
    write_json(path, found)
    per_hour = found["cpu_seconds"] / found["audio_seconds"] * 3600
    log(f"{found['detector']}: {len(found['files'])} files, {found['audio_seconds']:.0f} s of audio, "
        f"{found['cpu_seconds']:.3f} s CPU ({per_hour:.2f} s per audio hour) -> {path}")
    return slug, path, found


def main():
    args = parse_args(sys.argv[1:])
    check_inputs(args)
    if not in_venv(args.venv):
        if os.environ.get(REEXEC_MARK):
            die(f"re-executed with {args.venv}/bin/python but sys.prefix is {sys.prefix}; "
                f"remove {args.venv} to have it made again")
        reexec_in_venv(ensure_venv(args.venv))

    os.makedirs(args.out, exist_ok=True)
    files = load_corpus(args.corpus)
    log(f"corpus {args.corpus}: {len(files)} files, {audio_seconds(files):.0f} s of audio")
    peers = run_peers(files, args.out)

    log("scoring builtin with `vad eval` ...")
    builtin = vad_eval(args.vad, args.corpus, os.path.join(args.out, "builtin.eval.json"))
    rows = [{"detector": "builtin", "report": builtin,
             "cpu_seconds": builtin["cpu_seconds"] if builtin else None,
             "audio_seconds": builtin["audio_seconds"] if builtin else None}]
    for slug, path, found in peers:
        log(f"scoring {found['detector']} with `vad eval --detections` ...")
        report = vad_eval(args.vad, args.corpus, os.path.join(args.out, f"{slug}.eval.json"), path)
        # CPU is what we measured around the peer's own loop, not anything `vad eval` spent.
        rows.append({"detector": found["detector"], "report": report,
                     "cpu_seconds": found["cpu_seconds"], "audio_seconds": found["audio_seconds"]})

    table = markdown_table(rows)
    checks = target_checks(rows)
    print(table)
    print()
    print(targets_line(checks))
    with open(os.path.join(args.out, "table.md"), "w") as f:
        f.write(f"# VAD comparison on {args.corpus}\n\n{table}\n\n{targets_line(checks)}\n")
    write_json(os.path.join(args.out, "summary.json"), {
        "rows": [{key: row[key] for key in ("detector", "cpu_seconds", "audio_seconds")} for row in rows],
        "targets": [{"target": what, "met": met, "detail": detail} for what, met, detail in checks]})
    log(f"table, detections and raw `vad eval` JSON are in {args.out}")
    # A benchmark: unmet targets are a result, not a failure. Only a scorer that did not run is.
    return 1 if any(row["report"] is None for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
