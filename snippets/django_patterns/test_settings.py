"""Settings for tests: the shared base, a throwaway database, a fake key.

Point pytest-django or ``manage.py test`` at this module, never at production.py.
"""

import os

from snippets.django_patterns.base import *

SECRET_KEY = "tests-only-not-secret-" + "0123456789" * 4
DEBUG = False
ALLOWED_HOSTS = ["testserver"]

if os.environ.get("PGHOST"):
    # The same database as production. libpq finds the server through its standard
    # variables (PGHOST, PGPORT, PGUSER, PGPASSWORD); the test runner creates and drops
    # a database named test_<NAME> on it.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("DJANGO_DB_NAME", "shop"),
        }
    }
else:
    # No PostgreSQL at hand: in-memory SQLite, shared by every thread of the process
    # (the async ORM runs queries in a worker thread). No row locks, no real concurrency.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": "file:django_patterns?mode=memory&cache=shared",
        }
    }
# Proper password hashing is slow on purpose; tests don't need it.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
