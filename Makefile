# mergersim: the two set-up commands of the README, and the benchmarks.
#   make example   runs the bundled example (installs what is missing first)
#   make test      runs the tests (likewise); CI runs exactly this
#   make serve     starts the planner's workbench on http://127.0.0.1:8080/ (likewise; Ctrl-C stops it)
#   make bench     runs the benchmarks in a release build (and the workbench's load test, bench-serve)
#   make fuzz      fuzzes the readers with libFuzzer for FUZZ_SECONDS (default 600)
#   make docs      builds the MergerSim documentation (DocC); fails on any warning
#   make report-check  renders the bundled scenarios' report.html in headless Chromium; fails on a broken page
#   make e2e       walks the workbench (mergersim serve) in headless Chromium, Phan Rang and the national data
#   make bench-serve   loads the workbench's pages with wrk and its queue with concurrent simulations (release build)
SWIFT ?= swift
FUZZ_SECONDS ?= 600
# The national transition's runs in `make bench` (100 and 1,000 by default, both offer models, serial and
# on all cores, and --precision 0.01 within them); BENCH_TRANSITION_RUNS=0 skips them (about 5 minutes on 2 cores).
BENCH_TRANSITION_RUNS ?= 1000

.PHONY: example test serve bench bench-serve deps fuzz docs report-check browser browser-driver e2e

example: deps
	$(SWIFT) run mergersim simulate scenarios/phan-rang-2024/scenario.yaml

test: deps
	$(SWIFT) test

# The planner's workbench in a browser (mergersim serve; SERVE_FLAGS, e.g. "--lang vi --port 8090").
serve: deps
	$(SWIFT) run mergersim serve $(SERVE_FLAGS)

bench: deps bench-serve
	$(SWIFT) run -c release mergersim-bench --transition-runs $(BENCH_TRANSITION_RUNS)

# The workbench on loopback (Tools/workbench-bench): wrk on the read pages of a national workspace for
# BENCH_SERVE_SECONDS each, then 6 simulations of Phan Rang submitted at once; prints a table, fails on an error.
BENCH_SERVE_SECONDS ?= 10
bench-serve: deps
	@if ! command -v wrk >/dev/null 2>&1; then \
	  echo "Installing wrk with apt-get…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; \
	fi
	$(SWIFT) build -c release --product mergersim
	python3 Tools/workbench-bench/bench.py --binary .build/release/mergersim --seconds $(BENCH_SERVE_SECONDS)

# The DocC catalog of the library (Sources/MergerSim/MergerSim.docc), into .build/plugins/Swift-DocC/outputs.
docs: deps
	@mkdir -p .build
	@$(SWIFT) package generate-documentation --target MergerSim > .build/docc.log 2>&1 || { cat .build/docc.log; exit 1; }
	@cat .build/docc.log
	@if grep -q "warning:" .build/docc.log; then echo "documentation warnings (see above)"; exit 1; fi

# libFuzzer over the units, plan, roster, scenario, rule and sweep readers (Tools/fuzz-readers), in a build folder
# of its own. Crashes land in .fuzz/ as crash-*; replay one with `swift run fuzz-readers .fuzz/crash-…`.
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product fuzz-readers \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	Tools/fuzz-readers/make-corpus.sh .fuzz/seeds
	mkdir -p .fuzz/corpus
	.build-fuzz/debug/fuzz-readers .fuzz/corpus .fuzz/seeds -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=16384 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=.fuzz/ -print_final_stats=1

# GSL, SQLite (for the run store, through GRDB), libxlsxwriter (the workbook) and pkg-config through apt,
# only when `pkg-config --exists gsl sqlite3 xlsxwriter` fails; pandas through pip when python3 cannot import it.
deps:
	@if ! pkg-config --exists gsl sqlite3 xlsxwriter 2>/dev/null; then \
	  echo "Installing libgsl-dev, libsqlite3-dev, libxlsxwriter-dev and pkg-config with apt-get…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgsl-dev libsqlite3-dev libxlsxwriter-dev pkg-config; \
	fi
	@if ! python3 -c 'import pandas' 2>/dev/null; then \
	  echo "Installing pandas (the README's run-store example, run by the tests) with pip…"; \
	  python3 -m pip install -q pandas; \
	fi

# report.html of the bundled scenarios rendered by a real browser (Tools/report-check); installs Chromium when missing.
report-check: deps browser
	Tools/report-check/report-check.sh

browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "Installing chromium with apt-get…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	fi

# The workbench end to end in headless Chromium (Tools/workbench-e2e): the planner's path on Phan Rang and on the
# national data; screenshots in .build/workbench-e2e (E2E_FLAGS=--docs docs refreshes the README's docs/workbench-*.png).
# Installs Chromium, its driver and selenium when missing.
e2e: deps browser-driver
	$(SWIFT) build --product mergersim
	python3 Tools/workbench-e2e/e2e.py $(E2E_FLAGS)

browser-driver: browser
	@if ! command -v chromedriver >/dev/null 2>&1; then \
	  echo "Installing chromium-driver with apt-get…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi
	@if ! python3 -c 'import selenium' 2>/dev/null; then \
	  echo "Installing selenium with pip…"; \
	  python3 -m pip install -q selenium; \
	fi
