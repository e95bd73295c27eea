"""Export the pages as Markdown for coding agents: Agent Skill bundles and page twins.

Every page becomes clean Markdown: macros rendered, hidden setup blocks and harness
directives removed (a skip becomes a visible note), included snippets inlined, and
site-only markup turned into plain Markdown (``clean_page``).

A skill page then becomes an Agent Skill bundle (``skill_bundle``): ``SKILL.md`` holds the
front matter the Agent Skills specification allows, the page's introduction and an index
of its sections; each ``##`` section is a file under ``references/`` that the index links,
so an agent loads only the part it needs. Links between pages point inside the bundle set
(``../<other-skill>/SKILL.md`` or one of its reference files).

``python -m skills_site.export [SKILLS_DIR [ARCHIVES_DIR]]`` writes
``SKILLS_DIR/<name>/`` for every skill (default ``dist/skills``) and, in ARCHIVES_DIR
(default ``dist/archives``), one zip per skill and one with the whole set.

The site build uses the same cleaning for its Markdown twins and ``llms-full.txt``
(``skills_site/llms.py``).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from skills_site.additions import (
    SKIP,
    skip_text,
    tested_with_line,
    without_hidden_blocks,
)
from skills_site.render import render_page, variables
from skills_site.sources import (
    DOCS,
    FRONT_MATTER,
    ROOT,
    TITLE,
    page_title,
    pages,  # noqa: F401 (imported from here by the tests)
    read_meta,
    skill_pages,
)

INCLUDE = re.compile(
    r'^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^\n]*)\n[ \t]*--8<--\s+"(?P<path>[^"]+)"\n'
    r"[ \t]*(?P=fence)[ \t]*$",
    re.MULTILINE,
)
FENCE_INFO = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})\{?\.?(?P<language>[\w+-]+)[^\n]*$",
    re.MULTILINE,
)
ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?) *(?P<kind>\w+)(?: +"(?P<title>[^"]*)")?\n'
    r"(?P<body>(?:(?P=indent)(?:    |\t).*\n|[ \t]*\n)*)",
    re.MULTILINE,
)
TAGS_MARKER = re.compile(r"^<!--\s*material/tags\s*-->[ \t]*$", re.MULTILINE)
# A fence opens or closes a code block; blockquote markers may precede it.
FENCE = re.compile(r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$")
# The target of an inline link or image: `](target)` or `](target "title")`.
LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

# The front matter fields the Agent Skills specification allows in SKILL.md.
SKILL_FIELDS = (
    "name",
    "description",
    "license",
    "compatibility",
    "metadata",
    "allowed-tools",
)
SEE_ALSO = "see-also"
SET_NAME = "python-stack-skills"


# --- Pages -------------------------------------------------------------------------


def _inline(match: re.Match) -> str:
    indent = match["indent"]
    code = (ROOT / match["path"]).read_text("utf-8").rstrip("\n")
    lines = [indent + line if line else "" for line in code.splitlines()]
    return (
        f"{indent}{match['fence']}{match['info']}\n"
        + "\n".join(lines)
        + f"\n{indent}{match['fence']}"
    )


def _admonition(match: re.Match) -> str:
    indent, title = match["indent"], match["title"] or match["kind"].capitalize()
    body = [
        line.removeprefix(indent).removeprefix("    ")
        for line in match["body"].splitlines()
    ]
    quoted = "\n".join(
        f"{indent}> {line}".rstrip() for line in [f"**{title}**", "", *body]
    )
    return quoted.rstrip() + "\n\n"


def _skip_note(match: re.Match) -> str:
    title, text = skip_text(match)
    return f"{match['indent']}> **{title}.** {text}\n"


def _tags_listing() -> str:
    """What the tags plugin renders on the tags page, as Markdown."""
    tagged: dict[str, list[Path]] = {}
    for path in skill_pages():
        for tag in read_meta(path).get("tags", []):
            tagged.setdefault(str(tag), []).append(path)
    return "\n\n".join(
        f"## {tag}\n\n"
        + "\n".join(f"- [{page_title(path)}]({path.name})" for path in tagged[tag])
        for tag in sorted(tagged)
    )


def clean_page(path: Path) -> tuple[dict, str]:
    """The page's front matter and its body as plain, standalone Markdown."""
    text = render_page(path.read_text("utf-8"))
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match["meta"]) if match else {}
    body = text[match.end() :] if match else text
    body = without_hidden_blocks(body)
    body = SKIP.sub(_skip_note, body)
    body = INCLUDE.sub(_inline, body)
    body = FENCE_INFO.sub(lambda m: f"{m['indent']}{m['fence']}{m['language']}", body)
    body = ADMONITION.sub(_admonition, body)
    body = TAGS_MARKER.sub(lambda _: _tags_listing(), body)
    return meta, body.strip() + "\n"


def skill_header(meta: dict) -> str:
    """The lines a skill shows under its title: what it is for, version, versions tested."""
    return (
        f"{meta['description']}\n\n"
        f"Skill version {meta['version']} · {tested_with_line(meta)}"
    )


def with_header(meta: dict, body: str) -> str:
    if "name" not in meta:
        return body
    return TITLE.sub(lambda t: f"{t[0]}\n\n{skill_header(meta)}", body, count=1)


# --- Markdown structure --------------------------------------------------------------


def split_code(text: str) -> list[tuple[bool, str]]:
    """The text as alternating chunks: (False, prose) and (True, fenced code block)."""
    chunks: list[tuple[bool, list[str]]] = [(False, [])]
    opening: re.Match | None = None
    for line in text.splitlines(keepends=True):
        match = FENCE.match(line.rstrip("\n"))
        if opening is None and match:
            opening = match
            chunks.append((True, [line]))
            continue
        chunks[-1][1].append(line)
        if (
            opening is not None
            and match
            and match["fence"][0] == opening["fence"][0]
            and len(match["fence"]) >= len(opening["fence"])
            and not match["info"].strip()
        ):
            opening = None
            chunks.append((False, []))
    return [(code, "".join(lines)) for code, lines in chunks if lines]


def prose_lines(text: str):
    """(index, line) of every line outside fenced code blocks."""
    index = 0
    for code, chunk in split_code(text):
        lines = chunk.splitlines()
        if not code:
            yield from ((index + n, line) for n, line in enumerate(lines))
        index += len(lines)


def link_text(text: str) -> str:
    """A heading's text fit to be a link's text: any link in it reduced to its text."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


def plain_heading(text: str) -> str:
    """A heading's text as rendered: no code backticks, link targets, tags or emphasis."""
    text = re.sub(r"<[^>]+>", "", link_text(text))
    text = re.sub(r"\*+", "", text).replace("`", "").replace("\\", "")
    return html.unescape(text).strip()


def toc_slug(text: str) -> str:
    """The anchor the site gives a heading (Python-Markdown's toc slugify)."""
    value = unicodedata.normalize("NFKD", plain_heading(text))
    value = value.encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def github_slug(text: str) -> str:
    """The anchor a Markdown viewer (GitHub's rules) gives a heading."""
    value = plain_heading(text).lower()
    value = "".join(c for c in value if c.isalnum() or c in " -_")
    return value.replace(" ", "-")


class Slugs:
    """Unique anchors in one document: a repeated heading gets a numbered suffix."""

    def __init__(self, slugify: Callable[[str], str], separator: str) -> None:
        self.slugify, self.separator, self.seen = slugify, separator, set()

    def __call__(self, text: str) -> str:
        base = slug = self.slugify(text)
        number = 0
        while slug in self.seen:
            number += 1
            slug = f"{base}{self.separator}{number}"
        self.seen.add(slug)
        return slug


@dataclass
class Section:
    """A `##` section of a page."""

    title: str
    slug: str  # the site's anchor, also the reference file's name
    text: str = ""  # from its heading to the next `##`
    subsections: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass
class Page:
    """A cleaned page split into its introduction and `##` sections, with its anchors."""

    path: Path
    meta: dict
    body: str
    intro: str = ""
    sections: list[Section] = field(default_factory=list)
    # the site's anchor -> (bundle file it lands in, Markdown anchor there or "")
    anchors: dict[str, tuple[str, str]] = field(default_factory=dict)
    # the site's anchor -> the Markdown anchor of the same heading in the page's twin
    twin_anchors: dict[str, str] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return self.path.stem


def unit_of(section: Section | None) -> str:
    """The bundle file a section goes to: the introduction and See also stay in SKILL.md."""
    if section is None or section.slug == SEE_ALSO:
        return "SKILL.md"
    return f"references/{section.slug}.md"


@cache
def parse_page(path: Path) -> Page:
    meta, body = clean_page(path)
    page = Page(path, meta, body)
    lines = body.splitlines(keepends=True)
    toc, twin = Slugs(toc_slug, "_"), Slugs(github_slug, "-")
    in_unit: dict[str, Slugs] = {}
    current: Section | None = None
    starts = []
    for index, line in prose_lines(body):
        if not (match := HEADING.match(line)):
            continue
        level, text = len(match["hashes"]), match["text"]
        slug = toc(text)
        page.twin_anchors[slug] = twin(text)
        if level == 2:
            current = Section(text, slug)
            page.sections.append(current)
            starts.append(index)
        elif level > 2 and current is not None:
            current.subsections.append((level, text, slug))
        unit = unit_of(current)
        anchor = in_unit.setdefault(unit, Slugs(github_slug, "-"))(text)
        # A page's title and a section's own heading: the link goes to the file itself.
        whole_file = level == 1 or (level == 2 and unit != "SKILL.md")
        page.anchors[slug] = (unit, "" if whole_file else anchor)
    bounds = [*starts, len(lines)]
    page.intro = "".join(lines[: bounds[0]])
    for section, start, end in zip(page.sections, bounds, bounds[1:], strict=False):
        section.text = "".join(lines[start:end])
    return page


# --- Links ---------------------------------------------------------------------------


def rewrite_links(text: str, resolve: Callable[[str], str]) -> str:
    """Apply `resolve` to every relative link target in the prose (not in code)."""

    def target(match: re.Match) -> str:
        old = match["target"]
        if SCHEME.match(old) or old.startswith("/"):
            return match[0]
        return f"]({resolve(old)}{match['title'] or ''})"

    def prose(chunk: str) -> str:
        out, position = [], 0
        for span in CODE_SPAN.finditer(chunk):
            out += [LINK_TARGET.sub(target, chunk[position : span.start()]), span[0]]
            position = span.end()
        return "".join([*out, LINK_TARGET.sub(target, chunk[position:])])

    return "".join(chunk if code else prose(chunk) for code, chunk in split_code(text))


def resolve_link(page: Page, target: str) -> tuple[Page, str]:
    """The page a link from `page` leads to, and the site anchor it names (or "")."""
    path, _, fragment = target.partition("#")
    linked = page
    if path:
        source = DOCS / path
        if source.suffix != ".md" or not source.is_file():
            raise ValueError(f"{page.path.name}: link to {target!r} leads to no page")
        linked = parse_page(source)
    if fragment and fragment not in linked.anchors:
        raise ValueError(
            f"{page.path.name}: no anchor {fragment!r} in {linked.path.name}"
        )
    return linked, fragment


def relative(from_file: str, to: str) -> str:
    """A relative link from one file of a tree to a path in it (with fragment)."""
    to_path, _, fragment = to.partition("#")
    if to_path == from_file and fragment:
        return f"#{fragment}"
    link = posixpath.relpath(to_path, posixpath.dirname(from_file) or ".")
    return link + (f"#{fragment}" if fragment else "")


# --- Skill bundles -------------------------------------------------------------------


def bundle_target(linked: Page, fragment: str) -> str:
    """Where a link leads: a file in the bundle set, or the site for any other page."""
    if "name" not in linked.meta:
        url = configured_site_url() + (
            "" if linked.stem == "index" else f"{linked.stem}/"
        )
        return url + (f"#{fragment}" if fragment else "")
    unit, anchor = linked.anchors[fragment] if fragment else ("SKILL.md", "")
    return f"{linked.meta['name']}/{unit}" + (f"#{anchor}" if anchor else "")


def bundle_links(page: Page, unit: str, text: str) -> str:
    here = f"{page.meta['name']}/{unit}"

    def resolve(target: str) -> str:
        to = bundle_target(*resolve_link(page, target))
        return to if SCHEME.match(to) else relative(here, to)

    return rewrite_links(text, resolve)


def front_matter(meta: dict) -> str:
    pins, site = variables()["pins"], variables()["site"]
    python = site["target_python"]
    tested = [f"Python {python}"]
    tested += [f"{name} {pins[name]}" for name in meta.get("tested_with", [])]
    oldest = min(site["supported_pythons"], key=lambda v: tuple(map(int, v.split("."))))
    fields = {
        "name": meta["name"],
        "description": meta["description"],
        "compatibility": (
            f"Python {oldest} or later; the examples were tested on Python {python}."
        ),
        "metadata": {"version": str(meta["version"]), "tested-with": ", ".join(tested)},
    }
    assert set(fields) <= set(SKILL_FIELDS)
    dumped = yaml.safe_dump(
        fields,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
        default_flow_style=False,
    )
    return f"---\n{dumped}---\n"


def _shift_headings(text: str) -> str:
    """Every heading one level up: a section's `##` becomes its file's title."""
    lines = text.splitlines(keepends=True)
    for index, line in prose_lines(text):
        if HEADING.match(line) and line.startswith("##"):
            lines[index] = line[1:]
    return "".join(lines)


def skill_bundle(path: Path) -> dict[str, str]:
    """A skill page as an Agent Skill bundle: {path in the bundle: text}."""
    page = parse_page(path)
    name = page.meta["name"]
    files: dict[str, str] = {}
    index = [
        "## Reference",
        "",
        "Each topic below is a file under `references/`; read the ones the task needs.",
        "",
    ]
    see_also = ""
    for section in page.sections:
        unit = unit_of(section)
        if unit == "SKILL.md":
            see_also = "\n\n" + section.text.strip()
            continue
        index.append(f"- [{link_text(section.title)}]({unit})")
        for level, text, slug in section.subsections:
            anchor = page.anchors[slug][1]
            index.append(f"{'  ' * (level - 2)}- [{link_text(text)}]({unit}#{anchor})")
        text = bundle_links(page, unit, _shift_headings(section.text).strip())
        title, _, rest = text.partition("\n")
        back = f"Part of the [{name}](../SKILL.md) skill."
        files[unit] = f"{title}\n\n{back}\n\n{rest.lstrip()}".rstrip() + "\n"
    intro = bundle_links(page, "SKILL.md", with_header(page.meta, page.intro).strip())
    see_also = bundle_links(page, "SKILL.md", see_also)
    skill = intro + "\n\n" + "\n".join(index) + see_also + "\n"
    return {"SKILL.md": front_matter(page.meta) + "\n" + skill, **files}


def skill_bundles() -> dict[str, dict[str, str]]:
    return {read_meta(path)["name"]: skill_bundle(path) for path in skill_pages()}


# --- Page twins (the site serves every page as Markdown too) ------------------------


def twin_path(stem: str) -> str:
    """Where a page's Markdown twin sits in the built site, beside its index.html."""
    return "index.md" if stem == "index" else f"{stem}/index.md"


def twin_markdown(path: Path, base: str = "") -> str:
    """A page as clean Markdown whose links lead to the other twins.

    Links are relative to the twin, or absolute when `base` (the site's URL) is given.
    """
    page = parse_page(path)
    here = twin_path(page.stem)

    def resolve(target: str) -> str:
        linked, fragment = resolve_link(page, target)
        to = twin_path(linked.stem)
        to += f"#{linked.twin_anchors[fragment]}" if fragment else ""
        return base + to if base else relative(here, to)

    return rewrite_links(with_header(page.meta, page.body), resolve)


# --- Site URL ------------------------------------------------------------------------


class _EnvLoader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """mkdocs' `!ENV [NAME, ..., default]`: the first variable set, else the default."""
    if isinstance(node, yaml.SequenceNode):
        *names, default = loader.construct_sequence(node)
    else:
        names, default = [loader.construct_scalar(node)], None
    return next((os.environ[name] for name in names if name in os.environ), default)


_EnvLoader.add_constructor("!ENV", _env)
_EnvLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: None
)


def site_config() -> dict:
    """mkdocs.yml as MkDocs and Zensical resolve it (``!ENV`` read from the environment)."""
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), _EnvLoader)


def configured_site_url() -> str:
    """site_url as mkdocs.yml resolves it (SITE_URL from the environment, or its default)."""
    url = str(site_config()["site_url"])
    return url if url.endswith("/") else url + "/"


# --- Writing -------------------------------------------------------------------------

# Archive entries get a fixed time, so the same bundles give byte-identical archives.
ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def _add(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, text.encode("utf-8"))


def write_archives(bundles: dict[str, dict[str, str]], out: Path) -> list[Path]:
    """One zip per skill (`<name>/...` inside) and one with every skill."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, files in bundles.items():
        target = out / f"{name}.zip"
        with zipfile.ZipFile(target, "w") as archive:
            for rel, text in files.items():
                _add(archive, f"{name}/{rel}", text)
        written.append(target)
    target = out / f"{SET_NAME}.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for name, files in bundles.items():
            for rel, text in files.items():
                _add(archive, f"{name}/{rel}", text)
    written.append(target)
    return written


def write_bundles(bundles: dict[str, dict[str, str]], out: Path) -> list[Path]:
    """`out/<name>/...` for every skill; bundles left from an earlier export go first."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_dir() and (old / "SKILL.md").is_file():
            shutil.rmtree(old)
    written = []
    for name, files in bundles.items():
        for rel, text in files.items():
            target = out / name / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
            written.append(target)
    return written


def main(skills_dir: str = "dist/skills", archives_dir: str = "dist/archives") -> None:
    bundles = skill_bundles()
    for path in write_bundles(bundles, Path(skills_dir)):
        if path.name == "SKILL.md":
            print(path)
    for path in write_archives(bundles, Path(archives_dir)):
        print(path)


if __name__ == "__main__":
    main(*sys.argv[1:])
