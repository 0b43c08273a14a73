# One entry point for common tasks. `make help` lists them.
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build test check lint clean bench offline

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Install everything (Python venv, npm packages, Chromium and ffmpeg when missing)
	@scripts/bootstrap.sh

serve: setup ## Install, then serve the site at http://127.0.0.1:8000/ (Welsh at /cy/)
	@$(BIN)/mkdocs serve

build: setup ## Install, then build the site into site/ (needs SITE_URL, or LOCAL_PREVIEW=1)
	@$(BIN)/python scripts/build_site.py

test: setup ## Install, then run every test, browser tests included
	@$(BIN)/python -m pytest

check: setup ## Run every content check an editor needs
	@$(BIN)/python scripts/check_all.py

offline: setup ## Build the offline pack (works from file://, no server) into dist/
	@$(BIN)/python scripts/build_offline.py

bench: setup ## Benchmark build time, page weight and search on a scaled site (a few minutes)
	@$(BIN)/python benchmarks/bench_site.py

lint: setup ## Lint Python with ruff
	@$(BIN)/ruff check .

clean: ## Remove build output and the build cache (.cache)
	rm -rf site dist test-artifacts .cache
