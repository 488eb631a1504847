# canhgiac — `make run` sets everything up and starts the system; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
BIND ?= 127.0.0.1:8000

.PHONY: run setup test test-postgres lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,bench]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/canhgiac migrate --noinput -v0
	$(BIN)/canhgiac collectstatic --noinput -v0
	$(BIN)/canhgiac load_demo
	@# The real gambling-domain list of the website watch, when the shared data sets are beside the checkout.
	@if [ -f ../shared/data/hostsvn/gambling-domain-VN.txt ]; then \
		$(BIN)/canhgiac watch update-blocklist --file ../shared/data/hostsvn/gambling-domain-VN.txt > /dev/null; fi

run: setup
	@echo "Đăng nhập tại http://$(BIND)/login/ bằng một tài khoản mẫu ở trên."
	$(BIN)/canhgiac start --bind $(BIND)

test: $(STAMP)
	CANHGIAC_VAR=$(CURDIR)/var/test $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	CANHGIAC_VAR=$(CURDIR)/var/test $(BIN)/mypy src/canhgiac/core $(filter-out src/canhgiac/core/%,$(wildcard src/canhgiac/*/services.py))

bench: $(STAMP)
	$(BIN)/python bench/cases_list.py

clean:
	rm -rf var/test
