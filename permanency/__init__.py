"""The permanency practice manual: data loading, validation and rendering.

``loader`` reads and validates data/; ``render`` turns records into page Markdown
through the Jinja templates in ``templates/``; ``plugin`` wires both into MkDocs.
"""
