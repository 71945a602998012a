# The two commands: `make run` (set up and serve the demo) and `make test` (run every test).
# Both build on `make install`, which is idempotent: it only redoes what changed.
# Python packages come from the hash-locked requirements/*.lock (`make lock` refreshes
# them after a change to pyproject.toml); `make bundle` packs an offline installer.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
UV_VERSION := 0.13.9
LOCK := $(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
	--python-platform x86_64-manylinux_2_28 --custom-compile-command "make lock" --quiet
# The web server in the foreground and, beside it, one process running the periodic jobs
# every minute (expired attempts, case calls, the daily backup, the log purge). Ctrl-C
# stops both, quietly: the shell exits 0 and takes the jobs process with it, which also
# stops by itself if its parent is gone.
SERVE = $(BIN)/python manage.py run_periodic_tasks --every 60 & periodic=$$!; \
	trap 'kill $$periodic 2>/dev/null' EXIT; trap 'exit 0' INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT) --noreload
FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/build frontend/index.html frontend/console.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)

.PHONY: install run serve test test-python test-frontend lint format backup lock bundle clean

install: $(VENV)/.installed frontend/dist/index.html

$(VENV)/.installed: pyproject.toml requirements/dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# Pin every package with its hashes: the app's own (requirements/app.lock, used by the
# Docker image and the offline bundle) and, at the same versions, test and bench tools.
lock: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(LOCK) -o requirements/app.lock
	$(LOCK) --extra test --extra bench -c requirements/app.lock -o requirements/dev.lock

frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The API types are regenerated from the backend's OpenAPI schema before every build,
# so a backend change that breaks the client fails the build.
frontend/dist/index.html: $(VENV)/.installed frontend/node_modules/.installed $(FRONTEND_SOURCES) $(shell find backend -name '*.py' -path '*api*' 2>/dev/null)
	@mkdir -p var
	$(BIN)/python manage.py spectacular --format openapi-json --file var/openapi.json
	cd frontend && npm run gen:api && npm run build
	@touch $@

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py demo_data --if-empty
	@echo ""
	@echo "应知应会已启动：手机端 http://$(HOST):$(PORT)/  组织部管理端 http://$(HOST):$(PORT)/console/  （数据修复 /admin/，接口文档 /api/docs/）"
	@echo ""
	@$(SERVE)

# `make run` without the setup: serve what is there.
serve:
	@$(SERVE)

test: install
	$(BIN)/python -m pytest
	cd frontend && npm test

test-python: $(VENV)/.installed
	$(BIN)/python -m pytest

test-frontend: frontend/node_modules/.installed
	cd frontend && npm test

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

backup: $(VENV)/.installed
	$(BIN)/python manage.py backup_database

# One archive for a server with Python 3.11 and no Internet: this platform's wheels, the
# built frontend, the lock file and an install script (README: 离线安装).
bundle: install
	sh docker/offline/build.sh $(BIN)/python

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var/static dist
