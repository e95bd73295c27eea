"""Text bar charts: the part of ``reports`` that most callers never need."""

from __future__ import annotations


def bar_chart(counts: dict[str, int]) -> str:
    width = max(map(len, counts))
    return "\n".join(
        f"{label:>{width}} {'#' * count}" for label, count in counts.items()
    )
