"""Each page runs in its own temporary directory, which is also its $HOME, with the
clock's time zone, the random seed, the environment variables, logging, the modules
imported from snippets/ and the garbage collector's heap reset for it. pytest restores the
warnings filters after every block.

What stays shared between pages on one worker: third-party modules once imported (and
any state a library keeps in them), the interpreter's caches, and threads a page left
running (a page must stop what it starts).

Network isolation comes from pytest-socket (``--allow-hosts`` in pyproject.toml): any
connection to a host other than loopback fails the block that tried it.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest


def _logging_state() -> dict:
    loggers = [logging.root, *logging.Logger.manager.loggerDict.values()]
    return {
        logger: (logger.level, list(logger.handlers), logger.propagate, logger.disabled)
        for logger in loggers
        if isinstance(logger, logging.Logger)
    }


def _restore_logging(before: dict) -> None:
    """Loggers as they were; a logger the page created is left with no configuration
    of its own, and handlers the page added are closed."""
    for logger in _logging_state():
        level, handlers, propagate, disabled = before.get(
            logger, (logging.NOTSET, [], True, False)
        )
        for handler in set(logger.handlers) - set(handlers):
            handler.close()
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.propagate, logger.disabled = propagate, disabled
    logging.disable(logging.NOTSET)


def _forget_snippet_modules(before: set[str]) -> None:
    """Modules the page imported from snippets/: the next page imports them afresh."""
    for name in set(sys.modules) - before:
        if name == "snippets" or name.startswith("snippets."):
            del sys.modules[name]


@contextlib.contextmanager
def page_environment(home: Path):
    environment, cwd = dict(os.environ), os.getcwd()
    logging_before, modules_before = _logging_state(), set(sys.modules)
    random.seed(0)
    # Objects left by earlier pages in this process go to the permanent generation, and
    # stay there, so the garbage collector's pauses, and any timing a page measures,
    # depend on the page alone and not on what ran before it. (Unfrozen, they would
    # make every later collection walk the whole process again.) What the page itself
    # creates is still collected when it ends (tests/evaluate.py).
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
        _restore_logging(logging_before)
        _forget_snippet_modules(modules_before)
        # Whatever the page set in os.environ, the next page starts from the same state.
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(environment)
        time.tzset()


def pytest_configure(config: pytest.Config) -> None:
    # A run started in the background (`cmd &`, nohup, some CI runners) has SIGINT
    # ignored, and so would every process a page starts, which no shell can undo: pages
    # that show what Ctrl-C does need the default a terminal gives.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="module")
def hermetic_page(tmp_path_factory: pytest.TempPathFactory):
    # Module scope is one Markdown page: sybil treats a page as a module.
    with page_environment(tmp_path_factory.mktemp("page-home")) as home:
        yield home
