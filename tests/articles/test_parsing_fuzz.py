"""Fuzzing the page-text parser: whatever bytes arrive, it parses them or refuses them with the
importer's clear error (PageError naming the file and a line in it), never anything else.

Generated and mutated pages: random bytes, pages made of plausible lines in any order, and the
test pages cut, shuffled, re-encoded line by line, sprinkled with control characters or with a
huge line. Bounded for `make test` (a few seconds, the same inputs every run); a longer run
tries fresh inputs:

    PARSER_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/articles/test_parsing_fuzz.py \\
        --hypothesis-show-statistics -p no:cacheprovider
"""

import json
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importing.gazetteer import Gazetteer, load_places_from_fixture
from articles.importing.parsing import parse_issue
from articles.importing.text import PageError

ROOT = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"
GAZETTEER = Gazetteer(load_places_from_fixture(ROOT / "fixtures" / "regions.json"))
TEST_PAGES = [path.read_bytes() for path in sorted(PAGES.glob("*.txt"))] + [
    (ROOT / "fixtures" / "pages" / "seed-page.txt").read_bytes()
]
EXAMPLES = int(os.environ.get("PARSER_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 40,
    deadline=None,
    database=None,
    derandomize=not EXAMPLES,  # make test: the same inputs every run; a long run: fresh ones
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Lines of the kinds pages are made of, to reach deep into the parser.
LINES = [
    "浙江工人日报 数字报纸",
    "00002版:工会",
    "第A2版:要闻",
    "A04:民生/影像",
    "当前版:04版",
    "出版日期:2004年07月29日",
    "综合新闻",
    "02",
    "上一版  下一版  返回目录",
    "3上一篇  下一篇4",
    "· 标题导航里的标题",
    "标题导航",
    "摘要:本报讯9月28日,各级工会开展活动",
    "《工人日报》(2022年08月25日 02版)",
    "工人日报 2022年08月11日 星期一",
    "浙江工人日报 工会 00002 送戏下工地 2023-06-02 2 2023年06月02日 星期五",
    "浙江日报 要闻 00004 我省新增",
    "2023-04-20 3500001 2 2023年04月20日 星期四",
    "--> 2023-08-11 1 1 某某报 content_1.html 1 高温下的坚守 /enpproperty-->",
    "# 千名工匠同台竞技",
    "## 插题",
    "#",
    "# ",
    "送戏下工地",
    "——记全国劳动模范",
    "【劳模风采】",
    "【融媒作品选粹】制冰厂工人",
    "图 片 新 闻",
    "工会动态",
    "西安市新城区工会",
    "本报讯 记者王伟 通讯员李强报道 近日,活动举行。",
    "本报杭州10月8日讯(记者 陈静 通讯员 赵晓燕)10月8日,大赛开幕。",
    "新华社北京10月8日电(记者 王伟 李强)",
    "据新华社电",
    "本报讯",
    "记者",
    "本报记者",
    "记者 报道",
    "记者 通讯员 王伟",
    "●本报记者 陈静",
    "■通讯员 王伟、李强、赵敏",
    "□安吉县总工会 王伟",
    "记者林晓东、周慧",
    "通讯员郑海波 摄影报道",
    "记者 王伟 李强 通讯员 赵敏 文/摄",
    "王伟 李强 摄",
    "(本报通讯员 王 伟 摄)",
    "(王伟)",
    "(建华 晓燕)",
    "(龙游县总工会)",
    "(杨季平)?",
    "图为职工在驿站内领取用品。",
    "△丽水市总工会近日为环卫工人送去用品。",
    "▲湖州市总工会召开交流会。 (王伟)",
    "(下转第2版)",
    "(完)",
    "近日,杭州市西湖区、南昌市西湖区、舟山普陀区、武义经开区的职工参加活动。",
    "一碗热汤,一份心意。俞杰",
    "文/赵敏 图/俞杰",
    "本刊记者/王伟 通讯员/李强",
    "放大 缩小 默认",
    "浙ICP备00000000号-1",
    "http://www.example.com/a.html",
    "",
    "",
    "  ",
    "\u3000\u3000正文缩进的一段,没有句号",
]
PIECES = st.sampled_from(LINES) | st.text(
    alphabet=st.sampled_from(
        list(
            "工会职工记者通讯员本报讯摄影报道，。、：；！？（）()“”《》—#■●△▲ \u3000\t0123456789abc"
        )
    ),
    max_size=40,
)


def line_count(data):
    """Lines as an editor counts them: \\r\\n, \\r or \\n end a line."""
    return len(re.split(rb"\r\n|\r|\n", data))


def parses_or_refuses(data, name="page.txt"):
    """The property: a parse whose output is sound, or a PageError naming the file and a line."""
    try:
        issue = parse_issue([(name, data)], "2024-10-09", 1, places=GAZETTEER)
    except PageError as error:
        assert error.file == name
        assert isinstance(error.line, int) and 1 <= error.line <= line_count(data)
        assert error.message
        return
    json.dumps(issue.to_dict(), ensure_ascii=False)
    for article in issue.articles:
        assert article.headline
        assert all(1 <= n <= line_count(data) for n in article.lines)
        assert article.lines == sorted(set(article.lines))
        for photo in article.photos:
            assert set(photo.lines) <= set(article.lines)


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    parses_or_refuses(data)


@FUZZ
@given(st.lists(PIECES, max_size=60), st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]))
def test_pages_of_plausible_lines_in_any_order(lines, encoding):
    parses_or_refuses("\n".join(lines).encode(encoding))


@st.composite
def mutated_pages(draw):
    """A test page cut, shuffled, re-encoded line by line, or with stray bytes or a huge line."""
    data = draw(st.sampled_from(TEST_PAGES))
    lines = data.split(b"\n")
    mutation = draw(
        st.sampled_from(["cut", "shuffle", "mixed", "control", "huge", "drop", "crlf", "insert"])
    )
    if mutation == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if mutation == "shuffle":
        return b"\n".join(draw(st.permutations(lines)))
    if mutation == "mixed":
        # Some lines re-encoded in GB18030, the others left in UTF-8 (or the reverse).
        picked = draw(st.sets(st.integers(0, max(len(lines) - 1, 0))))
        out = []
        for index, line in enumerate(lines):
            if index in picked:
                try:
                    line = line.decode("utf-8").encode("gb18030")
                except UnicodeDecodeError:
                    line = line.decode("gb18030").encode("utf-8")
            out.append(line)
        return b"\n".join(out)
    if mutation == "control":
        position = draw(st.integers(0, len(data)))
        stray = draw(
            st.sampled_from([b"\x00", b"\x01", b"\x1b", b"\x7f", b"\x0b", b"\xff", b"\xc0"])
        )
        return data[:position] + stray + data[position:]
    if mutation == "huge":
        index = draw(st.integers(0, max(len(lines) - 1, 0)))
        lines[index] = lines[index] * draw(st.integers(200, 2000))
        return b"\n".join(lines)
    if mutation == "drop":
        keep = draw(st.sets(st.integers(0, max(len(lines) - 1, 0))))
        return b"\n".join(line for index, line in enumerate(lines) if index in keep)
    if mutation == "crlf":
        return data.replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\f", b"\n\n\n"])))
    extra = draw(st.lists(PIECES, max_size=8))
    position = draw(st.integers(0, len(lines)))
    inserted = [piece.encode("utf-8") for piece in extra]
    return b"\n".join(lines[:position] + inserted + lines[position:])


@FUZZ
@given(mutated_pages())
def test_mutated_test_pages(data):
    parses_or_refuses(data)
