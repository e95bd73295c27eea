"""The python-performance snippets as modules: correct results, and a runnable benchmark."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from snippets.python_performance import bench_dedupe
from snippets.python_performance.primes_pool import count_primes


@pytest.mark.parametrize(
    ("limit", "primes"), [(0, 0), (2, 0), (3, 1), (10, 4), (100, 25), (1_000, 168)]
)
def test_count_primes(limit: int, primes: int) -> None:
    assert count_primes(limit) == primes


def test_dedupe_functions_agree_and_keep_first_seen_order() -> None:
    names = ["b", "a", "b", "c", "a"]
    assert bench_dedupe.dedupe_with_list(names) == ["b", "a", "c"]
    assert bench_dedupe.dedupe_with_dict(names) == ["b", "a", "c"]
    assert len(bench_dedupe.dedupe_with_dict(bench_dedupe.NAMES)) == 200


def test_benchmark_script_writes_both_benchmarks(tmp_path) -> None:
    output = tmp_path / "dedupe.json"
    subprocess.run(
        [sys.executable, bench_dedupe.__file__, "--debug-single-value", "-o", output],
        check=True,
        capture_output=True,
    )
    names = [
        bench["metadata"]["name"]
        for bench in json.loads(output.read_text())["benchmarks"]
    ]
    assert names == list(bench_dedupe.BENCHMARKS)


def test_pool_script_counts_like_the_module() -> None:
    from snippets.python_performance import primes_pool

    limits = [10, 100, 1_000]
    assert [primes_pool.count_primes(n) for n in limits] == [4, 25, 168]
    ran = subprocess.run(
        [sys.executable, primes_pool.__file__, *map(str, limits)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.stdout == "[4, 25, 168] in other processes: True\n"
