import os

import pytest


@pytest.fixture(scope="session")
def database(worker_id, tmp_path_factory):
    # One per worker process: worker_id is "gw0", "gw1", ... ("master" without -n).
    name = f"test_{worker_id}.sqlite3"
    created = tmp_path_factory.getbasetemp().parent / f"created-{name}"
    assert not created.exists()  # a session fixture runs once in each worker
    created.write_text(str(os.getpid()))
    return name


@pytest.mark.parametrize("n", range(6))
def test_uses_its_own_database(database, worker_id, n):
    assert database == f"test_{worker_id}.sqlite3"
