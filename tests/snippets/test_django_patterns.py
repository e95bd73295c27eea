"""Tests for the Django patterns page: its release table, settings and shop app.

Django can be configured only once per process, and the page configures it for itself,
so everything here that needs configured settings runs in a subprocess.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import itertools
import os
import runpy
import subprocess
import sys
from pathlib import Path

import django
import pytest
import yaml
from django.core.exceptions import ImproperlyConfigured

from skills_site.pins import locked_versions
from snippets.django_patterns.env import env, env_bool, env_list

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "skills_site" / "data" / "django-patterns.yml"
PRODUCTION = "snippets.django_patterns.production"
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k7Vq-3rT_p9Lx2mW8zN4bY6cH1dF5gJ0sA-uE7iO3nR9tK2wQ8vB",
    "DJANGO_ALLOWED_HOSTS": "shop.example.com",
    "DJANGO_DB_NAME": "shop",
}
SUPPORTED = {"current", "security"}


def lines() -> list[dict]:
    return yaml.safe_load(DATA.read_text("utf-8"))["lines"]


def month(text: str) -> tuple[int, int]:
    year, number = text.split("-")
    return int(year), int(number)


def months_between(start: str, end: str) -> int:
    (y1, m1), (y2, m2) = month(start), month(end)
    return (y2 - y1) * 12 + (m2 - m1)


def last_day(text: str) -> datetime.date:
    """Support that ends in a month runs to that month's last day."""
    year, number = month(text)
    first_of_next = datetime.date(year + number // 12, number % 12 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def line_of(version: str) -> dict:
    major_minor = ".".join(version.split(".")[:2])
    return next(line for line in lines() if line["version"] == major_minor)


# --- the release table --------------------------------------------------------------


def test_the_pinned_django_is_the_current_line():
    current = [line for line in lines() if line["status"] == "current"]
    assert len(current) == 1
    assert line_of(locked_versions("3.13")["django"]) is not None
    assert locked_versions("3.13")["django"].startswith(current[0]["version"] + ".")


def test_python_3_11_gets_the_supported_lts():
    lts = line_of(locked_versions("3.11")["django"])
    assert lts["version"] == "5.2"
    assert lts["lts"] is True
    assert lts["status"] in SUPPORTED


def test_statuses_agree_with_today():
    today = datetime.date.today()
    for line in lines():
        bug_fixes, security_fixes = (
            last_day(line["mainstream_until"]),
            last_day(line["extended_until"]),
        )
        if line["status"] == "current":
            assert today <= bug_fixes, line
        elif line["status"] == "security":
            assert bug_fixes < today <= security_fixes, line
        else:
            assert line["status"] == "end-of-life", line
            assert security_fixes < today, line


def test_the_table_follows_the_release_cadence():
    table = lines()
    released = [month(line["released"]) for line in table]
    assert released == sorted(released, reverse=True), "newest line first"
    for newer, older in itertools.pairwise(table):
        if months_between(older["released"], newer["released"]) <= 8:
            assert older["mainstream_until"] == newer["released"], older
    for line in table:
        assert line["lts"] is line["version"].endswith(".2"), line
        if line["lts"]:
            assert months_between(line["released"], line["extended_until"]) == 36
        else:
            after_mainstream = (line["mainstream_until"], line["extended_until"])
            assert months_between(*after_mainstream) == 8, line


def test_the_installed_django_matches_its_row():
    row = line_of(django.get_version())
    assert row["status"] in SUPPORTED
    metadata = importlib.metadata.metadata("django")
    pythons = [
        classifier.rsplit(" :: ", 1)[1]
        for classifier in metadata.get_all("Classifier")
        if classifier.startswith("Programming Language :: Python :: 3.")
    ]
    lowest, highest = row["python"].split("\N{EN DASH}")
    assert (pythons[0], pythons[-1]) == (lowest, highest)
    assert metadata["Requires-Python"] == f">={lowest}"


# --- settings from the environment -----------------------------------------------------


def test_env_helpers(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SHOP_TOKEN", raising=False)
    with pytest.raises(ImproperlyConfigured, match="Set the SHOP_TOKEN environment"):
        env("SHOP_TOKEN")
    assert env("SHOP_TOKEN", "fallback") == "fallback"
    monkeypatch.setenv("SHOP_TOKEN", "  spaced  ")
    assert env("SHOP_TOKEN") == "spaced"

    monkeypatch.setenv("SHOP_FLAG", "Yes")
    assert env_bool("SHOP_FLAG", default=False) is True
    monkeypatch.setenv("SHOP_FLAG", "2")
    with pytest.raises(ImproperlyConfigured, match="true or false, not '2'"):
        env_bool("SHOP_FLAG", default=False)

    monkeypatch.setenv("SHOP_HOSTS", "a.example, b.example,")
    assert env_list("SHOP_HOSTS") == ["a.example", "b.example"]


def test_production_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    settings = runpy.run_module(PRODUCTION)
    assert settings["DEBUG"] is False
    assert settings["SECRET_KEY"] == PRODUCTION_ENV["DJANGO_SECRET_KEY"]
    assert settings["SECURE_HSTS_SECONDS"] == 31_536_000
    database = settings["DATABASES"]["default"]
    assert database["CONN_MAX_AGE"] == 0  # persistent connections leak under ASGI
    assert (
        database["OPTIONS"]["pool"]["max_size"]
        >= database["OPTIONS"]["pool"]["min_size"]
    )

    monkeypatch.delenv("DJANGO_ALLOWED_HOSTS")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_ALLOWED_HOSTS"):
        runpy.run_module(PRODUCTION)


# --- Django itself, in a process of its own ------------------------------------------


def django_command(*args: str, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **environment},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_shop_test_suite_passes():
    result = django_command(
        "test",
        "snippets.django_patterns.shop",
        "--settings=snippets.django_patterns.test_settings",
        # On PostgreSQL: test_shop_suite, beside the page's own test_shop.
        DJANGO_DB_NAME="shop_suite",
    )
    assert result.returncode == 0, result.stderr
    assert "Ran 8 tests" in result.stderr
    assert result.stderr.rstrip().splitlines()[-2:] == [
        "OK",
        "Destroying test database for alias 'default'...",
    ]
