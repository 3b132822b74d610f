"""Reading page text: decoding the bytes and tidying punctuation.

Pure functions over strings, shared by the byline, gazetteer and page parsers.
"""

import codecs
import re

CJK_PUNCTUATION = "“”‘’《》〈〉「」『』【】〔〕、，。：；！？（）…—·～"
# What may follow the end of a sentence: closing quotes and brackets.
CLOSERS = "”’」』）》〉】〕)\"'"
SENTENCE_FINAL = "。！？…!?"
# A paragraph that ends in one of these is complete: a sentence, a list item, or a lead-in.
PARAGRAPH_FINAL = SENTENCE_FINAL + "；：;:"
# 编者按 alone on a line: the label of the editor's note that follows.
EDITORS_NOTE = re.compile(r"^(?:编者按|编者的话|编后|编后语|编辑手记)[：:]?$")


class PageError(Exception):
    """Input that cannot be imported; names the file and line for the operator."""

    def __init__(self, file, line, message):
        self.file = file
        self.line = line
        self.message = message
        super().__init__(f"{file} 第{line}行：{message}")


# ---------------------------------------------------------------------------------------------
# Decoding


BINARY_SIGNATURES = (
    (b"%PDF", "PDF 文件"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"PK\x03\x04", "压缩包或 Word/Excel 文档"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word/Excel 文档"),
)
# Control bytes never occur in UTF-8 or GB18030 text (tab, newlines and form feed aside).
CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")
# Characters a GB18030 decoding of real Chinese text yields; anything else means a wrong guess.
PLAUSIBLE_TEXT = re.compile(
    r"[\t\n\r\f\x20-\x7e\u00b7\u2010-\u2027\u2030-\u206f\u2150-\u22ff\u2460-\u27bf"
    r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
)


def _line_at(data, offset):
    return data.count(b"\n", 0, offset) + 1


def _decode_gb18030(data, filename, utf8_error):
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as gb_error:
        offset = max(utf8_error.start, gb_error.start)
        raise PageError(
            filename,
            _line_at(data, offset),
            f"第{offset + 1}字节无法解码：文件既不是 UTF-8 也不是 GB18030/GBK 编码的文字",
        ) from None
    implausible = [c for c in text if not PLAUSIBLE_TEXT.match(c)]
    if len(implausible) > max(2, len(text) // 100):
        raise PageError(
            filename, 1, "无法识别编码：按 GB18030 解码后出现大量罕见字符，请另存为 UTF-8"
        )
    return text


def decode_page(data: bytes, filename) -> str:
    """The text of one page file: UTF-8 (with or without BOM) or GB18030/GBK, with \\n endings.

    Raises PageError naming the file and line for binary data, NUL bytes, text in neither
    encoding, and an empty page.
    """
    for signature, label in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise PageError(filename, 1, f"这是{label}，不是页面文字；请先提取出文字再导入")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PageError(filename, 1, "文件是 UTF-16 编码；请另存为 UTF-8 或 GB18030 后再导入")
    nul = data.find(b"\x00")
    if nul != -1:
        raise PageError(filename, _line_at(data, nul), "含有空字节（NUL），是二进制文件，不是文字")
    control = CONTROL_BYTES.search(data)
    if control:
        code = control.group()[0]
        raise PageError(
            filename,
            _line_at(data, control.start()),
            f"含有控制字符 0x{code:02X}，是二进制文件，不是文字",
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        text = _decode_gb18030(data, filename, utf8_error)
    # A form feed (pdftotext's page break) starts the next page's first line: dropping it keeps
    # the line numbers an editor shows.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    if not text.strip():
        raise PageError(filename, 1, "页面是空的，没有文字")
    return text


# ---------------------------------------------------------------------------------------------
# Characters and punctuation


# 規(guī)上企業(yè), 關(guān)于我們: a mirror site glosses characters with their pinyin in brackets,
# a tone mark in each. A paper may gloss a rare character itself (犇(bēn)), once or twice; a
# page glossed this often was glossed by the mirror, and the glosses are not the printed text.
PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
    r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[）)]"
)
MIRROR_GLOSSES = 4


def without_mirror_glosses(text):
    """The page's text without a mirror site's pinyin glosses, and how many were taken out
    (none when the page has fewer than MIRROR_GLOSSES: a paper's own)."""
    count = len(PINYIN_GLOSS.findall(text))
    if count < MIRROR_GLOSSES:
        return text, 0
    return PINYIN_GLOSS.sub("", text), count


def is_han(char):
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def is_chinese(char):
    """A Chinese character or a piece of Chinese (full-width) punctuation."""
    return bool(char) and (is_han(char) or char in CJK_PUNCTUATION)


def han_count(text):
    return sum(1 for c in text if is_han(c))


FULLWIDTH_ALNUM = str.maketrans(
    {
        **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "％": "%",
        "\u3000": " ",
        "\u00a0": " ",
        "\t": " ",
    }
)
FULLWIDTH_DECIMAL = re.compile(r"(?<=\d)．(?=\d)")
SPACES = re.compile(r" {2,}")
URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+", re.IGNORECASE)
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def normalise_line(line):
    """One physical line, tidied: full-width digits and letters to ASCII, spaces collapsed,
    and half-width punctuation in Chinese text made full-width."""
    line = line.translate(FULLWIDTH_ALNUM)
    line = FULLWIDTH_DECIMAL.sub(".", line)
    line = SPACES.sub(" ", line).strip()
    return full_width_punctuation(line)


def full_width_punctuation(text):
    """，：；？！（） for their half-width forms where they punctuate Chinese text.

    A mark stays half-width inside numbers (1,000 and 10:30), in Latin text and in URLs; a pair
    of brackets turns full-width when it follows Chinese or holds Chinese.
    """
    if not any(c in HALF_TO_FULL for c in text):
        return text
    protected = set()
    for match in URL.finditer(text):
        protected.update(range(match.start(), match.end()))
    chars = list(text)
    convert = set()
    open_brackets = []
    for i, char in enumerate(chars):
        if i in protected or char not in HALF_TO_FULL:
            continue
        before = _neighbour(chars, i, -1)
        after = _neighbour(chars, i, 1)
        if char == "(":
            open_brackets.append(i)
            continue
        if char == ")":
            if open_brackets:
                start = open_brackets.pop()
                inner = text[start + 1 : i]
                if any(is_chinese(c) for c in inner) or is_chinese(_neighbour(chars, start, -1)):
                    convert.update((start, i))
            elif is_chinese(before) or is_chinese(after):
                convert.add(i)
            continue
        if char in ",:" and before.isdigit() and after.isdigit():
            continue
        if is_chinese(before) or is_chinese(after):
            convert.add(i)
    for start in open_brackets:
        if is_chinese(_neighbour(chars, start, 1)) or is_chinese(_neighbour(chars, start, -1)):
            convert.add(start)
    for i in convert:
        chars[i] = HALF_TO_FULL[chars[i]]
    result = "".join(chars)
    # A space typed after a half-width comma has no place after a full-width one.
    return re.sub(
        r"(?<=[，：；？！（）]) (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) (?=[，：；？！）])", "", result
    )


def _neighbour(chars, i, step):
    j = i + step
    while 0 <= j < len(chars) and chars[j] == " ":
        j += step
    return chars[j] if 0 <= j < len(chars) else ""


def strip_closers(text):
    return text.rstrip().rstrip(CLOSERS)


def ends_sentence(text):
    """Whether the text ends a sentence (。！？…, perhaps followed by a closing quote)."""
    stripped = strip_closers(text)
    return bool(stripped) and stripped[-1] in SENTENCE_FINAL


def ends_paragraph(text):
    """Whether a paragraph can end here: a sentence, or a list item (；) or a lead-in (：)."""
    stripped = strip_closers(text)
    return bool(stripped) and stripped[-1] in PARAGRAPH_FINAL


def sentences(text):
    """The sentences of a paragraph, each with its final mark and closing quotes."""
    return [
        s for s in re.findall(r"[^。！？!?…]*[。！？!?…]+[”’」』）)]*|[^。！？!?…]+$", text) if s
    ]


def head(text, size=10):
    """The first characters of a text, for quoting it in a note."""
    if len(text) <= size:
        return text
    cut = text[:size]
    # Quote a whole phrase: stop before a quotation mark rather than nest quotes in the note.
    inner = re.split(r"[“”‘’]", cut)[0]
    return (inner if len(inner) >= 2 else cut) + "……"


def tail(text, size=8):
    """The last characters of a text, for quoting it in a note."""
    if len(text) <= size:
        return text
    cut = text[-size:]
    inner = re.split(r"[“”‘’]", cut)[-1]
    return "……" + (inner if len(inner) >= 2 else cut)


def starts_mid_sentence(text):
    """，… or 动。… at the start of a paragraph: its beginning is missing."""
    if text[:1] in "，。、；：！？）》”’,.;:!?)":
        return True
    first = sentences(text)[:1]
    return bool(first) and han_count(first[0]) <= 1 and len(text) > len(first[0])
