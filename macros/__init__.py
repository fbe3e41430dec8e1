"""mkdocs-macros entry point. It only registers: each macro takes ids, finds the
validated data the `permanency` plugin loaded once for this build, and hands it to
a pure renderer in permanency.render. Pages opt in with `render_macros: true`."""
from permanency import render, render_worksheets


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
    def outcome_page(outcome_id):
        return render.outcome_page(manual(), outcome_id, page())

    @env.macro
    def outcome_index():
        return render.outcome_index(manual(), page())

    @env.macro
    def timeline():
        return render.timeline(manual(), page())

    @env.macro
    def source_list():
        return render.source_list(manual(), page())

    @env.macro
    def editor_notes(*note_ids):
        return render.editor_notes(manual(), note_ids, page())

    @env.macro
    def changelog():
        return render.changelog(manual(), page(), env.conf.plugins["permanency"].page_titles)

    # the permanency case review section, options, lessons, stories, glossary
    @env.macro
    def pcr_overview():
        return render.pcr_overview(manual(), page())

    @env.macro
    def pcr_roles():
        return render.pcr_roles(manual(), page())

    @env.macro
    def pcr_process():
        return render.pcr_process(manual(), page())

    @env.macro
    def question_bank():
        return render.question_bank(manual(), page())

    @env.macro
    def permanency_options():
        return render.permanency_options(manual(), page())

    @env.macro
    def pcr_data_elements():
        return render.pcr_data_elements(manual(), page())

    @env.macro
    def lessons_learned():
        return render.lessons_learned(manual(), page())

    @env.macro
    def case_stories():
        return render.case_stories(manual(), page())

    @env.macro
    def glossary():
        return render.glossary(manual(), page())

    # printable worksheets (docs/tools/): one page each, and the index
    @env.macro
    def worksheet_page(worksheet_id):
        return render_worksheets.worksheet_page(manual(), worksheet_id, page())

    @env.macro
    def worksheet_index():
        return render_worksheets.worksheet_index(manual(), page())

    # training modules for new workers (permanency/render_training.py)
    from permanency import render_training

    def titles():
        return env.conf.plugins["permanency"].page_titles

    @env.macro
    def training_course():
        return render_training.training_course(manual(), page(), titles())

    @env.macro
    def training_module(module_id):
        return render_training.training_module(manual(), module_id, page(), titles())

    @env.macro
    def training_handout(module_id):
        return render_training.training_handout(manual(), module_id, page(), titles())

    @env.macro
    def training_facilitator(module_id):
        return render_training.training_facilitator(manual(), module_id, page(), titles())

    @env.macro
    def training_test(form):
        return render_training.training_test(manual(), form, page(), titles())

    @env.macro
    def training_test_key():
        return render_training.training_test_key(manual(), page(), titles())

    # consultation mode, quick reference, crosswalk (permanency/render_consult.py)
    from permanency import render_consult

    @env.macro
    def consultation():
        return render_consult.consultation(manual(), page())

    @env.macro
    def quick_reference():
        return render_consult.quick_reference(manual(), page())

    @env.macro
    def crosswalk():
        return render_consult.crosswalk(manual(), page())
