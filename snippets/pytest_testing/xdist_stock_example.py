def test_stock(database, catalogue, worker_id):
    assert database == f"test_{worker_id}.sqlite3"
    assert catalogue["tea"] > 0


def test_restock(database, catalogue):
    assert database.endswith(".sqlite3") and "tea" in catalogue
