"""Compare two ways to de-duplicate names. Run it as a script: pyperf starts the
worker processes itself, e.g. ``python bench_dedupe.py -o dedupe.json``."""

from __future__ import annotations

import pyperf

NAMES = [f"customer-{i % 200}" for i in range(2_000)]


def dedupe_with_list(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:  # a linear scan per name
            seen.append(name)
    return seen


def dedupe_with_dict(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))  # hashed, keeps first-seen order


BENCHMARKS = {"dedupe-list": dedupe_with_list, "dedupe-dict": dedupe_with_dict}

if __name__ == "__main__":
    runner = pyperf.Runner()
    for name, dedupe in BENCHMARKS.items():
        runner.bench_func(name, dedupe, NAMES)
