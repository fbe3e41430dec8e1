"""The permanency practice manual: data loading, validation and rendering.

``model`` reads and validates data/; ``render`` (and ``render_*``) turn records
into page Markdown through the Jinja templates in ``templates/``; ``plugin``
wires both into MkDocs.
"""
