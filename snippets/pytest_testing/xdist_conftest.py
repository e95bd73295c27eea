import json
import os

import pytest
from filelock import FileLock


@pytest.fixture(scope="session")
def database(worker_id, tmp_path_factory):
    # One per worker process: worker_id is "gw0", "gw1", ... ("master" without -n).
    name = f"test_{worker_id}.sqlite3"
    created = tmp_path_factory.getbasetemp().parent / f"created-{name}"
    assert not created.exists()  # a session fixture runs once in each worker
    created.write_text(str(os.getpid()), encoding="utf-8")
    return name


def build_catalogue(path):
    # Stands in for slow work that the whole run needs only once: a build, a download.
    with open(f"{path}.log", "a", encoding="utf-8") as log:
        log.write(f"built by process {os.getpid()}\n")
    path.write_text(json.dumps({"tea": 3.5}), encoding="utf-8")


def build_once(path, build):
    # The first process to take the lock builds; the others wait, then find the file.
    with FileLock(f"{path}.lock"):
        if not path.exists():
            build(path)
    return path


@pytest.fixture(scope="session")
def catalogue(worker_id, tmp_path_factory):
    if worker_id == "master":  # no -n: this process is the whole run
        shared = tmp_path_factory.getbasetemp()
    else:  # under -n: the run's own directory, which holds every worker's basetemp
        shared = tmp_path_factory.getbasetemp().parent
    path = build_once(shared / "catalogue.json", build_catalogue)
    return json.loads(path.read_text(encoding="utf-8"))
