"""Photos in an article: which lines are captions, and whose credit goes with which photo.

A photo credit line (…摄) credits the caption right above it when that caption sits after a gap
or before the text starts; otherwise the first photo without a credit (a gap where a photo
stood), or a new photo with no caption. A short line after a gap and before the dateline is a
caption; so is a line starting with 图为 or ▲. A credit covering text and photos (摄影报道,
文/摄, 图/乙) credits the photos too, and says there is one. Each photo records the source lines
of its caption and credit.
"""

import re

from .bylines import MissingName, split_trailing_credit
from .datelines import split_dateline
from .structure import ParsedPhoto

CAPTION_MARKER = re.compile(r"^(?:图为|图：|上图|下图|左图|右图|[▲△]|图\s*[①②③④⑤⑥⑦⑧⑨])")
CAPTION_MAX = 150


class PhotoReading:
    """The article builder's reading of photos (a mixin of `body.ArticleBuilder`)."""

    def _find_captions(self, items):
        """Which lines are photo captions rather than text (see the module docstring)."""
        text_started = False
        for index, item in enumerate(items):
            if item.kind != "para":
                continue
            following = items[index + 1] if index + 1 < len(items) else None
            item.dateline = split_dateline(item.text)
            caption = False
            if not item.dateline:
                near_photo = item.unit.gap or not text_started
                glued = self._glued_photo_credit(item.text)
                if CAPTION_MARKER.match(item.text):
                    caption = True
                elif following and following.kind == "credit" and len(item.text) <= CAPTION_MAX:
                    caption = near_photo
                elif glued and len(glued[0]) <= CAPTION_MAX:
                    caption = near_photo
                elif item.unit.gap and not text_started and following and following.kind == "para":
                    caption = bool(split_dateline(following.text))
                if glued:
                    item.text, item.photo_phrase = glued
            if caption:
                item.kind = "caption"
            else:
                text_started = True

    @staticmethod
    def _glued_photo_credit(text):
        """(text, phrase) for a photo credit after the last sentence: …场景。通讯员 甲 摄."""
        try:
            found = split_trailing_credit(text)
        except MissingName:
            return None
        if found and found[1].photo_credits and not found[1].text_credits:
            return found[0], found[1]
        return None

    def _photos(self, items):
        """Captions and credits into photos; a gap of blank lines is where a photo stood."""
        photos = []  # photo slots (gaps) and photos, in reading order
        used = set()
        previous = None
        for item in items:
            if item.unit.gap and item.kind != "caption":
                photos.append(ParsedPhoto(None, [], item.unit.line))
            if item.kind in ("caption", "credit") or item.photo_phrase:
                numbers = item.numbers
            if item.kind == "caption":
                slot = photos[-1] if photos and item.unit.gap else None
                photo = slot if slot is not None and id(slot) not in used else None
                if photo is None:
                    photo = ParsedPhoto(None, [], item.unit.line)
                    photos.append(photo)
                photo.caption = item.text
                photo.lines += numbers
                item.photo = photo
                used.add(id(photo))
                if item.photo_phrase:
                    photo.credits += item.photo_phrase.photo_credits
                    self._phrase_warnings(item.photo_phrase, item.unit)
            elif item.kind == "credit" or (item.kind == "para" and item.photo_phrase):
                phrase = item.phrase if item.kind == "credit" else item.photo_phrase
                self._phrase_warnings(phrase, item.unit)
                if (
                    previous is not None
                    and previous.kind == "caption"
                    and not previous.photo_phrase
                ):
                    target = previous.photo
                else:
                    target = next((p for p in photos if not p.credits), None)
                if target is None:
                    target = ParsedPhoto(None, [], item.unit.line)
                    photos.append(target)
                target.credits += phrase.photo_credits
                target.lines += numbers
                used.add(id(target))
            previous = item
        for phrase, numbers in self.photo_reports:
            # 摄影报道 or 图/乙: the photos are theirs; the credit itself says there is a photo.
            uncredited = [p for p in photos if not p.credits]
            if not uncredited:
                uncredited = [ParsedPhoto(None, [], self.article.line)]
                photos += uncredited
            for photo in uncredited:
                photo.credits += phrase.photo_credits
                photo.lines += numbers
                used.add(id(photo))
        self.article.photos = [p for p in photos if id(p) in used]
        for photo in self.article.photos:
            photo.lines = sorted(set(photo.lines))
