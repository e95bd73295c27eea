import pytest

ACCOUNTS: dict[str, str] = {}


@pytest.fixture(autouse=True)
def no_accounts_left_behind():
    yield
    assert ACCOUNTS == {}, "a test left accounts behind"


@pytest.fixture
def make_account():
    made = []

    def make(name: str, role: str = "guest") -> str:
        ACCOUNTS[name] = role
        made.append(name)
        return name

    yield make
    for name in made:
        del ACCOUNTS[name]


@pytest.fixture
def account(request, make_account):
    return make_account(f"{request.param}-1", role=request.param)


def test_factory_makes_several(make_account):
    make_account("ada", role="admin")
    make_account("bob")
    assert ACCOUNTS == {"ada": "admin", "bob": "guest"}


@pytest.mark.parametrize("account", ["admin", "guest"], indirect=True)
def test_each_role(account):
    assert ACCOUNTS[account] in ("admin", "guest")
