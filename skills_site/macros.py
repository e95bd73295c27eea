"""mkdocs-macros entry point: the same variables the test harness renders pages with."""

from skills_site.render import variables


def define_env(env) -> None:
    env.variables.update(variables())
