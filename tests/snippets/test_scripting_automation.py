"""The scripting-automation examples as modules and as real processes."""

from __future__ import annotations

import io
import os
import random
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from snippets.scripting_automation import (
    atomic,
    checksum,
    csv_total,
    env_config,
    inline_metadata,
    progress,
    retry,
    tally,
    worker,
)

SCRIPTS = Path(inline_metadata.__file__).parent
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX only")


def run_script(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / name), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


# --- PEP 723 metadata -----------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "dependencies"),
    [("csv_total.py", []), ("checksum.py", ["typer>=0.29"])],
)
def test_scripts_declare_their_metadata(script: str, dependencies: list[str]):
    source = (SCRIPTS / script).read_text(encoding="utf-8")
    metadata = inline_metadata.read_inline_metadata(source)
    assert metadata == {"requires-python": ">=3.11", "dependencies": dependencies}


def test_metadata_edge_cases():
    block = "# /// script\n# dependencies = []\n#\n# ///\n"
    assert inline_metadata.read_inline_metadata(block) == {"dependencies": []}
    assert inline_metadata.read_inline_metadata(block, "other") is None
    assert inline_metadata.read_inline_metadata("x = 1\n") is None
    with pytest.raises(ValueError, match="more than one"):
        inline_metadata.read_inline_metadata(block + "x = 1\n" + block)


# --- argparse CLI ----------------------------------------------------------------


@pytest.fixture
def sales(tmp_path: Path) -> Path:
    path = tmp_path / "sales.csv"
    path.write_text("item,amount\nbook,12.50\npen,1.25\n", encoding="utf-8")
    return path


def test_csv_total_exit_codes(tmp_path: Path, sales: Path):
    ok = run_script("csv_total.py", str(sales), "-v", cwd=tmp_path)
    assert (ok.returncode, ok.stdout) == (0, "13.75\n")
    assert "summed 2 rows" in ok.stderr
    missing = run_script("csv_total.py", "nope.csv", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (1, "")
    usage = run_script("csv_total.py", cwd=tmp_path)
    assert usage.returncode == 2 and "usage:" in usage.stderr


def test_csv_total_in_process(sales: Path, capsys: pytest.CaptureFixture[str]):
    assert csv_total.main([str(sales)]) == 0
    assert capsys.readouterr().out == "13.75\n"
    assert csv_total.main([str(sales), "--column", "price"]) == 1
    with pytest.raises(SystemExit) as usage:
        csv_total.main([str(sales), "--col", "amount"])  # no prefix matching
    assert usage.value.code == 2


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("amount\n1\nx\n", "3: 'x'"),
        ("amount\nNaN\n", "2: 'NaN'"),
        ("amount\n-Infinity\n", "2: '-Infinity'"),
        ("item,amount\n\n\nbook\n", "4: ''"),  # blank lines, then a short row
        ('item,amount\n"a\nb",1\nc,sNaN\n', "4: 'sNaN'"),
    ],
)
def test_csv_total_rejects_non_numbers(tmp_path: Path, text: str, problem: str):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as error:
        csv_total.total(path, "amount")
    assert str(error.value) == f"{path}:{problem} is not a number"


# --- Typer CLI -------------------------------------------------------------------


def test_checksum_exit_codes(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"hello\n")
    runner = CliRunner()
    ok = runner.invoke(checksum.app, [str(tmp_path / "a.txt")])
    assert ok.exit_code == 0
    assert ok.stdout.startswith("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d0")
    failed = runner.invoke(checksum.app, [str(tmp_path / "missing.txt")])
    assert failed.exit_code == 1 and "No such file" in failed.stderr
    assert runner.invoke(checksum.app, []).exit_code == 2
    assert run_script("checksum.py", cwd=tmp_path).returncode == 2


# --- atomic writes ---------------------------------------------------------------


def test_atomic_write_keeps_old_content_on_failure(tmp_path: Path):
    target = tmp_path / "data.txt"
    atomic.atomic_write_text(target, "old\n")

    def failing():
        yield "new"
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic.atomic_write_text(target, failing())
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.txt"]


def test_atomic_write_never_opens_a_temporary_name_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    names = iter(["taken", "taken", "free"])
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda nbytes: next(names))
    other = tmp_path / ".data.txt.taken.tmp"  # another writer's temporary file
    other.write_text("theirs", encoding="utf-8")
    atomic.atomic_write_text(tmp_path / "data.txt", "mine")
    assert (tmp_path / "data.txt").read_text(encoding="utf-8") == "mine"
    assert other.read_text(encoding="utf-8") == "theirs"
    assert next(names, "all drawn") == "all drawn"


@POSIX_ONLY
def test_atomic_write_preserves_permissions(tmp_path: Path):
    target = tmp_path / "shared.txt"
    target.write_text("v1", encoding="utf-8")
    target.chmod(0o664)
    atomic.atomic_write_text(target, ["v", "2"])
    assert target.read_text(encoding="utf-8") == "v2"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    fresh = tmp_path / "fresh.txt"
    atomic.atomic_write_text(fresh, "x", mode=0o600)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


@POSIX_ONLY
def test_atomic_write_new_file_respects_umask(tmp_path: Path):
    umask = 0o027  # the page checks 077 and 022
    code = (
        "import sys; from pathlib import Path; from atomic import atomic_write_text; "
        "atomic_write_text(Path(sys.argv[1]), 'x'); Path(sys.argv[2]).write_text('x')"
    )
    subprocess.run(
        [sys.executable, "-c", code, "atomic.txt", "plain.txt"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(SCRIPTS)},
        umask=umask,
        check=True,
    )
    # Every umask here removes the write bits for others: both files agree.
    for name in ("atomic.txt", "plain.txt"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask


# --- standard input and verbosity -----------------------------------------------


def test_tally_reads_bytes_that_are_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    (tmp_path / "a.log").write_bytes(b"error: caf\xe9\nok\n")
    stdin = io.TextIOWrapper(io.BytesIO(b"error: \xff\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert tally.main(["-q", "error", str(tmp_path / "a.log"), "-"]) == 0
    assert capsys.readouterr().out == "2\n"
    assert not stdin.closed  # "-" leaves sys.stdin open


def test_tally_log_levels():
    levels = [tally.log_level(v, q) for v, q in [(0, 0), (2, 0), (1, 1), (0, 2)]]
    assert levels == [30, 10, 30, 50]


# --- signals ---------------------------------------------------------------------
# The page runs worker.py and progress.py as processes (SIGTERM with and without the
# handler, the lock, SIGKILL, Ctrl-C, a closed pipe, a terminal); these tests cover the
# same code in-process.


@POSIX_ONLY
def test_worker_lock_refuses_a_second_holder(tmp_path: Path):
    lock = tmp_path / "w.lock"
    held = worker.hold_lock(lock)
    try:
        with pytest.raises(worker.AlreadyRunning, match=f"process {os.getpid()}$"):
            worker.hold_lock(lock)
    finally:
        os.close(held)
    os.close(worker.hold_lock(lock))  # free again once the holder closed it


def test_worker_run_cleans_up_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    lock, log = tmp_path / "w.lock", tmp_path / "w.log"

    def interrupted() -> None:
        worker.stop_on_sigterm(signal.SIGTERM, None)

    with pytest.raises(SystemExit) as stopped:
        worker.run(lock, log, work=interrupted)
    assert stopped.value.code == 143
    assert not (tmp_path / "w.partial").exists()
    assert log.read_text(encoding="utf-8") == "cleaned up\n"
    assert capsys.readouterr().out == "ready\n"


# --- retries ---------------------------------------------------------------------


def test_retry_backoff_schedule_and_give_up():
    delays: list[float] = []
    calls = 0

    def down() -> None:
        nonlocal calls
        calls += 1
        raise ConnectionError("down")

    with pytest.raises(ConnectionError):
        retry.retry(
            down,
            attempts=5,
            base_delay=0.5,
            max_delay=3,
            sleep=delays.append,
            jitter=lambda low, high: high,
        )
    assert calls == 5
    assert delays == [0.5, 1.0, 2.0, 3]


def test_retry_jitter_within_bounds_and_success():
    delays: list[float] = []
    outcomes = iter([TimeoutError("slow"), TimeoutError("slow"), "ok"])

    def sometimes() -> str:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    rng = random.Random(1)
    assert retry.retry(sometimes, sleep=delays.append, jitter=rng.uniform) == "ok"
    assert len(delays) == 2
    assert 0 <= delays[0] <= 0.5 and 0 <= delays[1] <= 1.0


def test_retry_does_not_retry_other_errors():
    delays: list[float] = []

    def broken() -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        retry.retry(broken, sleep=delays.append)
    assert delays == []
    with pytest.raises(ValueError, match="at least 1"):
        retry.retry(broken, attempts=0)


def test_retry_httpx_errors_and_retry_after():
    import httpx

    script = [
        httpx.ReadTimeout("slow"),
        httpx.Response(503, headers={"Retry-After": "4"}),
        httpx.Response(502),
        httpx.Response(200, text="ok"),
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        answer = script.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def get() -> str:
        response = client.get("https://example.test/")
        response.raise_for_status()
        return response.text

    delays: list[float] = []
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        result = retry.retry(get, sleep=delays.append, jitter=lambda low, high: 0.0)
    assert result == "ok" and script == []
    assert delays == [0.0, 4.0, 0.0]


# --- configuration ---------------------------------------------------------------


def test_settings_parse_and_defaults():
    settings = env_config.load_settings(
        {"X_API_URL": "http://localhost:8000/", "X_TIMEOUT": "2.5", "X_DRY_RUN": "OFF"},
        prefix="X_",
    )
    assert settings == env_config.Settings(
        api_url="http://localhost:8000", timeout=2.5, dry_run=False
    )


def test_settings_report_every_error():
    with pytest.raises(env_config.ConfigError) as error:
        env_config.load_settings(
            {"APP_TIMEOUT": "inf", "APP_WORKERS": "0", "APP_DRY_RUN": "2"}
        )
    assert str(error.value).splitlines() == [
        "APP_API_URL is required",
        "APP_TIMEOUT='inf': must be a positive number of seconds",
        "APP_WORKERS='0': must be between 1 and 64",
        "APP_DRY_RUN='2': expected one of 0, 1, false, no, off, on, true, yes",
    ]


def test_settings_default_to_os_environ(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("APP_API_URL", "https://example.org")
    monkeypatch.setenv("APP_OUTPUT_DIR", "reports")
    settings = env_config.load_settings()
    assert settings.output_dir == Path("reports")


# --- progress --------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TERM", "xterm")
    out, err = io.StringIO(), Terminal()
    progress.process(["x"], out, err)
    assert err.getvalue() == "\r1/1 processed\n"
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.wants_progress(Terminal())
    piped = io.StringIO()
    progress.process(["x"], out, piped)
    assert piped.getvalue() == ""
