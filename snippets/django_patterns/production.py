"""Production settings: secrets and hosts come from the environment, HTTPS everywhere.

Run with DJANGO_SETTINGS_MODULE=snippets.django_patterns.production.
"""

from snippets.django_patterns.base import *
from snippets.django_patterns.env import env, env_bool, env_list

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env_bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env("DJANGO_DB_NAME"),
        # Empty values leave the choice to libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD.
        "HOST": env("DJANGO_DB_HOST", ""),
        "PORT": env("DJANGO_DB_PORT", ""),
        "USER": env("DJANGO_DB_USER", ""),
        "PASSWORD": env("DJANGO_DB_PASSWORD", ""),
        # Under ASGI each request runs in a context of its own, so a persistent
        # connection (CONN_MAX_AGE > 0) is never reused, only left open. Keep it at 0
        # and let psycopg's pool keep connections open and hand them out per request.
        "CONN_MAX_AGE": 0,
        # With the pool: test each connection before lending it, replace dead ones.
        "CONN_HEALTH_CHECKS": True,
        # max_size times the number of server processes must stay below the
        # server's max_connections; a request waits up to `timeout` seconds for one.
        "OPTIONS": {"pool": {"min_size": 2, "max_size": 4, "timeout": 10}},
    }
}

# HTTPS only. The proxy in front of Django must set X-Forwarded-Proto and strip any
# value a client sends; without such a proxy, delete SECURE_PROXY_SSL_HEADER and set
# NUM_PROXIES to 0.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# DRF's throttles count an anonymous client by the address that this one proxy appends
# to X-Forwarded-For; left unset, they count it by whatever the client wrote there.
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": 1}
SECURE_SSL_REDIRECT = True
# Where HSTS ends up. Roll it out in steps (300 s first, preload last): browsers
# remember the header for max-age seconds, and a removal from the preload list takes
# weeks to reach them.
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
