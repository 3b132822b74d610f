"""Traditional characters in credits and datelines, read as their simplified forms.

Pages copied from a site's traditional-character edition (BIG5) print 本報訊（記者 甲 通訊員 乙）
and 張強 攝. The parser recognises role words, dateline words and surnames in their simplified
forms; `recognisable` maps the characters of those words, one character for one, so that every
offset in the mapped text is an offset in the printed text. Only recognition reads the mapped
text: the article's text, the dateline and the names keep the characters printed.

Places (溫州, 紹興, 蕭山) have a table of their own, read by the gazetteer only (蕭 is 萧 in
蕭山 and 肖 as a surname).

A small fixed table, not a converter (OpenCC, zhconv): only these words are recognised, and a
character-for-character table keeps offsets and needs no dependency. A character mapped here in
a person's name (李華 keeps 華: it is not in the table) is given back as printed.
"""

import re

# Role words (記者, 通訊員, 實習生, 攝影, 供圖, 報道/報導, 文字整理 …) and dateline words (本報訊,
# 新華社電, 新聞網, 電視臺, 客戶端, 據 …), and what a dateline's place must not hold (從, 獲悉);
# the site's labels and furniture around them (來源, 責編, 圖為, 數字報紙, 本版導讀, 當前位置,
# 發佈時間, 熱點關注 …) too, and a site's footer (關於我們, 舉報電話).
ROLE_AND_DATELINE = dict(
    zip(
        "記訊員攝報導電圖實習見約體讀聞網組視臺戶據傳發從獲現採訪編輯責審頻錄號來為總簡數紙權經掃碼聲"
        "縮覽頁標題載當佈時間熱點評論閱內話舉於們",
        "记讯员摄报导电图实习见约体读闻网组视台户据传发从获现采访编辑责审频录号来为总简数纸权经扫码声"
        "缩览页标题载当布时间热点评论阅内话举于们",
        strict=True,
    )
)
# Surnames that differ in traditional print (張, 陳, 劉 …), and the characters of compound ones
# (歐陽, 諸葛, 東方 …), so that a credit's names are recognised by their surname.
SURNAMES = dict(
    zip(
        "張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭蔣葉蘇呂盧鍾鐘譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯溫齊喬龐顏莊聶"
        "魯嶽歐關蘭寧紀畢駱藍鮑華饒陽農繆蘆麥婁竇閔鄔欒榮叢鞏遲鄺荊儲諶藺樓厲壽酈鈕諸東長門宮獨離連軒轅",
        "张刘陈杨黄赵吴孙马罗郑谢许韩冯邓肖蒋叶苏吕卢钟钟谭陆贾韦邹闫龙贺顾龚万钱严汤温齐乔庞颜庄聂"
        "鲁岳欧关兰宁纪毕骆蓝鲍华饶阳农缪芦麦娄窦闵邬栾荣丛巩迟邝荆储谌蔺楼厉寿郦钮诸东长门宫独离连轩辕",
        strict=True,
    )
)
# The words of a contributor's unit (溫州市總工會, 紡織廠, 團委, 協會), so that a unit printed
# before a name (通訊員 溫州市總工會 張強) is read as the unit, not as names.
UNITS = dict(zip("會區縣廠職團聯協黨", "会区县厂职团联协党", strict=True))
TABLE = str.maketrans({**ROLE_AND_DATELINE, **SURNAMES, **UNITS})
# The characters of Zhejiang's divisions that differ (溫州, 紹興, 麗水, 蕭山, 義烏 …) and of the
# words the gazetteer reads around them (總工會, 職工, 勞模, 開發區, 集團, 紡織廠 …).
PLACES = str.maketrans(
    dict(
        zip(
            "濱蕭餘臨錢陽廬寧侖鎮溫龍灣甌頭蒼順樂興鹽鄉吳潯長紹橋諸華東義烏蘭開遊嶺巖環麗蓮縉雲慶區縣"
            "會職勞門臺黃總經濟發園業產術團責廠紡織營廳賓館飯場車間務黨婦聯學醫檢個",
            "滨萧余临钱阳庐宁仑镇温龙湾瓯头苍顺乐兴盐乡吴浔长绍桥诸华东义乌兰开游岭岩环丽莲缙云庆区县"
            "会职劳门台黄总经济发园业产术团责厂纺织营厅宾馆饭场车间务党妇联学医检个",
            strict=True,
        )
    )
)


def recognisable(text):
    """The text with the table's traditional characters simplified; the same length.

    报导 (報導, also printed in simplified text) reads as 报道, the word credits end in."""
    return text.translate(TABLE).replace("报导", "报道")


def recognisable_places(text):
    """The text with the traditional characters of place names and the words around them
    simplified (溫州市總工會 → 温州市总工会); the same length. Only the gazetteer reads it."""
    return text.translate(PLACES)


def as_printed(found, mapped, printed):
    """The printed form of `found`, a piece of `mapped` (the recognisable form of `printed`)."""
    if mapped == printed:
        return found
    start = mapped.find(found)
    if start != -1:
        return printed[start : start + len(found)]
    # A name printed with a space inside (張 強) is found without it: its characters in order.
    spaced = re.search(r"\s*".join(map(re.escape, found)), mapped)
    if spaced is None:
        return found
    return "".join(printed[spaced.start() : spaced.end()].split())
