"""Names in credits: surnames, organisations, and runs of characters read as people's names.

Pure Python, shared by the byline parser and the headline reader (a name alone above a
statement is its 引题).
"""

from .text import is_han

# Names of organisations end in one of these (工会, 公司, 局, 中心 …).
ORGANISATION_SUFFIXES = (
    "总工会",
    "工会",
    "工委",
    "委员会",
    "公司",
    "集团",
    "协会",
    "联盟",
    "学会",
    "联合会",
    "研究院",
    "研究所",
    "中心",
    "文化宫",
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
    # A union's departments sign their reports (宣教部 甲): 宣教部, 组织部, 权益部 ….
    "宣教部",
    "组织部",
    "权益部",
    "保障部",
    "法律部",
    "工作部",
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
# Names run together after a role word are split by their surnames up to this length; a longer
# run that reads more than one way is not guessed.
SHORT_RUN_MAX = 6
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


def is_surname_start(name):
    return name[:2] in COMPOUND_SURNAMES or name[:1] in SURNAMES


def is_organisation(token):
    if "·" in token:
        # 共享联盟·东阳: a media alliance's local branch, not a transliterated name
        # (阿依古丽·买买提).
        return any(
            len(part) >= 4 and part.endswith(ORGANISATION_SUFFIXES) for part in token.split("·")
        )
    if len(token) >= 4 and token.endswith(ORGANISATION_SUFFIXES):
        return True
    return len(token) == 3 and token.endswith(tuple(s for s in ORGANISATION_SUFFIXES if len(s) > 1))


def is_name_text(token):
    """Chinese characters only, with an optional middle dot (阿依古丽·买买提)."""
    return bool(token) and all(is_han(c) or c == "·" for c in token) and not token.startswith("·")


def split_names(run, *, after_role, warnings):
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
    by_surname = _surname_splits(run)
    if len(by_surname) == 1:
        how = "两字人名" if all(len(name) == 2 for name in by_surname[0]) else "姓氏"
        warnings.append(f"“{run}”按{how}拆分为{'、'.join(by_surname[0])}，请核对")
        return by_surname[0]
    if len(by_surname) > 1 and length <= SHORT_RUN_MAX:
        # 胡义华王莹 reads as 胡义华 王莹 or 胡义 华王莹: most names have three characters, so
        # the reading with the most three-character names, the first ones longest, is taken.
        names, *others = sorted(by_surname, key=_three_character_names_first)
        other = "；".join("、".join(split) for split in others)
        warnings.append(f"“{run}”按姓氏拆分为{'、'.join(names)}（也可拆为{other}），请核对")
        return names
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


def _three_character_names_first(split):
    return (-sum(len(name) == 3 for name in split), [-len(name) for name in split])


def reads_as_names_by_surname(run):
    """Whether a run reads one way only as names, each starting with a known surname
    (郭绍英黄旭), or is one name with a middle dot (阿依古丽·买买提)."""
    return "·" in run or len(_surname_splits(run)) == 1


def _surname_splits(run, found=()):
    """Every way to read a run as names of two or three characters, each after a surname."""
    if not run:
        return [list(found)]
    splits = []
    for size in (2, 3):
        if len(run) >= size and is_surname_start(run[:size]):
            splits += _surname_splits(run[size:], (*found, run[:size]))
    return splits
