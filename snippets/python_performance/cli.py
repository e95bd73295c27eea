"""A command-line tool: python cli.py COMMAND. Only `dump` needs json."""

import importlib.util
import sys


def lazy_import(name: str):
    """Bind module `name` now; run its code when an attribute is first used."""
    if name in sys.modules:  # already imported: use it, never a second copy
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


json = lazy_import("json")


def main(command: str) -> str:
    if command == "version":
        return "cli 1.0"
    return json.dumps({"command": command})  # the first use runs json's code


if __name__ == "__main__":
    print(main(sys.argv[1]))
