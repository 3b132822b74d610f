"""How an article's body is stored: one paragraph a line, a crosshead (插题) as a "## " line.

The model reads it and the importer writes it, so the format is defined here once, without
Django: the importer's parsing layer stays importable on its own.
"""

CROSSHEAD_PREFIX = "## "


def blocks_of(body):
    """The body as ("crosshead" | "paragraph", text) pairs, in order; blank lines dropped."""
    blocks = []
    for line in body.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(CROSSHEAD_PREFIX):
            blocks.append(("crosshead", line[len(CROSSHEAD_PREFIX) :].strip()))
        else:
            blocks.append(("paragraph", line))
    return blocks


def body_lines_of(blocks):
    """The stored lines of ("crosshead" | "paragraph", text) pairs."""
    return [CROSSHEAD_PREFIX + text if kind == "crosshead" else text for kind, text in blocks]


class BodyBlocksMixin:
    """paragraphs and crossheads of anything with a `blocks` list (an article, a parsed one)."""

    @property
    def paragraphs(self):
        return [text for kind, text in self.blocks if kind == "paragraph"]

    @property
    def crossheads(self):
        return [text for kind, text in self.blocks if kind == "crosshead"]
