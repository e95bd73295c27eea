"""The site's own code: data and rendering shared by the site build (MkDocs, or Zensical)
and the tests.

Imports go one way, from the top of this list to the bottom (tests/test_parity_layers.py
checks it):

- ``llms``: the agent files written after a build (twins, llms.txt, llms-full.txt)
- ``export``: the pages as clean Markdown and Agent Skill bundles
- ``markdown_extension``: the page additions, run by both generators
- ``macros``: the macros layer's entry point
- ``additions``: skip notes, tested-with line, hidden-block removal
- ``code_account``: every code block shown is a fenced block
- ``render``: the variables and Jinja settings of the macros
- ``sources``, ``pins``, ``fences``, ``front_matter``: pages, pins, fences, front matter
"""
