# The two commands: `make run` (set up and serve the demo) and `make test` (run every test).
# Both build on `make install`, which is idempotent: it only redoes what changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/build frontend/index.html frontend/console.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)

.PHONY: install run test test-python test-frontend lint format backup clean

install: $(VENV)/.installed frontend/dist/index.html

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	@touch $@

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
	@trap 'kill 0' INT TERM EXIT; \
	  (while true; do sleep 60; \
	    $(BIN)/python manage.py finalize_expired_attempts -v0 || true; \
	    $(BIN)/python manage.py run_periodic_tasks -v0 --except finalize-expired-attempts || true; \
	    $(BIN)/python manage.py backup_database -v0 --if-older 24 || true; \
	  done) & \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT) --noreload

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

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var/static
