# The two commands of the README, plus the parts of `make test` on their own.
.PHONY: run test lint bench pot

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

lint:
	@bash scripts/test.sh --lint-only

bench:
	@bash scripts/bench.sh

pot:
	@bash scripts/pot.sh
