# Zhengwu: `make start` runs the portal, `make test` runs every test. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
RUN := $(UV) run --frozen
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
XML := $(shell find src solr/configsets -name '*.zcml' -o -name '*.xml') solr/pom.xml solr/log4j2.xml

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

.PHONY: uv
uv:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet "uv==$(UV_VERSION)"

.PHONY: install
install: uv ## Install the Python environment (.venv) from uv.lock
	$(UV) sync --frozen

.PHONY: solr
solr: install ## Build Solr 9.10.1 from Maven Central into solr/target
	$(RUN) python scripts/solr.py build

.PHONY: theme
theme: ## Build the Diazo theme (theme/) from its npm packages (package-lock.json)
	cd theme && npm ci --no-audit --no-fund --loglevel=error && npm run build

.PHONY: start
start: solr theme ## Install everything, start Solr, ZEO and Zope, create the demo sites
	$(RUN) python scripts/portal.py start

.PHONY: stop
stop: ## Stop the portal (Zope clients, ZEO, Solr, load balancer)
	@$(RUN) python scripts/portal.py stop

.PHONY: status
status: ## Show what runs and whether the sites are healthy
	@$(RUN) python scripts/portal.py status

.PHONY: cluster
cluster: solr ## Two Zope clients on one ZEO server behind haproxy
	@command -v haproxy >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q haproxy)
	$(RUN) python scripts/portal.py start --clients 2

.PHONY: test-deps
test-deps: ## Install Debian's Chromium, the Chinese fonts and haproxy for the tests
	@command -v chromium >/dev/null && command -v haproxy >/dev/null && \
		fc-list 2>/dev/null | grep -q "Noto Sans CJK" || \
		($(SUDO) apt-get update -q && \
		 $(SUDO) apt-get install -y -q chromium fonts-noto-cjk haproxy)

.PHONY: inspect
inspect: ## Run the self-inspection of the running portal's sites now
	$(RUN) zconsole run var/instance/client1/zope.conf scripts/inspect_sites.py

.PHONY: lint
lint: install ## ruff and zpretty checks
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) zpretty --check $(XML)
	$(RUN) python scripts/versions_cfg.py --check

.PHONY: format
format: install ## Format Python, ZCML and XML in place
	$(RUN) ruff check --fix .
	$(RUN) ruff format .
	$(RUN) zpretty -i $(XML)

.PHONY: i18n
i18n: install ## Rebuild zhengwu.pot from the code and merge it into zh_CN and en
	$(RUN) i18ndude rebuild-pot --pot src/zhengwu/locales/zhengwu.pot --create zhengwu src/zhengwu
	$(RUN) i18ndude sync --pot src/zhengwu/locales/zhengwu.pot \
		src/zhengwu/locales/zh_CN/LC_MESSAGES/zhengwu.po src/zhengwu/locales/en/LC_MESSAGES/zhengwu.po

.PHONY: bench
bench: install solr theme ## Run the benchmarks (scripts/bench/bench_*.py); figures go to docs/benchmarks.md
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q wrk)
	@for script in scripts/bench/bench_*.py; do echo "== $$script"; $(RUN) python $$script || exit 1; done

.PHONY: eval
eval: install solr theme ## Search, assistant and voice quality on full demo portals of their own; docs/search/quality.md, docs/assistant.md, docs/voice-quality.md
	$(RUN) python scripts/eval_search.py $(EVAL_ARGS)
	$(RUN) python scripts/eval_assistant.py $(EVAL_ARGS)
	$(RUN) python scripts/eval_voice.py $(EVAL_ARGS)

.PHONY: test
test: install solr theme test-deps lint ## Install what the tests need and run them all
	$(RUN) pytest $(PYTEST_ARGS)
