"""What the test pages print: the seed page as laid out in print, and generated pages.

The seed page's stories are read from fixtures/pages/seed-page.txt (the text of the printed
page the seed issue was edited from), so the PDF prints exactly that text: banner, column
labels, headline groups, bylines, crossheads, photos with their captions and credits.
Generated pages recombine its sentences into other stories, with 引题, photos with captions
and credits, and a briefs column; the same seed gives the same page.
"""

import random
import re
from pathlib import Path

from .layout import PageSpec, Photo, Story, fit

SEED_PAGE = Path(__file__).resolve().parents[2] / "fixtures" / "pages" / "seed-page.txt"
SEED_DATE_LINE = "2024年10月8日 星期二"
SENTENCE_END = ("。", "！", "？", "…", "”", "’", "）", "」", "』")
# Text is lost after this fragment on the printed page: it must stay a paragraph of its own
# (fixtures/build_seed.py keeps it apart for the same reason).
KEEP_APART = ("美工刻字体",)
LABEL_MAX = 8


def _is_credit(line):
    return line.endswith("摄") and len(line) <= 20


def _is_text(line):
    return "。" in line or "报道" in line or line.startswith("本报讯") or len(line) > 40


def _join_column_breaks(lines):
    paragraphs = []
    run_on = False
    for kind, line in lines:
        if run_on and kind == "p":
            paragraphs[-1] = ("p", paragraphs[-1][1] + line)
        else:
            paragraphs.append((kind, line))
        last = paragraphs[-1][1]
        run_on = kind == "p" and not (
            last.endswith(SENTENCE_END) or any(last.endswith(end) for end in KEEP_APART)
        )
    return paragraphs


def read_seed_page(text):
    """(banner lines, [Story]) from the seed page text, in print order."""
    lines = [line.rstrip() for line in text.split("\n")]
    starts = [i for i, line in enumerate(lines) if line.startswith("# ")]
    banner = [line.strip() for line in lines[: starts[0]] if line.strip()]
    blocks = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    stories = []
    label = ""
    for number, block in enumerate(blocks, start=1):
        body = list(block[1:])
        filled = [i for i, line in enumerate(body) if line.strip()]
        next_label = ""
        last = body[filled[-1]].strip() if filled else ""
        if number < len(blocks) and len(last) <= LABEL_MAX and not _is_credit(last):
            next_label = last
            del body[filled[-1]]
        stories.append(_seed_story(number, block[0][2:].strip(), body, label))
        label = next_label
    return banner, stories


def _seed_story(number, headline, body, label):
    subheadline, text, photo = [], [], None
    blank = 0
    in_head = True
    pending_caption = False
    for raw in body:
        line = raw.strip()
        if not line:
            blank += 1
            continue
        gap, blank = blank >= 2, 0
        if gap:
            photo = photo or Photo(seed=number)
            in_head = False
            pending_caption = True
        if _is_credit(line):
            photo = photo or Photo(seed=number)
            photo.credit = line
            continue
        if pending_caption and len(line) <= 40 and not _is_text(line.rstrip("。")):
            photo.caption = line
            pending_caption = False
            continue
        pending_caption = False
        if in_head and not _is_text(line) and not line.startswith("## "):
            subheadline.append(line)
            continue
        in_head = False
        if line.startswith("## "):
            text.append(("crosshead", line[3:].strip()))
        else:
            text.append(("p", line))
    return Story(
        key=f"seed-{number}",
        headline=headline,
        subheadline=subheadline,
        paragraphs=_join_column_breaks(text),
        label=label,
        photo=photo,
        headline_size=24 if number == 1 else 20,
    )


def seed_page_spec():
    banner, s = read_seed_page(SEED_PAGE.read_text(encoding="utf-8"))
    for story in s:
        if story.photo:
            story.photo.span = 2
    return PageSpec(
        name="seed-page",
        number=2,
        page_name="工会",
        date_line=SEED_DATE_LINE,
        editor="王海燕",
        banner=banner,
        bands=[
            [(5, [s[0]]), (3, [s[1], s[2]])],
            [(3, [s[3]]), (2, [s[4]]), (3, [s[5], s[6]])],
        ],
    )


# ---------------------------------------------------------------------------------------------
# Generated pages

PAGE_NAMES = ["要闻", "工会", "综合", "劳模风采", "职工生活", "法治", "区域新闻", "副刊"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉文婷"
HEADLINES = [
    "技能比武赛出工匠风采",
    "职工书屋开进产业园区",
    "户外劳动者驿站再添新点",
    "劳模工作室结出创新硕果",
    "新就业形态劳动者入会热情高",
    "集体协商为职工撑起保护伞",
    "安全生产月活动全面铺开",
    "女职工关爱行动暖人心",
    "工会送清凉走进建筑工地",
    "产业工人队伍建设改革见成效",
    "困难职工帮扶实现精准覆盖",
    "职工文化节精彩纷呈",
]
KICKERS = ["聚焦产改 服务职工", "深化产业工人队伍建设改革", "喜迎工会成立九十五周年"]
SUBHEADLINES = [
    "全市一线职工踊跃参与各类竞赛",
    "基层工会创新服务方式受好评",
    "多家企业联合开展岗位练兵活动",
]
BRIEF_HEADLINES = ["夜校课程开课", "法律援助进企业", "职工篮球赛落幕", "健康讲座进车间"]
CAPTIONS = [
    "参赛选手在比赛中。",
    "活动现场。",
    "职工在岗位上认真操作。",
    "志愿者为户外劳动者送上清凉。",
]


def seed_sentences():
    """The sentences of the seed page, to recombine into stories."""
    text = SEED_PAGE.read_text(encoding="utf-8")
    body = " ".join(line for line in text.split("\n") if "。" in line and not line.startswith("#"))
    body = re.sub(r"^[^，。]*报道\s*", "", body)
    return [s for s in re.findall(r"[^。！？]+[。！？]”?", body) if 8 <= len(s) <= 90]


def _name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _paragraphs(rng, sentences, count, *, lead=True, length=(2, 4)):
    """Paragraphs of sentences drawn from `sentences`, a pool the page uses up before any
    sentence comes again."""
    paragraphs = []
    for n in range(count):
        text = "".join(_draw(rng, sentences) for _ in range(rng.randint(*length)))
        if n == 0 and lead:
            text = f"本报讯 记者{_name(rng)} 通讯员{_name(rng)}报道 " + text
        paragraphs.append(("p", text))
    return paragraphs


def _draw(rng, pool):
    if not pool:
        pool.extend(seed_sentences())  # used up: start over
    return pool.pop(rng.randrange(len(pool))).strip()


def generated_page_spec(number, seed=None):
    """A page of stories made from the seed page's sentences; the same seed, the same page."""
    rng = random.Random(seed if seed is not None else number)
    sentences = seed_sentences()
    headlines = rng.sample(HEADLINES, 6)
    subheadlines = rng.sample(SUBHEADLINES, 2)
    kickers = rng.sample(KICKERS, 2)
    key = f"p{number:02d}"

    def story(n, **overrides):
        fields = {
            "key": f"{key}-{n}",
            "headline": headlines[n - 1],
            "paragraphs": _paragraphs(rng, sentences, rng.randint(3, 5)),
            "headline_size": 20,
        }
        fields.update(overrides)
        return Story(**fields)

    lead = story(
        1,
        kicker=kickers[0],
        subheadline=[subheadlines[0]],
        headline_size=28,
        paragraphs=_paragraphs(rng, sentences, 6)
        + [("crosshead", "以赛促学 以赛促练")]
        + _paragraphs(rng, sentences, 4, lead=False),
        photo=Photo(
            seed=number * 10 + 1,
            caption=rng.choice(CAPTIONS),
            credit=f"本报记者 {_name(rng)} 摄",
            span=3,
        ),
    )
    second = story(2, subheadline=[subheadlines[1]])
    third = story(3, paragraphs=_paragraphs(rng, sentences, 2))
    fourth = story(4, label="工会动态", paragraphs=_paragraphs(rng, sentences, 4))
    fifth = story(
        5,
        photo=Photo(
            seed=number * 10 + 5,
            caption=rng.choice(CAPTIONS),
            credit=f"通讯员 {_name(rng)} 摄",
            span=2,
        ),
        paragraphs=_paragraphs(rng, sentences, 3),
    )
    sixth = story(6, kicker=kickers[1], paragraphs=_paragraphs(rng, sentences, 3))
    briefs = [
        Story(
            key=f"{key}-b{n}",
            headline=headline,
            paragraphs=_paragraphs(rng, sentences, 1, length=(1, 2)),
            brief=True,
            label="简讯" if n == 1 else "",
        )
        for n, headline in enumerate(rng.sample(BRIEF_HEADLINES, 3), start=1)
    ]
    spec = PageSpec(
        name=key,
        number=number,
        page_name=PAGE_NAMES[(number - 1) % len(PAGE_NAMES)],
        date_line="2024年10月9日 星期三",
        editor=_name(rng),
        bands=[
            [(5, [lead]), (3, [second, third])],
            [(2, [fourth]), (3, [fifth]), (2, [sixth]), (1, briefs)],
        ],
    )
    return fit(spec)


FIXED_TEXT = (
    "第版年月日星期一二三四五六日本报讯记者通讯员报道摄责任编辑美术编辑：以赛促学练简讯工会动态"
)


def character_set():
    """Every character a test page may print: the fonts are cut down to these."""
    pools = HEADLINES + KICKERS + SUBHEADLINES + BRIEF_HEADLINES + CAPTIONS + PAGE_NAMES
    return "".join(
        sorted(
            set(SEED_PAGE.read_text(encoding="utf-8"))
            | set("".join(pools))
            | set(SURNAMES + GIVEN + FIXED_TEXT + SEED_DATE_LINE + "2024年10月9日 星期三")
        )
    )
