"""Each page runs in its own temporary directory, which is also its $HOME, with the
clock's time zone, the random seed, the environment variables and the garbage collector's
heap reset for it.

Network isolation comes from pytest-socket (``--allow-hosts`` in pyproject.toml): any
connection to a host other than loopback fails the block that tried it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import random
import time
from pathlib import Path

import pytest


@contextlib.contextmanager
def page_environment(home: Path):
    environment, cwd = dict(os.environ), os.getcwd()
    random.seed(0)
    # Objects left by earlier pages in this process go to the permanent generation, so
    # the garbage collector's pauses, and any timing a page measures, depend on the
    # page alone and not on what ran before it.
    gc.collect()
    gc.freeze()
    os.chdir(home)
    os.environ["HOME"] = str(home)
    os.environ["TZ"] = "UTC"
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        os.environ.pop(variable, None)
    time.tzset()
    try:
        yield home
    finally:
        # Whatever the page set in os.environ, the next page starts from the same state.
        gc.unfreeze()
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(environment)
        time.tzset()


@pytest.fixture(scope="module")
def hermetic_page(tmp_path_factory: pytest.TempPathFactory):
    # Module scope is one Markdown page: sybil treats a page as a module.
    with page_environment(tmp_path_factory.mktemp("page-home")) as home:
        yield home
