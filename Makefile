# Developer shortcuts; CI runs .ci/run.
.PHONY: check test lint golden mutation
check: lint test
lint:
	ruff check .
	ruff format --check .
	mypy --strict src tests
test:
	python -m pytest
golden:
	python tests/golden.py --regenerate
# Mutation testing (not in CI: tens of minutes). Needs the extra: pip install -e ".[test,mutation]".
# MUTATION_CHILDREN=1 on a shared machine; results in mutants/ (`mutmut results`, `mutmut show NAME`).
MUTATION_CHILDREN ?= 2
mutation:
	mutmut run --max-children $(MUTATION_CHILDREN)
	mutmut results
