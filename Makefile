# Developer shortcuts; CI runs .ci/run.
.PHONY: check test lint golden
check: lint test
lint:
	ruff check .
	ruff format --check .
	mypy --strict src tests
test:
	python -m pytest
golden:
	python tests/golden.py --regenerate
