# Switchboard — one entry point for set-up, demo, tests and benchmarks.
SWIFT ?= swift
BIN   := .build/debug
TOOLS := mulaw-decode mulaw-encode vad stt-stream llm-stream sentence-split tts-cache switchboard

.PHONY: all deps build demo tour test bench bench-serve bench-simulate bench-scale script-eval script-eval-understand corpus vad-eval vad-compare vad-human-corpus vad-eval-human vad-compare-human stt-corpus stt-eval completions clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build

# A phone call to the receptionist, made by the virtual caller (scripts/demo.sh).
demo: build
	@./scripts/demo.sh

# Each tool on its own, in a shell pipeline (the former demo).
tour: build
	@./scripts/tour.sh

# Builds everything (tests drive the built executables through real pipes), then runs the tests.
# At most 8 tests at once: many tests play audio in real time, and 580 of them started together
# on 2 cores starve each other's timers (a CI run saw 10 s stalls). Whole calls between the
# virtual caller and a server in the same process are timed by the caller's 20 ms clock: beside
# the rest on 2 cores, a caller's 2.4 s sentence once took 14 s to go out. They run afterwards,
# on their own; both runs report before the status is decided.
REALTIME_TESTS := SimulatorTests\.(SimulatedCallTests|CallerLineServeTests)
TEST_RUN := $(SWIFT) test --skip-build --disable-xctest
test: deps
	$(SWIFT) build --build-tests
	@status=0; \
	$(TEST_RUN) --experimental-maximum-parallelization-width 8 --skip '$(REALTIME_TESTS)' || status=$$?; \
	echo "Whole calls in real time, on their own:"; \
	$(TEST_RUN) --filter '$(REALTIME_TESTS)' || status=$$?; \
	exit $$status

bench:
	@./scripts/install-deps.sh bc
	$(SWIFT) build -c release
	@./scripts/bench.sh

# How well the receptionist script understands callers (issue 18): `llm-stream eval` on the
# case files in Examples/cases/, the tuning sets and the evaluation sets apart.
script-eval: deps
	$(SWIFT) build -c release --product llm-stream
	.build/release/llm-stream eval --script Examples/receptionist.yaml $(foreach f,$(wildcard Examples/cases/receptionist-tuning*.yaml),--cases $(f))
	.build/release/llm-stream eval --script Examples/receptionist.yaml $(foreach f,$(wildcard Examples/cases/receptionist-eval-*.yaml),--cases $(f))

# The protocol path of LLM-guided scripts (`--understand`) against switchboard mock-providers.
script-eval-understand: deps
	@./scripts/install-deps.sh python3-yaml curl
	$(SWIFT) build -c release --product llm-stream
	$(SWIFT) build -c release --product switchboard
	./scripts/script-eval-understand.sh

# What a call costs in `switchboard serve` (issue 16: under 2 MB and 0.2 % of a core per call,
# socket included): real WebSocket calls from the bench against a release server with cloud
# (mock) engines and cached TTS; memory and CPU of the server process from /proc.
BENCH_SERVE_CALLS ?= 50,200
bench-serve:
	$(SWIFT) build -c release --product switchboard
	$(SWIFT) build -c release --product bench
	.build/release/bench serve --calls $(BENCH_SERVE_CALLS)

# The load benchmark (issue 17): `switchboard simulate --calls N` against one release server on
# the mock providers at LEVELS (default "8 50 100 200 500"), then the Pipecat peer (bench/peer, venv
# from PyPI) at PEER_LEVELS on the same mock; PEER=0 skips it. See scripts/bench-simulate.sh.
bench-simulate:
	$(SWIFT) build -c release --product switchboard
	@./scripts/bench-simulate.sh

# Scale-out (issue 17): two `switchboard serve` behind nginx sharing one Redis TTS cache, one
# simulator through nginx; one server gets SIGTERM in the middle of the run and drains. Needs
# nginx and redis-server (checked first; installs nothing). CALLS, CONCURRENCY, RAMP_S,
# STOP_AT_S and KEEP=1 are read by scripts/bench-scale.sh.
bench-scale:
	@./scripts/bench-scale.sh --check
	$(SWIFT) build -c release --product switchboard
	$(SWIFT) build -c release --product tts-cache
	@./scripts/bench-scale.sh

# The labelled VAD corpus (espeak-ng + flite speech, six noises at four SNRs), generated, not
# committed: bench-data/vad-corpus. `vad eval` scores the built-in detector on it;
# `vad-compare` scores webrtcvad and Silero VAD beside it (installs them into a venv from PyPI).
corpus: deps
	@./scripts/vad-corpus.py

vad-eval: corpus
	$(SWIFT) build -c release --product vad
	.build/release/vad eval

vad-compare: corpus
	$(SWIFT) build -c release --product vad
	@./scripts/vad-compare.py

# The VAD corpus of real human speech (Debian's Asterisk prompts, two speakers, tuning and
# evaluation parts apart, the same noises and telephone chain): bench-data/vad-human.
vad-human-corpus: deps
	@./scripts/vad-human-corpus.py

vad-eval-human: vad-human-corpus
	$(SWIFT) build -c release --product vad
	.build/release/vad eval --corpus bench-data/vad-human/eval

vad-compare-human: vad-human-corpus
	$(SWIFT) build -c release --product vad
	@./scripts/vad-compare.py --corpus bench-data/vad-human/eval --out bench-data/vad-compare/human

# The STT corpus (receptionist lines and general sentences in several espeak-ng and flite
# voices, clean and at 10 dB SNR, and real human recordings from Debian's Asterisk prompts, all
# through the telephone chain), generated, not committed: bench-data/stt-corpus. `stt-stream
# eval` scores pocketsphinx on its evaluation part, free-form and with the script's grammars.
stt-corpus: deps
	@./scripts/stt-corpus.py

stt-eval: stt-corpus
	$(SWIFT) build -c release --product stt-stream
	.build/release/stt-stream eval

# Shell completions, generated from the argument parsers; the results are committed.
completions: build
	@for t in $(TOOLS); do \
	  $(BIN)/$$t --generate-completion-script bash > completions/$$t.bash; \
	  $(BIN)/$$t --generate-completion-script zsh  > completions/_$$t; \
	  $(BIN)/$$t --generate-completion-script fish > completions/$$t.fish; \
	done

clean:
	rm -rf .build out bench-data
