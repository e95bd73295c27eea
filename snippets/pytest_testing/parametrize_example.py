import pytest


def slugify(title: str) -> str:
    return "-".join(title.lower().split())


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Hello World", "hello-world"),
        ("  padded  ", "padded"),
        ("Ünïcode Title", "ünïcode-title"),
    ],
    ids=["simple", "whitespace", "unicode"],
)
def test_slugify(title: str, expected: str) -> None:
    assert slugify(title) == expected


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("a b", id="space"),
        pytest.param("a\tb", id="tab"),
        pytest.param(
            "a, b!",
            id="punctuation",
            marks=pytest.mark.xfail(reason="punctuation is not stripped yet"),
        ),
    ],
)
def test_slug_is_two_words(title: str) -> None:
    assert slugify(title) == "a-b"
