"""Credits inside paragraphs: leading (after the dateline) and trailing (after the last
sentence), as the byline reference lists them."""

import re

from articles.roles import AUTHOR, PHOTO_SUPPLIED, PHOTOGRAPHER, ROLE_PATTERN, ROLE_SPLIT

from .bylines import Credit, CreditPhrase, MissingName, parse_credit_phrase
from .names import is_organisation, is_surname_start
from .text import SENTENCE_FINAL, strip_closers
from .traditional import recognisable

LEADING_BRACKETS = re.compile(r"^[（(](?P<credit>[^（）()]{1,60})[）)]\s*")
LEADING_REPORT = re.compile(
    r"^(?P<credit>[^，。；：！？,;!?（）()]{1,60}?(?:摄影报道|图文报道|报道))(?P<gap>\s+|[：:]|$)?"
)


def split_leading_credit(text, *, after_dateline, flag_unnamed=False):
    """(CreditPhrase, rest) for a credit at the start of the first paragraph, or None.

    Forms: (记者 甲 通讯员 乙) after a dateline; 记者甲 通讯员乙、丙报道 with or without one;
    记者 甲 followed by a space and the text. Raises MissingName for a role without a name,
    unless `flag_unnamed` (the phrase then carries a warning naming the role).
    """
    match = LEADING_BRACKETS.match(text)
    if match and after_dateline:
        phrase = parse_credit_phrase(
            match.group(0).strip(), strict_names=False, flag_unnamed=flag_unnamed
        )
        return (phrase, text[match.end() :]) if phrase else None
    if match and text[match.end() :].strip():
        # (记者 甲) 昨日下午…: a web reprint that dropped the dateline keeps the bracketed
        # credit at the start of the text; only with a role word, as a bare name says too little.
        try:
            phrase = parse_credit_phrase(match.group(0).strip())
        except MissingName:
            phrase = None
        if phrase and phrase.has_role and not any(c.organisation for c in phrase.credits):
            return phrase, text[match.end() :]
    # 記者甲報道: role words and 报道 are recognised in traditional characters too.
    mapped = recognisable(text)
    match = LEADING_REPORT.match(mapped)
    if match:
        credit = text[match.start("credit") : match.end("credit")]
        phrase = parse_credit_phrase(
            credit, strict_names=not after_dateline, flag_unnamed=flag_unnamed
        )
        if (
            phrase
            and (phrase.has_role or after_dateline)
            and (match.group("gap") is not None or phrase.has_role)
        ):
            return phrase, text[match.end() :]
    if ROLE_SPLIT.match(mapped):
        # 记者 甲 近日… : role-led names separated by spaces, the text after the last gap; or
        # the whole paragraph, when the credit stands on its own line under the dateline.
        tokens = text.split(" ")
        for count in range(min(len(tokens), 8), 0, -1):
            try:
                phrase = parse_credit_phrase(
                    " ".join(tokens[:count]),
                    flag_unnamed=flag_unnamed and after_dateline,
                )
            except MissingName:
                if count == 1 and after_dateline:
                    raise
                continue
            if phrase and phrase.has_role and not _role_opens_text(tokens, count, phrase):
                return phrase, " ".join(tokens[count:])
    return None


def _role_opens_text(tokens, count, phrase):
    """记者 甲 记者 昨日…: the role word of someone credited, printed again with no name and
    text after it, is the text's first word (the reporter speaking of themself), not a second
    reporter whose name was lost. A different role left unnamed is still flagged."""
    last = tokens[count - 1]
    return count < len(tokens) and last in {credit.role for credit in phrase.credits}


# A character the site lost after the bracket shows as ?: (张衍 桂子)?
TRAILING_BRACKETS = re.compile(r"[（(](?P<credit>[^（）()]{2,60})[）)][?？]?$")
# …一并表彰。(记者 甲 通讯员 乙: the site lost the bracket's close at the paragraph's end.
UNCLOSED_BRACKET = re.compile(r"[（(](?P<credit>[^（）()]{2,60})$")
GLUED_TAIL_MAX = 30
# …介绍了经验。(长河): two or three characters in brackets after the last sentence are the
# writer's name even when the surname is a rare one; these words in brackets are not.
BRACKETED_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
# (图一), (之一), (续二), (上篇): a picture's number or a series' part, never a name.
NOT_NAME_CHARACTERS = re.compile("[图版续完待节删摘编转载篇之一二三四五六七八九十]")
NOT_NAMES = frozenset(
    "待续 续完 未完 完结 摘编 节选 有删节 删节 编者 作者 资料图 供图 摘要 全文 图文 "
    "下转 上接".split()
)


def _bracketed_name(text):
    text = text.strip()
    if not BRACKETED_NAME.match(text) or text in NOT_NAMES:
        return None
    if NOT_NAME_CHARACTERS.search(text) and not is_surname_start(text):
        return None
    return CreditPhrase(text_credits=[Credit(text, AUTHOR)])


def _unclosed_credit(text):
    """(text, CreditPhrase, False) for a bracketed credit whose close was lost, after the last
    sentence: only one with a role word (记者 甲), as a bare name there says too little."""
    match = UNCLOSED_BRACKET.search(text.rstrip())
    if not match:
        return None
    before = text[: match.start()].rstrip()
    if not before or strip_closers(before)[-1:] not in SENTENCE_FINAL:
        return None
    try:
        phrase = parse_credit_phrase(match.group("credit").strip())
    except MissingName:
        return None
    if not phrase or not phrase.has_role or any(c.organisation for c in phrase.credits):
        return None
    return before, phrase, False


def split_trailing_credit(text, *, flag_unnamed=False):
    """(text, CreditPhrase, glued) for a credit at the end of a paragraph, or None.

    (通讯员 甲) or (某某县总工会) in brackets after the last sentence; a credit after the last
    full stop (…场景。通讯员 甲 摄); a bare name glued there (…的温暖。甲乙), flagged `glued`.
    A bracketed credit with a role and no name raises MissingName unless `flag_unnamed`; with
    it, a credit after the full stop with a role and no name is read too (see _flagged_tail).
    """
    match = TRAILING_BRACKETS.search(text)
    if match:
        before = text[: match.start()].rstrip()
        if not before or strip_closers(before)[-1:] in SENTENCE_FINAL:
            phrase = parse_credit_phrase(
                match.group(0), flag_unnamed=flag_unnamed
            ) or _bracketed_name(match.group("credit"))
            if phrase:
                return before, phrase, False
    unclosed = _unclosed_credit(text)
    if unclosed:
        return unclosed
    stripped = text.rstrip()
    cut = max(stripped.rfind(mark) for mark in SENTENCE_FINAL)
    if cut == -1:
        return None
    end = cut + 1
    while end < len(stripped) and stripped[end] in "”’」』）)":
        end += 1
    tail = stripped[end:].strip()
    if not tail or len(tail) > GLUED_TAIL_MAX:
        return None
    try:
        phrase = parse_credit_phrase(tail)
    except MissingName:
        phrase = _flagged_tail(tail) if flag_unnamed else None
    if not phrase and stripped[end : end + 1].isspace():
        phrase = _spaced_photographer(tail)
    if not phrase:
        return None
    if any(c.organisation for c in phrase.credits) and phrase.terminal != PHOTO_SUPPLIED:
        return None  # …的温暖。某某公司: a company glued after the text is no credit
    glued = not phrase.has_role and not phrase.photo_credits
    return stripped[:end], phrase, glued


# …竞技平台。 铁琴 摄: a name set apart by spaces after the last sentence, then 摄, is the
# photographer's, even a pen name or a rare surname the surname list does not hold.
SPACED_PHOTOGRAPHER = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3})\s+(?P<end>摄影|摄)$")


def _spaced_photographer(tail):
    match = SPACED_PHOTOGRAPHER.match(tail)
    if not match or not _bracketed_name(match.group("name")):
        return None
    credit = Credit(match.group("name"), PHOTOGRAPHER)
    return CreditPhrase(photo_credits=[credit], terminal=match.group("end"))


def _flagged_tail(tail):
    """…散步。记者 王伟 通讯员 摄: a credit after the last sentence whose site dropped a name,
    read with the unnamed role flagged. Only one that names someone and ends in its credit
    word (摄, 报道) is surely a credit; other words there may be the text's own."""
    phrase = parse_credit_phrase(tail, flag_unnamed=True)
    if phrase and phrase.terminal and phrase.credits:
        return phrase
    return None


# 某某线路图甲乙 作, 活动现场 甲 摄: a caption with its credit glued on, no full stop between.
# The caption ends in a space or in the word for a graphic (…图, …表, …画); 作 under a graphic
# credits its maker, recorded as the photo's credit.
CAPTION_WITH_CREDIT = re.compile(
    r"^(?P<caption>\S.{3,}?(?:\s+|(?<=[图表画])))"
    r"(?P<names>[\u4e00-\u9fff]{2,3}(?:[ 、][\u4e00-\u9fff]{2,3}){0,3})\s*(?P<end>摄影|摄|作)$"
)


# 市总工会表彰职工精神文明十佳好事（徐赜）: a caption (no sentence in it) with its photographer's
# name in brackets, as a yearbook prints it under a picture.
CAPTION_WITH_BRACKETED_NAME = re.compile(
    r"^(?P<caption>[^。！？!?（）()]{6,40}?)\s*[（(](?P<names>[\u4e00-\u9fff]{2,3})[）)]$"
)


# 讲好丽水故事选手 图：丽水市总工会: a caption (no sentence in it), then 图: and who supplied
# or took the picture.
CAPTION_WITH_SOURCE = re.compile(
    r"^(?P<caption>[^。！？!?]{4,40}?)\s+图\s*[：:]\s*(?P<who>[\u4e00-\u9fff]{2,20})$"
)


# 改造后的公园步道（赵敏 摄）, 图为……(记者 赵敏 摄), ……（某某街道供图）: a caption (no sentence
# in it) with its photo credit in brackets, full-width or ASCII. (After a full stop the bracket
# is a trailing credit: split_trailing_credit.)
CAPTION_WITH_BRACKETED_CREDIT = re.compile(
    r"^(?P<caption>[^。！？!?（）()]{4,150}?)\s*[（(](?P<credit>[^（）()]{2,40})[）)]$"
)


def is_sure_caption(text):
    """A caption its credit marks for sure, wherever it stands: 某某（甲）, 某某（甲 摄）,
    某某 图：乙."""
    text = text.strip()
    return bool(
        (
            CAPTION_WITH_BRACKETED_NAME.match(text)
            or CAPTION_WITH_BRACKETED_CREDIT.match(text)
            or CAPTION_WITH_SOURCE.match(text)
        )
        and split_caption_credit(text)
    )


def _bracketed_photo_credit(text):
    """(caption, CreditPhrase) for a caption with its photo credit in brackets, or None."""
    match = CAPTION_WITH_BRACKETED_CREDIT.match(text)
    if not match:
        return None
    try:
        phrase = parse_credit_phrase(match.group("credit").strip())
    except MissingName:
        return None
    if not phrase or phrase.text_credits or not phrase.photo_credits:
        return None
    return match.group("caption").strip(), phrase


# 图为……步道 本报记者 甲 摄, ……步道 摄影：甲, ……步道 图/甲: a caption (no sentence in it), a
# space, then a photo credit opening with its role or photo word.
OPENS_WITH_ROLE = re.compile(f"^(?:{ROLE_PATTERN}|(?:摄影|摄|图|制图)\\s*[：:/／\\s])")


def _spaced_photo_credit(text):
    """(caption, CreditPhrase) for a caption, a space and a photo credit opening with its role
    word (本报记者 甲 摄, 摄影：甲, 图/甲), or one word after the space (某某街道供图, 甲/图,
    新华社发); the first space that gives one, so a role word never stays in the caption."""
    for gap in re.finditer(r"\s+", text):
        caption, credit = text[: gap.start()], text[gap.end() :]
        if re.search("[。！？!?]", caption):
            return None  # a sentence before: a trailing credit (split_trailing_credit)
        if len(caption) < 4 or not (OPENS_WITH_ROLE.match(credit) or " " not in credit):
            continue
        try:
            phrase = parse_credit_phrase(credit)
        except MissingName:
            continue
        if phrase and phrase.photo_credits and not phrase.text_credits:
            return caption, phrase
    return None


def split_caption_credit(text):
    """(caption, CreditPhrase) for a caption with its photo credit glued on, or None."""
    source = CAPTION_WITH_SOURCE.match(text.strip())
    if source:
        who = source.group("who")
        word = "供图" if is_organisation(who) else "摄"
        phrase = parse_credit_phrase(f"{who} {word}")
        if phrase and phrase.photo_credits and not phrase.text_credits:
            return source.group("caption").strip(), phrase
    credited = _bracketed_photo_credit(text.strip())
    if credited:
        return credited
    bracketed = CAPTION_WITH_BRACKETED_NAME.match(text.strip())
    if bracketed and is_surname_start(bracketed.group("names")):
        phrase = parse_credit_phrase(f"{bracketed.group('names')} 摄")
        if phrase and phrase.photo_credits and not phrase.text_credits:
            return bracketed.group("caption").strip(), phrase
    spaced = _spaced_photo_credit(text.strip())
    if spaced:
        return spaced
    match = CAPTION_WITH_CREDIT.match(text.strip())
    if not match or re.search("[。！？!?]", match.group("caption")):
        return None
    try:
        phrase = parse_credit_phrase(f"{match.group('names')} 摄")
    except MissingName:
        return None
    if not phrase or phrase.text_credits or not phrase.photo_credits:
        return None
    if any(c.organisation for c in phrase.photo_credits):
        return None
    return match.group("caption").strip(), phrase
