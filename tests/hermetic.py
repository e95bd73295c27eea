"""Each page runs in its own temporary directory, which is also its $HOME, with the
clock's time zone, the random seed and the environment variables reset for it.

Network isolation comes from pytest-socket (``--allow-hosts`` in pyproject.toml): any
connection to a host other than loopback fails the block that tried it.
"""

from __future__ import annotations

import os
import random
import time

import pytest


@pytest.fixture(scope="module")
def hermetic_page(tmp_path_factory: pytest.TempPathFactory):
    # Module scope is one Markdown page: sybil treats a page as a module.
    home = tmp_path_factory.mktemp("page-home")
    environment = dict(os.environ)
    random.seed(0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        time.tzset()
        patch.chdir(home)
        patch.setenv("HOME", str(home))
        for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            patch.delenv(variable, raising=False)
        yield home
    # Whatever the page set in os.environ, the next page starts from the same state.
    os.environ.clear()
    os.environ.update(environment)
    time.tzset()
