"""The harness itself: each language is run or checked, and failures are caught."""

from __future__ import annotations

import sys
from pathlib import Path
from textwrap import dedent
from unittest import SkipTest

import pytest

from tests import block_coverage, evaluate
from tests.collect import ROOT, parse, setup_page
from tests.evaluate import close_page
from tests.hermetic import page_environment
from tests.report import describe_failure
from tests.test_fences import shell_pin_mismatches, unaccounted_fences

FENCE = "```"


def write_page(tmp_path: Path, body: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(dedent(body).replace("~~~", FENCE), "utf-8")
    return page


def run_page(tmp_path: Path, body: str) -> list[str]:
    """Evaluate a page's blocks in order, as pytest would; one outcome per block."""
    document = parse(write_page(tmp_path, body))
    setup_page(document.namespace)
    outcomes = []
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    with page_environment(home):
        for example in document:
            try:
                example.evaluate()
            except SkipTest as skip:
                outcomes.append(f"skipped: {skip}")
            except Exception as error:  # noqa: BLE001 - the outcome is the subject
                outcomes.append(type(error).__name__)
            else:
                outcomes.append("ok")
    return outcomes


@pytest.mark.parametrize(
    "info", ["python", "py", 'python title="app.py"', "{.python .annotate}", "pycon"]
)
def test_python_fences_with_attributes_are_executed(tmp_path, info):
    assert run_page(tmp_path, f"~~~{info}\nassert False\n~~~\n") == ["AssertionError"]


def test_blocks_share_a_namespace_and_may_await(tmp_path):
    page = """
        ~~~python
        import asyncio
        value = 1
        ~~~

        ~~~python
        await asyncio.sleep(0)
        assert value == 2
        ~~~
    """
    assert run_page(tmp_path, page) == ["ok", "AssertionError"]


def test_doctest_output_is_checked(tmp_path):
    page = "~~~python\n>>> 1 + 1\n2\n>>> 1 + 1\n3\n~~~\n"
    assert run_page(tmp_path, page) == ["ok", "SybilFailure"]


def test_output_block_must_match_what_was_printed(tmp_path):
    page = """
        ~~~python
        print("hello")
        ~~~

        ~~~output
        hello
        ~~~

        ~~~python
        print("hello")
        ~~~

        ~~~output
        goodbye
        ~~~

        ~~~output
        hello
        ~~~
    """
    # The last output block has no Python block of its own before it.
    assert run_page(tmp_path, page) == ["ok", "ok", "ok", *["AssertionError"] * 2]


@pytest.mark.parametrize(
    ("language", "good", "bad"),
    [
        ("toml", 'a = "b"', "a = "),
        ("json", '{"a": 1}', "{'a': 1}"),
        ("yaml", "a: [1, 2]", "a: [1, 2"),
        ("ini", "[a]\nb = c", "b = c"),
        ("bash", 'echo "$HOME"', "if then fi"),
    ],
)
def test_data_and_shell_blocks_are_parsed(tmp_path, language, good, bad):
    page = f"~~~{language}\n{good}\n~~~\n\n~~~{language}\n{bad}\n~~~\n"
    outcomes = run_page(tmp_path, page)
    assert outcomes[0] == "ok"
    assert outcomes[1] != "ok"


def test_shell_blocks_run_in_a_temporary_home(tmp_path):
    page = """
        ~~~bash
        test "$PWD" = "$HOME" && touch made-here && ls
        ~~~

        ~~~output
        made-here
        ~~~

        ~~~bash
        false
        ~~~

        <!-- skip: next "needs the network" -->

        ~~~bash
        curl https://example.com/
        ~~~
    """
    assert run_page(tmp_path, page) == [
        "ok",
        "ok",
        "AssertionError",
        "ok",
        "skipped: needs the network",
    ]


def test_shell_install_pins_must_be_the_locked_versions(tmp_path):
    page = write_page(
        tmp_path,
        """
        Intro

        ~~~bash
        echo pip install "anyio=={@ pins.anyio @}"  # the locked version: fine
        ~~~

        <!-- skip: next "installs from the package index" -->

        ~~~bash
        uv add --dev 'anyio==0.0.1' "ruff>=0.6"
        pipx install httpx==0.0.2
        ~~~
        """,
    )
    [problem] = shell_pin_mismatches(page)
    assert problem.startswith(f"{page}:10: 'anyio==0.0.1' pins anyio 0.0.1")
    assert evaluate.shell_requirements("python -m pip install -U 'x==1' y # z==2") == [
        "x==1",
        "y",
    ]


def test_pyproject_pins_must_be_the_locked_versions(tmp_path):
    page = """
        ~~~toml
        [project]
        name = "demo"
        version = "1.0"
        dependencies = ["anyio=={@ pins.anyio @}"]
        ~~~

        ~~~toml
        [project]
        name = "demo"
        version = "1.0"
        dependencies = ["anyio==0.0.1"]
        ~~~

        ~~~toml
        [project]
        name = "demo"
        version = "not a version"
        ~~~
    """
    assert run_page(tmp_path, page) == ["ok", "AssertionError", "ValidationError"]


def test_jinja_syntax_in_code_is_shown_verbatim(tmp_path):
    page = """
        ~~~python
        template = "{{ name }} {% if x %}"
        assert template.startswith("{" + "{ name }}")
        ~~~
    """
    assert run_page(tmp_path, page) == ["ok"]


def test_skips_need_a_reason_and_conditions_are_evaluated(tmp_path):
    page = """
        <!-- skip: next "needs a GPU" -->

        ~~~python
        assert False
        ~~~

        <!-- skip: next if(sys.version_info < (3, 0), reason="needs Python 3") -->

        ~~~python
        ran = True
        ~~~
    """
    assert run_page(tmp_path, page) == ["ok", "skipped: needs a GPU", "ok", "ok"]
    with pytest.raises(ValueError, match="needs a reason"):
        parse(write_page(tmp_path, "<!-- skip: next -->\n\n~~~python\n1\n~~~\n"))
    with pytest.raises(ValueError, match="before each block"):
        parse(write_page(tmp_path, '<!-- skip: start "x" -->\n\n~~~python\n1\n~~~\n'))


def test_hidden_setup_blocks_run(tmp_path):
    page = """
        <!-- invisible-code-block: python
        hidden = 42
        -->

        ~~~python
        assert hidden == 42
        ~~~
    """
    assert run_page(tmp_path, page) == ["ok", "ok"]


def test_network_other_than_loopback_is_refused(tmp_path):
    page = """
        ~~~python
        import socket

        socket.create_connection(("192.0.2.1", 80), timeout=1)
        ~~~
    """
    assert run_page(tmp_path, page) == ["SocketConnectBlockedError"]


@pytest.mark.parametrize("info", ["text", "console", "pyhton", ""])
def test_a_fence_no_parser_knows_is_reported(tmp_path, info):
    page = write_page(tmp_path, f"Intro\n\n~~~{info}\nanything\n~~~\n")
    assert unaccounted_fences(page) == [
        (
            f"{page}:3: ```{info} is neither run nor checked "
            "(unknown language, or a fence no parser picked up)"
        )
    ]


def test_a_failure_names_the_page_line_code_and_error(tmp_path):
    page = write_page(tmp_path, "Intro\n\n~~~python\nx = 1\nassert x == 2\n~~~\n")
    [example] = parse(page)
    with pytest.raises(AssertionError) as caught:
        example.evaluate()
    report = describe_failure(example, "page.md", caught.value)
    assert report.startswith("page.md:3: python block failed")
    assert "    5 | assert x == 2" in report
    assert f'File "{page}", line 5' in report
    assert "AssertionError: assert 1 == 2" in report


@pytest.mark.skipif(not block_coverage.AVAILABLE, reason="needs sys.monitoring (3.12+)")
def test_the_body_of_an_uncalled_function_counts_as_not_run():
    filename = str(ROOT / "docs" / "coverage-probe.md")
    source = "def unused():\n    return 1\n\n\ndef used():\n    return 2\n\n\nused()\n"
    code = compile(source, filename, "exec")
    block_coverage.track(code, code, 1)
    try:
        exec(code, {})  # noqa: S102 - our own literal source
        missing = (
            block_coverage.executable[filename] - block_coverage.executed[filename]
        )
        assert missing == {2}
    finally:
        block_coverage.executable.pop(filename)
        block_coverage.executed.pop(filename)


def test_an_included_snippet_runs_as_its_module_for_the_page(tmp_path):
    name = "snippets.template_page.greeting"
    before = sys.modules.get(name)
    page = '~~~python\n--8<-- "snippets/template_page/greeting.py"\n~~~\n'
    document = parse(write_page(tmp_path, page))
    [example] = document
    example.evaluate()
    module = sys.modules[name]
    assert module is not before
    assert module.__file__ == str(ROOT / "snippets/template_page/greeting.py")
    assert document.namespace["greet"] is module.greet
    close_page(document.namespace)
    assert sys.modules.get(name) is before


def test_typing_claims_are_checked_by_mypy(tmp_path):
    page = """
        ~~~python
        from typing import Literal, assert_never


        def level(name: Literal["debug", "info"]) -> int:
            match name:
                case "debug":
                    return 10
                case _:
                    assert_never(name)  # error: Argument 1 to "assert_never"
        ~~~

        ~~~python
        # type-checked with mypy
        count: int = 1
        ~~~

        ~~~python
        # type-checked with mypy
        count: int = "one"
        ~~~

        ~~~python
        total: int = 2  # error: Incompatible types
        ~~~

        ~~~python
        untouched: str = 3  # a block that makes no claim is not type-checked
        ~~~
    """
    outcomes = run_page(tmp_path, page)
    assert outcomes == ["ok", "ok", "AssertionError", "AssertionError", "ok"]


def test_a_type_check_failure_says_what_differs():
    from tests import typecheck

    expected = {3: ["Incompatible types"], 5: ["Missing return"]}
    reported = [(3, "Incompatible types in assignment"), (7, 'Name "x" is not defined')]
    assert typecheck.compare(expected, reported) == [
        "line 5: expected mypy to report 'Missing return', but it reported nothing there",
        'line 7: mypy reported an error the block does not expect: Name "x" is not defined',
    ]


def test_a_file_shown_with_its_name_can_be_run_by_a_shell_block(tmp_path):
    page = """
        ~~~python title="hello.py"
        if __name__ == "__main__":
            print("run as a script")
        ~~~

        ~~~bash
        python hello.py
        ~~~

        ~~~output
        run as a script
        ~~~
    """
    assert run_page(tmp_path, page) == ["ok", "ok", "ok"]


def test_update_output_rewrites_a_block_that_differs(tmp_path, monkeypatch):
    monkeypatch.setattr(evaluate.Output, "update", True)
    page = """
        ~~~python
        print("new\\nlines")
        ~~~

        ~~~output
        old
        ~~~

        After.
    """
    assert run_page(tmp_path, page) == ["ok", "ok"]
    [changed] = evaluate.write_updates()
    assert changed.endswith("page.md: 1 output block(s) updated")
    text = (tmp_path / "page.md").read_text()
    assert "~~~output\nnew\nlines\n~~~\n\nAfter." in text.replace(FENCE, "~~~")


def test_a_page_leaves_no_logging_or_snippet_modules_behind(tmp_path):
    import logging

    root_handlers = list(logging.getLogger().handlers)
    before = logging.getLogger("some.library")
    before_state = (before.level, list(before.handlers), before.disabled)
    page = """
        ~~~python
        import logging.config

        import snippets.template_page.greeting  # imported by the page, not included

        logging.config.dictConfig(
            {
                "version": 1,
                "handlers": {"out": {"class": "logging.StreamHandler"}},
                "root": {"handlers": ["out"], "level": "DEBUG"},
                "loggers": {"page.own": {"level": "ERROR"}},
            }
        )
        assert logging.getLogger("some.library").disabled  # dictConfig's default
        ~~~
    """
    root_level = logging.getLogger().level
    assert "snippets.template_page.greeting" not in sys.modules
    assert run_page(tmp_path, page) == ["ok"]
    assert logging.getLogger().handlers == root_handlers
    assert logging.getLogger().level == root_level
    after = logging.getLogger("some.library")
    assert (after.level, after.handlers, after.disabled) == before_state
    assert logging.getLogger("page.own").level == logging.NOTSET
    assert "snippets.template_page.greeting" not in sys.modules
