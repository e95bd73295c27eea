import pytest


@pytest.mark.parametrize("n", range(4))
def test_order(database, catalogue, worker_id, n):
    assert database == f"test_{worker_id}.sqlite3"  # this worker's own
    assert catalogue == {"tea": 3.5}  # the same file in every worker
