import warnings

import pytest


def parse_port(text: str) -> int:
    port = int(text)
    if not 0 < port < 65536:
        raise ValueError(f"port {port} is out of range (1-65535)")
    return port


def parse_ports(texts: list[str]) -> list[int]:
    ports, errors = [], []
    for text in texts:
        try:
            ports.append(parse_port(text))
        except ValueError as error:
            errors.append(error)
    if errors:
        raise ExceptionGroup("invalid ports", errors)
    return ports


def legacy_port(text: str) -> int:
    message = "legacy_port() is deprecated: use parse_port()"
    warnings.warn(message, DeprecationWarning, stacklevel=2)
    return parse_port(text)


def test_raises_with_match():
    # match= is a regular expression, searched for in str(error): escape ( and ).
    with pytest.raises(ValueError, match=r"out of range \(1-65535\)") as caught:
        parse_port("70000")
    assert caught.value.args == ("port 70000 is out of range (1-65535)",)


def test_exception_group():
    with pytest.RaisesGroup(
        pytest.RaisesExc(ValueError, match="out of range"),
        pytest.RaisesExc(ValueError, match="invalid literal"),
    ):
        parse_ports(["80", "0", "http"])


def test_warns():
    with pytest.warns(DeprecationWarning, match="use parse_port"):
        assert legacy_port("8080") == 8080


def test_approx():
    assert 0.1 + 0.2 == pytest.approx(0.3)
    assert [0.1 + 0.2, 1 / 3] == pytest.approx([0.3, 0.333], abs=1e-3)


def test_float_equality():
    assert 0.1 + 0.2 == 0.3
