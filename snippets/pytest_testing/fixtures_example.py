import pytest


@pytest.fixture(scope="module")
def schema(database):
    print("setup schema (module)")
    database["tables"] = ["users"]
    yield database
    del database["tables"]
    print("teardown schema (module)")


@pytest.fixture
def user(schema):
    print("setup user (function)")
    schema["users"].append("ada")
    yield "ada"
    schema["users"].remove("ada")
    print("teardown user (function)")


def test_user_is_stored(user, database):
    assert database["users"] == [user]


def test_each_test_gets_its_own_user(user, database):
    assert database["users"] == ["ada"]
    assert database["tables"] == ["users"]
