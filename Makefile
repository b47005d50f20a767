# Two commands do everything on a fresh machine: `make run` and `make test`.
# Both create .venv on first use and install the app and its dependencies into it.
#
# TORCH picks the PyTorch build. On Linux, PyPI's torch wheel is a CUDA build, so GPU users
# get CUDA from the default; for another CUDA/ROCm version or a CPU-only build, pass the pip
# arguments PyTorch's install page gives, e.g. make run TORCH="torch --index-url <url>".
#
# `make wheel` builds the sdist and the wheel into dist/ (the .qm translations first, so the wheel has
# them); `pipx install dist/pytorch_playground-*.whl` then installs the app (README, "Install with pipx").
# tests/e2e/test_wheel.py builds, pipx-installs and runs the wheel in `make test`.
PYTHON ?= python3
VENV ?= .venv
TORCH ?= torch==2.13.0
ARGS ?=
BIN := $(VENV)/bin

.PHONY: run test lint bench screenshots translations clean wheel

$(BIN)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(TORCH)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# The compiled translations (.qm) are built from the .ts sources, never committed.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

%.qm: %.ts $(BIN)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: $(BIN)/.installed $(QM)
	$(BIN)/playground $(ARGS)

test: $(BIN)/.installed $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(ARGS)

lint: $(BIN)/.installed  ## ruff, and the import-linter contracts in pyproject.toml (the layers)
	$(BIN)/ruff check playground tests benchmarks
	$(BIN)/lint-imports

bench: $(BIN)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

screenshots: $(BIN)/.installed $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/playground --lang en --screenshot docs/screenshot.png --preset spiral
	QT_QPA_PLATFORM=offscreen $(BIN)/playground --lang zh_CN --screenshot docs/screenshot_zh.png --lesson xor
	QT_QPA_PLATFORM=offscreen $(BIN)/playground --lang en --screenshot docs/phase-stepping.png --preset circle --epochs 30 --phases 4
	QT_QPA_PLATFORM=offscreen $(BIN)/playground --lang en --screenshot docs/digits-cnn.png --preset digits-cnn
	QT_QPA_PLATFORM=offscreen $(BIN)/playground --lang en --screenshot docs/pattern-gru.png --preset pattern-gru
	QT_QPA_PLATFORM=offscreen $(BIN)/playground --lang en --screenshot docs/sort-attention.png --preset sort-attention
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/shots/compared_runs.py docs/compared-runs.png

clean:
	rm -rf $(VENV) build dist *.egg-info

wheel: $(BIN)/.installed $(QM)  ## dist/pytorch_playground-VERSION.tar.gz and -py3-none-any.whl
	rm -f dist/pytorch_playground-*
	$(BIN)/python -m build --outdir dist

translations: $(BIN)/.installed  ## refresh the .ts files from the code's tr() strings, then build the .qm files
	$(BIN)/pyside6-lupdate playground/ui/*.py playground/ui/views/*.py playground/app.py playground/cli.py playground/cli_text.py -no-obsolete -ts resources/translations/playground_zh_CN.ts
	$(BIN)/pyside6-lrelease resources/translations/*.ts
