"""Finding the Zhejiang divisions an article names, by full or short name.

Rules (the reference's parser notes, made concrete):

- A division counts when named in full (吴兴区, 诸暨市, 景宁畲族自治县) or by its short name
  (吴兴, 诸暨), except short names that are everyday words or famous elsewhere (江山, 天台,
  滨江, 钱塘 …, see WORD_LIKE): those count only with their suffix, as 江山总工会, or before
  the union's words (平湖劳模, 南湖工匠, 海盐职工).
- Names that also exist outside Zhejiang (西湖区, 江北区, 普陀区, and 象山, 龙港, 平阳 without their
  suffix) count only with Zhejiang context: their city named (杭州市西湖区, or 杭州 elsewhere in
  the article), or another Zhejiang place in it. Right after another city (南昌市西湖区) they
  never count.
- A word-like short name counts too right before a village's or town's own name (临海岭根村).
- A development zone, park or scenic area (武义经开区, 丽水开发区) is not a division, but it is
  named after one and lies in it, so it counts as that division (武义经开区 → 武义县).
- A city printed before its county (湖州市吴兴区, 湖州吴兴) only qualifies the county. A city
  whose county is also found is left out, unless the dateline names it as the story place; the
  province is listed only when the headline or dateline names nothing smaller.
- The province's name starting an outlet's or a street's name (浙江日报, 浙江卫视, 浙江路), or
  its short name as a person's given name (王浙江, as 王金华), is not the story's place.
- A place that starts a company's or business unit's name (杭州福斯特应用材料股份有限公司,
  吴兴特专揽投部, 诸暨朗高服饰公司) names the unit, not the story's place: it does not count
  there. A public body named after the division (吴兴区总工会, 诸暨市人民医院) does count, and so
  does the place named anywhere else (the dateline, 在诸暨, 诸暨市总工会).
- Order: the dateline's place first, then the headline group's places, then the body's, each in
  order of first mention.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .traditional import recognisable_places

PROVINCE = "province"
CITY = "city"

WORD_LIKE = frozenset(
    "上城 西湖 滨江 钱塘 江北 南湖 海盐 平湖 龙湾 文成 江山 常山 开化 龙游 普陀 天台 仙居 三门 "
    "路桥 临海 玉环 龙泉 云和 浦江".split()
)
# Full names shared with other provinces, and short names shared with other provinces' districts.
SHARED_FULL_NAMES = frozenset({"西湖区", "江北区", "普陀区"})
# 平阳 is also 临汾's old name (平阳工匠), and the others' districts elsewhere.
SHARED_SHORT_NAMES = frozenset({"象山", "龙港", "平阳"})
# Short names that are also common given names (王金华, 张东阳): not counted right after a surname.
GIVEN_NAME_LIKE = frozenset(
    "金华 建德 永康 东阳 平阳 新昌 宁海 海宁 安吉 长兴 永嘉 瑞安 庆元 嘉兴 德清 松阳 富阳 青田 "
    "武义 兰溪 乐清 泰顺 温岭 临安 金东 临平 浙江 象山 舟山 丽水 秀洲 定海 镇海 鹿城 缙云".split()
)
# 浙江日报, 浙江卫视, 浙江路: the province's name starting an outlet's or a street's name names
# the outlet or the street (a street of that name is in most cities), never the story's place.
PROVINCE_IN_NAME = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,4}?(?:日报|晚报|早报|报社|卫视|电视台|广播|电台|新闻网|在线|频道)"
    r"|(?:[东西南北中]?路|大街|街|大道|中路))"
)
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁宋唐许韩冯邓曹彭曾肖董袁潘蔡蒋杜程苏魏吕丁沈姚"
    "卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛段雷侯陶黎贺顾毛郝龚邵钱严戴莫孔汤俞楼应方叶任"
)
# Words that contain a division's name but mean something else (bays named after a city or
# county: 乐清湾, 三门湾, 象山港), and other provinces' cities.
NOT_PLACES = frozenset(
    "上海 杭州湾 乐清湾 三门湾 台州湾 象山港 "
    "钱塘江 黄岩岛 长兴岛 定海神针 三门峡 文成公主 杨玉环 龙泉驿 龙泉寺 平湖秋月 "
    "东阳光 平安吉祥 辽宁 南宁 济宁 西宁 集宁 普宁 永宁 海宁路 宁波路 道德清 品德清 美德清 公德清 "
    "师德清 创建德 构建德 快乐清 欢乐清 祥瑞安 "
    "北京 天津 重庆 南昌 桂林 葫芦岛 福州 厦门 南京 苏州 无锡 广州 深圳 武汉 成都 合肥".split()
)
OTHER_PROVINCE_CITIES = frozenset(
    "上海 北京 天津 重庆 南昌 桂林 葫芦岛 福州 厦门 南京 苏州 无锡 广州 深圳 武汉 成都 合肥".split()
)
UNION_SUFFIXES = ("总工会", "工会", "市总", "县总", "区总")
# 平湖劳模工匠学院, 南湖劳模工匠技术服务: a word-like short name before the union's own words
# names the place's model workers, craftsmen or staff, as 江山总工会 names its union.
UNION_WORDS = ("劳模", "工匠", "职工")
ZONE_WORDS = (
    "经济技术开发区",
    "经济开发区",
    "高新技术产业开发区",
    "经开区",
    "开发区",
    "高新区",
    "新区",
    "产业园区",
    "工业园区",
    "产业园",
    "工业园",
    "园区",
    "风景区",
    "景区",
    "度假区",
    "保税区",
    "试验区",
)
DIVISION_SUFFIXES = ("畲族自治县", "自治县", "省", "市", "区", "县")
# 临海岭根村, 玉环坎门镇: a village's or town's own name of two characters after a word-like short
# name places the story in the division, as its suffix would (not 西湖边的村, 美丽乡村, 新村).
PLACE_IN_IT = re.compile(
    r"^(?!新村)(?:(?![的之边畔旁里内外上下中和与及等在是])[\u4e00-\u9fff]){2}(?:村(?!民)|镇|乡(?!村)|街道)"
)
COMPANY_NAME = re.compile(
    r"^(?![一该各多这那某])[^\s，。、；：“”的和与及等在]{1,14}?(?:股份有限公司|有限责任公司|有限公司|集团)"
)
# 吴兴特专揽投部, 诸暨朗高服饰公司, 长兴永达纺织厂: a business unit named after the place (the
# place, then the unit's own name of two or more characters, then what kind of unit it is);
# 长兴县某纺织厂 and 衢州一家机械厂 are units in the place, not named after it.
UNIT_NAME = re.compile(
    r"^(?![一该各多这那某几两数])(?P<name>[^\s，。、；：“”‘’（）()《》的和与及等在为是对向到从把被了将和]{2,12}?)"
    r"(?:揽投部|营业部|营业厅|营业所|分公司|公司|分行|支行|工厂|厂|车间|门店|专卖店|店|超市|商场|酒店"
    r"|宾馆|饭店|合作社|事务所|项目部|经营部|银行|信用社|部)"
)
# 常山县农商银行: a bank named after the division, its full name and all (a business, not one of
# the division's public bodies).
DIVISION_BANK = re.compile(
    r"^(?:畲族自治县|自治县|市|区|县)(?:农商银行|农村商业银行|农商行|信用联社|农村信用社)"
)
# What the public bodies of a division are called (吴兴区总工会, 诸暨市人民政府, 县委宣传部): a
# place before them is the division they serve, and counts.
PUBLIC_BODY_WORDS = re.compile(
    r"工会|总工|市总|县总|区总|政府|人民|委|局|党|团|妇联|法院|检察|街道|镇|乡|村|社区|学校|中学|小学"
    r"|医院|大学|学院|劳模|工匠|职工|全|各|东|西|南|北|中|内|外|干"
)


@dataclass(frozen=True)
class Place:
    """One division of the regions tree, as the parser needs it."""

    code: str
    name: str
    short_name: str
    kind: str
    parent_code: str | None = None

    def to_dict(self):
        return {"code": self.code, "name": self.name}


def load_places_from_fixture(path):
    """The places in a natural-key regions fixture (fixtures/regions.json)."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    places = []
    for row in rows:
        if row.get("model") != "regions.region":
            continue
        fields = row["fields"]
        parent = fields.get("parent")
        places.append(
            Place(
                code=fields["code"],
                name=fields["name"],
                short_name=fields.get("short_name") or fields["name"],
                kind=fields["kind"],
                parent_code=parent[0] if parent else None,
            )
        )
    return places


@dataclass
class Mention:
    place: Place
    start: int
    end: int
    surface: str
    short: bool
    text_index: int
    prefix: bool = False


class Gazetteer:
    def __init__(self, places):
        self.places = {p.code: p for p in places}
        self.surfaces = {}
        for place in places:
            for surface, short in self._surfaces(place):
                self.surfaces.setdefault(surface, (place, short))
        for word in NOT_PLACES:
            self.surfaces.setdefault(word, (None, False))
        self.lengths = {}
        for surface in self.surfaces:
            self.lengths.setdefault(surface[0], set()).add(len(surface))
        self.lengths = {c: sorted(lengths, reverse=True) for c, lengths in self.lengths.items()}

    @staticmethod
    def _surfaces(place):
        yield place.name, False
        short = place.short_name
        if short and short != place.name and len(short) >= 2:
            yield short, True
            if place.kind == "autonomous_county":
                yield short + "县", False

    def __bool__(self):
        return bool(self.places)

    def scan(self, text, text_index, *, trust_short_names=False):
        """Every mention of a place in one text, longest match first, left to right."""
        mentions = []
        i = 0
        while i < len(text):
            found = None
            for length in self.lengths.get(text[i], ()):
                entry = self.surfaces.get(text[i : i + length])
                if entry is not None:
                    found = (length, entry)
                    break
            if found is None:
                i += 1
                continue
            length, (place, short) = found
            if (
                place is not None
                and (trust_short_names or self._short_name_counts(text, i, i + length, short))
                and not self._starts_unit_name(text[i + length :])
                and not (place.kind == PROVINCE and PROVINCE_IN_NAME.match(text[i + length :]))
            ):
                mentions.append(
                    Mention(place, i, i + length, text[i : i + length], short, text_index)
                )
            i += length
        return mentions

    @staticmethod
    def _starts_unit_name(after):
        """Whether the place only starts a company's or business unit's name: 杭州福斯特应用材料
        股份有限公司, 吴兴特专揽投部. A public body (吴兴区总工会, 诸暨市人民医院) is the
        division's own, and a division suffix or zone word after the place is no unit name."""
        if DIVISION_BANK.match(after):
            return True
        if after.startswith(("企业", "的")):
            return False  # 南湖区企业某某有限公司: a company in the division, said so
        if after.startswith(DIVISION_SUFFIXES + ZONE_WORDS + UNION_SUFFIXES + UNION_WORDS):
            return False  # 诸暨市总工会来到某某有限公司: the union's, before the company
        if COMPANY_NAME.match(after):
            return True
        unit = UNIT_NAME.match(after)
        return bool(unit) and not PUBLIC_BODY_WORDS.search(unit.group("name"))

    @staticmethod
    def _short_name_counts(text, start, end, short):
        if not short:
            return True
        surface = text[start:end]
        after = text[end:]
        if surface in WORD_LIKE:
            return after.startswith(UNION_SUFFIXES + UNION_WORDS) or bool(PLACE_IN_IT.match(after))
        if surface in GIVEN_NAME_LIKE and start > 0 and text[start - 1] in COMMON_SURNAMES:
            return after.startswith(DIVISION_SUFFIXES + UNION_SUFFIXES + ZONE_WORDS)
        return True

    def find(self, *, dateline_place=None, headline_texts=(), body_texts=()):
        """The places an article names, story place first."""
        texts = []
        if dateline_place:
            texts.append(("dateline", dateline_place))
        texts += [("headline", t) for t in headline_texts if t]
        texts += [("body", t) for t in body_texts if t]
        # Traditional characters (溫州市總工會) are read as their simplified forms.
        texts = [(where, recognisable_places(text)) for where, text in texts]
        mentions = []
        for index, (where, text) in enumerate(texts):
            found = self.scan(text, index, trust_short_names=where == "dateline")
            self._mark_prefixes(found)
            mentions += [(where, text, m) for m in found]
        mentions = self._with_context(mentions)
        return self._order(mentions)

    def _mark_prefixes(self, mentions):
        for first, second in zip(mentions, mentions[1:], strict=False):
            if first.end == second.start and second.place.parent_code == first.place.code:
                first.prefix = True

    def _with_context(self, mentions):
        """Drop names shared with other provinces unless the article is about Zhejiang."""
        needs = [m for _, _, m in mentions if self._needs_context(m)]
        if not needs:
            return mentions
        sure_places = {m.place.code for _, _, m in mentions if not self._needs_context(m)}
        kept = []
        for where, text, mention in mentions:
            if mention in needs:
                if self._elsewhere(text, mention):
                    continue
                if not sure_places:
                    continue
            kept.append((where, text, mention))
        return kept

    @staticmethod
    def _needs_context(mention):
        if mention.short:
            return mention.surface in SHARED_SHORT_NAMES
        return mention.surface in SHARED_FULL_NAMES

    @staticmethod
    def _elsewhere(text, mention):
        """南昌市西湖区, 重庆江北区: right after another province's city."""
        before = text[: mention.start].removesuffix("市")
        return any(before.endswith(city) for city in OTHER_PROVINCE_CITIES)

    def _order(self, mentions):
        found = [m for _, _, m in mentions if not m.prefix]
        # A prefix city (湖州市吴兴区) still vouches for its county; it is not listed itself.
        codes = {m.place.code for m in found}
        dateline_codes = {m.place.code for where, _, m in mentions if where == "dateline"}
        has_county = {
            self.places[c].parent_code for c in codes if self.places[c].kind not in (PROVINCE, CITY)
        }
        result = []
        for mention in found:
            place = mention.place
            if place in result:
                continue
            if place.kind == CITY and place.code in has_county:
                if place.code not in dateline_codes:
                    continue
            if place.kind == PROVINCE:
                continue
            result.append(place)
        # The province is the story's place when the headline group or dateline names it and
        # nothing smaller (浙江最具影响力劳模评选): listed first, before the body's places.
        early = [m.place for where, _, m in mentions if where in ("dateline", "headline")]
        if early and all(p.kind == PROVINCE for p in early):
            result.insert(0, early[0])
        return result
