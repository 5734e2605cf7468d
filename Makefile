# The two commands of the README, plus the parts of `make test` on their own.
.PHONY: run test lint bench pot nodes nodes-stop

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

# Two Odoo nodes with workers, PgBouncer and a streaming replica (README:
# "Several machines"); `make nodes-stop` stops them.
nodes:
	@bash scripts/nodes.sh start

nodes-stop:
	@bash scripts/nodes.sh stop
