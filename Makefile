# mergersim: the two set-up commands of the README, and the benchmarks.
#   make example   runs the bundled example (installs what is missing first)
#   make test      runs the tests (likewise); CI runs exactly this
#   make bench     runs the benchmarks in a release build
SWIFT ?= swift

.PHONY: example test bench deps

example: deps
	$(SWIFT) run mergersim simulate scenarios/phan-rang-2024/scenario.yaml

test: deps
	$(SWIFT) test

bench: deps
	$(SWIFT) run -c release mergersim-bench

# GSL and pkg-config through apt, only when `pkg-config --exists gsl` fails.
deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
	  echo "Installing libgsl-dev and pkg-config with apt-get…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgsl-dev pkg-config; \
	fi
