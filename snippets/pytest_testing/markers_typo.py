import pytest


@pytest.mark.slwo  # typo for "slow"
def test_nightly_report() -> None:
    """Never runs: collection stops at the typo."""
