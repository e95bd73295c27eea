"""A small Django project for the django-patterns page: a shop app, its API, settings."""
