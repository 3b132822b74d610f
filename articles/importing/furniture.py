"""Page furniture: what an e-paper site or a layout tool prints around the articles.

Every form here was seen on real pages (stored copies of e-paper article pages of workers'
dailies and provincial dailies, and page PDFs' text):

- mastheads (`浙江工人日报 数字报纸`, `陕西工人报电子版`, `安徽工人日报社`), site headers
  (`…官方网站 | …首页 今天是`, `不良信息举报电话…`), `国内统一刊号…` lines;
- page headers in every spelling: `00003版:综合`, `第02版 工会`, `第A2版:要闻`, `第A0005版:…`,
  `A04:民生/影像`, `第8686期:第01版 首版`, `第13740期:第03版 本期出版日期:2023-11-24`,
  `当前版:04版`, `第A13版:播 报 上一版3  4下一版` (a name spaced out, arrows lost as digits),
  `第AA02版:政事 要闻 | 上一版3 4下一版 |` (a table's borders), a name line over a number line
  under `出版日期:`, `版次:04  2023年12月25日`, an archive's `第3版()`, a special page's long
  name (`00008版:浙江日报创刊70周年特别报道·征文摘登`), and the edition line
  `《工人日报》（2022年08月25日 02版）`;
- running heads (`工人日报 2022年08月11日 星期一`), toolbars and navigation (上一版, 返回目录,
  收藏 打印 推荐, 放大 缩小 默认, 字体大小：大 中 小, 3上一篇 下一篇4, PDF 版, 阴影, 通版,
  语音播报, 分享到 …);
- title lists (`· 标题`, `• 标题` with `摘要:…`), which are also evidence of the headlines;
- labelled lines (`出版日期:`, `发布日期:`, `本文字数:`, `期次:`, `稿源:`, `编辑:`, `【编辑:…】`,
  `二审:`, `社址:` …), empty fields (`专栏:`), `某某网  发布时间:2016-05-05 07:33`, a line of a
  site's labelled fields (`新闻 时间:2025年07月25日 来源:某某日报`), a date alone,
  an image's file name, copyright, licence and browser notices, promotions (`关注某某网微信`),
  `新闻评论0`, `友情链接`, and lines of table borders alone (`|`, `||||`);
- a site's standing notice over every article (`某某日报社严正声明` and its paragraphs down to
  the one about legal liability);
- the footer that repeats the paper, the page's name and number, the 主题, the date and an id,
  on one line or with the title over several (see `footer_at`).

`furniture_kind` says whether a line is furniture and whether it belongs above the articles
("top": mastheads, headers, toolbars, title lists), which the page parser uses to drop a site's
menu lines sitting among them.
"""

import re

from articles.roles import PRINTED_BEFORE_NAMES

from .datelines import split_dateline
from .text import URL, han_count
from .traditional import recognisable

NAVIGATION_WORDS = frozenset(
    """上一版 下一版 上一篇 下一篇 上一期 下一期 上篇 下篇 返回目录 返回首页 返回主页 返回 首页 目录
    版面导航 标题导航 版面概览 本版标题 本版导读 往期 往期回顾 往期查阅 放大 缩小 默认 打印 关闭
    收藏
    推荐 朗读 评论 更多功能 分享 分享到 分享到微信 PDF PDF下载 下载PDF 查看PDF PDF版 电子版 数字报
    报纸导读 前一天 后一天 字号 字体 字体大小 文字大小 大 中 小
    阴影 展开通版 收缩通版 通版阅读请点击 内容搜索 语音播报
    我知道了 现在升级 稍后再说 TOP ↑ × 扫码关注 等待处理 等待处理… 客户端 版 新闻评论 友情链接
    相关阅读 相关推荐 网站地图 星期 新闻列表 查看原文 阅读原文 分享至 微信 微博 QQ空间 QQ好友 朋友圈
    只看该作者 沙发 板凳 地板 回复 引用 举报 用手机看 点赞 阅读 返回顶部 打印本稿 打印本页 关闭本页
    关闭窗口""".split()
)
# Page names papers print in their 版 headers (第1版 要闻): printed again under a headline, a
# running head the layout left there (see page_lines), never a 副题.
PAGE_NAMES = frozenset(
    """要闻 综合 综合新闻 区域新闻 地方新闻 本地新闻 国内新闻 国际新闻 社会新闻 经济新闻 时政新闻
    头版 一版要闻 要闻综合""".split()
)
# 返回经济网首页: a link back to the site's front page.
RETURN_LINK = re.compile(r"^返回\S{0,8}(?:首页|主页)$")
# Navigation that sites print anywhere, below an article as well as above it.
ANYWHERE_WORDS = frozenset(
    """分享 分享到 分享到微信 TOP ↑ × 等待处理 等待处理… 语音播报 放大 缩小 默认 打印 关闭 字号
    字体 字体大小 文字大小 大 中 小
    我知道了 现在升级 稍后再说 客户端 新闻评论 友情链接 相关阅读 相关推荐 网站地图
    查看原文 阅读原文 分享至 微信 微博 QQ空间 QQ好友 朋友圈 只看该作者 回复 引用 举报
    用手机看 点赞 返回顶部 打印本稿 打印本页 关闭本页 关闭窗口""".split()
)
NAVIGATION_SEPARATORS = re.compile(r"[\s|｜/·•>»<«\[\]【】()（）:：\-↑]+")
# Digits stuck to a navigation word are arrows lost in copying: 3上一篇 下一篇4.
NAVIGATION_DIGITS = re.compile(r"^\d*(?P<word>\D+?)\d*$")
DATE_IN_LINE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[（(]?(?:星期|周)[一二三四五六日天][）)]?)?"
)
ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")
DATE_LINE = re.compile(
    r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:[（(]?\s*(?:星期|周)[一二三四五六日天]\s*[）)]?)?$"
    r"|^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
PAGE_LABEL = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,3}\s*版[-—–\s]*$|^[-—–\s]*\d{1,3}[-—–\s]*$")
MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:报|刊|网|客户端)?$")
DIGITAL_EDITION = re.compile(
    r"^[\u4e00-\u9fff]{2,12}(?:报|刊)(?:社)?\s*(?:数字报纸|数字报|电子版|电子报)?$"
)
SITE_HEADER = re.compile(
    r"官方网站|今天是$|举报电话|自律管理|统一刊号|^报刊[：:]|出版$|主办(?:$|\s)|加盟单位$|^出版日期[：:]"
    r"|报纸名称[：:]"
)
# 人物 正文, 新闻 本地 正文: where the page sits on the site, the last word 正文 (the article).
COLUMN_PATH = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}\s+){1,4}正文$")
# 某某发布 2021-02-22, 新闻资讯 | 2008-10-29 00:00:00: a site's or an account's name (or the
# site's channel) and the day it published the article.
ACCOUNT_DATE = re.compile(
    r"^[\u4e00-\u9fffA-Za-z0-9·]{2,16}(?:\s+|\s*[|｜]\s*)\d{4}-\d{1,2}-\d{1,2}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
# 某某日报原创, 原创: an app's mark that the article is the outlet's own, under the title.
ORIGINAL_MARK = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,10}(?:报|网|新闻|客户端|融媒|传媒|发布)[A-Za-z]{0,12})?\s*原创$"
)
# 2025-09-28,12050| 2025-09-27,12046| …: an e-paper's archive, each day's date and issue id.
ARCHIVE_DAYS = re.compile(r"^(?:\d{4}-\d{1,2}-\d{1,2}\s*[,，]\s*\d+\s*[|｜]\s*){3,}")
# (资料图片仅供参考), (图片来源于网络): a site's note on a stock picture it added, no caption.
STOCK_PICTURE = re.compile(
    r"^[（(【\[]?\s*(?:资料图片?|配图|图片|图)[^（）()]{0,8}?(?:仅供参考|来源于?网络|来自网络|与本文无关)"
    r"\s*[）)】\]]?$"
)
# 12月23日新闻视频: a site's label over an embedded video; 已有0人发表了评论: a comment count.
VIDEO_LABEL = re.compile(r"^(?:\d{1,2}月\d{1,2}日)?\s*(?:新闻|相关|精彩|推荐|热门|现场)?视频$")
COMMENT_COUNT = re.compile(r"^(?:已有|共有|共)?\d+\s*(?:人|条)(?:发表了?|参与了?)?评论$")
# MSN导航, 网站导航: a site's navigation heading; 内容详情, 正文详情: an e-paper's label over the
# article it shows.
# (维权导航, 政策导航 are a paper's columns: only a site's own or a brand's navigation counts.)
NAVIGATION_LABEL = re.compile(
    r"^(?:[A-Za-z]{2,10}|网站|站内|频道|本站|全站)导航$|^(?:内容|正文|文章|新闻)详情$"
)
# MSN新闻网首页 MSN手机网 MSN客户端: a line of links to a site's own front page, mobile site and
# app, every word naming one.
SITE_LINKS = re.compile(
    r"^(?:\S{0,10}(?:首页|手机网|手机版|客户端|APP|App|网|微博|微信)\s+){2,}"
    r"\S{0,10}(?:首页|手机网|手机版|客户端|APP|App|网|微博|微信)$"
)
# 福州新闻网: a news site's name alone at the top of its page (its masthead).
SITE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:新闻网|新闻客户端)$")
# 本篇文章478字，读完约1分钟: a site's count of the article's words and reading time.
READING_TIME = re.compile(r"^本?篇?文章\s*\d+\s*字[，,]?\s*(?:阅读|读完)?(?:约|需)?\s*\d+\s*分钟$")
# 时间:2020-01-14: a site's field of when it put the article up (时间 with a date only).
TIME_FIELD = re.compile(r"^时间\s*[：:]\s*\d{4}\s*[-年./]\s*\d{1,2}.{0,20}$")
# 趣味运动会_副本, 图片1: an image's file name without its extension.
IMAGE_NAME = re.compile(r"^[\w\u4e00-\u9fff-]{1,30}_(?:副本|缩略图|压缩|\d{1,3})$|^图片\d{1,2}$")
# 2022-12-30 21:221.4万+阅读: the time put up, the read count run into it.
READ_COUNT = re.compile(
    r"^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}\S*?[\d.]+万?\+?\s*(?:阅读|浏览|次阅读)$"
)
# 其他: a generic column word alone, which names no column of the paper.
GENERIC_COLUMN = frozenset({"其他", "其它", "未分类", "默认分类", "正文", "新闻中心", "农历"})
# 随小布一起来看看 (受表彰的单位与个人吧): an account's line inviting readers to look below.
# An account speaks as a persona (随小布, 跟着小编): its own voice, never the article's.
FILLER = re.compile(
    r"^(?:随|跟着|跟|和)[\u4e00-\u9fff]{1,4}一起来?(?:看看|看一看|瞧瞧)[\u4e00-\u9fff]{0,12}[!！吧~～]?$"
)
# The filler's second line when it wraps (…一起来看看 / 受表彰的单位与个人吧).
FILLER_END = re.compile(r"^[^。，,；;：:]{2,20}(?:吧|哦|哟|呀)[!！~～]?$")
# 首页 > 新闻中心 > 本地 > 正文, 中国共产党新闻网>>中国工会新闻: where the page sits on the site.
BREADCRUMB = re.compile(
    r"^[^。，！？>»＞]{1,30}(?:\s*(?:>>|>|»|＞)\s*[^。，！？>»＞]{1,20}){1,6}$"
    # > 交流往来 > 县区台务 > 瓯海, or > alone: a trail broken over lines after 首页
    r"|^(?:\s*(?:>>|>|»|＞)\s*[^。，！？>»＞]{0,20}){1,6}$"
)
# A menu printed as one line: six or more short column names separated by spaces.
MENU_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}\s+){5,}[\u4e00-\u9fff]{2,6}$|^(?:[\u4e00-\u9fff]{2,4}\s+){4}[\u4e00-\u9fff]{2,4}$"
)


def _menu_line(line):
    """A menu on one line; 记者 甲 通讯员 乙 丙 is as short and spaced, but a role word opens
    it: a credit line, never a menu. So does a dateline (本报讯 记者 甲 通讯员 乙): the text's
    lead."""
    return (
        bool(MENU_LINE.match(line))
        and not line.split()[0].endswith(PRINTED_BEFORE_NAMES)
        and not split_dateline(line)
    )


# A forum's post header and the poster's profile beside it: 甲乙离线, 级别: 论坛版主, 精华: 2,
# 楼主 发表于: 2020-09-10, 沙发 发表于 …: never part of the article. The user's line counts only
# over the profile's fields (律师在线 alone is a column label).
FORUM_USER = re.compile(r"^[\w\u4e00-\u9fff·.-]{1,20}?\s*(?:离线|在线)$")
FORUM_FIELD = re.compile(
    r"^(?:级别|等级|UID|精华|发帖|帖子|主题数|回帖|财富|威望|贡献值|会员币|好评度|积分|金币|金钱|"
    r"在线时间|注册时间|最后登录|来自|性别)\s*[：:]",
    re.I,
)
FORUM_POST = re.compile(
    r"^(?:楼主|沙发|板凳|地板|\d{1,4}\s*[楼#])\s*(?:发表于|发布于|发帖于|于)?\s*[：:]?\s*"
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)?\s*(?:只看该作者)?$"
)
# 主题 : 标题: the topic line over a forum post, naming its title.
FORUM_TOPIC = re.compile(r"^主题\s*[：:]\s*(?P<title>\S.{3,60})$")
# http://www.sina.com.cn 2006年01月15日04:58 某某新闻网-某某日报, 2021年02月22日 10:31 某某日报: a
# portal's line of when it put the article up and where the article came from.
PORTAL_STAMP = re.compile(
    r"^(?:\S+\.(?:com|cn|net|org)\S*\s+)?(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})\s*"
    r"\d{1,2}:\d{2}(?::\d{2})?\s+[\u4e00-\u9fffA-Za-z0-9·\-—_]{2,24}$"
)
# 真实温暖丰富的网上某某!: a web site's slogan, naming the web (网上…, …网) and ending in !.
SITE_SLOGAN = re.compile(
    r"^[\u4e00-\u9fff、]{2,16}(?:网上|网络)[\u4e00-\u9fff]{1,6}[!！]$|^[\u4e00-\u9fff、]{2,16}网[!！]$"
)
WEEKDAY = re.compile(r"^(?:星期|周)[一二三四五六日天]$")
# A date opening a line of where the text came from: 2021年10月19日09:32 来源：《工人日报》.
DATED_SOURCE = re.compile(
    r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日).{0,12}(?:来源|作者|编辑)"
)
CONTACT = re.compile(r"(?:电话|传真|邮编|地址|投稿|E-?mail).{0,6}\d{5,}", re.I)
PAPER_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|工人报|工报|快报)(?:社)?$")
SOCIAL_ACCOUNT = re.compile(r"^\S{1,8}(?:微信|微博|抖音|客户端|头条号)$")
# 浙江在线台州频道微信分享: a site's button to share the page on its account (a channel's, a
# paper's, a site's), not 职工们纷纷在微信分享.
SHARE_BUTTON = re.compile(r"^\S{1,10}(?:频道|网|在线|报|客户端)(?:微信|微博)分享$")
COPYRIGHT = re.compile(
    r"版权所有|版权声明|copyright|©|ICP备|公网安备|许可证|未经.{0,6}(?:授权|许可)|不得转载|本网站|本站"
    r"|技术支持|浏览器|分辨率|有限公司\s*[（(]|未经.{0,6}同意.{0,6}(?:复制|转载|镜像)|营业执照$",
    re.I,
)
PROMOTION = re.compile(
    r"公众号|扫一扫|扫码|扫描二维码|二维码.{0,4}$|欢迎您?(?:阅览|访问|光临)|随时阅读"
    r"|[点戳]我领取|点击领取|立即领取|[点戳]我下载|点击下载|立即下载"
    r"|关注.{1,12}(?:微信|微博|抖音|客户端)$"
)
LABELLED = re.compile(
    r"^[（(【\[]?(?:出版日期|发布日期|发布时间|本文字数|文章字数|字数|期次|来源|稿源|作者|编辑|责任编辑|责编|值班编辑|二审|"
    r"三审|终审|审核|日期|"
    r"校对|美编|美术编辑|版式|版式设计|组版|社址|地址|广告部|投稿信箱|邮箱|电话|联系我们|联系电话|"
    r"制作单位|主办|承办|当前位置|您当前的位置|供稿|标签|关键词|阅读量|阅读数|浏览量|浏览次数|访问次数|"
    r"点击量|点击数|点击率|日期查询|查询日期|发布来源|文章来源|信息来源|发布者|发布人)\s*[：:]"
)
# 编辑/版式：甲, 责编、校对：乙: the page's staff, several jobs under one label.
STAFF_ROLES = r"(?:责任编辑|责编|编辑|美术编辑|美编|版式设计|版式|校对|组版|审核|设计|排版)"
JOINT_STAFF = re.compile(rf"^{STAFF_ROLES}(?:\s*[/／、]\s*{STAFF_ROLES})+\s*[：:]")
PAGE_STAFF = re.compile(
    r"^[■●□◆]?\s*(?:本版)?(?:责任编辑|责编|美术编辑|美编|校对|版式设计|版式|编辑|组版)\s*[：:\s]"
)
# A mirror of a WeChat account's article: its buttons and lists under the text (更多新闻, 关注,
# 您可能也对以下帖子感兴趣, 文章有问题？点此查看未经处理的缓存, 轻点两下取消赞); a site's Q&A
# widget (智能问答 关闭, 你还可以输入40); a reprint's note of the title it first had (原标题:…),
# which is not the headline the page prints.
MIRROR_FURNITURE = re.compile(
    r"^(?:更多新闻|关注|您可能也对以下帖子感兴趣|文章有问题[?？]\s*点此查看未经处理的缓存"
    r"|.{0,30}轻点两下取消(?:赞|在看).*|智能问答(?:\s*关闭)?|你还可以输入\s*\d+(?:\s*字)?"
    r"|原标题\s*[：:].+)$"
)
# A site's standing notice over every article: 某某日报社严正声明, 版权声明, 免责声明.
STATEMENT = re.compile(r"^[\u4e00-\u9fff]{0,12}(?:严正|版权|免责|郑重)(?:声明|申明)$")
STATEMENT_LINES = 8
NOTICE_TERMS = re.compile(r"不得转载|授权转载|版权所有|转载请注明|未经.{0,6}(?:授权|许可)")
# 凡注有"某某在线"或电头为"某某在线"的稿件，均为……版权所有，未经许可不得转载……: a site's notice
# under every article, however long, with no heading over it.
SITE_NOTICE = re.compile(r"^凡(?:本网|本站)?(?:注有|注明|标有|标明|署名)")
# 杭州网  发布时间:2016-05-05 07:33: a site's name and when it put the article up.
PUBLISHED_AT = re.compile(r"(?:发布时间|发布日期|更新时间)\s*[：:]\s*\d{4}-\d{1,2}-\d{1,2}")
# #(社会)(1)劳动节 劳动忙: a news agency's slug over each of a photo set's captions.
AGENCY_SLUG = re.compile(r"^#\s*[（(][\u4e00-\u9fff]{1,6}[）)]")
# 新闻 时间:2025年07月25日 来源:某某日报: a site's line of labelled fields (when, from where).
META_FIELDS = re.compile(
    r"(?:时间|日期)\s*[：:]\s*\d{4}.{0,40}?来源\s*[：:]|来源\s*[：:].{0,40}?(?:时间|日期)\s*[：:]\s*\d{4}"
)
# 专栏: with nothing after it: an archive's empty field above an article.
EMPTY_LABEL = re.compile(r"^(?:专栏|栏目|作者|来源|编辑|稿源)\s*[：:]$")
# 主办:某某报社 … ICP备案:京ICP备…号 京公网安备…号: a site's footer, however long.
SITE_REGISTRATION = re.compile(r"ICP备|公网安备|版权所有\s*©")
IMAGE_FILE = re.compile(r"^[\w.-]+\.(?:png|jpe?g|gif|webp|bmp)$", re.I)
HTML_REMNANT = re.compile(r"-->|<!--|/enpproperty|^</?\w+[^>]*>$")
TITLE_LIST_ITEM = re.compile(r"^[·•]\s*(?P<title>\S.*)$")
# 标题:某某: a reprint's field naming the article's title (under the text, with 来源: and 地址:).
TITLE_FIELD = re.compile(r"^标题\s*[：:]\s*(?P<title>\S.{3,60})$")
SUMMARY = re.compile(r"^摘要[：:]")
NAVIGATION_WITH_TITLE = re.compile(
    r"^(?:上一篇|下一篇|上一版|下一版|上篇|下篇)\s*[：:\s]\s*(?P<title>.*)$"
)
JUMP = re.compile(r"^[（(]\s*(?:下转|上接|转)\s*第?\s*[\d一二三四五六七八九十]{1,3}\s*版\s*[）)]$")
END_MARK = re.compile(r"\s*[（(]\s*完\s*[）)]$")
JUMP_AT_END = re.compile(r"[（(]\s*(?:下转|转)\s*第?\s*[\d一二三四五六七八九十]{1,3}\s*版\s*[）)]$")

# Page headers. The name may hold · or / (职业·教育, 民生/影像), and a special page's name runs
# long (浙江日报创刊70周年特别报道·征文摘登).
_NAME = r"(?P<name>[^\s，。：:\d][^\s，。：:]{0,23}(?: [^\s，。：:\d][^\s，。：:]{0,11})?)"
PAGE_HEADERS = (
    # 00003版:综合, 第02版 工会, 第A2版:要闻, 第A0005版:…, 第8686期:第01版 首版 (a date may follow);
    # some e-papers print the section letter in lower case (a0001版:头版)
    re.compile(
        r"^(?:第\s*\d+\s*期\s*[：:]\s*)?(?:第\s*)?[A-Za-z]{0,2}0*(?P<number>\d{1,4})\s*版"
        rf"(?:\s*[：:]?\s*{_NAME})?(?:\s+(?:本期)?(?:出版日期[：:]\s*)?\d{{4}}\s*[年-].*)?$"
    ),
    # A04:民生/影像
    re.compile(rf"^[A-Z]0*(?P<number>\d{{1,3}})\s*[：:]\s*{_NAME}$"),
    # 版次:04  2023年12月25日
    re.compile(r"^版次\s*[：:]\s*[A-Z]?0*(?P<number>\d{1,3})(?:\s+\d{4}\s*年.*)?$"),
    # 当前版:04版
    re.compile(r"^当前版\s*[：:]\s*[A-Z]?0*(?P<number>\d{1,3})\s*版$"),
    # 版面:07: 人物, 版面:第02版:要闻 (an e-paper reader's line, navigation after it)
    re.compile(
        rf"^版面\s*[：:]\s*(?:第\s*)?[A-Z]?0*(?P<number>\d{{1,3}})\s*版?\s*[：:]?\s*{_NAME}$"
    ),
    # 版名:要闻: an e-paper reader's field that names the page and leaves its number out
    re.compile(rf"^版名\s*[：:]\s*{_NAME}$"),
    # 《工人日报》（2022年08月25日 02版）, 《某某工人报》（2025年11月06日 第A2版）: the edition
    # line under the headline
    re.compile(
        r"^《[^》]{2,14}》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*"
        r"(?:第\s*)?[A-Z]{0,2}0*(?P<number>\d{1,3})\s*版\s*[）)]$"
    ),
)
# 第二版, 第十二版: an old site's page number in Chinese numerals.
CHINESE_PAGE_NUMBER = re.compile(r"^第(?P<n>[一二三四五六七八九十]{1,3})版")
TRAILING_TOOLBAR = re.compile(
    r"(?:\s*(?:[|｜]|改变文字大小[：:]?|打印|关闭|放大|缩小|默认|收藏))+\s*$"
)


def chinese_number(text):
    """二 → 2, 十二 → 12, 二十 → 20 (page numbers up to 99)."""
    digits = "一二三四五六七八九"
    if "十" not in text:
        return digits.index(text) + 1 if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


# Arrows lost in copying leave digits around the words: 第A13版:播报 上一版3  4下一版; a link to
# the page's PDF may follow the name (第01版:封面 PDF版阅读).
TRAILING_NAVIGATION = re.compile(
    r"(?:\s+\d*\s*(?:上一篇|下一篇|上一版|下一版|上一期|下一期|新闻列表|版面概览|版面导航|标题导航"
    r"|PDF版阅读|PDF阅读|PDF版|PDF下载|下载PDF|查看PDF)\d*)+$"
)
# A table's cell borders left on a copied line: 第AA02版:政事 要闻 | 上一版3 4下一版 |.
TABLE_BORDERS = re.compile(r"^[|｜\s]+|[|｜\s]+$")
SPACED_NAME = re.compile(r"^(?:[\u4e00-\u9fff] )+[\u4e00-\u9fff]$")
# The footer that repeats the title:
# 浙江工人日报 工会 00002 <主题> 2018-08-02 2 2018年08月02日 星期四 (or 日報, in traditional); a
# paper with lettered sections gives the letter and four digits (钱江晚报 每日新闻·民生 A0005 …,
# 浙江老年报 头版 a0001 …).
FOOTER = re.compile(
    r"^(?P<paper>[\u4e00-\u9fff]{2,12}(?:报|報|刊))\s+(?P<page>\S{1,24})\s+[A-Za-z]?0*(?P<number>\d{1,3})\s+"
    r"(?P<rest>.+)$"
)
FOOTER_NUMBER = re.compile(r"\s(?:0\d{4}|[A-Za-z]\d{4})\s")  # the page number: 00002, A0005
FOOTER_DATE = re.compile(r"\s+\d{4}-\d{1,2}-\d{1,2}(?:\s.*)?$|^\d{4}-\d{1,2}-\d{1,2}(?:\s.*)?$")
# An HTML comment left of a site's page template:
# --> 2022-08-11 1 1 陇东报 content_1.html 1 <主题> /…-->
TEMPLATE_FOOTER = re.compile(r"\.html?\s+\d+\s+(?P<title>.+?)\s*/\w*-->")


def page_header(line):
    """(number, name) for a line that heads a page, or None; the number is None for a line that
    names the page only (版名:要闻)."""
    line = TRAILING_NAVIGATION.sub("", without_borders(line).replace(" | ", " "))
    # 浙江法制报 > 第二版:时政 改变文字大小: | 打印 | 关闭: the header after the site's trail.
    if ">" in line:
        line = TRAILING_TOOLBAR.sub("", line.rsplit(">", 1)[1].strip())
    line = CHINESE_PAGE_NUMBER.sub(lambda m: f"第{chinese_number(m.group('n'))}版", line)
    for pattern in PAGE_HEADERS:
        match = pattern.match(line)
        if match:
            name = match.groupdict().get("name")
            if name and not name.strip("（）()"):
                name = None  # 第3版(): an archive's empty slot for the page's name
            if name and SPACED_NAME.match(name):
                name = name.replace(" ", "")  # 播 报: a name spaced out to fill its box
            number = match.groupdict().get("number")
            return (int(number) if number else None), name
    return None


def without_borders(line):
    """The line without a table's cell borders at its ends (… 展现作为。 |)."""
    return TABLE_BORDERS.sub("", line)


def is_running_head(line):
    """浙江工人日报 2024年10月9日 星期三: the paper's name and date above or below the page."""
    if len(line) > 36 or not DATE_IN_LINE.search(line):
        return False
    rest = DATE_IN_LINE.sub("", line)
    rest = re.sub(r"[\s|｜·•/／第期版\d]+", "", rest)
    return bool(rest) and bool(MASTHEAD.match(rest))


def navigation_words(line):
    """The navigation words of a line made of nothing else (a date among them is the
    toolbar's, numbers alone are a page list or lost arrows), else None."""
    words = [w for w in NAVIGATION_SEPARATORS.split(DATE_IN_LINE.sub(" ", line)) if w]
    if not words or len(line) > 60:
        return None
    found = []
    for word in words:
        if word.isdigit() and len(word) <= 3:
            continue
        match = NAVIGATION_DIGITS.match(word)
        word = match.group("word") if match and word not in NAVIGATION_WORDS else word
        if word not in NAVIGATION_WORDS and not RETURN_LINK.match(word):
            return None
        found.append(word)
    return found


def is_navigation(line):
    return navigation_words(line) is not None


def furniture_kind(line):
    """ "top" for furniture printed above the articles, "any" for other furniture, else None.

    A site's labels in traditional characters (來源, 責編) are read as their simplified forms.
    """
    if not line:
        return None
    line = recognisable(line)
    if page_header(line) and not line.startswith("《"):
        return "top"
    if (
        DIGITAL_EDITION.match(line)
        and re.search(r"数字报纸|数字报|电子版|电子报|报社$", line)
        or SITE_HEADER.search(line)
        and len(line) <= 80
        or is_running_head(line)
        or TITLE_LIST_ITEM.match(line)
        or SUMMARY.match(line)
        or PAGE_LABEL.match(line)
        or BREADCRUMB.match(line)
        or _menu_line(line)
        or COLUMN_PATH.match(line)
        or (FORUM_FIELD.match(line) and len(line) <= 40 and "。" not in line)
        or FORUM_POST.match(line)
        or FORUM_TOPIC.match(line)
        or TITLE_FIELD.match(line)
        or SITE_SLOGAN.match(line)
        or PORTAL_STAMP.match(line)
        or NAVIGATION_LABEL.match(line)
        or SITE_LINKS.match(line)
        or SITE_NAME.match(line)
    ):
        return "top"
    if not any(c.isalnum() for c in line):
        return "any"  # | or ||||||: a table's borders, or punctuation alone
    words = navigation_words(line)
    if words is not None:
        return "top" if set(words) - ANYWHERE_WORDS else "any"
    if (
        page_header(line)
        or URL.fullmatch(line)
        or (URL.search(line) and han_count(URL.sub("", line)) <= 6)
        or DATE_LINE.match(line)
        or PAGE_STAFF.match(line)
        or NAVIGATION_WITH_TITLE.match(line)
        or LABELLED.match(line)
        or MIRROR_FURNITURE.match(line)
        or EMPTY_LABEL.match(line)
        or AGENCY_SLUG.match(line)
        or (PUBLISHED_AT.search(line) and len(line) <= 60 and "。" not in line)
        or (META_FIELDS.search(line) and len(line) <= 80 and "。" not in line)
        or IMAGE_FILE.match(line)
        or PAPER_NAME.match(line)
        or SOCIAL_ACCOUNT.match(line)
        or SHARE_BUTTON.match(line)
        or HTML_REMNANT.search(line)
        or DATED_SOURCE.match(line)
        or ACCOUNT_DATE.match(line)
        or line in GENERIC_COLUMN
        or ORIGINAL_MARK.match(line)
        or ARCHIVE_DAYS.match(line)
        or STOCK_PICTURE.match(line)
        or VIDEO_LABEL.match(line)
        or COMMENT_COUNT.match(line)
        or READING_TIME.match(line)
        or TIME_FIELD.match(line)
        or IMAGE_NAME.match(line)
        or READ_COUNT.match(line)
        or JOINT_STAFF.match(line)
        or FILLER.match(line)
        or WEEKDAY.match(line)
        or CONTACT.search(line)
        or (COPYRIGHT.search(line) and len(line) <= 80)
        or (SITE_NOTICE.match(line) and NOTICE_TERMS.search(line))
        or (SITE_REGISTRATION.search(line) and "。" not in line)
        or (PROMOTION.search(line) and len(line) <= 80 and "。" not in line)
    ):
        return "any"
    return None


def site_fields(line):
    """Whether a line is a site's fields of the article it shows (发布时间:2022-01-29 来源:某某,
    2015-05-07 09:04:35 来源: 某某网 作者: 甲, 来源:某某日报 日期:2022-01-21): the line right
    above it is the article's title."""
    line = recognisable(line)
    return (
        len(line) <= 100
        and "。" not in line
        and bool(
            PUBLISHED_AT.search(line)
            or META_FIELDS.search(line)
            or DATED_SOURCE.match(line)
            or PORTAL_STAMP.match(line)
            or re.match(r"^(?:发布时间|发布日期|时间|日期)\s*[：:]\s*\d{4}", line)
            or re.match(r"^(?:发布来源|文章来源|信息来源|来源|作者)\s*[：:]\s*\S", line)
        )
    )


def forum_user(lines, index):
    """Whether lines[index] is a forum user's name and status (甲乙离线) over the profile."""
    return bool(
        FORUM_USER.match(lines[index])
        and index + 1 < len(lines)
        and FORUM_FIELD.match(lines[index + 1])
    )


def is_furniture(line):
    """Whether a line is navigation, a URL, a page label, a date line or other page furniture."""
    return furniture_kind(line) is not None


def statement_end(lines, index):
    """The last index of a site's standing notice starting at lines[index] (某某日报社严正声明,
    版权声明, then its paragraphs down to the one about legal liability), or None."""
    if not STATEMENT.match(lines[index]):
        return None
    for later in range(index + 1, min(index + STATEMENT_LINES, len(lines))):
        if "法律责任" in lines[later]:
            return later
    # 版权和免责申明 / 凡注有"某某在线"的稿件……不得转载……: a short notice in one paragraph.
    if index + 1 < len(lines) and NOTICE_TERMS.search(lines[index + 1]):
        return index + 1
    return index


def title_listed(line):
    """The title a title list (· 标题, • 标题) or a 上一篇：标题 line names, or None."""
    match = (
        TITLE_LIST_ITEM.match(line)
        or NAVIGATION_WITH_TITLE.match(line)
        or FORUM_TOPIC.match(line)
        or TITLE_FIELD.match(line)
    )
    title = match.group("title").strip() if match else ""
    return title or None


def footer_at(lines, index):
    """(title, number, name, last index) for a footer starting at lines[index], or None.

    The title may run over several lines, up to the line that starts with the date; a byline
    the old footers add after the title (… 本报记者 朱永红 2009-5-4 …) stays in the title, so
    callers compare titles by prefix.
    """
    line = lines[index]
    template = TEMPLATE_FOOTER.search(line)
    if template:
        return template.group("title").strip(), None, None, index
    match = FOOTER.match(line)
    if not match or not FOOTER_NUMBER.search(f" {line} "):
        return None
    rest, last = match.group("rest"), index
    date = FOOTER_DATE.search(rest)
    if date:
        title = rest[: date.start()]
    else:
        # The title goes on over the next lines until the date line.
        parts = [rest]
        for later in range(index + 1, min(index + 4, len(lines))):
            if FOOTER_DATE.match(lines[later]):
                last = later
                break
            parts.append(lines[later])
        else:
            return None
        title = "".join(parts)
    return title.strip(), int(match.group("number")), match.group("page"), last
