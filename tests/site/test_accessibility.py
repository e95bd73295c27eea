"""axe-core on every built page, in the light and the dark scheme.

A serious or critical violation fails the test, which names the page, the rule and each
offending node (with axe's own summary, for contrast the two colours and their ratio).
No rule is disabled: a failure is fixed in the site's CSS or templates.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site.conftest import site_pages

SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = {"serious", "critical"}
NODES_SHOWN = 8  # per rule, so one broken colour does not bury the other rules


def open_in_scheme(open_page, url: str, scheme: str):
    """Open `url` with the system preference set to `scheme`, as a reader's browser does."""
    page = open_page(viewport={"width": 1366, "height": 900}, color_scheme=scheme)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    shown = page.evaluate("document.body.dataset.mdColorScheme")
    assert shown == SCHEMES[scheme], f"{url} shows {shown} when the system is {scheme}"
    return page


def describe(path: str, scheme: str, violations: list[dict]) -> str:
    lines = [f"/{path} ({scheme}): {len(violations)} serious/critical rule(s) fail"]
    for rule in violations:
        nodes = rule["nodes"]
        lines.append(
            f"  {rule['id']} [{rule['impact']}] {rule['help']}: {len(nodes)} node(s)"
        )
        for node in nodes[:NODES_SHOWN]:
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.append(f"      {node['html'][:160]}")
            lines.append(f"      {summary[:240]}")
        if len(nodes) > NODES_SHOWN:
            lines.append(f"    ... and {len(nodes) - NODES_SHOWN} more")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", site_pages())
def test_no_serious_axe_violations(open_page, site_url, axe, path, scheme):
    page = open_in_scheme(open_page, f"{site_url}/{path}", scheme)
    results = axe.run(page).response
    blocking = [rule for rule in results["violations"] if rule["impact"] in BLOCKING]
    if blocking:
        pytest.fail(describe(path, scheme, blocking), pytrace=False)
    assert page.foreign_requests == []
