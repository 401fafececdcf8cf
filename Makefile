# Two commands do everything: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve worker backup test test-postgres install install-dev setup check screenshots bench bench-site bench-classroom messages compile-messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Interface translations: extract new strings into locale/*/django.po (needs GNU gettext).
MESSAGE_IGNORES := --ignore=.venv --ignore=tests --ignore=bench --ignore=static --ignore=media --ignore=screenshots
messages: install
	$(PY) manage.py makemessages -l fr -l nl -l de $(MESSAGE_IGNORES) --no-obsolete
	$(MAKE) --no-print-directory compile-messages

## Compile them to .mo (pure Python; done by run and test).
compile-messages: install
	$(PY) manage.py compile_catalogues

## Set up the SQLite database with the demo content and static files.
setup: install compile-messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py create_demo_editor

## Set up everything, then serve http://$(HOST):$(PORT)
run: setup
	@echo "Serving Upstander on http://$(HOST):$(PORT)/  (Ctrl+C stops it)"
	$(PY) manage.py runserver $(HOST):$(PORT)

## Production-like: gunicorn with several workers on $(HOST):$(PORT), settings from the environment
## (DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS...; see README "Deploying").
WORKERS ?= 4
serve: install compile-messages
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py migrate --no-input
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py collectstatic --no-input --verbosity 0
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) -m gunicorn cms.wsgi:application \
		--bind $(HOST):$(PORT) --workers $(WORKERS) --threads 4 --access-logfile -

## The background worker production needs beside `make serve`: petition emails (retried when
## the mail server is down) and Wagtail's own tasks, from the database queue.
worker: install
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py db_worker

## A backup of the database (SQLite or PostgreSQL, as DATABASE_URL says) and the media files into backups/.
backup: install
	$(PY) manage.py backup --output backups

## Django's checks, a missing-migration check and the import contract (.importlinter), as CI runs them.
check: install-dev
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

## The whole suite, on the database DATABASE_URL names (SQLite in memory when unset).
test: check compile-messages
	@echo "Test database: $${DATABASE_URL:-SQLite (in memory)}; cache: $${REDIS_URL:-local memory}"
	$(PY) -m pytest

## The whole suite again on PostgreSQL + Redis (this machine: 127.0.0.1:5432 and :6379).
PG_URL ?= postgres://postgres@127.0.0.1:5432/upstander
REDIS_TEST_URL ?= redis://127.0.0.1:6379/1
# Creates the PostgreSQL database a URL names, when it does not exist yet.
CREATE_PG_DB = $(PY) -c "import psycopg, sys; url = sys.argv[1].rsplit('/', 1); c = psycopg.connect(url[0] + '/postgres', autocommit=True); \
	  c.execute('SELECT 1 FROM pg_database WHERE datname = %s', (url[1],)).fetchone() or c.execute('CREATE DATABASE ' + url[1])"
test-postgres: install-dev
	@$(CREATE_PG_DB) $(PG_URL)
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) $(MAKE) --no-print-directory test

## PNGs of every page type at 1280 and 360 px into screenshots/ (needs chromium).
screenshots: install-dev
	$(PY) -m pytest -m screenshots tests/browser/test_screenshots.py -q -p no:cacheprovider
	@echo "Screenshots are in screenshots/"

## Render times, query counts and quiz statistics at scale (prints numbers).
bench: install-dev
	$(PY) bench/pages.py
	$(PY) bench/redis_hung.py

## Pages and forms against gunicorn, with a static file as the ceiling, on PostgreSQL + Redis.
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/upstander_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/2
bench-site: install-dev
	@$(CREATE_PG_DB) $(BENCH_PG_URL)
	DATABASE_URL=$(BENCH_PG_URL) REDIS_URL=$(BENCH_REDIS_URL) $(PY) bench/site_load.py

## 30 classes x 30 pupils polling and answering against gunicorn, on PostgreSQL + Redis.
bench-classroom: install-dev
	@$(CREATE_PG_DB) $(BENCH_PG_URL)
	DATABASE_URL=$(BENCH_PG_URL) REDIS_URL=$(BENCH_REDIS_URL) $(PY) bench/classroom_load.py

clean:
	rm -rf $(VENV) static .pytest_cache screenshots
