"""A small FastAPI service laid out as a package: settings, dependencies, routers."""
