"""Datelines (电头) and bylines (署名): who is credited, in which role, for text or photos.

The forms are those of the reference (byline-conventions.md): role words as printed, names
joined by 、 or spaces or run together, photo credits ending in 摄/摄影/摄影报道, slash forms
before the names (文/甲 图/乙) and after them (晚报记者 甲/文 乙/图, 甲/摄影/视频), role words
spaced out (记 者 房 伟), a paper's bureau as the role (本报某某记者站), parenthesised credits
and organisations credited instead of people. Names: see `names`.
"""

import re
from dataclasses import dataclass, field

from articles.roles import (
    AUTHOR,
    GRAPHIC,
    PHOTO_SUPPLIED,
    PHOTOGRAPHER,
    PRINTED_BEFORE_NAMES,
    ROLE_SPLIT,
    TEXT_EDITOR,
)

from .names import (
    COMPOUND_SURNAMES,
    is_name_text,
    is_organisation,
    is_surname_start,
    reads_as_names_by_surname,
    split_names,
)
from .traditional import as_printed, recognisable

ROLE_WORDS = PRINTED_BEFORE_NAMES
ORGAN = re.compile(
    r"^[\u4e00-\u9fff]{1,10}(?:社|报|台|网|刊|视|客户端|传媒|新闻|在线)(?:[A-Za-z]{2,12})?$"
    # 中国台湾网福建省台办通讯员: an organ, then the office the correspondent reports from.
    # (国网某某供电公司 is a company, 某某社区 a community: not organs.)
    r"|^[\u4e00-\u9fff]{2,10}?(?:(?<![电国])网|日报|晚报|报社|通讯社)[\u4e00-\u9fff]{2,10}$"
)
# (某某新闻记者：甲 乙 编辑：丙): the site's editor named after the reporters; editors are
# not credited for the article.
EDITOR_AFTER = re.compile(
    r"\s+(?:责任编辑|责编|编辑|实习编辑)\s*[：:]\s*[\u4e00-\u9fff]{2,4}(?:[\s、][\u4e00-\u9fff]{2,4})*$"
)
# 本报三元记者站: a paper's bureau, credited in the place of a role word.
BUREAU = re.compile(r"^(?:本报)?[\u4e00-\u9fff]{0,6}记者站$")
# Photo role words printed before the names: 特约摄影 甲, 本报特约摄影 乙.
SPECIAL_PHOTOGRAPHER = re.compile(r"^(?P<role>(?:本报)?特约摄影)")
# 记 者 房 伟: a role word spaced out to the width of a longer one.
SPACED_ROLE = re.compile("|".join(" ".join(role) for role in PRINTED_BEFORE_NAMES if len(role) > 1))
# What a name printed before a slash did: 王瑞/文 (text), 闫宏伟/图, 吴潮宏/摄影/视频 (photos).
SLASH_AFTER = {"文": False, "图": True, "摄影": True, "摄": True, "视频": True}
# Roles printed before a slash or colon only: 文/甲 (text), 图/乙, 摄影：丙 and 制图：丁 (photo).
SLASH_ROLES = {
    "制图": GRAPHIC,
    "文": AUTHOR,
    "图": PHOTOGRAPHER,
    "摄影": PHOTOGRAPHER,
    "摄": PHOTOGRAPHER,
    TEXT_EDITOR: TEXT_EDITOR,
}
PHOTO_SLASH_ROLES = frozenset({"图", "摄影", "摄", "制图"})
DEFAULT_TEXT_ROLE = AUTHOR
DEFAULT_PHOTO_ROLE = PHOTOGRAPHER

# A person's name has two to four characters (欧阳明华); a longer run is names run together.
NAME_MAX = 4

TEXT, PHOTO, BOTH = "text", "photo", "both"
TEXT_AND_PHOTOS = re.compile(r"\s*(?:文\s*[/／]\s*[摄图]|图\s*[/／]\s*文)$")
# 文、图/某某记者：甲, 文/图 甲: everyone named after it wrote the text and took the photos.
LEADING_TEXT_AND_PHOTOS = re.compile(
    r"^(?:文\s*[、/／]\s*[图摄]|图\s*[、/／]\s*文|图文)\s*[/／：:\s]\s*(?=\S)"
)
# How a credit ends: 报道 (text), 摄/摄影/供图 (photo), 摄影报道 (text and photos). Names
# printed with no role word take 作者 for text, 摄影 for photos, or 供图 (photo supplied by).
TERMINALS = (
    ("摄影报道", BOTH),
    ("图文报道", BOTH),
    ("报道", TEXT),
    ("整理", TEXT),
    ("供稿", TEXT),  # （人事行政部 甲供稿）: who sent the text in
    ("摄影", PHOTO),
    ("供图", PHOTO),
    ("摄", PHOTO),
)
MARKERS = "●■□◆◇▲△▼★☆○◎•▪▫◉"
# 摄影 记者 王 蓉, ■摄影 王 强: the photo credit's word printed before the names.
LEADING_PHOTO = re.compile(r"^(?:摄影|摄)\s+(?=\S)")
# A letter's signature: an address or unit, then the name (兴平市66号信箱杨晓勇).
UNIT_AND_NAME = re.compile(
    r"^(?P<unit>[\u4e00-\u9fff\d]{2,16}?(?:信箱|公司|工厂|厂|矿|局|段|车间|医院|学校|中学|小学|社区|"
    r"村委会|街道))(?P<name>[\u4e00-\u9fff]{2,3})$"
)
NOT_GIVEN_NAMES = frozenset(
    "师傅 大姐 大哥 阿姨 老师 同志 先生 女士 师 工 总 经理 主任 书记 厂长".split()
)
DISTRIBUTED = re.compile(
    r"^(?P<organ>新华社|中新社|[\u4e00-\u9fff]{2,6}通讯社)发\s*(?:[（(](?P<inner>[^（）()]+)[）)]|(?P<rest>\S.*))?$"
)
# A character lost in copying, printed after a bracketed credit: (杨季平)?
STRAY_AFTER_BRACKET = re.compile(r"(?<=[）)])\s*[?？\ufffd]+$")


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
    """A role word printed with no name after it (记者 报道): raised where it says the text is
    no credit; where the text is a credit for sure, callers ask to flag it instead."""

    def __init__(self, role):
        self.role = role
        super().__init__(f"署名中的“{role}”后面没有姓名")


def parse_credit_phrase(text, *, strict_names=True, flag_unnamed=False):
    """The credits in one printed byline, or None when the text is not a byline.

    `strict_names` asks every person's name to start with a known surname; callers relax it
    where the position alone says the text is a byline (after 本报讯, before 报道, in brackets).
    Raises MissingName when a role word that starts the credit has no name after it, unless
    `flag_unnamed`: then the people named are credited and each unnamed role is a warning for
    the editor (a site's line 记者 甲 通讯员 乙 实习生 dropped the trainee's name; the rest of
    the page is still the page). A credit
    printed in traditional characters (記者 張強 攝) is read by its simplified role words and
    surnames; the names keep the characters printed, the roles are the simplified words.
    """
    mapped = recognisable(text)
    phrase = _parse_credit_phrase(mapped, strict_names=strict_names, flag_unnamed=flag_unnamed)
    if phrase is not None and mapped != text:
        for credit in [*phrase.text_credits, *phrase.photo_credits]:
            credit.name = as_printed(credit.name, mapped, text)
            if credit.unit:
                credit.unit = as_printed(credit.unit, mapped, text)
    return phrase


def _parse_credit_phrase(text, *, strict_names=True, flag_unnamed=False):
    text = STRAY_AFTER_BRACKET.sub("", text.strip())
    text = SPACED_ROLE.sub(lambda match: match.group().replace(" ", ""), text)
    distributed = DISTRIBUTED.match(text)
    if distributed:
        # 新华社发(尹召功 摄), 新华社发 汤德宏 摄: the agency sent the photo its photographer
        # took; 新华社发 alone credits the agency.
        inner = (distributed.group("inner") or distributed.group("rest") or "").strip()
        if inner:
            return _parse_credit_phrase(inner, strict_names=strict_names, flag_unnamed=flag_unnamed)
        organ = Credit(distributed.group("organ"), PHOTO_SUPPLIED, organisation=True)
        return CreditPhrase(photo_credits=[organ], terminal=PHOTO_SUPPLIED)
    phrase = text.lstrip(MARKERS).strip()
    marked = phrase != text
    bracketed = len(phrase) >= 2 and phrase[0] in "（(" and phrase[-1] in "）)"
    if bracketed:
        phrase = phrase[1:-1].strip()
        marked = True
        phrase = EDITOR_AFTER.sub("", phrase)
    covers = TEXT
    terminal = None
    both = TEXT_AND_PHOTOS.search(phrase)
    leading_both = LEADING_TEXT_AND_PHOTOS.match(phrase)
    if both and both.start() > 0:
        # 文/摄, 文/图: everyone named wrote the text and took the photos.
        phrase, covers, terminal = phrase[: both.start()].rstrip(), BOTH, "文/摄"
    elif leading_both:
        phrase, covers, terminal = phrase[leading_both.end() :], BOTH, "文/摄"
    leading = LEADING_PHOTO.match(phrase)
    if leading and terminal is None:
        phrase, covers, terminal = phrase[leading.end() :], PHOTO, "摄影"
    for word, kind in TERMINALS:
        # （摄影报道） alone is the whole credit word with nobody before it: no credit (the
        # longer words come first, so 摄影 is not left behind as a name before 报道).
        if terminal is None and phrase.endswith(word):
            phrase = phrase[: -len(word)].rstrip()
            covers, terminal = kind, word
            break
    if not phrase:
        return None
    items = _tokenise(phrase)
    if items is None and terminal is None and not bracketed:
        return _unit_and_name(phrase)
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
        items,
        covers,
        lenient=lenient,
        terminal=bool(terminal) or name_list,
        photo_role=photo_role,
        flag_unnamed=flag_unnamed,
    )
    if phrase:
        phrase.terminal = terminal
    return phrase


def _unit_and_name(phrase):
    """兴平市66号信箱杨晓勇: a reader's letter signed with an address or unit glued to the
    name, on the letter's last line."""
    match = UNIT_AND_NAME.match(phrase)
    if not match or not is_surname_start(match.group("name")):
        return None
    if match.group("name")[1:] in NOT_GIVEN_NAMES:
        return None  # 纺织厂李师傅: a title, not a name
    credit = Credit(match.group("name"), DEFAULT_TEXT_ROLE, unit=match.group("unit"))
    return CreditPhrase(text_credits=[credit])


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
        if piece in SLASH_AFTER and previous_separator in ("/", "／") and items:
            items.append(("what", SLASH_AFTER[piece]))
            previous_separator = ""
            continue
        special = SPECIAL_PHOTOGRAPHER.match(piece)
        if special:
            # 特约摄影袁松树: a photographer the paper commissions, a role word for photos.
            items.append(("role", special.group("role"), True))
            piece = piece[special.end() :]
            if not piece:
                continue
        if BUREAU.match(piece):
            items.append(("role", piece, False))
            previous_separator = ""
            continue
        if piece in SLASH_ROLES and next_separator in ("/", "／", "：", ":"):
            items.append(("role", SLASH_ROLES[piece], piece in PHOTO_SLASH_ROLES))
            continue
        if piece == TEXT_EDITOR and index + 1 < len(pieces) and pieces[index + 1].isspace():
            # 文字整理 甲: the one slash role spaced from its name too; 文, 图 and 摄影 before a
            # space are words of a caption or of the text.
            items.append(("role", TEXT_EDITOR, False))
            continue
        if (
            piece == PHOTOGRAPHER
            and items
            and items[-1][0] == "run"
            and "".join(pieces[index + 1 :]).strip()
        ):
            # 记者 王伟 摄影 李强: 摄影 between names is the next names' role word (photos),
            # not a name.
            items.append(("role", PHOTOGRAPHER, True))
            continue
        parts = ROLE_SPLIT.split(piece)
        for part_index, part in enumerate(parts):
            if not part:
                continue
            if part_index % 2 == 1:
                items.append(("role", part, False))
            elif (
                part_index + 1 < len(parts)
                and parts[part_index + 1] == "报道组"
                and not (items and items[-1][0] == "role" and _short_name(part))
            ):
                # 长兴县报道组 is a team credited as an organisation; after a role word and a
                # name (记者金毅报道组周武军), 报道组 is the next names' role word.
                items.append(("run", part + "报道组", False, previous_separator))
                parts[part_index + 1] = ""
            elif part_index + 1 < len(parts) and ORGAN.search(part):
                # 新华社记者, 人民日报记者: the organ belongs to the role word after it.
                parts[part_index + 1] = part + parts[part_index + 1]
            elif not is_name_text(part):
                return None
            else:
                glued = part_index > 0
                items.append(("run", part, glued, previous_separator))
        previous_separator = ""
    return _merge_spaced_characters(items)


def _short_name(text):
    """A person's name of two or three characters, by its surname."""
    return 2 <= len(text) <= 3 and is_surname_start(text) and not is_organisation(text)


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


def _assign(items, covers, *, lenient, terminal, photo_role=DEFAULT_PHOTO_ROLE, flag_unnamed=False):
    """Give each name the role word before it; names after one role share it until the next."""
    phrase = CreditPhrase()
    unnamed = []  # role words printed with no name after them
    role = None
    role_is_photo = False
    role_has_name = True
    unit = None
    started_with_role = items[0][0] == "role"
    since = []  # credits given since the last role word or slash
    for item in items:
        if item[0] == "what":
            if item[1]:  # 闫宏伟/图: the names before the slash took the photos
                for credit in since:
                    if credit in phrase.text_credits:
                        phrase.text_credits.remove(credit)
                        phrase.photo_credits.append(credit)
            since = []
            continue
        if item[0] == "role":
            since = []
            if not role_has_name and started_with_role:
                if not flag_unnamed:
                    raise MissingName(role)
                unnamed.append(role)
            role, role_is_photo, role_has_name, unit = item[1], item[2], False, None
            phrase.has_role = True
            continue
        run = item[1]
        if is_organisation(run):
            unit = run
            _add(phrase, Credit(run, role or "", organisation=True), covers, role_is_photo)
            role_has_name = True
            continue
        if role is None and len(run) > NAME_MAX and not reads_as_names_by_surname(run):
            # 改造后的公园步道 赵敏 摄: a long run with no role word before it is a caption's
            # words, not two-character names run together; (郭绍英黄旭) is names, as each
            # starts with a known surname.
            return None
        names = split_names(run, after_role=role is not None or lenient, warnings=phrase.warnings)
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
            credit = Credit(name, role or "", unit=unit)
            _add(phrase, credit, covers, role_is_photo)
            since.append(credit)
        role_has_name = True
    if not role_has_name and started_with_role:
        unnamed.append(role)
    if unnamed and not flag_unnamed:
        raise MissingName(unnamed[0])
    phrase.warnings += [f"署名中的“{word}”后面没有姓名，未记入署名，请核对" for word in unnamed]
    if not phrase.text_credits and not phrase.photo_credits:
        if unnamed:  # 记者 通讯员: a credit, but nobody to record
            phrase.anonymous = unnamed[0]
            return phrase
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


# 某某报业集团党委副书记、总编辑 甲: a job title printed before the writer's name. The titles
# end in a post; the role is the title as printed.
JOB_TITLE = re.compile(
    r"^(?P<title>[\u4e00-\u9fff、]{1,30}?(?:书记|总编辑|副总编辑|社长|主席|副主席|董事长|总经理|"
    r"经理|局长|厅长|部长|主任|院长|校长|会长|秘书长|市长|县长|区长|镇长|委员|理事长|总裁))"
    r"\s+(?P<name>[\u4e00-\u9fff]{2,4})$"
)
TITLE_MAX = 30  # a role field holds this many characters


def parse_titled_byline(text):
    """The credit of a writer printed after their job title (某某报业集团党委副书记、总编辑 甲),
    or None. The name must start with a known surname."""
    match = JOB_TITLE.match(text.strip())
    if not match or len(match.group("title")) > TITLE_MAX:
        return None
    name = match.group("name")
    if not is_surname_start(name) or is_organisation(name):
        return None
    return CreditPhrase(text_credits=[Credit(name, match.group("title"))], has_role=True)
