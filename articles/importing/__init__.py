"""The parser: the text of printed pages into plain dataclasses (no Django, no database).

The import service that writes them (the plan, the merge, the loading, the review, the command
and the admin's upload) is the top-level `importing` app, which also takes page PDFs; it sits
on articles and epaper, and nothing here imports it.
"""
