"""Pages of briefs (工会动态, 简讯): items with a marker and no headline of their own.

Each item starts with a marker (△ ▲ ■ ● ◆ …) and ends with a credit in brackets, a person
`(甲)`, two `(甲 乙)`, a role and a person `(通讯员 甲)` or an organisation `(某县总工会)`. A
marker can be lost in extraction, so inside a run of briefs a paragraph after a credit starts
the next item too. An item's headline is its short lead phrase when it prints one (`职工书屋
开放。近日，……` or `职工书屋开放——近日，……`); otherwise the first clause stands in for one,
flagged for the editor.
"""

import re

BRIEF_MARKERS = "△▲■●◆◇★☆▪"
LEAD_PHRASE = re.compile(r"^(?P<lead>[^，。；：！？,;:!?]{2,16}?)(?:。|——)(?P<rest>\S.*)$")
FIRST_CLAUSE = re.compile(r"^(?P<clause>[^，。；！？,;!?]{2,})")
HEADLINE_MAX = 24


def is_brief_start(text):
    """A paragraph opening with a brief's marker."""
    return len(text) > 1 and text[0] in BRIEF_MARKERS and text[1] not in BRIEF_MARKERS


def without_marker(text):
    return text.lstrip(BRIEF_MARKERS).lstrip()


def brief_headline(text):
    """(headline, text left, printed) for an item: its lead phrase, else its first clause."""
    text = without_marker(text)
    lead = LEAD_PHRASE.match(text)
    # A lead phrase stands before the item's own sentences, not before its credit alone.
    if lead and not lead.group("rest").startswith(("（", "(")) and len(lead.group("rest")) > 8:
        return lead.group("lead"), lead.group("rest"), True
    clause = FIRST_CLAUSE.match(text)
    headline = clause.group("clause") if clause else text
    if len(headline) > HEADLINE_MAX:
        headline = headline[:HEADLINE_MAX] + "……"
    return headline, text, False
