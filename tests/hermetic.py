"""Each page runs in its own temporary directory, which is also its $HOME.

Network isolation comes from pytest-socket (``--allow-hosts`` in pyproject.toml): any
connection to a host other than loopback fails the block that tried it.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def hermetic_page(tmp_path_factory: pytest.TempPathFactory):
    # Module scope is one Markdown page: sybil treats a page as a module.
    home = tmp_path_factory.mktemp("page-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(home)
        patch.setenv("HOME", str(home))
        for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            patch.delenv(variable, raising=False)
        yield home
