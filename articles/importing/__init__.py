"""Turning the text of printed pages into an issue.

`parsing` reads page text into plain dataclasses (no Django, no database); the loading layer
writes those to the database. The command, the admin upload and the JSON output share both.
"""
