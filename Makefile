# Biennium: two set-up commands on a fresh Debian machine with the Swift toolchain.
#   make run   installs what is missing, builds the CLI in release, runs the main job
#   make test  installs what is missing, builds once (debug, with tests), runs the whole suite
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev pkg-config
TEST_APT_PACKAGES := postgresql
RELEASE_BIN := .build/release/biennium
VENV := .venv
API_VENV := .venv-api
NOTEBOOK_VENV := .venv-notebooks

.PHONY: run test notebooks deps test-deps api-fuzz-deps notebook-deps apt-install build-release reference-fixtures bench clean

## System libraries: OpenBLAS + LAPACKE (and pkg-config to find them), installed only when missing;
## `make test` adds PostgreSQL for the store's second backend.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

test-deps: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"

apt-install:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

build-release: deps
	$(SWIFT) build -c release --product biennium

## The main job: today, a regression report (log PCT applications on a trend) from Datasets/.
run: build-release
	@scripts/main-job.sh $(RELEASE_BIN)

## The whole suite: one debug build with tests, a private PostgreSQL for the store tests (stopped
## afterwards, also when tests fail), then swift test against both backends.
## Then schemathesis fuzzes every route of the OpenAPI document against the real server (no 5xx allowed).
## Last, the notebooks are executed against the service (as `make notebooks` does). First of all, Datasets/ is
## validated (Datasets/check.py: formats, catalog, vintages, field counts).
test: test-deps api-fuzz-deps notebook-deps
	python3 Datasets/check.py
	$(SWIFT) build --build-tests
	@url=$$(scripts/postgres.sh start) || exit 1; \
	trap 'scripts/postgres.sh stop' EXIT; \
	BIENNIUM_TEST_POSTGRES_URL=$$url BIENNIUM_BINARY=$(CURDIR)/.build/debug/biennium $(SWIFT) test --skip-build
	scripts/api-fuzz.sh .build/debug/biennium $(API_VENV) 20
	scripts/notebooks.sh .build/debug/biennium $(NOTEBOOK_VENV) build/notebooks

## Executes every notebook headless against a freshly started service (temporary SQLite store with Datasets/
## imported and Models/ refitted); the executed notebooks and their PNGs go to build/notebooks.
notebooks: deps notebook-deps
	$(SWIFT) build --product biennium
	scripts/notebooks.sh .build/debug/biennium $(NOTEBOOK_VENV) build/notebooks

notebook-deps:
	@test -x $(NOTEBOOK_VENV)/bin/jupyter || { python3 -m venv $(NOTEBOOK_VENV) && $(NOTEBOOK_VENV)/bin/pip install -q -r Notebooks/requirements.txt; }

## schemathesis (pinned in Tools/api/requirements.txt) in its own virtual environment, installed when missing.
api-fuzz-deps:
	@test -x $(API_VENV)/bin/st || { python3 -m venv $(API_VENV) && $(API_VENV)/bin/pip install -q -r Tools/api/requirements.txt; }

## Regenerates the committed reference fixtures (mpmath, statsmodels, scipy) in a virtual environment.
reference-fixtures:
	@test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r Tools/reference/requirements.txt
	$(VENV)/bin/python Tools/reference/make_hard_designs.py
	$(VENV)/bin/python Tools/reference/make_statsmodels_fixtures.py
	$(VENV)/bin/python Tools/reference/make_distribution_fixtures.py
	$(VENV)/bin/python Tools/reference/make_arima_fixtures.py
	$(VENV)/bin/python Tools/reference/make_regarima_fixtures.py

clean:
	rm -rf .build

## Benchmarks (never part of `make test`): ordo-one suites, then the side-by-side comparison with numpy.
bench: deps
	@test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r Benchmarks/scripts/requirements.txt
	cd Benchmarks && $(SWIFT) build -c release && $(SWIFT) package --disable-sandbox benchmark --no-progress
	$(VENV)/bin/python Benchmarks/scripts/lstsq_vs_numpy.py Benchmarks/.build/release/lstsq-timing
