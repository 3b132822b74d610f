"""Datelines (电头) and bylines (署名): who is credited, in which role, for text or photos.

The forms are those of the reference (byline-conventions.md): role words as printed, names
joined by 、 or spaces or run together, photo credits ending in 摄/摄影/摄影报道, slash forms,
parenthesised credits and organisations credited instead of people.
"""

import re
from dataclasses import dataclass, field

from .roles import (
    AUTHOR,
    PHOTO_SUPPLIED,
    PHOTOGRAPHER,
    PRINTED_BEFORE_NAMES,
    ROLE_SPLIT,
    TEXT_EDITOR,
)
from .text import SENTENCE_FINAL, is_han, strip_closers

ROLE_WORDS = PRINTED_BEFORE_NAMES
ORGAN = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:社|报|台|网|刊|视|客户端)$")
# Roles printed before a slash or colon only: 文/甲 (text), 图/乙 and 摄影：丙 (photo).
SLASH_ROLES = {
    "文": AUTHOR,
    "图": PHOTOGRAPHER,
    "摄影": PHOTOGRAPHER,
    "摄": PHOTOGRAPHER,
    TEXT_EDITOR: TEXT_EDITOR,
}
DEFAULT_TEXT_ROLE = AUTHOR
DEFAULT_PHOTO_ROLE = PHOTOGRAPHER

TEXT, PHOTO, BOTH = "text", "photo", "both"
TEXT_AND_PHOTOS = re.compile(r"\s*(?:文\s*[/／]\s*[摄图]|图\s*[/／]\s*文)$")
# How a credit ends: 报道 (text), 摄/摄影/供图 (photo), 摄影报道 (text and photos). Names
# printed with no role word take 作者 for text, 摄影 for photos, or 供图 (photo supplied by).
TERMINALS = (
    ("摄影报道", BOTH),
    ("图文报道", BOTH),
    ("报道", TEXT),
    ("整理", TEXT),
    ("摄影", PHOTO),
    ("供图", PHOTO),
    ("摄", PHOTO),
)
MARKERS = "●■□◆◇▲△▼★☆○◎•▪▫◉"
# A character lost in copying, printed after a bracketed credit: (杨季平)?
STRAY_AFTER_BRACKET = re.compile(r"(?<=[）)])\s*[?？\ufffd]+$")

# Names of organisations end in one of these (工会, 公司, 局, 中心 …).
ORGANISATION_SUFFIXES = (
    "总工会",
    "工会",
    "工委",
    "委员会",
    "公司",
    "集团",
    "协会",
    "学会",
    "联合会",
    "研究院",
    "研究所",
    "中心",
    "医院",
    "学校",
    "学院",
    "大学",
    "中学",
    "小学",
    "银行",
    "报社",
    "报道组",
    "宣传部",
    "办公室",
    "街道",
    "社区",
    "政府",
    "局",
    "厅",
    "委",
    "办",
    "厂",
    "站",
    "所",
    "队",
    "部",
    "馆",
    "院",
    "村",
    "镇",
    "乡",
)
COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 西门 南宫 "
    "独孤 呼延 闻人 澹台 申屠 太史 钟离 宗政 濮阳 公冶 赫连 百里 东郭 司空 轩辕 第五 万俟"
).split()
# Single-character surnames, common and less common (寿, 羊 are in the seed). Surnames that
# also start everyday words (来, 和, 管, 项, 劳 …) are left out: a bare name is recognised by its
# surname, and 读者来信 or 记者管理 must not read as bylines.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
    "凌毕季裴霍涂苗谷盛翁冉骆蓝辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农司卓古吉缪芦麦褚娄窦戚岑卜晏柏瞿"
    "桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝匡鞠荆冀郁胥班储栗燕楚鄢谌奚粟冼蔺楼"
    "闻厉仝郜邰寿羊洪竺郦茅宓钮"
)


@dataclass
class Credit:
    """A person or organisation credited, with the role as printed (记者, 通讯员 …)."""

    name: str
    role: str
    organisation: bool = False
    unit: str | None = None

    def to_dict(self):
        data = {"name": self.name, "role": self.role}
        if self.unit:
            data["unit"] = self.unit
        return data


@dataclass
class CreditPhrase:
    """One printed credit: the people and organisations it credits for text and for photos."""

    text_credits: list[Credit] = field(default_factory=list)
    photo_credits: list[Credit] = field(default_factory=list)
    has_role: bool = False
    warnings: list[str] = field(default_factory=list)
    terminal: str | None = None  # 报道, 摄, 摄影报道 … as printed at the end
    anonymous: str | None = None  # a role printed with no name: 本报记者

    @property
    def covers_photos(self):
        kind = BOTH if self.terminal == "文/摄" else dict(TERMINALS).get(self.terminal)
        return bool(self.photo_credits) or (self.anonymous is not None and kind in (PHOTO, BOTH))

    @property
    def credits(self):
        return self.text_credits + [c for c in self.photo_credits if c not in self.text_credits]


class MissingName(ValueError):
    """A role word printed with no name after it (记者 报道)."""

    def __init__(self, role):
        self.role = role
        super().__init__(f"署名中的“{role}”后面没有姓名")


def is_surname_start(name):
    return name[:2] in COMPOUND_SURNAMES or name[:1] in SURNAMES


def is_organisation(token):
    if len(token) >= 4 and token.endswith(ORGANISATION_SUFFIXES):
        return True
    return len(token) == 3 and token.endswith(tuple(s for s in ORGANISATION_SUFFIXES if len(s) > 1))


def _is_name_text(token):
    """Chinese characters only, with an optional middle dot (阿依古丽·买买提)."""
    return bool(token) and all(is_han(c) or c == "·" for c in token) and not token.startswith("·")


def parse_credit_phrase(text, *, strict_names=True):
    """The credits in one printed byline, or None when the text is not a byline.

    `strict_names` asks every person's name to start with a known surname; callers relax it
    where the position alone says the text is a byline (after 本报讯, before 报道, in brackets).
    Raises MissingName when a role word that starts the credit has no name after it.
    """
    text = STRAY_AFTER_BRACKET.sub("", text.strip())
    phrase = text.lstrip(MARKERS).strip()
    marked = phrase != text
    bracketed = len(phrase) >= 2 and phrase[0] in "（(" and phrase[-1] in "）)"
    if bracketed:
        phrase = phrase[1:-1].strip()
        marked = True
    covers = TEXT
    terminal = None
    both = TEXT_AND_PHOTOS.search(phrase)
    if both and both.start() > 0:
        # 文/摄, 文/图: everyone named wrote the text and took the photos.
        phrase, covers, terminal = phrase[: both.start()].rstrip(), BOTH, "文/摄"
    for word, kind in TERMINALS:
        if terminal is None and phrase.endswith(word) and len(phrase) > len(word):
            phrase = phrase[: -len(word)].rstrip()
            covers, terminal = kind, word
            break
    if not phrase:
        return None
    items = _tokenise(phrase)
    if not items:  # None, or only separators (■、)
        return None
    if len(items) == 1 and items[0][0] == "role":
        # 本报记者 alone: the paper's staff, unnamed. A credit, but nobody to record.
        role = items[0][1]
        return CreditPhrase(
            has_role=True,
            terminal=terminal,
            anonymous=role,
            warnings=[f"署名“{role}”没有姓名，未记入署名，请核对"],
        )
    runs = [item[1] for item in items if item[0] == "run"]
    if terminal and not marked and len(runs) == len(items):
        # 王伟报道 is a credit, 图片报道 a label: with no role word, names need a known surname
        # (one of several will do: 钟伟 单明铭 摄).
        if not any(is_surname_start(run) or is_organisation(run) for run in runs):
            return None
    lenient = bool(terminal) or marked or not strict_names
    if not (marked or terminal) and all(
        item[0] == "run" and is_organisation(item[1]) for item in items
    ):
        # A bare organisation name on its own line is a name in the text (a kicker, a
        # heading), not a credit: credits by organisations are bracketed or marked.
        return None
    photo_role = PHOTO_SUPPLIED if terminal == PHOTO_SUPPLIED else DEFAULT_PHOTO_ROLE
    # (建华 晓燕): two or more short names in brackets are names, surname printed or not.
    name_list = (
        bracketed
        and len(items) >= 2
        and all(item[0] == "run" and 2 <= len(item[1]) <= 3 for item in items)
    )
    phrase = _assign(
        items, covers, lenient=lenient, terminal=bool(terminal) or name_list, photo_role=photo_role
    )
    if phrase:
        phrase.terminal = terminal
    return phrase


def _tokenise(phrase):
    """Role words, names and organisations of a byline, in order; None if something else."""
    items = []
    pieces = re.split(r"(\s*[/／：:]\s*|[\s、，,；;]+)", phrase)
    previous_separator = ""
    for index, piece in enumerate(pieces):
        if index % 2 == 1:
            previous_separator = piece.strip() or " "
            continue
        if not piece:
            continue
        next_separator = pieces[index + 1].strip() if index + 1 < len(pieces) else ""
        if piece in SLASH_ROLES and next_separator in ("/", "／", "：", ":"):
            items.append(("role", SLASH_ROLES[piece], piece in ("图", "摄影", "摄")))
            continue
        parts = ROLE_SPLIT.split(piece)
        for part_index, part in enumerate(parts):
            if not part:
                continue
            if part_index % 2 == 1:
                items.append(("role", part, False))
            elif part_index + 1 < len(parts) and parts[part_index + 1] == "报道组":
                # 长兴县报道组 is a team credited as an organisation.
                items.append(("run", part + "报道组", False, previous_separator))
                parts[part_index + 1] = ""
            elif part_index + 1 < len(parts) and ORGAN.search(part):
                # 新华社记者, 人民日报记者: the organ belongs to the role word after it.
                parts[part_index + 1] = part + parts[part_index + 1]
            elif not _is_name_text(part):
                return None
            else:
                glued = part_index > 0
                items.append(("run", part, glued, previous_separator))
        previous_separator = ""
    return _merge_spaced_characters(items)


def _merge_spaced_characters(items):
    """王 伟 is one two-character name printed with a space to fill the width of three."""
    merged = []
    for item in items:
        if (
            item[0] == "run"
            and len(item[1]) == 1
            and merged
            and merged[-1][0] == "run"
            and len(merged[-1][1]) == 1
            and item[3] == " "
        ):
            previous = merged.pop()
            merged.append(("run", previous[1] + item[1], previous[2], previous[3], "spaced"))
        else:
            merged.append(item)
    return merged


def _assign(items, covers, *, lenient, terminal, photo_role=DEFAULT_PHOTO_ROLE):
    """Give each name the role word before it; names after one role share it until the next."""
    phrase = CreditPhrase()
    role = None
    role_is_photo = False
    role_has_name = True
    unit = None
    started_with_role = items[0][0] == "role"
    for item in items:
        if item[0] == "role":
            if not role_has_name and started_with_role:
                raise MissingName(role)
            role, role_is_photo, role_has_name, unit = item[1], item[2], False, None
            phrase.has_role = True
            continue
        run = item[1]
        if is_organisation(run):
            unit = run
            _add(phrase, Credit(run, role or "", organisation=True), covers, role_is_photo)
            role_has_name = True
            continue
        names = _split_names(run, after_role=role is not None or lenient, warnings=phrase.warnings)
        if names is None:
            return None
        for name in names:
            # 记者 甲 (a gap after the role word) or a credit ending in 报道/摄 says the run is a
            # name; 记者甲 glued in running text must start with a surname to count.
            trusted = terminal or (role is not None and (lenient or not item[2]))
            if not trusted and not is_surname_start(name):
                return None
            if not trusted and not lenient and len(name) > 3 and name[:2] not in COMPOUND_SURNAMES:
                # 白马湖畔, 虞舜文化: four characters printed alone are a phrase, not a name.
                return None
            if unit:
                # An organisation followed by names is the unit those people work for.
                for credits in (phrase.text_credits, phrase.photo_credits):
                    if credits and credits[-1].organisation and credits[-1].name == unit:
                        credits.pop()
            _add(phrase, Credit(name, role or "", unit=unit), covers, role_is_photo)
        role_has_name = True
    if not role_has_name and started_with_role:
        raise MissingName(role)
    if not phrase.text_credits and not phrase.photo_credits:
        return None
    for credit in phrase.photo_credits:
        if not credit.role:
            credit.role = photo_role
    for credit in phrase.text_credits:
        if not credit.role:
            credit.role = DEFAULT_TEXT_ROLE
    return phrase


def _add(phrase, credit, covers, role_is_photo):
    if role_is_photo or covers == PHOTO:
        phrase.photo_credits.append(credit)
    elif covers == BOTH:
        phrase.text_credits.append(credit)
        phrase.photo_credits.append(
            Credit(credit.name, credit.role, credit.organisation, credit.unit)
        )
    else:
        phrase.text_credits.append(credit)


def _split_names(run, *, after_role, warnings):
    """One run of characters as names: 寿慧桢 is one; 王伟李强 after a role word is two."""
    if "·" in run:
        return [run] if len(run) <= 16 else None
    length = len(run)
    if length == 1:
        return None
    if length <= 3:
        return [run]
    if run[:2] in COMPOUND_SURNAMES and length <= 4:
        return [run]
    if not after_role:
        if length == 4:
            warnings.append(f"“{run}”可能是两个人名连写，按一人处理，请核对")
            return [run]
        return None
    if length % 2 == 0 and length <= 8:
        names = [run[i : i + 2] for i in range(0, length, 2)]
        warnings.append(f"“{run}”按两字人名拆分为{'、'.join(names)}，请核对")
        return names
    if length == 5:
        splits = [
            [run[:2], run[2:]] if run[2] in SURNAMES else None,
            [run[:3], run[3:]] if run[3] in SURNAMES else None,
        ]
        splits = [s for s in splits if s]
        if len(splits) == 1:
            warnings.append(f"“{run}”按姓氏拆分为{'、'.join(splits[0])}，请核对")
            return splits[0]
    return None


# ---------------------------------------------------------------------------------------------
# Bylines inside paragraphs: leading (after the dateline) and trailing (after the last sentence)

LEADING_BRACKETS = re.compile(r"^[（(](?P<credit>[^（）()]{1,60})[）)]\s*")
LEADING_REPORT = re.compile(
    r"^(?P<credit>[^，。；：！？,;!?（）()]{1,60}?(?:摄影报道|图文报道|报道))(?P<gap>\s+|[：:]|$)?"
)


def split_leading_credit(text, *, after_dateline):
    """(CreditPhrase, rest) for a credit at the start of the first paragraph, or None.

    Forms: (记者 甲 通讯员 乙) after a dateline; 记者甲 通讯员乙、丙报道 with or without one;
    记者 甲 followed by a space and the text. Raises MissingName for a role without a name.
    """
    match = LEADING_BRACKETS.match(text)
    if match and after_dateline:
        phrase = parse_credit_phrase(match.group(0).strip(), strict_names=False)
        return (phrase, text[match.end() :]) if phrase else None
    match = LEADING_REPORT.match(text)
    if match:
        phrase = parse_credit_phrase(match.group("credit"), strict_names=not after_dateline)
        if (
            phrase
            and (phrase.has_role or after_dateline)
            and (match.group("gap") is not None or phrase.has_role)
        ):
            return phrase, text[match.end() :]
    if ROLE_SPLIT.match(text):
        # 记者 甲 近日… : role-led names separated by spaces, the text after the last gap.
        tokens = text.split(" ")
        for count in range(min(len(tokens) - 1, 8), 0, -1):
            try:
                phrase = parse_credit_phrase(" ".join(tokens[:count]))
            except MissingName:
                if count == 1 and after_dateline:
                    raise
                continue
            if phrase and phrase.has_role:
                return phrase, " ".join(tokens[count:])
    return None


TRAILING_BRACKETS = re.compile(r"[（(](?P<credit>[^（）()]{2,60})[）)]$")
GLUED_TAIL_MAX = 30


def split_trailing_credit(text):
    """(text, CreditPhrase, glued) for a credit at the end of a paragraph, or None.

    (通讯员 甲) or (某某县总工会) in brackets after the last sentence; a credit after the last
    full stop (…场景。通讯员 甲 摄); a bare name glued there (…的温暖。甲乙), flagged `glued`.
    """
    match = TRAILING_BRACKETS.search(text)
    if match:
        before = text[: match.start()].rstrip()
        if not before or strip_closers(before)[-1:] in SENTENCE_FINAL:
            phrase = parse_credit_phrase(match.group(0))
            if phrase:
                return before, phrase, False
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
        return None
    if not phrase or any(c.organisation for c in phrase.credits):
        return None
    glued = not phrase.has_role and not phrase.photo_credits
    return stripped[:end], phrase, glued
