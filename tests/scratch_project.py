"""Run the harness, in a new pytest process, on a scratch project: a folder whose docs/
holds pages of a self-test's own. Shared by the self-tests that need a real run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.collect import ROOT

# The plugins come from pyproject's addopts (autoload off, each named); the harness
# itself is this project's conftest.
PLUGINS = ("conftest",)


def run_harness(root: Path, *args: str) -> subprocess.CompletedProcess:
    """pytest with this project's settings and harness, on ``root/docs``."""
    command = [
        *(sys.executable, "-m", "pytest"),
        *(option for plugin in PLUGINS for option in ("-p", plugin)),
        *("-c", str(ROOT / "pyproject.toml"), "--rootdir", str(root)),
        *("-o", "docs_dir=docs", "-o", "docs_line_coverage=0"),
        *args,
    ]
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
