"""Datelines (电头 / 讯头): 本报讯, 本报杭州10月8日讯, <报名>讯, 新华社杭州10月8日电, 据新华社电,
<网站>10月8日消息, and a trade paper's <省><地>讯 (辽宁营口讯); the place in one is the story's
place."""

import re
from dataclasses import dataclass

from articles.roles import ROLE_PATTERN, ROLE_SPLIT

from .traditional import recognisable

# The date may be a day alone (本报合肥18日电) or in Chinese numerals (新华社重庆十四日电), and
# older pages print the whole dateline in 【】.
# A site may print its other name in brackets (荆楚网（湖北日报网）讯) or its channel after a dot
# (齐鲁网·闪电新闻), a news app's name may end in 新闻 (极目新闻讯), and a magazine's in 报道
# (中国报道讯), and a site may name its channel after a hyphen (浙江在线-宁波频道4月3日讯).
# A site may put the date before the place (某某网9月11日福州讯) and print the year
# (某某网福建连城2021年6月16日电).
DATELINE = re.compile(
    r"^【?(?P<dateline>据?(?:本报|本刊|(?P<organ>[\u4e00-\u9fff]{2,12}?报道"
    r"|[\u4e00-\u9fff·]{1,12}?(?:日报|晚报|早报|报|新闻网|网|新闻|在线|通讯社|社|电视台|台|客户端"
    r"|融媒体中心|晨刊|刊)(?:（[^（）]{2,12}）)?"
    r"|[\u4e00-\u9fff]{2,8}?(?:网|在线|新闻|客户端)[-－][\u4e00-\u9fff]{2,6}频道))"
    r"(?P<place>[\u4e00-\u9fff]{2,8}?)?"
    r"(?P<date>(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日|[一二三四五六七八九十]{1,3}日)?"
    r"(?:(?<=日)(?P<late_place>[\u4e00-\u9fff]{2,4}?))?(?P<kind>讯|电|消息))(?P<close>】)?"
)
NOT_A_PLACE = re.compile(ROLE_PATTERN + "|报道|从|获悉|了解|发现|采访")
# 红网时刻新闻5月12日讯: the rest of the organ's name, not a place.
MEDIA_WORDS = re.compile("新闻|网|报|台|频道|客户端|融媒|传媒")
PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 "
    "湖北 湖南 广东 广西 海南 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 内蒙古"
).split()
# 辽宁营口讯, 浙江杭州5月8日讯: a trade paper's dateline names the province and the place.
PLACE_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>(?:{'|'.join(PROVINCES)})[\u4e00-\u9fff]{{0,4}}?)"
    r"(?P<date>\d{1,2}月\d{1,2}日)?讯)(?=[\s（(])"
)


@dataclass
class Dateline:
    text: str
    place: str | None
    rest: str


def split_dateline(paragraph):
    """本报讯, 本报杭州10月8日讯, <报名>讯, 新华社杭州10月8日电, 据新华社电, <网站>10月8日消息.

    Read in traditional characters too (本報訊, 新華社電): the dateline and the text after it
    are returned as printed.
    """
    mapped = recognisable(paragraph)
    match = DATELINE.match(mapped)
    if not match:
        place = PLACE_DATELINE.match(mapped)
        if place:
            rest = paragraph[place.end() :].lstrip(" ：:")
            return Dateline(
                _printed(paragraph, place, "dateline"), _printed(paragraph, place, "place"), rest
            )
        return None
    # 中国台湾网9月11日福州讯: the place after the date, the organ's name read short (…台 / 湾网).
    early = match.group("place")
    place_group = "place" if early and not MEDIA_WORDS.search(early) else "late_place"
    if match.group(place_group) is None:
        place_group = "place"
    place = match.group(place_group)
    if place and NOT_A_PLACE.search(place):
        return None
    if match.group("kind") == "消息" and not (match.group("date") or match.group("organ")):
        return None
    rest = mapped[match.end() :]
    # 本报讯近日… is a dateline; 本报记者发现电… is not: after a place or a date comes a gap, a
    # bracket or a role word.
    if (place or match.group("date")) and rest and not match.group("close"):
        if rest[0] not in " （(：:" and not ROLE_SPLIT.match(rest):
            return None
    rest = paragraph[match.end() :]
    printed_place = _printed(paragraph, match, place_group)
    if place and MEDIA_WORDS.search(place):
        printed_place = None
    # 据某某日报消息，1月20日…: a comma may follow the dateline.
    return Dateline(_printed(paragraph, match, "dateline"), printed_place, rest.lstrip(" ：:，,"))


def _printed(paragraph, match, group):
    """A group of a match on the recognisable text, as printed."""
    if match.group(group) is None:
        return None
    return paragraph[match.start(group) : match.end(group)]
