# frus-kg: `make run` to try it, `make test` to check it, `make bench` to measure it.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STORE  ?= data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000
CORPUS ?= ../shared/data/frus
CHROMIUM ?= /usr/bin/chromium
STRACE   ?= /usr/bin/strace
VIRTUOSO ?= /usr/bin/virtuoso-t

.PHONY: install run test test-slow bench screenshots clean

install: $(BIN)/frus-kg

$(BIN)/frus-kg: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "frus-kg needs Python >= 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/frus-kg

run: install
	$(BIN)/frus-kg ingest --store $(STORE) examples/
	$(BIN)/frus-kg serve --store $(STORE) --host $(HOST) --port $(PORT)

# The suite runs on one worker per core, up to 4 (pytest-xdist; past 4, its longest file alone outlasts the rest),
# a test file to a worker, so that a file's module fixtures are built once; the longest files go first
# (tests/conftest.py).
# TEST_WORKERS=0 runs every test in pytest's own process, one after another.
TEST_WORKERS ?= auto
PARALLEL = -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile --no-loadscope-reorder

test: install $(CHROMIUM) $(STRACE) $(VIRTUOSO)
	$(BIN)/python -m pytest -q $(PARALLEL)

# The slow campaigns (crash trials, large property runs), left out of `make test`, on the same workers: each writes
# only under its own tmp_path (the crash campaign's children run in their own sessions, its tmpfs mounts are there).
test-slow: install
	$(BIN)/python -m pytest -q -m slow $(PARALLEL)

# The browser tests drive Debian's chromium (Playwright cannot download browsers here); installed once.
$(CHROMIUM):
	DEBIAN_FRONTEND=noninteractive sh -c 'apt-get update -qq && apt-get install -y -qq chromium' \
		|| echo "chromium could not be installed: the browser tests will fail" >&2

# The hostile-input test that traces the XML reader's system calls needs strace; installed once.
$(STRACE):
	DEBIAN_FRONTEND=noninteractive sh -c 'apt-get update -qq && apt-get install -y -qq strace' \
		|| echo "strace could not be installed: the XML reader's system-call test will fail" >&2

# The remote-store tests run a real Virtuoso (deploy/virtuoso/): Debian's binaries only, not the packaged
# service (virtuoso-opensource would start its own server on ports 1111 and 8890); installed once.
$(VIRTUOSO):
	DEBIAN_FRONTEND=noninteractive sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin' \
		|| echo "virtuoso could not be installed: the Virtuoso store tests will fail" >&2

screenshots: install $(CHROMIUM)
	$(BIN)/python tests/browser/screenshots.py docs/screenshots

bench: install
	$(BIN)/python -m bench --corpus $(CORPUS) --report bench/REPORT.md

clean:
	rm -rf $(VENV) build *.egg-info bench/out
