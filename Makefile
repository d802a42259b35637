# The two commands of the README: `make run` and `make test`.
# Python: the newest of 3.13, 3.12, 3.11 that runs here (PYTHON=/path/to/python to choose).
SUPPORTED_PYTHONS := python3.13 python3.12 python3.11 python3
PYTHON ?= $(shell for p in $(SUPPORTED_PYTHONS); do \
	$$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info < (3, 14))' >/dev/null 2>&1 \
	&& { echo $$p; break; }; done)
VENV := .venv
# Python keeps the compiled modules (and pytest its assertion-rewritten test modules) in
# __pycache__ even where the environment says not to (PYTHONDONTWRITEBYTECODE, set in many
# container images): without them every pytest process compiles the site and rewrites every
# test module again, 11 instead of 7 CPU seconds before its first test (docs/testing.md).
unexport PYTHONDONTWRITEBYTECODE
BIN := $(VENV)/bin
# The development extras (pytest, ruff, playwright, hypothesis…) are installed by the targets
# that need them; `make run` installs only what the site needs.
DEV := $(VENV)/.dev-extras
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# pytest-xdist processes for `make test` (each builds its own test database).
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile
# The browser tests, one by one to whichever process is free: most of their time is spent
# waiting for Chromium, the forms' minimum time or the Nu checker's JVM (docs/testing.md).
PYTEST_BROWSER_PARALLEL := -n $(PYTEST_WORKERS) --dist load

.PHONY: run test test-serial test-fast test-random test-browser lint format migrate demo messages audit docs clean

# A new virtualenv with the latest pip and setuptools (both audited: make audit), and uv,
# which installs the pinned dependencies: 35 s instead of pip's 80 s on a fresh machine
# (docs/development.md#installing). INSTALL=pip installs them with pip instead.
UV_VERSION := 0.13.9
INSTALL ?= uv
RUN_EXTRAS := demo
DEV_EXTRAS := dev,docs,demo
define new_venv
	@[ -n "$(PYTHON)" ] || { echo "No Python 3.11, 3.12 or 3.13 found; set PYTHON=/path/to/python3.x"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools $(if $(filter uv,$(INSTALL)),uv==$(UV_VERSION))
endef
# install EXTRAS: this project, editable, with the given extras (a variable: commas split
# the arguments of `call`).
define install
	$(if $(filter uv,$(INSTALL)),$(BIN)/python -m uv pip install --quiet --compile-bytecode --python $(BIN)/python,$(BIN)/python -m pip install --quiet) -e ".[$(1)]"
endef

$(BIN)/activate: pyproject.toml
	$(new_venv)
	$(call install,$(RUN_EXTRAS))
	touch $(BIN)/activate

# The extras include what `make run` installs: one install for both (a fresh clone's
# `make test` resolves and installs once, not twice).
$(DEV): pyproject.toml
	$(new_venv)
	$(call install,$(DEV_EXTRAS))
	touch $(BIN)/activate $(DEV)

migrate: $(BIN)/activate
	mkdir -p var/static var/media
	$(MANAGE) migrate --noinput

# The demo site (demo/content/: YAML in English, PO files for fr, it, es) and its accounts.
# Makes only what is missing; what people changed in the admin is left as it is.
demo: migrate
	$(MANAGE) load_demo_content
	$(MANAGE) ensure_demo_admin
	$(MANAGE) editorial_demo_users

# The mail worker runs beside the server: e-mails wait in the outbox until it sends them
# (to the console unless EMAIL_HOST is set).
# Canonical URLs, the sitemap and the links in e-mails point to the address served, PORT
# included: the Wagtail Site is set to it (configure_site) and SITE_URL tells the admin.
run: demo
	$(MANAGE) configure_site http://127.0.0.1:$(PORT)
	export SITE_URL=http://127.0.0.1:$(PORT); \
	$(MANAGE) mail_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The browser tests (tests/browser, marker `browser`) run on their own: `make test-browser`.
# First `make test-serial`, then every other test on $(PYTEST_WORKERS) processes.
# SERIAL_TESTS=no leaves the serial tests out (.ci/run runs them on their own, beside the
# SQLite suite). See docs/testing.md.
SERIAL_TESTS ?= yes
test: $(DEV)
	@[ "$(SERIAL_TESTS)" = no ] || $(MAKE) --no-print-directory test-serial
	$(BIN)/pytest -m "not browser and not serial" $(PYTEST_PARALLEL) $(PYTEST_ARGS)

# Alone and on PostgreSQL only, the tests marked `serial`: they stop the PostgreSQL server
# every test uses (pytest's exit status 5, "no test selected", is fine).
test-serial: $(DEV)
	@case "$$DATABASE_URL" in postgres*) \
		$(BIN)/pytest -m "serial and not browser" -q $(PYTEST_ARGS) || [ $$? -eq 5 ];; \
	*) echo "Serial tests (they stop PostgreSQL): on PostgreSQL only (.ci/run)";; esac

# The same tests in a random order (modules shuffled, tests shuffled within them; the seed
# is printed: PYTEST_ARGS=--random-order-seed=N replays it). See docs/testing.md.
test-random: $(DEV)
	$(BIN)/pytest -m "not browser and not serial" $(PYTEST_PARALLEL) --random-order $(PYTEST_ARGS)

# While working: last failures first, stop at the first failure, no serial tests (they
# only run on PostgreSQL). Test databases come from the migrated template (tests/dbtemplate.py).
test-fast: $(DEV)
	$(BIN)/pytest -m "not browser and not serial" $(PYTEST_PARALLEL) --failed-first -x $(PYTEST_ARGS)

# Chromium journeys, axe-core and the Nu HTML checker over the demo content. Needs
# /usr/bin/chromium and java; installs axe-core and vnu-jar (package.json) with npm if missing.
# Skips what is missing unless REQUIRE_BROWSER=1.
test-browser: $(DEV)
	@if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then \
		if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund; \
		else echo "npm not found: axe-core and vnu-jar tests will skip"; fi; fi
	$(BIN)/pytest tests/browser $(PYTEST_BROWSER_PARALLEL) $(PYTEST_ARGS)

# npm's front-end tools (package-lock.json): stylelint for `make lint`, axe-core and vnu-jar
# for `make test-browser`. npm writes node_modules/.package-lock.json on every install.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

# Python (ruff), the templates (djlint, lint only: [tool.djlint] in pyproject.toml) and the
# CSS (stylelint, stylelint.config.mjs). See docs/development.md.
TEMPLATE_DIRS := $(wildcard */templates)
lint: $(DEV) node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo  # the import rule: [tool.importlinter] in pyproject.toml
	$(BIN)/djlint --lint $(TEMPLATE_DIRS)
	node_modules/.bin/stylelint "site/static/css/**/*.css" "docs/css/**/*.css"

format: $(DEV)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Recompile the interface translations (site/locale/*/LC_MESSAGES/django.po -> .mo)
# with polib, so that no system gettext is needed.
messages: $(BIN)/activate
	$(BIN)/python scripts/compile_messages.py
	$(BIN)/python scripts/compile_messages.py --locale-dir core/locale
	$(BIN)/python scripts/compile_messages.py --locale-dir search/locale

# pip-audit (in its own .venv-audit) over every package installed in .venv, pip and setuptools
# included. Fails when nothing could be audited, unless PIP_AUDIT_STRICT=0 declares a machine
# without access to vulnerability data (docs/security-and-privacy.md#dependency-audit).
audit: $(BIN)/activate
	$(BIN)/python scripts/audit_dependencies.py

# The manual (docs/, mkdocs.yml) with MkDocs in strict mode: a link to a missing page or
# heading, or a page left out of the nav, fails the build. Output in build/docs (git-ignored).
docs: $(DEV)
	$(BIN)/mkdocs build --strict --quiet

clean:
	rm -rf $(VENV) var/*.sqlite3 var/media var/static var/test-templates build/docs
