import pytest


@pytest.fixture(scope="session")
def database():
    print("setup database (session)")
    db = {"users": []}
    yield db
    print("teardown database (session)")
