"""Photos in an article: which lines are captions, and whose credit goes with which photo.

A photo credit line (…摄) credits the caption right above it when that caption sits after a gap
or before the text starts; otherwise the first photo without a credit (a gap where a photo
stood), or a new photo with no caption. A short line after a gap and before the dateline is a
caption; so is a line starting with 图为 or ▲, a first line saying who stands where (左一), and
words ending no sentence apart under the text with their photo credit line touching them.
On a picture page (a photo credit line of its own, or a text closing with captions that carry
their credits; no dateline) a short line apart after the text is a caption, and the one credit
line printed before the captions credits every photo printed without a credit of its own. A
caption's photo stands right above it, in its own gap if it has one. A credit
covering text and photos (摄影报道, 文/摄, 图/乙) credits the photos too, and says there is
one. Each photo records the source lines of its caption and credit.
"""

import re

from articles.roles import GRAPHIC

from .bylines import Credit
from .credits_in_text import is_sure_caption, split_caption_credit, split_trailing_credit
from .datelines import split_dateline
from .structure import ParsedPhoto
from .text import ends_paragraph, han_count

# 圖為: a caption copied from a site's traditional-character edition.
CAPTION_MARKER = re.compile(
    r"^(?:[图圖][为為]|[图圖]：|[上下左右][图圖]|[▲△]|[图圖]\s*[①②③④⑤⑥⑦⑧⑨])"
)
CAPTION_MAX = 150
# 工作人员（左一）为困难职工送来慰问金: who stands where in the photo, said only in a caption.
POSITION_IN_PHOTO = re.compile(r"[（(](?:前排|后排|中排)?(?:[左右][一二三四五六七八九]|中)[）)]")
CAPTIONS_ABOVE = 3  # short lines above a dateline, copied without their photos, are captions
CAPTION_SHORT = 40  # a line apart on a picture page, this short and no sentence, is a caption


def is_credited_caption(text):
    """A short caption with its photo credit glued on (电工选手接线比拼。 通讯员 甲 摄,
    电工选手接线比拼（甲 摄）): a picture page prints it among the captions without one."""
    glued = PhotoReading._glued_photo_credit(text)
    return bool(glued) and han_count(glued[0]) <= CAPTION_SHORT


class PhotoReading:
    """The article builder's reading of photos (a mixin of `body.ArticleBuilder`)."""

    def _find_captions(self, items):
        """Which lines are photo captions rather than text (see the module docstring)."""
        text_started = False
        # A picture page (a photo credit of its own, or the text closing with two or more
        # captions carrying theirs; no dateline): a short line apart is a caption. (One short
        # paragraph with a credit glued on may be the text's last, its credit the closing one.)
        paragraphs = [i for i in items if i.kind == "para"]
        credited = [is_credited_caption(i.text) for i in paragraphs]
        closing = credited.count(True) >= 2 and all(credited[credited.index(True) :])
        pictures = (any(i.kind == "credit" for i in items) or closing) and not any(
            split_dateline(i.text) for i in paragraphs
        )
        self.picture_page = pictures
        # A picture page with no text: only captions apart under the headline, no sentence.
        self.only_captions = only_captions = pictures and all(
            i.unit.blank_before
            and han_count(i.text) <= CAPTION_SHORT
            and not ends_paragraph(i.text)
            for i in paragraphs
        )
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
                elif not text_started and POSITION_IN_PHOTO.search(item.text):
                    caption = len(item.text) <= CAPTION_MAX
                elif pictures and (text_started or only_captions) and item.unit.blank_before:
                    caption = is_credited_caption(item.text) or (
                        han_count(item.text) <= CAPTION_SHORT and not ends_paragraph(item.text)
                    )
                elif following and following.kind == "credit" and len(item.text) <= CAPTION_MAX:
                    caption = near_photo or self._closing_caption(items, index)
                elif glued and (
                    is_sure_caption(item.text) or glued[1].anonymous or not ends_paragraph(glued[0])
                ):
                    # 某某好事（徐赜）, 某某 图：乙, …关怀。通讯员供图: a caption and its credit;
                    # 改造后的公园步道 赵敏 摄: words that end no sentence before a photo
                    # credit are a caption wherever they stand, never the start of a paragraph.
                    caption = True
                elif glued and len(glued[0]) <= CAPTION_MAX:
                    caption = near_photo
                elif item.unit.gap and not text_started and following and following.kind == "para":
                    caption = bool(split_dateline(following.text))
                elif not text_started and self._short_lines_before_dateline(items, index):
                    # 活动为编辑部授牌。/ 与会人员参观展示馆。/ 某某网讯…: captions copied
                    # above the text without the photos between them.
                    caption = True
                if glued:
                    item.text, item.photo_phrase = glued
            if caption:
                item.kind = "caption"
            else:
                text_started = True

    @staticmethod
    def _closing_caption(items, index):
        """孩子们在新游乐场玩耍 / 通讯员 甲 摄 a line apart under the text: words ending no
        sentence, their photo credit touching them, and after them only more such captions and
        credits (the text's own byline too). A text cut off where a photo interrupted it goes
        on under the credit."""

        def captioned(at):
            item, credit = items[at], items[at + 1] if at + 1 < len(items) else None
            return (
                item.kind == "para"
                and item.unit.blank_before
                and not ends_paragraph(item.text)
                and credit is not None
                and credit.kind == "credit"
                and not credit.unit.blank_before
            )

        at = index
        while at < len(items):
            if items[at].kind in ("credit", "byline"):
                at += 1
            elif captioned(at) or (at > index and is_credited_caption(items[at].text)):
                at += 2 if captioned(at) else 1
            else:
                return False
        return True

    @staticmethod
    def _short_lines_before_dateline(items, index):
        """Whether items[index:] holds short lines, at most CAPTIONS_ABOVE of them, then a
        paragraph with a dateline."""
        for later in items[index : index + CAPTIONS_ABOVE + 1]:
            if later.kind != "para":
                return False
            if split_dateline(later.text):
                return later is not items[index]
            if han_count(later.text) > CAPTION_SHORT:
                return False
        return False

    @staticmethod
    def _glued_photo_credit(text):
        """(text, phrase) for a photo credit after the last sentence: …场景。通讯员 甲 摄, or
        …散步。记者 王伟 通讯员 摄 with the role left unnamed flagged at its line."""
        found = split_trailing_credit(text, flag_unnamed=True)
        if found and found[1].covers_photos and not found[1].text_credits:
            # …场景。通讯员 甲 摄, or …关怀。通讯员供图: a photo its unnamed correspondent sent
            return found[0], found[1]
        return split_caption_credit(text)

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
                # Its photo stood right above it, in its own gap if it has one: an earlier
                # gap (a column break above a paragraph) is no place of this photo.
                photo = ParsedPhoto(None, [], item.unit.line)
                photos.append(photo)
                # ▲ points at the photo; the caption is the words after it.
                photo.caption = item.text.lstrip("▲△").lstrip()
                photo.lines += numbers
                item.photo = photo
                used.add(id(photo))
                if item.photo_phrase:
                    photo.credits += item.photo_phrase.photo_credits
                    self._phrase_warnings(item.photo_phrase, item.unit)
            elif item.kind == "credit" or (item.kind == "para" and item.photo_phrase):
                phrase = item.phrase if item.kind == "credit" else item.photo_phrase
                self._phrase_warnings(phrase, item.unit)
                closing = self._closing_credit(items, item, photos, phrase, self.only_captions)
                if closing:
                    # 摄影：甲 after the text, under captions printed without credits: the
                    # account's one photographer took every photo; 制图：乙 made a graphic.
                    for photo in closing:
                        photo.credits += phrase.photo_credits
                        photo.lines += numbers
                    previous = item
                    continue
                if (
                    previous is not None
                    and previous.kind == "caption"
                    and not previous.photo_phrase
                ):
                    target = previous.photo
                elif any(c.role == GRAPHIC for c in phrase.photo_credits):
                    target = None
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
        self._credit_for_the_page(photos, used)
        self.article.photos = [p for p in photos if id(p) in used]
        for photo in self.article.photos:
            photo.lines = sorted(set(photo.lines))

    @staticmethod
    def _closing_credit(items, item, photos, phrase, only_captions=False):
        """The captioned photos a photo credit after the article's last paragraph credits:
        every one printed without a credit, when the credit names photographers (摄影), not a
        graphic's maker (制图). On a picture page of captions and no text, the credit under
        the last caption credits them all the same."""
        paragraphs = [i for i, it in enumerate(items) if it.kind == "para"]
        if not paragraphs and not only_captions:
            return []
        if paragraphs and items.index(item) < paragraphs[-1]:
            return []
        if any(c.role == GRAPHIC for c in phrase.photo_credits):
            return []
        return [p for p in photos if p.caption and not p.credits]

    def _credit_for_the_page(self, photos, used):
        """A picture page's one credit line, printed before its captions, credits every photo."""
        lone = [p for p in photos if id(p) in used and p.caption is None and p.credits]
        bare = [p for p in photos if id(p) in used and p.caption and not p.credits]
        if not (getattr(self, "picture_page", False) and len(lone) == 1 and bare):
            return
        if photos.index(lone[0]) > photos.index(bare[0]):
            return
        for photo in bare:
            photo.credits = [
                Credit(c.name, c.role, c.organisation, c.unit) for c in lone[0].credits
            ]
            photo.lines += lone[0].lines
        used.discard(id(lone[0]))
