import logging
import subprocess
import sys

log = logging.getLogger("inventory")


def restock(sku: str, count: int) -> None:
    print(f"restocking {sku}")
    log.info("restocked %d x %s", count, sku)
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
    restock("A-1", 3)  # INFO is below the root logger's WARNING: no record
    with caplog.at_level(logging.INFO, logger="inventory"):
        restock("B-2", 500)
    restock("C-3", 200)  # the block is over: WARNING again
    assert caplog.record_tuples == [
        ("inventory", logging.INFO, "restocked 500 x B-2"),
        ("inventory", logging.WARNING, "large order: 500 x B-2"),
        ("inventory", logging.WARNING, "large order: 200 x C-3"),
    ]


def test_set_level(caplog):
    caplog.set_level(logging.INFO, logger="inventory")  # until the test ends
    restock("A-1", 3)
    assert caplog.messages == ["restocked 3 x A-1"]
