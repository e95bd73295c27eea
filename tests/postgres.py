"""One throwaway PostgreSQL cluster for the whole test run, xdist workers included.

The controlling process (xdist's controller, or the only process without xdist) creates
the cluster in a fresh temporary directory, in a background thread so that it overlaps
the workers' start-up, and points libpq's standard variables at it: ``PGHOST`` is the
directory that holds the Unix socket (the server listens on no TCP port at all),
``PGUSER`` its superuser. Worker processes inherit those variables and wait, before their
first test, until the server accepts connections (usually it does by then). The
controller stops the server and deletes the directory when the run ends.

PostgreSQL refuses to run as root, so as root the server runs as ``nobody``, in a
directory that ``nobody`` owns. Authentication is ``trust`` over the socket, which only
this machine's users can reach.

Without the server binaries (``$PG_BINDIR``, ``pg_ctl`` on PATH, or Debian's
/usr/lib/postgresql/N/bin) nothing is started and ``PGHOST`` stays unset: the pages that
need PostgreSQL fall back or skip, naming the reason. With ``CI=true`` a missing server fails the run instead.

Why not pytest-postgresql: its process fixture runs ``pg_ctl`` as the current user,
which PostgreSQL refuses when that user is root (as in CI here), and it starts one
cluster per xdist worker from a fixture, while the docs pages are Sybil documents whose
fixtures the harness chooses, not the page.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SUPERUSER = "postgres"
UNPRIVILEGED = "nobody"  # who runs the server when the tests run as root
READY, FAILED = "ready", "failed"  # marker files in the cluster's directory
WAIT_SECONDS = 60


def server_binaries() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres, or None.

    ``PG_BINDIR`` names it explicitly; set to an empty value, it means "no server".
    """
    if "PG_BINDIR" in os.environ:
        return Path(os.environ["PG_BINDIR"]) if os.environ["PG_BINDIR"] else None
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda path: int(Path(path).parts[-3]),
    )
    return Path(debian[-1]).parent if debian else None


def memory_backed() -> str | None:
    """A directory in memory (Linux's /dev/shm) for the throwaway cluster, or None for
    the usual temporary directory: initdb writes some 40 MB, three times faster there."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


@dataclass
class Cluster:
    bindir: Path
    directory: Path
    user: str | None  # None: run the server as the current user
    thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        return self.directory / "data"

    def run(self, program: str, *args: str) -> None:
        subprocess.run(
            [str(self.bindir / program), *args],
            user=self.user,
            cwd=self.directory,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
            capture_output=True,
            text=True,
            check=True,
            timeout=WAIT_SECONDS,
        )

    def start(self) -> None:
        """initdb, start the server, then leave a marker saying how it went."""
        try:
            self.run(
                "initdb",
                f"--pgdata={self.data}",
                f"--username={SUPERUSER}",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",  # byte order, the same on every machine
                "--no-sync",
                "--no-instructions",
            )
            options = [
                "-c listen_addresses=''",  # the Unix socket only
                f"-c unix_socket_directories='{self.directory}'",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
            self.run(
                "pg_ctl", "start", "--wait", "--silent",
                f"--pgdata={self.data}",
                f"--log={self.directory / 'server.log'}",
                f"--options={' '.join(options)}",
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError) as error:
            details = getattr(error, "stderr", "") or ""
            (self.directory / FAILED).write_text(f"{error}\n{details}")
        else:
            (self.directory / READY).touch()

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.join(WAIT_SECONDS)
        if (self.data / "postmaster.pid").exists():
            self.run(
                "pg_ctl", "stop", "--mode=immediate", "--silent", "-D", str(self.data)
            )
        shutil.rmtree(self.directory, ignore_errors=True)


def wait_until_ready(directory: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not (directory / READY).exists():
        if (directory / FAILED).exists():
            failure = (directory / FAILED).read_text()
            raise RuntimeError(f"PostgreSQL did not start: {failure}")
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"PostgreSQL in {directory} not ready in {WAIT_SECONDS} s"
            )
        time.sleep(0.02)


def start_in_background() -> Cluster | None:
    """Start a cluster and point libpq's variables at it; None without server binaries.

    Call ``wait_until_ready(cluster.directory)`` before connecting, and
    ``cluster.stop()`` at the end. (``tests.bench`` can use this for its floor run.)
    """
    bindir = server_binaries()
    if bindir is None:
        if os.environ.get("CI") == "true":
            raise RuntimeError(
                "CI needs a PostgreSQL server (pg_ctl) for the Django page; "
                "install Debian's postgresql package"
            )
        os.environ.pop("PGHOST", None)
        return None
    root = os.geteuid() == 0
    directory = Path(tempfile.mkdtemp(prefix="pytest-postgres-", dir=memory_backed()))
    if root:
        entry = pwd.getpwnam(UNPRIVILEGED)
        os.chown(directory, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(bindir, directory, UNPRIVILEGED if root else None)
    cluster.thread = threading.Thread(target=cluster.start, name="postgres-start")
    cluster.thread.start()
    os.environ.update(PGHOST=str(directory), PGUSER=SUPERUSER)
    os.environ.pop("PGPORT", None)
    os.environ.pop("PGPASSWORD", None)
    return cluster


# What runs against the cluster; a run that collects none of it starts no server.
USERS = ("docs/django-patterns.md", "tests/snippets/test_django_patterns.py")


def needs_server(config: pytest.Config) -> bool:
    root = Path(__file__).resolve().parent.parent
    users = [root / user for user in USERS]
    arguments = config.args or [str(root / path) for path in config.getini("testpaths")]
    for argument in arguments:
        path = Path(config.invocation_params.dir, argument.split("::")[0]).resolve()
        if any(user == path or path in user.parents for user in users):
            return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller's variables are already here
    if not needs_server(config):
        return
    try:
        cluster = start_in_background()
    except RuntimeError as error:
        raise pytest.UsageError(str(error)) from None
    if cluster is not None:
        config.stash[CLUSTER] = cluster


def pytest_report_header(config: pytest.Config) -> str | None:
    cluster = config.stash.get(CLUSTER, None)
    if cluster is None and not needs_server(config):
        return None
    if cluster is None:
        return "postgresql: no server binaries found; the blocks that need one skip"
    return f"postgresql: {cluster.bindir}, cluster in {cluster.directory}"


_waited = False


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the first test of this process: wait for the server, if there is one.

    If it did not start, that first test fails with the reason, and every test that
    connects to the server fails on its own.
    """
    global _waited
    if _waited or "PGHOST" not in os.environ:
        return
    _waited = True
    try:
        wait_until_ready(Path(os.environ["PGHOST"]))
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


def pytest_unconfigure(config: pytest.Config) -> None:
    cluster = config.stash.get(CLUSTER, None)
    if cluster is not None:
        cluster.stop()


CLUSTER = pytest.StashKey[Cluster]()
