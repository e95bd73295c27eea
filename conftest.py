# The docs harness: collect blocks from docs/, keep them hermetic, report the account.
pytest_plugins = [
    "tests.collect",
    "tests.hermetic",
    "tests.report",
    "tests.block_coverage",
]
