"""The site's files for machine readers: Markdown twins, llms.txt and llms-full.txt.

After the build every page has a Markdown twin beside its HTML (``/async-patterns/index.md``
next to ``/async-patterns/index.html``; ``/index.md`` for the home page): the page with
macros rendered, hidden setup and harness directives removed, and skip notes kept as
text. ``llms.txt`` lists the twins with absolute URLs built from ``site_url`` and points to
``llms-full.txt``, which holds every skill in one file.

They are made from the page sources (``skills_site/export.py``), not from the HTML, so one
post-build step serves both generators: MkDocs runs it from the hooks below (mkdocs.yml
``hooks:``), so ``mkdocs build`` and ``mkdocs serve`` write them; Zensical has no hooks, so
``nox -s docs-zensical`` runs ``python -m skills_site.llms --check`` before its build and
``python -m skills_site.llms SITE_DIR`` after it.

``site_url`` comes from the ``SITE_URL`` environment variable (mkdocs.yml's default is a
loopback placeholder). A build that publishes, that is one run with ``CI=true`` and
``SITE_PUBLISH=true``, fails while ``site_url`` is still a placeholder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from skills_site.export import site_config, twin_markdown, twin_path
from skills_site.reproduce import write_archives
from skills_site.sources import page_title, pages, read_meta, skill_pages

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


def write_agent_files(site: Path, config: Mapping) -> None:
    """The twins, llms.txt and llms-full.txt, written into a built site, and the zip of
    each skill page's reproduction that the page links to (``reproduce/<name>.zip``)."""
    write_archives(site / "reproduce")
    for path in pages():
        twin = site / twin_path(path.stem)
        twin.parent.mkdir(parents=True, exist_ok=True)
        twin.write_text(twin_markdown(path), "utf-8")
    (site / "llms.txt").write_text(llms_txt(config), "utf-8")
    (site / "llms-full.txt").write_text(llms_full_txt(config), "utf-8")


# --- MkDocs runs the step from its hooks --------------------------------------------


def on_config(config):
    if problem := publish_problem(config["site_url"], os.environ):
        from mkdocs.exceptions import PluginError

        raise PluginError(problem)
    return config


def on_post_build(config) -> None:
    write_agent_files(Path(config["site_dir"]), config)


# --- Any other generator runs it from the command line -------------------------------


def main(argv: list[str]) -> int:
    """``--check``: may this build publish? ``SITE_DIR``: write the files into it."""
    config = site_config()
    if problem := publish_problem(config["site_url"], os.environ):
        print(f"skills_site.llms: {problem}", file=sys.stderr)
        return 1
    if argv == ["--check"]:
        return 0
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m skills_site.llms (--check | SITE_DIR)", file=sys.stderr)
        return 2
    write_agent_files(Path(argv[0]), config)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
