"""mkdocs-macros entry point: registers every macro of permanency.macros.MACROS.
Each finds the validated data the `permanency` plugin loaded once for this build
and the page being rendered, and calls its pure renderer. Pages opt in with
`render_macros: true`."""
from permanency.macros import MACROS, call


def define_env(env):
    plugin = env.conf.plugins["permanency"]
    for name in MACROS:
        env.macro(lambda *args, name=name: call(name, plugin.manual, env.page.file.src_uri, plugin.page_titles, *args),
                  name)
