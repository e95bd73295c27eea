import pytest


@pytest.mark.parametrize("code", ["EUR", "eur"], ids=["euro", "euro"])
def test_currency(code: str) -> None:
    assert code.upper() == "EUR"
