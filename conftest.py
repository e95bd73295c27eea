# The docs harness: collect blocks from docs/, keep them hermetic, report the account
# and the blocks' line coverage.
pytest_plugins = [
    "tests.block_coverage",
    "tests.collect",
    "tests.hermetic",
    "tests.postgres",
    "tests.report",
]
