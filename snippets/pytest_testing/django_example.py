import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
@pytest.mark.parametrize("attempt", [1, 2])
def test_create_user(attempt: int) -> None:
    users = get_user_model().objects
    # Both attempts create "ada": that only works if each test is rolled back.
    ada = users.create_user("ada", password="analytical")
    assert users.count() == 1
    assert ada.check_password("analytical")
    assert ada.password.startswith("md5$")  # the fast test-only hasher


def test_without_the_mark() -> None:
    assert get_user_model().objects.count() == 0
