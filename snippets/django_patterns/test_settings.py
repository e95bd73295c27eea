"""Settings for tests: the shared base, a throwaway in-memory database, a fake key.

Point pytest-django or ``manage.py test`` at this module, never at production.py.
"""

from snippets.django_patterns.base import *

SECRET_KEY = "tests-only-not-secret-" + "0123456789" * 4
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
# In-memory SQLite shared by every thread of the process: the async ORM runs queries
# in a worker thread, and a plain ":memory:" database is private to one connection.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "file:django_patterns?mode=memory&cache=shared",
    }
}
# Proper password hashing is slow on purpose; tests don't need it.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
