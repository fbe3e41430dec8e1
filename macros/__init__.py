"""mkdocs-macros entry point. It only registers: each macro takes ids, finds the
validated data the `permanency` plugin loaded once for this build, and hands it to
a pure renderer in permanency.render. Pages opt in with `render_macros: true`."""
from permanency import render


def define_env(env):
    def manual():
        return env.conf.plugins["permanency"].manual

    def page():
        return env.page.file.src_uri

    @env.macro
    def program_page(program_id):
        return render.program_page(manual(), program_id, page())

    @env.macro
    def behavior_page(behavior_id):
        return render.behavior_page(manual(), behavior_id, page())

    @env.macro
    def program_index():
        return render.program_index(manual(), page())

    @env.macro
    def behavior_index():
        return render.behavior_index(manual(), page())

    @env.macro
    def source_list():
        return render.source_list(manual(), page())

    @env.macro
    def changelog():
        return render.changelog(manual(), page(), env.conf.plugins["permanency"].page_titles)
