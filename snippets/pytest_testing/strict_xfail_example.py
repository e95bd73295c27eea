import pytest


@pytest.mark.xfail(reason="rounding bug, issue 12")
def test_known_bug() -> None:
    assert round(2.675, 2) == 2.67  # the bug was fixed: this passes now
