"""Sources to clean articles: page dumps, HTML pages, feeds, JSON lines, URLs.

Produces :class:`ingest.draft.ArticleDraft` objects and wires analysis/ and store/ in
:mod:`ingest.pipeline`. Never imports textual and never writes to the terminal.
"""
