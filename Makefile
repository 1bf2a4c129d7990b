# Two commands for a clerk's or a developer's machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_DB := $(CURDIR)/.demo/rfdesk-demo.sqlite

.PHONY: run test system-deps venv demo lint bench bench-quick dist clean

system-deps:
	@sh tools/system-deps.sh

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "rfdesk needs Python 3.11 or newer; run: make PYTHON=python3.11 $(MAKECMDGOALS)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==26.3
	$(PY) -m pip install --quiet -e '.[test,dev,postgresql]'
	@touch $(STAMP)

venv: system-deps $(STAMP)

$(DEMO_DB): | venv
	@mkdir -p $(dir $(DEMO_DB))
	$(VENV)/bin/rfdesk demo --db $(DEMO_DB)

run: venv $(DEMO_DB)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "没有图形显示 (no display found). The demo database is ready: $(DEMO_DB)"; \
	  echo "Open the window on a virtual screen with:"; \
	  echo "  xvfb-run -a $(VENV)/bin/rfdesk --db $(DEMO_DB)"; \
	else \
	  $(VENV)/bin/rfdesk --db $(DEMO_DB); \
	fi

test: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Provincial-scale benchmarks: every figure against a floor measured in the same run (bench/results.md).
bench: venv
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --scale 1 --repeat 3 --heavy-repeat 1

bench-quick: venv
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --scale 0.1 --repeat 3 --heavy-repeat 1

lint: venv
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

# The frozen one-folder program in dist/rfdesk (see build.spec), checked by its own self-test.
dist: venv
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build.spec
	@du -sh dist/rfdesk

clean:
	rm -rf build dist .demo
