"""A snippet of the template page: a real module, shown on the page and run there."""


def greet(name: str) -> str:
    return f"Hello, {name}!"
