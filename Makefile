# Two set-up commands from a fresh clone: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint messages screenshots eval-coach bench-coach bench seed-bench seed-bench-postgres page-bench durability-bench konote-bench write-bench sql-floor-bench ci clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip==25.3
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@

# axe-core for the browser tests' accessibility checks; reinstalled only when the lock changes.
NODE_STAMP := node_modules/.installed-stamp
# Without npm the app still installs and runs; the browser tests then skip (and fail in CI).
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: the browser tests will be skipped"; fi

install: $(STAMP) $(NODE_STAMP)

## Serve the demo program on http://127.0.0.1:8000 (SQLite under var/) with its reminder worker;
## another port: `make run PORT=8100`.
PORT ?= 8000
run: install
	$(BIN)/peergoals migrate --noinput
	$(BIN)/peergoals demo --if-empty --address 127.0.0.1:$(PORT)
	# The worker (reminders, digests) runs alongside; Ctrl-C stops the server and it with it.
	$(BIN)/peergoals run_huey & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/peergoals runserver 127.0.0.1:$(PORT)

## Lint, type-check and run the whole suite on SQLite, then on PostgreSQL when one answers.
test: install
	bash scripts/test.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Bring the Spanish catalogue up to date with the code, then compile it. New strings appear
## untranslated in peergoals/locale/es/LC_MESSAGES/django.po (tests/test_translations.py lists
## them): translate them there, following docs/glossary-es.md, and run this again.
ES_CATALOGUE := peergoals/locale/es/LC_MESSAGES/django.po
# Spanish written ahead for strings still on their way in other branches: an entry there fills
# the same string's empty entry when it lands (delete the file once it has nothing left to give).
ES_PENDING := peergoals/locale/es/pending.po
messages: install
	cd peergoals && ../$(BIN)/peergoals makemessages -l es --add-location file --no-obsolete
	# A guess (fuzzy) from a similar old string gives way to the pending entry when there is one.
	if [ -f $(ES_PENDING) ]; then \
		msgattrib --no-fuzzy -o $(ES_CATALOGUE).sure $(ES_CATALOGUE) && \
		msgmerge --quiet --previous --compendium=$(ES_PENDING) -o $(ES_CATALOGUE) \
			$(ES_CATALOGUE).sure $(ES_CATALOGUE) && rm $(ES_CATALOGUE).sure; fi
	cd peergoals && ../$(BIN)/peergoals compilemessages -l es

## Refresh docs/screenshots/ from the browser tests (needs Chromium, npm, fonts-noto-color-emoji).
screenshots: install
	PEERGOALS_SCREENSHOTS=1 $(BIN)/pytest -m browser tests/browser/test_browser_journey.py \
		tests/browser/test_browser_spanish.py

## SMART coach accuracy on the labelled evaluation set.
eval-coach: install
	$(BIN)/python bench/eval_coach.py

## SMART coach speed: throughput in --jsonl mode and single-call latency.
bench-coach: install
	$(BIN)/python bench/bench_coach.py

## All benchmarks; results land in bench/results/.
bench: bench-coach seed-bench page-bench durability-bench konote-bench write-bench sql-floor-bench

## Build the 10,000-peer organisation and time the caseload and peer pages on it.
seed-bench: install
	$(BIN)/python bench/bench_seed.py

## The same on PostgreSQL (drops and re-creates the database peergoals_bench on it).
BENCH_POSTGRES ?= postgres://postgres@127.0.0.1:5432/peergoals_bench
seed-bench-postgres: install
	$(BIN)/python bench/bench_seed.py --postgres $(BENCH_POSTGRES)

## Build the demo program and time every page a person uses on it (target: p95 <= 50 ms).
page-bench: install
	$(BIN)/python bench/bench_pages.py

## How many durable small transactions a second this disk gives SQLite (synchronous FULL, NORMAL).
durability-bench: install
	$(BIN)/python bench/bench_durability.py

## PeerGoals beside KoNote2 with the shared harness (../shared/perf); skipped, with a message,
## when no prepared KoNote2 checkout is in KONOTE_DIR (default /tmp/perf/konote).
konote-bench: install
	$(BIN)/python bench/bench_konote.py

## 50 peers checking in at once on SQLite, and on PostgreSQL when BENCH_POSTGRES names one.
write-bench: install
	$(BIN)/python bench/bench_writes.py

## Staff pages' SQL at 1,000, 10,000 and 50,000 peers (the shared harness's raw-SQL floor).
sql-floor-bench: install
	$(BIN)/python bench/bench_sql_floor.py

ci: test

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
