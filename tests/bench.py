"""`nox -s bench`: docs-tests against its floor, and the strict site build, side by side.

(a) the full docs-tests run, as `nox -s docs-tests` runs it;
(b) the floor: every docs block evaluated the same way (same evaluators, namespaces and
    page environment, so the same pytest runs for blocks that are test files) in one plain
    process, with no collection or reporting machinery;
(c) `mkdocs build --strict`, which writes the agent files from its hooks;
(d) the same site from Zensical as `nox -s docs-zensical` builds it: `zensical build
    --clean --strict` (no cached pages, as the session runs it) into site-zensical/, then
    the step that writes the agent files;
(f) the python-performance page's compiled examples (`python -m tests.bench compiled`
    alone): its snippets compiled by mypyc and by Cython, then timed in one process
    against the same functions as Python, side by side.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path
from unittest import SkipTest

from pytest_socket import socket_allow_hosts

from tests.collect import DOCS, ROOT, parse, setup_page
from tests.evaluate import close_page
from tests.hermetic import page_environment

DOCS_TESTS = [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile"]


def floor() -> None:
    """Evaluate every block of every page, in page order, in this process, with the
    same loopback-only network guard as the test run."""
    socket_allow_hosts(["127.0.0.1", "::1", "localhost"], allow_unix_socket=True)
    # The guard stays; the module goes, so that a page's in-process pytest run that
    # names pytest_socket as a plugin imports it itself (already imported, pytest would
    # warn that it cannot rewrite it, an error under the example's filterwarnings).
    del sys.modules["pytest_socket"]
    for page in sorted(DOCS.glob("*.md")):
        document = parse(page)
        setup_page(document.namespace)
        with tempfile.TemporaryDirectory() as home, page_environment(home):
            for example in document:
                try:
                    example.evaluate()
                except SkipTest:
                    pass
        close_page(document.namespace)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as site:
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site]
        full = timed(DOCS_TESTS)
        bare = timed([sys.executable, "-m", "tests.bench", "--floor"])
        site_build = timed(build)
        zensical = [sys.executable, "-m", "zensical", "build", "--clean", "--strict"]
        zensical_build = timed([*zensical, "-f", "zensical.yml"]) + timed(
            [sys.executable, "-m", "skills_site.llms", "site-zensical"]
        )
    print(f"(a) docs-tests:            {full:6.1f} s")
    print(f"(b) floor, one process:    {bare:6.1f} s")
    print(f"    ratio a/b:             {full / bare:6.2f}")
    print(f"(c) mkdocs build --strict: {site_build:6.1f} s")
    print(f"(d) zensical build:        {zensical_build:6.1f} s")
    compiled()


SNIPPETS = ROOT / "snippets" / "python_performance"
BIN = Path(sys.executable).parent


def compiled() -> None:
    """(f) Compile the page's snippets with mypyc and Cython in a scratch directory,
    then time them there, in a fresh process, against the uncompiled originals."""
    with tempfile.TemporaryDirectory(prefix="bench-compiled-") as build:
        for name in ("primes_pool.py", "bench_dedupe.py", "primes_cython.py"):
            shutil.copy(SNIPPETS / name, build)
        start = time.perf_counter()
        # pyperf, which bench_dedupe imports, ships no type information.
        mypyc = [BIN / "mypyc", "--ignore-missing-imports"]
        subprocess.run(
            [*mypyc, "primes_pool.py", "bench_dedupe.py"],
            cwd=build,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        mypyc_seconds = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(
            [BIN / "cythonize", "-i", "-q", "primes_cython.py"],
            cwd=build,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        cython_seconds = time.perf_counter() - start
        print(
            f"(f) mypyc build: {mypyc_seconds:.1f} s, Cython build: {cython_seconds:.1f} s"
        )
        subprocess.run(
            [sys.executable, "-m", "tests.bench", "--time-compiled", build],
            cwd=ROOT,
            check=True,
        )


def per_call(pair: tuple, args: tuple, number: int, rounds: int = 7) -> list[float]:
    """CPU seconds per call of each function in `pair`, the fastest of `rounds` runs of
    `number` calls; the two take turns.

    CPU time, not wall time: on a busy machine a run longer than the scheduler's time
    slice (the 20 ms of the Python count_primes) is always cut by other processes, so
    even its fastest wall time grows, while the compiled 1 ms run often gets through
    whole. Wall time put count_primes at 41-49x there, CPU time at about 20x either way.
    """
    best = [float("inf")] * len(pair)
    for _ in range(rounds):
        for index, func in enumerate(pair):
            seconds = timeit.timeit(
                lambda func=func: func(*args), number=number, timer=time.process_time
            )
            best[index] = min(best[index], seconds / number)
    return best


def time_compiled(build: str) -> None:
    """The timing half of (f): the compiled modules are imported from `build`, the
    originals from snippets/; every pair runs in this one process, in turn."""
    from snippets.python_performance import bench_dedupe, primes_cython, primes_pool

    sys.path.insert(0, build)
    import bench_dedupe as dedupe_mypyc  # from the build directory, compiled
    import primes_cython as primes_by_cython
    import primes_pool as primes_by_mypyc

    for module in (primes_by_mypyc, dedupe_mypyc, primes_by_cython):
        # the extension, although the .py file lies beside it
        assert Path(module.__file__).suffix == ".so", module.__file__
    assert primes_by_cython.COMPILED and not primes_cython.COMPILED
    limit = 30_000
    expected = primes_pool.count_primes(limit)
    assert primes_by_mypyc.count_primes(limit) == expected
    assert primes_by_cython.count_primes(limit) == expected
    # Below any C integer: mypyc's int is Python's; Cython's C long refuses it.
    assert primes_by_mypyc.count_primes(-(2**70)) == primes_pool.count_primes(-(2**70))
    try:
        primes_by_cython.count_primes(-(2**70))
    except OverflowError:
        pass
    else:
        raise AssertionError("Cython accepted a limit outside a C long")
    names = bench_dedupe.NAMES
    assert dedupe_mypyc.dedupe_with_dict(names) == bench_dedupe.dedupe_with_dict(names)

    pairs = [  # label, the Python function, its compiled twin, arguments, calls per run
        ("count_primes, mypyc", primes_pool.count_primes,
         primes_by_mypyc.count_primes, (limit,), 1),
        ("count_primes, Cython", primes_pool.count_primes,
         primes_by_cython.count_primes, (limit,), 1),
        ("dedupe_with_dict, mypyc", bench_dedupe.dedupe_with_dict,
         dedupe_mypyc.dedupe_with_dict, (names,), 200),
    ]  # fmt: skip
    for label, python, compiled_func, arguments, number in pairs:
        python_seconds, compiled_seconds = per_call(
            (python, compiled_func), arguments, number
        )
        print(
            f"(f) {label:24} Python {python_seconds * 1e3:8.3f} ms, compiled "
            f"{compiled_seconds * 1e3:8.3f} ms: {python_seconds / compiled_seconds:5.1f}x"
        )


if __name__ == "__main__":
    if sys.argv[1:] == ["--floor"]:
        floor()
    elif sys.argv[1:2] == ["--time-compiled"]:
        time_compiled(sys.argv[2])
    elif sys.argv[1:] == ["compiled"]:
        compiled()
    else:
        main()
