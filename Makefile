# Parent Champions: `make` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=
BENCH_ARGS ?= --scale 0.01

.DEFAULT_GOAL := help
# The upload and download tests, run once against a local S3 server (`make test-s3`).
S3_TESTS ?= receipt or photo or image or upload or document or rendition or story or storage

.PHONY: help install install-test run test test-s3 cluster-check restore-check lint format worker beat bench migrate demo

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when the declared dependencies change.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the project

install-test: $(VENV)/.installed-test ## Install the project with its test extras

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the demo programme into an empty database (its site at 127.0.0.1:PORT)
	$(PY) manage.py load_demo --port $(PORT)

run: demo ## Install, migrate, load demo content and serve on http://127.0.0.1:$(PORT)
	PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-test ## Install test extras and run the whole suite
	$(PY) -m pytest --create-db $(PYTEST_ARGS)

test-s3: install-test ## The upload and download tests with uploads in S3 buckets (moto)
	AWS_STORAGE_BUCKET_NAME=$${AWS_STORAGE_BUCKET_NAME:-pc-test-media} \
	AWS_PRIVATE_STORAGE_BUCKET_NAME=$${AWS_PRIVATE_STORAGE_BUCKET_NAME:-pc-test-private} \
		$(PY) -m pytest --create-db -k "$(S3_TESTS)" $(PYTEST_ARGS)

cluster-check: install-test ## Two app servers, two workers, one beat as one site (docs/deploy.md)
	$(PY) .ci/cluster_check.py

restore-check: install-test ## Drill: back up a demo database, restore it, run smoke checks
	.ci/restore_check.sh

lint: install-test ## ruff check and format check, import direction, and no missing migrations
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

format: install-test ## Apply ruff's fixes and formatting
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

worker: install ## Start a Celery worker against CELERY_BROKER_URL
	$(VENV)/bin/celery -A config worker --loglevel=INFO

beat: install ## Start Celery beat (the schedule is CELERY_BEAT_SCHEDULE in settings)
	$(VENV)/bin/celery -A config beat --loglevel=INFO

bench: install-test ## Quick benchmark run (scale 0.01) on PostgreSQL; see bench/README.md
	$(PY) bench/run.py $(BENCH_ARGS)
