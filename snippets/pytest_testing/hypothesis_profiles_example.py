from hypothesis import given, settings
from hypothesis import strategies as st

EXAMPLES_SEEN: list[int] = []


@given(st.integers())
def test_abs_is_never_negative(number):
    EXAMPLES_SEEN.append(number)
    assert abs(number) >= 0


def test_the_profile_in_use():
    print(f"max_examples={settings.default.max_examples} ran={len(EXAMPLES_SEEN)}")
