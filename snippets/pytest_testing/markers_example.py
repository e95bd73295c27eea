import time

import pytest


def test_fast() -> None:
    assert sum(range(10)) == 45


@pytest.mark.slow
def test_full_export() -> None:
    time.sleep(0.01)  # stands in for real work
    assert len(str(2**10_000)) == 3011


@pytest.mark.slow
def test_full_import() -> None:
    time.sleep(0.01)
    assert sorted(range(1_000, 0, -1))[:3] == [1, 2, 3]
