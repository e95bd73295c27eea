import pytest

SEEN: list[int] = []


@pytest.mark.parametrize("n", range(4))
def test_record(n: int) -> None:
    SEEN.append(n)
    assert n in SEEN


def test_all_recorded() -> None:
    # Relies on the four tests above having run earlier, in this process.
    assert SEEN == [0, 1, 2, 3]
