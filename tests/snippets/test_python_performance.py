"""The python-performance snippets as modules: correct results.

The page itself runs the scripts (bench_dedupe.py under pyperf, primes_pool.py with its
process pool, slow_job.py under py-spy, cli.py under -X importtime) and checks what they
print, so these tests stay in-process and cheap. The page's lazy-loading example
(`reports`) is not imported here: the page checks that its submodule is absent from
`sys.modules` until first use.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from snippets.python_performance import bench_dedupe, cli, primes_cython, slow_job
from snippets.python_performance.primes_pool import count_primes


@pytest.mark.parametrize("count", [count_primes, primes_cython.count_primes])
@pytest.mark.parametrize(
    ("limit", "primes"), [(0, 0), (2, 0), (3, 1), (10, 4), (100, 25), (1_000, 168)]
)
def test_count_primes(count, limit: int, primes: int) -> None:
    assert count(limit) == primes


def test_the_cython_version_runs_as_plain_python_here() -> None:
    assert primes_cython.COMPILED is False


def test_dedupe_functions_agree_and_keep_first_seen_order() -> None:
    names = ["b", "a", "b", "c", "a"]
    assert bench_dedupe.dedupe_with_list(names) == ["b", "a", "c"]
    assert bench_dedupe.dedupe_with_dict(names) == ["b", "a", "c"]
    assert len(bench_dedupe.dedupe_with_dict(bench_dedupe.NAMES)) == 200


def test_slow_job_is_a_plain_function_of_its_rounds() -> None:
    assert slow_job.nightly_report(0) == 0
    assert slow_job.nightly_report(4) == (33 * 31 + 3) % 1_000_003


def test_lazy_import_runs_the_module_on_first_attribute_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = tmp_path / "ran"
    (tmp_path / "lazy_probe.py").write_text(
        f"from pathlib import Path\nPath({str(ran)!r}).touch()\nVALUE = 42\n"
    )
    monkeypatch.syspath_prepend(tmp_path)
    try:
        probe = cli.lazy_import("lazy_probe")
        assert sys.modules["lazy_probe"] is probe
        assert not ran.exists()  # bound, but its code has not run
        assert probe.VALUE == 42
        assert ran.exists()  # the first attribute use ran it
        assert cli.lazy_import("lazy_probe") is probe  # once
    finally:
        sys.modules.pop("lazy_probe", None)
    with pytest.raises(ModuleNotFoundError):
        cli.lazy_import("lazy_probe_that_does_not_exist")
