"""mkdocs hooks for machine readers: Markdown twins, llms.txt and llms-full.txt.

After the build every page has a Markdown twin beside its HTML (``/async-patterns/index.md``
next to ``/async-patterns/index.html``; ``/index.md`` for the home page): the page with
macros rendered, hidden setup and harness directives removed, and skip notes kept as
text. ``llms.txt`` lists the twins with absolute URLs built from ``site_url`` and points to
``llms-full.txt``, which holds every skill in one file.

``site_url`` comes from the ``SITE_URL`` environment variable (mkdocs.yml's default is a
loopback placeholder). A build that publishes, that is one run with ``CI=true`` and
``SITE_PUBLISH=true``, fails while ``site_url`` is still a placeholder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from skills_site.export import (
    page_title,
    pages,
    read_meta,
    skill_pages,
    twin_markdown,
    twin_path,
)

PUBLISH_FLAG = "SITE_PUBLISH"
PLACEHOLDER_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "example.com"}


def publish_problem(site_url: str | None, environ: Mapping[str, str]) -> str | None:
    """Why the build must not publish with this site_url, or None when it may."""
    truthy = {"1", "true", "yes"}
    publishing = (
        environ.get("CI", "").lower() in truthy
        and environ.get(PUBLISH_FLAG, "").lower() in truthy
    )
    host = urlsplit(site_url or "").hostname or ""
    if publishing and (host in PLACEHOLDER_HOSTS or host.startswith("127.")):
        return (
            f"site_url is still the placeholder {site_url!r} while publishing "
            f"(CI and {PUBLISH_FLAG} are set): set SITE_URL to the published address"
        )
    return None


def on_config(config):
    if problem := publish_problem(config["site_url"], os.environ):
        from mkdocs.exceptions import PluginError

        raise PluginError(problem)
    return config


def base_url(config) -> str:
    url = config["site_url"] or "/"
    return url if url.endswith("/") else url + "/"


def llms_txt(config) -> str:
    """The llms.txt index: the summary, then the skills' twins, then the optional files."""
    base = base_url(config)
    lines = [
        f"# {config['site_name']}",
        "",
        f"> {config['site_description']}",
        "",
        (
            "Every page here is also served as Markdown beside its HTML; the links below "
            f"lead to those Markdown pages. [llms-full.txt]({base}llms-full.txt) holds "
            "every skill in one file."
        ),
        "",
        "## Skills",
        "",
    ]
    for path in skill_pages():
        meta = read_meta(path)
        url = base + twin_path(path.stem)
        lines.append(f"- [{page_title(path)}]({url}): {meta['description']}")
    lines += [
        "",
        "## Optional",
        "",
        f"- [llms-full.txt]({base}llms-full.txt): every skill in one Markdown file",
    ]
    for path in pages():
        meta = read_meta(path)
        if "name" not in meta:
            url = base + twin_path(path.stem)
            lines.append(
                f"- [{page_title(path)}]({url}): {meta.get('description', '')}"
            )
    return "\n".join(lines) + "\n"


def llms_full_txt(config) -> str:
    base = base_url(config)
    head = f"# {config['site_name']}\n\n> {config['site_description']}\n"
    skills = [twin_markdown(path, base=base) for path in skill_pages()]
    return "\n\n".join([head, *skills])


def on_post_build(config) -> None:
    site = Path(config["site_dir"])
    for path in pages():
        twin = site / twin_path(path.stem)
        twin.parent.mkdir(parents=True, exist_ok=True)
        twin.write_text(twin_markdown(path), "utf-8")
    (site / "llms.txt").write_text(llms_txt(config), "utf-8")
    (site / "llms-full.txt").write_text(llms_full_txt(config), "utf-8")
