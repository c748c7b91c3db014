"""The printed conventions a reader recognises in one line: datelines, author lines, credits.

Each function looks at one line's text only; where a line stands on the page
(what comes before and after) is weighed in ``layout`` and ``recover``.
Every pattern is bounded and linear in the line's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhreader.han import HAN_CLASS
from zhreader.names import BYLINE_ROLES
from zhreader.pipeline.structure.bylines import looks_like_names, names_in, split_names
from zhreader.pipeline.structure.layout_words import alternation

# 本报讯 / 本报北京5月8日电 / 本报长沙5月8日讯 / 新华社天津4月27日电 / 据新华社…电,
# optionally with the writers in brackets: 本报讯（记者 王芳 通讯员 李明）.
_DATELINE = re.compile(
    rf"^(?:据)?(?:本报讯|本报[^\s，。（(]{{1,12}}?[讯电]|{alternation('wire')}[^\s，。（(]{{0,12}}?电)"
    r"(?:\s*[（(][^（）()\n]{1,40}[）)])?"
)
_DATELINE_PLACE_DATE = re.compile(
    rf"^据?(?:本报|{alternation('wire')})(?P<place>[^\d\s，。（(]{{0,10}}?)"
    r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日[电讯]"
)
# 新华社记者 / 本报记者 / 行业报记者 / 本报通讯员 / 特约记者 …: a role, then names.
_ROLE = "(?:" + "|".join(BYLINE_ROLES) + ")"  # longest first
_ORGANISATION = rf"(?:本报|{alternation('wire')}|[{HAN_CLASS}]{{1,8}}?报)?"
_AUTHOR_PART = re.compile(_ORGANISATION + _ROLE + r"\s*")
_AUTHOR_MAX = 40
# A photo credit: 刘实华 摄, 刘  阳/摄, 新华社记者 X摄, X摄（人民视觉）, 受访者供图, 制图：X.
_CREDIT = re.compile(
    r"^[（(]?[^。，！？；：（）()]{1,24}?\s*/?\s*(?:摄|摄影|供图|绘|制图)\s*"
    r"(?:[（(][^。，（）()]{1,8}[）)])?\s*[）)]?$"
    r"|^(?:制图|绘图|摄影|图片|图)\s*[：:][^。，；]{1,20}$"
    rf"|^[（(]?{alternation('agency')}[）)]?$"
)
_CREDIT_MAX = 36
_AGENCY_ONLY = re.compile(rf"^[（(]?{alternation('agency')}[）)]?$")
# A caption and its credit printed on one line: …讨论病例　刘  阳/摄.
_SHARED_CREDIT = re.compile(
    r"^(?P<caption>.{4,}?[^，,、\s\u3000])[\s\u3000]+"
    r"(?P<credit>(?:[^\s\u3000，。][ \u3000]{1,3}[^\s\u3000，。]|[^\s\u3000，。]{2,8})"
    r"\s*/?\s*摄(?:影)?(?:[（(][^（）()]{1,8}[）)])?)$"
)
_SHARED_MAX = 160
_SHARED_CAPTION_MIN = 6
# Figure text that is no sentence of the body: a chart's source line.
_SOURCE = re.compile(rf"^{alternation('source_label')}\s*[：:]")
# A holder named after a picture's caption: （某市博物馆藏）.
_HOLDER = re.compile(r"[（(][^（）()]{1,24}藏[）)]$")
# 图①… numbers a page's pictures with circled digits U+2460–U+2473 (①–⑳).
_CAPTION_OPENING = re.compile(
    r"^(?:图为|图：|图:|上图|下图|左图|右图|图片：|图\d|图一|图二|图[\u2460-\u2473])"
)
# Page furniture: the editors' and layout credits of a page.
_SIDEBAR = re.compile(rf"^{alternation('sidebar')}[：:]?$")
_PICTURE_STORY = re.compile(rf"^{alternation('picture_story')}$")
_FURNITURE = re.compile(rf"^{alternation('furniture')}\s*[：:]")
# A note that closes a text: （吴芳参与采写）, （…本报记者丁一帆整理）, （陈明）.
_WRITE_UP = re.compile(rf"{alternation('write_up')}$")
_REPORTER_IN_NOTE = re.compile(
    rf"(?:记者|通讯员)\s*([{HAN_CLASS}]{{2,4}}?)\s*{alternation('write_up')}$"
)
_CLOSING_BRACKET = re.compile(r"[（(]([^（）()]{2,40})[）)]\s*$")
_SPACES = re.compile(r"[\s\u3000]+")
_LIST_SEPARATORS = re.compile(r"[、，,/／]")
_NAME_SEPARATORS = re.compile(r"[\s\u3000、，,/／]+")
_HAN_NAME = re.compile(rf"^[{HAN_CLASS}]{{1,4}}$")


@dataclass(frozen=True)
class Dateline:
    """A dateline as printed, with what it says as data."""

    text: str
    names: tuple[str, ...]
    place: str | None
    date: str | None  # "MM-DD"


def bracket_names(inside: str) -> tuple[str, ...]:
    """Return the writers named in brackets: （记者 王芳 通讯员 李明）, （陈  路、孙一帆）."""
    names: list[str] = []
    for part in _LIST_SEPARATORS.split(inside):
        if part.strip():
            names.extend(author_names(part) or names_in(part))
    return tuple(names)


def dateline_prefix(text: str) -> str | None:
    """Return the dateline that opens a line (本报讯(刘飞翔), 新华社北京4月28日电), or None."""
    match = _DATELINE.match(text)
    return match.group(0) if match else None


def read_dateline(text: str) -> Dateline:
    """Return the dateline's writers, place and date (MM-DD) when it names them."""
    names = bracket_names(_inside_closing_brackets(text)) if text.rstrip()[-1:] in ")）" else ()
    match = _DATELINE_PLACE_DATE.match(text)
    place = date = None
    if match:
        place = match.group("place") or None
        date = f"{int(match.group('month')):02d}-{int(match.group('day')):02d}"
    return Dateline(text, tuple(names), place, date)


def is_author_line(text: str) -> bool:
    """Say whether a line names writers after a role (本报记者  林  晓  本报通讯员  周明远)."""
    core = text.strip()
    if not core or len(core) > _AUTHOR_MAX or not _AUTHOR_PART.match(core):
        return False
    rest = _AUTHOR_PART.sub(" ", core).strip()
    return rest == "" or bool(author_names(core))


def is_role_only(text: str) -> bool:
    """Say whether a line is only a role (新华社记者), its names on the next line."""
    core = text.strip()
    return bool(core) and _AUTHOR_PART.sub("", core) == ""


def author_names(text: str, lenient: bool = False) -> tuple[str, ...]:
    """Return the names of an author line, or () when a chunk is not a name.

    ``lenient`` (a line where an author line is expected) accepts a chunk of
    two to four Han characters whose surname the tables lack, as long as
    another chunk is a known name (晓风　李明).
    """
    core = _WRITE_UP.sub("", text.strip())  # 本报记者 丁一帆 整理
    chunks = [c for c in _NAME_SEPARATORS.split(_AUTHOR_PART.sub(" ", core)) if c]
    names: list[str] = []
    known = 0
    for chunk in _pair_single_characters(chunks):
        if looks_like_names(chunk) and (len(chunk) <= 4 or _HAN_NAME.match(chunk) is None):
            names.extend(split_names(chunk))
            known += 1
        elif lenient and _HAN_NAME.match(chunk) and len(chunk) >= 2:
            names.append(chunk)
        else:
            return ()
    return tuple(names) if known else ()


def is_bare_name_line(text: str) -> bool:
    """Say whether a line is only names (张朋 孟宏恩, 何  川  孙  丽), an author line by place."""
    core = text.strip()
    return 2 <= len(core) <= 24 and not _AUTHOR_PART.match(core) and bool(author_names(core))


def _pair_single_characters(chunks: list[str]) -> list[str]:
    """Join names printed with spaces between their characters (林  晓 → 林晓)."""
    out: list[str] = []
    pending = ""
    for chunk in chunks:
        if len(chunk) == 1:
            pending += chunk
            if len(pending) == 2:
                out.append(pending)
                pending = ""
            continue
        if pending:
            out.append(pending)
            pending = ""
        out.append(chunk)
    if pending:
        out.append(pending)
    return out


def is_credit(text: str) -> bool:
    """Say whether a line is a photo or chart credit (刘实华 摄, X摄（人民视觉）, 制图：X)."""
    core = text.strip()
    return len(core) <= _CREDIT_MAX and bool(_CREDIT.match(core))


def split_shared_credit(text: str) -> tuple[str, str] | None:
    """Return (caption, credit) when a line ends with its photo credit, else None."""
    core = text.strip()
    match = _SHARED_CREDIT.match(core) if len(core) <= _SHARED_MAX else None
    if match is None:
        return None
    caption = match.group("caption")
    # 新华社记者  孙  磊摄 is one credit, not a caption beside one.
    if len(caption) < _SHARED_CAPTION_MIN or is_role_only(caption) or is_credit(caption):
        return None
    return caption, match.group("credit")


def is_agency_tag(text: str) -> bool:
    """Say whether a credit is an agency tag alone (（影像中国）), naming no photographer."""
    return _AGENCY_ONLY.match(text.strip()) is not None


def is_source_line(text: str) -> bool:
    """Say whether a line is a chart's source line (数据来源：国家统计局)."""
    return bool(_SOURCE.match(text.strip()))


def is_caption_opening(text: str) -> bool:
    """Say whether a line opens like a caption (图为…, 上图…) or names a holder (（…馆藏）)."""
    core = text.strip()
    return bool(_CAPTION_OPENING.match(core)) or (len(core) <= 60 and bool(_HOLDER.search(core)))


def is_sidebar_label(text: str) -> bool:
    """Say whether a line is the label of a box inside an article (链接, 开栏的话)."""
    return _SIDEBAR.match(text.strip()) is not None


def is_picture_story_title(text: str) -> bool:
    """Say whether a line is the title of a picture story (图片报道), an article of its own."""
    return _PICTURE_STORY.match("".join(text.split())) is not None


def is_furniture(text: str) -> bool:
    """Say whether a line is page furniture (本版责编：…, 版式设计：…)."""
    return bool(_FURNITURE.match(text.strip()))


def closing_names(paragraph: str) -> tuple[str, ...]:
    """Return the writers a closing note names (（陈明）, （X参与采写）, （…记者X整理）)."""
    text = paragraph.rstrip()
    match = _CLOSING_BRACKET.search(text)
    if match is None:
        # A note line without brackets: 张三 李四 参与采写.
        if len(text) <= _AUTHOR_MAX and _WRITE_UP.search(text):
            return author_names(text)
        return ()
    before = text[: match.start()].rstrip()
    if before and before[-1] not in "。！？!?…”」』电" and not before.endswith("）"):
        return ()
    inside = match.group(1).strip()
    reporter = _REPORTER_IN_NOTE.search(inside)
    if reporter and "，" in inside:
        return (reporter.group(1),)
    bare = _WRITE_UP.sub("", inside).strip()
    if bare and looks_like_names(bare):
        return names_in(bare)
    if bare and len(bare) <= _AUTHOR_MAX and author_names(bare):
        return author_names(bare)  # a name printed with spaces: （陈  明）
    return (reporter.group(1),) if reporter else ()


def _inside_closing_brackets(text: str) -> str:
    start = max(text.rfind("("), text.rfind("（"))
    return text[start + 1 : -1] if start >= 0 else ""


__all__ = [
    "Dateline",
    "bracket_names",
    "author_names",
    "closing_names",
    "dateline_prefix",
    "is_agency_tag",
    "is_author_line",
    "is_bare_name_line",
    "is_caption_opening",
    "is_credit",
    "is_furniture",
    "is_picture_story_title",
    "is_sidebar_label",
    "is_role_only",
    "is_source_line",
    "read_dateline",
    "split_shared_credit",
]
