import logging
import subprocess
import sys

log = logging.getLogger("inventory")


def restock(sku: str, count: int) -> None:
    print(f"restocking {sku}")
    if count > 100:
        log.warning("large order: %d x %s", count, sku)


def test_capsys(capsys):
    restock("A-1", 3)
    assert capsys.readouterr().out == "restocking A-1\n"


def test_capsys_misses_a_child_process(capsys):
    subprocess.run([sys.executable, "-c", "print('from a child')"], check=True)
    assert capsys.readouterr().out == ""


def test_capfd(capfd):
    subprocess.run([sys.executable, "-c", "print('from a child')"], check=True)
    assert capfd.readouterr().out == "from a child\n"


def test_caplog(caplog):
    with caplog.at_level(logging.WARNING, logger="inventory"):
        restock("A-1", 3)
        restock("B-2", 500)
    assert caplog.record_tuples == [
        ("inventory", logging.WARNING, "large order: 500 x B-2")
    ]
