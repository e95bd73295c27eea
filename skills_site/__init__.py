"""The site's own code: data and rendering shared by the mkdocs build and the tests."""
