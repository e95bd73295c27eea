import json
import os
import time
from pathlib import Path

import pytest


def settings_path() -> Path:
    base = os.environ.get("APP_CONFIG_DIR") or Path.home() / ".config" / "app"
    return Path(base) / "settings.json"


def save_settings(settings: dict[str, str]) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(settings))
    return path


def greeting() -> str:
    hour = time.gmtime(time.time()).tm_hour
    return "good morning" if hour < 12 else "good afternoon"


def test_settings_go_where_the_env_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert list(tmp_path.iterdir()) == []  # a fresh, empty directory per test
    monkeypatch.setenv("APP_CONFIG_DIR", str(tmp_path))
    path = save_settings({"theme": "dark"})
    assert path == tmp_path / "settings.json"
    assert json.loads(path.read_text()) == {"theme": "dark"}


def test_default_is_under_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APP_CONFIG_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert settings_path() == tmp_path / ".config" / "app" / "settings.json"


def test_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: 8 * 3600.0)  # 08:00 UTC, 1 Jan 1970
    assert greeting() == "good morning"


def test_changes_are_undone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_CONFIG_DIR", "/elsewhere")
    assert settings_path() == Path("/elsewhere/settings.json")
    monkeypatch.undo()  # what pytest does for you when the test ends
    assert "APP_CONFIG_DIR" not in os.environ
