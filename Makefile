# Switchboard — one entry point for set-up, demo, tests and benchmarks.
SWIFT ?= swift
BIN   := .build/debug
TOOLS := mulaw-decode mulaw-encode switchboard

.PHONY: all deps build demo test bench completions clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	@./scripts/demo.sh

# Builds everything (tests drive the built executables through real pipes), then runs the tests.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

bench:
	@./scripts/install-deps.sh bc
	$(SWIFT) build -c release
	@./scripts/bench.sh

# Shell completions, generated from the argument parsers; the results are committed.
completions: build
	@for t in $(TOOLS); do \
	  $(BIN)/$$t --generate-completion-script bash > completions/$$t.bash; \
	  $(BIN)/$$t --generate-completion-script zsh  > completions/_$$t; \
	  $(BIN)/$$t --generate-completion-script fish > completions/$$t.fish; \
	done

clean:
	rm -rf .build out bench-data
