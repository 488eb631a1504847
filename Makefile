# canhgiac — `make run` sets everything up and starts the system; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
BIND ?= 127.0.0.1:8000

.PHONY: run setup test test-quick test-slow provision lint bench docs clean

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
		$(BIN)/canhgiac watch update-blocklist --file ../shared/data/hostsvn/gambling-domain-VN.txt \
			--source "hostsVN gambling/domain-VN" --licence MIT > /dev/null; fi

run: setup
	@echo "Đăng nhập tại http://$(BIND)/login/ bằng một tài khoản mẫu ở trên."
	$(BIN)/canhgiac start --bind $(BIND)

# Programs pip cannot install (Redis, Chromium): installed from Debian's packages when missing.
provision:
	@scripts/provision

# The quick suite first (an answer in a few minutes), then the slow one: model training, real browser, real workers.
SLOW := slow or browser or worker or redis
test: test-quick test-slow

test-quick: $(STAMP)
	@echo "== kiểm thử nhanh =="
	CANHGIAC_VAR=$(CURDIR)/var/test $(BIN)/pytest -p no:cacheprovider -m "not ($(SLOW))" $(PYTEST_ARGS)

test-slow: $(STAMP) provision
	@echo "== kiểm thử chậm: huấn luyện mô hình, trình duyệt, tiến trình worker =="
	CANHGIAC_VAR=$(CURDIR)/var/test $(BIN)/pytest -p no:cacheprovider -m "$(SLOW)" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	CANHGIAC_VAR=$(CURDIR)/var/test $(BIN)/mypy src/canhgiac/core $(filter-out src/canhgiac/core/%,$(wildcard src/canhgiac/*/services.py))

bench: $(STAMP)
	$(BIN)/python bench/cases_list.py

# The parts of docs/ generated from the code (import kinds, figures catalogue); tests fail when they are stale.
docs: $(STAMP)
	CANHGIAC_VAR=$(CURDIR)/var/test $(BIN)/python scripts/gen_docs.py

clean:
	rm -rf var/test
