"""A reader downloads a page's reproduction from the built site: a valid zip whose
run.py pins exactly what the lock pins."""

from __future__ import annotations

import zipfile

from tests.test_reproduce import pin_problems

PAGE = "async-patterns"


def test_the_reproduction_link_downloads_a_zip_pinned_to_the_lock(
    open_page, site_url, tmp_path
):
    page = open_page(accept_downloads=True)
    page.goto(f"{site_url}/{PAGE}/")
    link = page.get_by_role("link", name="Run these examples yourself")
    with page.expect_download() as waiting:
        link.click()
    download = waiting.value
    assert download.suggested_filename == f"{PAGE}.zip"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    with zipfile.ZipFile(saved) as bundle:
        assert bundle.testzip() is None
        script = bundle.read(f"{PAGE}/run.py").decode("utf-8")
    assert pin_problems(script) == []
    assert page.foreign_requests == []
