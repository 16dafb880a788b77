# The README's commands. `make run` serves the platform with demo data; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
# The suite runs in one process per core (pytest-xdist), tests handed out in pytest-django's order
# (`load`: the tests that empty the database come last in each process; `loadscope` broke that on
# PostgreSQL); TEST_PROCESSES=0 runs it in this one.
TEST_PROCESSES ?= auto

.PHONY: install system-deps compilemessages run test lint messages check-translations worker bench \
	mutation audit object-store clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# gettext (catalogues), Chromium (browser tests), poppler (reading PDFs), DejaVu fonts (they
# cover Vietnamese in certificates) and wrk (the load benchmark) come from Debian's packages;
# installed only when missing and when allowed to (root). Without Chromium the browser tests
# skip and say why.
system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	fc-list 2>/dev/null | grep -q "DejaVu Serif" || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing system packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing system packages:$$missing (install them with your package manager)"; \
		fi; \
	fi

compilemessages: install system-deps
	$(MANAGE) compilemessages --ignore=.venv --verbosity=0

run: compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

check-translations: install system-deps
	$(BIN)/python -m lms.i18n check

test: compilemessages
	$(MANAGE) makemigrations --check --dry-run --verbosity=1
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m lms.i18n check
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist load $(PYTEST_ARGS)

# Update the catalogues after changing strings, then translate the new Vietnamese entries.
messages: install system-deps
	$(BIN)/python -m lms.i18n update

# Benchmarks (not tests): each prints medians of the project's code against a baseline. The load
# benchmark needs PostgreSQL and Redis (CI's services; bench/load.py says which settings).
bench: install system-deps
	$(BIN)/python bench/certificates.py 20
	$(BIN)/python bench/readiness_report.py 5
	$(BIN)/python bench/enumeration.py 10
	$(BIN)/python bench/load.py

# Mutation testing of the readiness scoring rules (certification/scoring.py) against their own
# tests only, afresh each time (settings: [tool.mutmut] in pyproject.toml; a few minutes on two
# cores; not part of `make test`). The property tests run MUTATION_EXAMPLES examples each there.
# Lists the surviving mutants (`.venv/bin/mutmut show NAME` then shows one's diff), prints the
# score and fails when fewer than MUTATION_MIN percent are killed.
MUTATION_MIN ?= 95
MUTATION_EXAMPLES ?= 20
MUTATION_SCORE = import json; s = json.load(open("mutants/mutmut-cicd-stats.json")); \
	k, t = s["killed"], s["total"]; p = 100 * k / t if t else 0.0; \
	others = ", ".join(str(s[key]) + " " + key.replace("_", " ") for key in ("survived", \
	"timeout", "suspicious", "no_tests", "skipped", "segfault") if s[key]); \
	print(f"Mutation score: {k}/{t} killed = {p:.1f} % (minimum $(MUTATION_MIN) %)" \
	+ (f"; not killed: {others}" if others else "")); \
	raise SystemExit(p < $(MUTATION_MIN))

mutation: install
	rm -rf mutants
	SCORING_MAX_EXAMPLES=$(MUTATION_EXAMPLES) $(BIN)/mutmut run
	@$(BIN)/mutmut export-cicd-stats >/dev/null
	@$(BIN)/mutmut results
	@$(BIN)/python -c '$(MUTATION_SCORE)'

# Known vulnerabilities in the installed packages: pip-audit runs from a throwaway venv (it is no
# dependency of the platform) and needs the network to reach its vulnerability database, so it
# is not part of `make test`. --strict fails when a package could not be checked, rather than
# reporting "no known vulnerabilities" for packages it never looked up.
AUDIT := build/audit
audit: install
	rm -rf $(AUDIT) && mkdir -p $(AUDIT)
	$(PYTHON) -m venv $(AUDIT)/venv
	$(AUDIT)/venv/bin/pip install --quiet pip-audit
	$(BIN)/pip freeze --exclude-editable > $(AUDIT)/requirements.txt
	$(AUDIT)/venv/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
		-r $(AUDIT)/requirements.txt

worker: install
	$(BIN)/celery -A lms worker -Q lms,certificates,exports,email --loglevel=info

# An S3-compatible object store on 127.0.0.1:$(S3_PORT) for CI's second pass and for trying
# object storage locally: moto's standalone server (docs/decisions/0017), from a venv of its own
# (it is no dependency of the platform). It keeps its objects in memory until stopped.
S3_PORT ?= 9000
S3_SERVER := build/s3-server
S3_UP = $(PYTHON) -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$(S3_PORT)/', timeout=2)"
object-store:
	@if $(S3_UP) 2>/dev/null; then echo "S3 server already answering on port $(S3_PORT)"; else \
		mkdir -p build; \
		test -x $(S3_SERVER)/bin/moto_server || { $(PYTHON) -m venv $(S3_SERVER) && \
			$(S3_SERVER)/bin/pip install --quiet "moto[server]==5.2.5"; }; \
		nohup $(S3_SERVER)/bin/moto_server -H 127.0.0.1 -p $(S3_PORT) \
			> build/s3-server.log 2>&1 & \
		for i in $$(seq 1 30); do $(S3_UP) 2>/dev/null && break; sleep 1; done; \
		$(S3_UP) && echo "S3 server started on port $(S3_PORT)"; fi

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles build mutants
