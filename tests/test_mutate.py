"""The mutation operators of `nox -s mutate` change one token or one line, and only in
ways that still compile."""

from __future__ import annotations

from tests.mutate import EQUIVALENT, ROOT, Mutant, line_mutations, string_lines


def test_each_operator_changes_one_token_or_line():
    assert line_mutations("    if total >= limit and ok is True:") == [
        ("comparison flipped", "    if total < limit and ok is True:"),
        ("boolean swapped", "    if total >= limit and ok is False:"),
    ]
    assert line_mutations("retries = 3") == [
        ("integer changed", "retries = 4"),
        ("statement removed", "pass"),
    ]
    assert line_mutations("    return total") == [
        ("return value dropped", "    return None")
    ]


def test_strings_comments_and_docstrings_are_left_alone():
    assert line_mutations('    """Docstring with == and 3 in it."""') == []
    assert line_mutations('label = "a == b"') == [("statement removed", "pass")]
    assert line_mutations("call(  # opens a bracket") == []


def test_lines_inside_a_multi_line_string_are_text():
    lines = ['"""Title.', "", "checks every address", '"""', "total = 1"]
    assert string_lines(lines) == {1, 2, 3}


def test_pass_is_never_removed():
    assert line_mutations("    pass") == []


def test_listed_equivalent_mutants_are_recognised_and_no_others():
    (file, original, mutated), reason = next(iter(EQUIVALENT.items()))
    line = f'    "KEY": {original},'
    listed = Mutant(
        file, 9, line, line.replace(original, mutated), "integer changed", ""
    )
    assert listed.equivalent == reason
    other = Mutant(file, 9, line, line.replace(original, "None"), "changed", "")
    assert other.equivalent is None
    removed = Mutant(file, 9, line, "    pass", "statement removed", "")
    assert removed.equivalent is None  # only the listed change, not any change


def test_every_listed_equivalent_mutant_still_has_its_code():
    for file, original, _mutated in EQUIVALENT:
        assert original in (ROOT / file).read_text("utf-8"), (file, original)
