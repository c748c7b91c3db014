"""Tell reporters' names apart in a dateline (本报讯(易勇姚刚)) or a credit ((贺新)).

Chinese names are a surname plus one or two given-name characters. A run of
names written without separators (易勇姚刚) is split only when exactly one
way of cutting it into surname-led names exists; otherwise the run is kept
whole, because a wrong split would invent people.
"""

from __future__ import annotations

import re

# Common single-character surnames (the top of the modern frequency lists).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈"
    "饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵"
    "苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南"
    "班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿"
    "国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯"
    "隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
    ]
)
# Words that precede names in a dateline and are not names themselves.
ROLES = ("特约记者", "实习记者", "本报记者", "记者", "通讯员", "实习生", "见习记者", "特约通讯员")
_SEPARATORS = re.compile(r"[\s\u3000、，,/／·]+")
_HAN = re.compile(r"^[\U00004E00-\U00009FFF]+$")


_TRAILING = re.compile(r"[。！？!?”」』][（(]([^（）()]{2,24})[）)]\s*$")


def trailing_credit(paragraph: str) -> tuple[str, ...]:
    """Return the names of a credit that closes a paragraph (…16人。(贺新)), if any."""
    match = _TRAILING.search(paragraph)
    if match is None or not looks_like_names(match.group(1)):
        return ()
    return names_in(match.group(1))


def names_in(bracketed: str) -> tuple[str, ...]:
    """Return the names found in the text inside a dateline's or credit's brackets."""
    names: list[str] = []
    for chunk in _SEPARATORS.split(_drop_roles(bracketed)):
        if chunk:
            names.extend(split_names(chunk))
    return tuple(names)


def looks_like_names(bracketed: str) -> bool:
    """Say whether bracketed text is only names (a trailing credit), not a remark."""
    chunks = [c for c in _SEPARATORS.split(_drop_roles(bracketed)) if c]
    return bool(chunks) and all(_segmentations(c, limit=1) for c in chunks)


def split_names(chunk: str) -> list[str]:
    """Cut a run of names without separators where the cut is unambiguous."""
    if not _HAN.match(chunk):
        return [chunk]
    ways = _segmentations(chunk, limit=2)
    return list(ways[0]) if len(ways) == 1 else [chunk]


def _drop_roles(text: str) -> str:
    for role in ROLES:
        text = text.replace(role, " ")
    return text


def _segmentations(chunk: str, limit: int) -> list[tuple[str, ...]]:
    """Return up to ``limit`` ways to cut ``chunk`` into surname-led names of 2–4 characters."""
    if not chunk:
        return [()]
    if not _HAN.match(chunk):
        return []
    found: list[tuple[str, ...]] = []
    for size in _name_sizes(chunk):
        for rest in _segmentations(chunk[size:], limit):
            found.append((chunk[:size], *rest))
            if len(found) >= limit:
                return found
    return found


def _name_sizes(chunk: str) -> list[int]:
    if chunk[:2] in COMPOUND_SURNAMES:
        sizes = [3, 4]
    elif chunk[0] in SURNAMES:
        sizes = [2, 3]
    else:
        return []
    return [s for s in sizes if s <= len(chunk)]


__all__ = ["looks_like_names", "names_in", "split_names", "trailing_credit"]
