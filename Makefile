# `make run` opens the window; `make test` runs everything CI runs. Both create .venv if missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint format bench translations clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/lvm-gui

# Engine tests first with Qt made unimportable (they must pass without PySide6), then the GUI
# tests offscreen, every shipped lesson run, then the linters and the import contract (engine
# never imports Qt).
test: $(STAMP)
	LVM_BLOCK_QT=1 $(BIN)/python -m pytest -p no:pytest-qt -p no:cacheprovider tests/engine
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider tests/gui tests/test_cli.py tests/test_lesson_cli.py
	$(BIN)/lvm-gui lesson check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/bench_data.py
	$(BIN)/python bench/em.py
	$(BIN)/python bench/estimators.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/responsiveness.py

# The window's catalogue of texts (lvm_gui/i18n): every text marked with translate() collected
# into the .ts (translate the new ones there, with pyside6-linguist or by hand), then compiled.
translations: $(STAMP)
	$(BIN)/python -m lvm_gui.i18n.collect
	$(BIN)/pyside6-lupdate $$(find lvm_gui -name '*.py' | sort) -locations none -no-obsolete \
		-source-language en -target-language zh_CN -ts lvm_gui/i18n/lvm_gui_zh_CN.ts
	$(BIN)/pyside6-lrelease lvm_gui/i18n/lvm_gui_zh_CN.ts -qm lvm_gui/i18n/lvm_gui_zh_CN.qm

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
