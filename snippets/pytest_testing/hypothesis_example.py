from hypothesis import given
from hypothesis import strategies as st


def dedupe(items: list[int]) -> list[int]:
    """Drop repeats, keeping each item's first position."""
    return list(dict.fromkeys(items))


def chunked(items: list[int], size: int) -> list[list[int]]:
    """Split into runs of `size`. Bug: a short last run is dropped."""
    return [items[i : i + size] for i in range(0, len(items) - size + 1, size)]


@given(st.lists(st.integers()))
def test_dedupe(items: list[int]) -> None:
    result = dedupe(items)
    assert len(result) == len(set(items))
    assert sorted(result, key=items.index) == result


@given(st.lists(st.integers()), st.integers(min_value=1, max_value=10))
def test_chunks_rebuild_the_input(items: list[int], size: int) -> None:
    rebuilt = [item for chunk in chunked(items, size) for item in chunk]
    assert rebuilt == items
