"""Numbers as English: 38万 → 380,000, 1.6亿 → 160 million, 两百 → two hundred, 5 → May.

Two small functions instead of a dependency: cn2an parses Han numerals but
pulls in its own requirements, and we need only integers up to 亿 and the
English of the few forms a gloss shows.
"""

from __future__ import annotations

import re

HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
HAN_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
HAN_BIG = {"万": 10_000, "亿": 100_000_000}
HAN_NUMERAL_CHARS = frozenset(HAN_DIGITS) | frozenset(HAN_UNITS) | frozenset(HAN_BIG)
# Approximators after a number: 100余 / 两百多 / 十几 "over", 10来 "about".
APPROXIMATORS = {"余": "over", "多": "over", "来": "about", "几": "over"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
]
_TEENS = {14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen"}
_TEENS[19] = "nineteen"
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_DIGITS = re.compile(r"^([0-9０-９]+(?:[.．][0-9０-９]+)?)([万亿]*)$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def han_value(text: str) -> int | None:
    """Return the integer a Han numeral writes (二十三万 → 230000, 两百 → 200), else None."""
    if not text or any(c not in HAN_NUMERAL_CHARS for c in text):
        return None
    high, mid, section, digit = 0, 0, 0, None  # 亿 part, 万 part, below 万, last digit
    for char in text:
        if char in "零〇" and (section or mid or high):
            continue  # 三百零五: a placeholder zero
        if char in HAN_DIGITS:
            if digit is not None:  # 一九 or 二〇二〇: digit by digit
                return _digit_string(text)
            digit = HAN_DIGITS[char]
        elif char in HAN_UNITS:
            section += (1 if digit is None else digit) * HAN_UNITS[char]
            digit = None
        elif char == "万":
            mid = (section + (digit or 0) or 1) * HAN_BIG[char]  # 万 alone is 一万
            section, digit = 0, None
        else:
            high = (high + mid + section + (digit or 0) or 1) * HAN_BIG[char]
            mid, section, digit = 0, 0, None
    return high + mid + section + (digit or 0)


def han_decimal(text: str) -> float | None:
    """Return the number a Han numeral with 点 writes (八点五 → 8.5), else han_value's."""
    whole, dot, fraction = text.partition("点")
    if not dot:
        return han_value(text)
    digits = _digit_string(fraction) if fraction else None
    if han_value(whole) is None or digits is None:
        return None
    return float(f"{han_value(whole)}.{''.join(str(HAN_DIGITS[c]) for c in fraction)}")


def _digit_string(text: str) -> int | None:
    if any(c not in HAN_DIGITS for c in text):
        return None
    return int("".join(str(HAN_DIGITS[c]) for c in text))


def digits_value(text: str) -> float | None:
    """Return the value of a digit token (38万 → 380000, 1.6亿 → 160000000), else None."""
    match = _DIGITS.match(text)
    if not match:
        return None
    value = float(match.group(1).translate(_FULLWIDTH))
    for char in match.group(2):
        value *= HAN_BIG[char]
    # 18.6 × 10⁸ is 1860000000.0000002 in floating point: a magnitude makes whole units.
    return round(value, 4) if match.group(2) else value


def english_figure(value: float) -> str:
    """Write a number as an English reader expects it: 380,000, 160 million, 1.5."""
    if value >= 1_000_000_000_000 and value % 1_000_000_000 == 0:
        return f"{value / 1_000_000_000_000:g} trillion"  # 3.2万亿
    if value >= 1_000_000_000 and value % 1_000_000 == 0:
        return f"{value / 1_000_000_000:g} billion"  # 18.6亿 "1.86 billion"
    if value >= 1_000_000 and value % 10_000 == 0:
        return f"{value / 1_000_000:g} million"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def english_words(value: int) -> str:
    """Spell a small number in words (eighty, two hundred, ten thousand); figures above."""
    if value < 14:
        return _ONES[value]
    if value < 20:
        return _TEENS[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    for size, name in ((1000, "thousand"), (100, "hundred")):
        if value % size == 0 and value // size < 100:
            return f"{english_words(value // size)} {name}"
    return english_figure(value)


def ordinal(value: int) -> str:
    """Return 1st, 2nd, 3rd, 11th, 22nd …"""
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


_ORDINAL_WORDS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
_ORDINAL_WORDS += ["eighth", "ninth", "tenth"]


def ordinal_words(value: int) -> str:
    """Spell an ordinal up to ten as English writes it in prose (first, third); 11th above."""
    return _ORDINAL_WORDS[value] if 0 < value < len(_ORDINAL_WORDS) else ordinal(value)


def number_gloss(token: str) -> str | None:
    """Return the English of a digit token that a reader cannot read as it is (38万), else None."""
    joined = approximate_digits(token) or clock_digits(token)
    joined = joined or wind_force(token) or digit_score(token)
    if joined:
        return joined  # 1800余 "over 1800", 7时30分 "7:30" (segment.join_digit_numbers)
    match = _DIGITS.match(token)
    if not match or not match.group(2):
        return None
    value = digits_value(token)
    return english_figure(value) if value is not None else None


# Round ten: a number in digits and what the segmenter joins to it (join_digit_numbers).
# 余 and 多 always; 来 only after tens and before a measure word (30来个人), as
# elsewhere it is the verb (他10号来).
DIGIT_APPROXIMATORS = frozenset("余多来")
ABOUT = "来"
GENERAL_UNIT = "个"
# Spans jieba glues an approximator to after 个 (三个 | 多月).
_COUNTED_SPANS = frozenset(["月", "天", "周", "星期", "小时", "钟头"])
# An hour in digits is 点 or 时 after it; its minutes are digits and 分, or 半; 整 "sharp".
HOUR_MARKS = frozenset("点时")
MINUTE_MARK = "分"
HALF_HOUR = "半"
_NUMERAL_OPENERS = HAN_NUMERAL_CHARS | {HALF_HOUR}  # what rejoin_numeral's left opens with
SHARP = "整"
# Traditional forms too (1800餘, 7時30分): a joined token keeps the text as written.
_APPROXIMATE_DIGITS = re.compile(
    r"^([0-9０-９,，.．]+)([万萬亿億]?)([余餘多来來])([万萬亿億]?)$"
)
_CLOCK_DIGITS = re.compile(
    r"^([0-9０-９]{1,2})[点點时時](?:([0-9０-９]{1,2})分|(半)|(整)|(多)|(许|許))$"
)
PAST_HOUR = "多"
ABOUT_HOUR = "许"  # 3时许 "around 3 o'clock": news writes the time of an event so
_ONLY_THEN = "才"  # jieba glues it to 多 after an hour: 四点 | 多才 | 走 ("multitalented")
_SIMPLE_BIG = str.maketrans("萬億", "万亿")


def approximate_digits(token: str) -> str | None:
    """Read digits and 余/多/来 as English puts them: 1800余 "over 1800", 30来 "about 30".

    The digits stay as written (a reader sees them); a magnitude makes the
    figure English: 80多万 "over 800,000", 10万余 "over 100,000".
    """
    match = _APPROXIMATE_DIGITS.match(token)
    if not match:
        return None
    digits, before, approx, after = match.groups()
    if before and after:
        return None
    word = "about" if approx in "来來" else "over"
    big = (before or after).translate(_SIMPLE_BIG)
    if not big:
        return f"{word} {digits}"
    value = digits_value(digits.replace(",", "").replace("，", "") + big)
    return f"{word} {english_figure(value)}" if value is not None else None


def clock_digits(token: str) -> str | None:
    """Read an hour and its minutes in digits as a clock does: 7时30分 "7:30", 8点半 "8:30"."""
    match = _CLOCK_DIGITS.match(token)
    if not match:
        return None
    hour = int(match.group(1).translate(_FULLWIDTH))
    if match.group(6):
        return f"around {hour} o'clock" if hour <= 24 else None
    if match.group(4) or match.group(5):
        if hour > 24:
            return None
        return f"{hour} o'clock sharp" if match.group(4) else f"after {hour} o'clock"  # 7点多
    minutes = 30 if match.group(3) else int(match.group(2).translate(_FULLWIDTH))
    if hour > 24 or minutes >= 60:
        return None
    return f"{hour}:{minutes:02d}"


# Round twelve: a grade in digits before wind is its Beaufort force (10 | 级 | 大风);
# segment.join_digit_numbers joins it only there.
WIND_GRADE = "级"
_WIND_FORCE = re.compile(r"^([0-9０-９]{1,2})[级級]$")
BEAUFORT_TOP = 17
_WIND = "风"
_WIND_MEASURE = "风力"


def names_wind(word: str) -> bool:
    """Tell whether a word names wind (大风, 阵风, 风, 风力), not 风险 or 风格."""
    return word.endswith(_WIND) or word.startswith(_WIND_MEASURE)


def wind_force(token: str) -> str | None:
    """Read a wind grade as English weather reports do: 10级 "force 10"."""
    match = _WIND_FORCE.match(token)
    if not match:
        return None
    force = int(match.group(1).translate(_FULLWIDTH))
    return f"force {force}" if force <= BEAUFORT_TOP else None


# A score or a ratio in digits (1 | 比 | 0), joined by segment.join_digit_numbers.
SCORE_MARK = "比"
_DIGIT_SCORE = re.compile(r"^([0-9０-９]{1,3})比([0-9０-９]{1,3})$")


def digit_score(token: str) -> str | None:
    """Read a score or a ratio in digits as English writes both: 1比0 "1:0", 3比2 "3:2"."""
    match = _DIGIT_SCORE.match(token)
    if not match:
        return None
    return ":".join(str(int(g.translate(_FULLWIDTH))) for g in match.groups())


def discount(numeral: str) -> str | None:
    """Return the price cut a numeral before 折 names: 八 "20% off", 八五 "15% off", 七点五.

    折 counts tenths of the full price paid (八折 pays 80 %), two bare digits
    hundredths (八五折 pays 85 %); English says what is taken off.
    """
    if len(numeral) == 2 and all(c in HAN_DIGITS for c in numeral):
        paid = float(_digit_string(numeral) or 0)  # 八五 is 85, not 八十五
    else:
        tenths = han_decimal(numeral)
        paid = tenths * 10 if tenths is not None and tenths < 10 else 0.0
    return f"{100 - paid:g}% off" if 0 < paid < 100 else None


# 几十 / 数百: an unknown count of tens, hundreds … ("dozens of", "hundreds of").
VAGUE_COUNTS = {"十": "dozens of", "百": "hundreds of", "千": "thousands of"}
VAGUE_COUNTS["万"] = "tens of thousands of"
VAGUE_MARKERS = frozenset("几数")
# 上千 / 近百: a round count reached or nearly reached ("over a thousand", "nearly a hundred").
ROUND_MARKERS = {"上": "over", "近": "nearly"}
ROUND_COUNTS = {"百": "a hundred", "千": "a thousand", "万": "ten thousand"}
ROUND_COUNTS["亿"] = "a hundred million"


def round_count(word: str) -> str | None:
    """Return the English of a round count: 上千 "over a thousand", 近万 "nearly ten thousand"."""
    if len(word) != 2 or word[0] not in ROUND_MARKERS or word[1] not in ROUND_COUNTS:
        return None
    return f"{ROUND_MARKERS[word[0]]} {ROUND_COUNTS[word[1]]}"


def neighbour_digits(numeral: str) -> tuple[int, int] | None:
    """Return the two counts of two neighbouring digits: 三四 (3, 4) "three or four", 两三.

    Two digits in a row name a number digit by digit (八五折, 二〇); two
    neighbours name an estimate, never thirty-four.
    """
    if len(numeral) != 2 or any(c not in HAN_DIGITS for c in numeral):
        return None
    low, high = HAN_DIGITS[numeral[0]], HAN_DIGITS[numeral[1]]
    return (low, high) if low > 0 and high == low + 1 else None


_TIMES = {1: "to double", 2: "to quadruple"}


def doubling(word: str) -> str | None:
    """Return the English of 翻 + numeral + 番, doubling that many times: 翻两番 "to quadruple"."""
    if word[:1] != "翻" or word[-1:] != "番":
        return None
    times = han_value(word[1:-1])
    if not times or times != int(times) or times > 10:
        return None
    return _TIMES.get(times) or f"to increase {2**times}-fold"


def split_numeral(word: str) -> tuple[str, str, str]:
    """Split a word into its Han numeral, approximator and the rest: 两千多个 → 两千, 多, 个."""
    end = 0
    while end < len(word) and word[end] in HAN_NUMERAL_CHARS:
        end += 1
    numeral, rest = word[:end], word[end:]
    approx = rest[:1] if rest[:1] in APPROXIMATORS and numeral else ""
    return numeral, approx, rest[len(approx) :]


# Units an approximator may follow (三年多 "over three years", 两成多 "over 20%"): jieba
# cuts the 多 off them, and it belongs to the number.
_COUNTED_UNITS = frozenset("年天岁倍成")
# Units a half may follow in the same count (三岁半, 两年半); jieba cuts the 半 off.
HALF_UNITS = frozenset("年岁")
# A numeral ending in one of these may go on in the next word (两千 | 三百余名).
_LEFT_UNITS = frozenset("十百千万亿")
# Units jieba may cut off the digit before them (两 | 千余件); 十 is left out: 十分 is "very".
_RIGHT_UNITS = frozenset("百千万亿")


def _clock_hour(word: str) -> bool:
    """Tell whether ``word`` is an hour: a Han numeral and 点 (七点)."""
    return word[-1:] == "点" and han_value(word[:-1]) is not None


def _clock_rest(word: str) -> bool:
    """Tell whether ``word`` gives the minutes after an hour: 半, 一刻, 三刻, 十分, 零五分."""
    if word in ("半", "一刻", "三刻"):
        return True
    minutes = han_value(word[:-1].removeprefix("零")) if word[-1:] == "分" else None
    return minutes is not None and 0 < minutes < 60


def counted_noun(word: str) -> bool:
    """Tell whether a word is a number, an approximator or 个, and a noun: 九十多个村, 三个镇."""
    numeral, approx, rest = split_numeral(word)
    return bool(rest) and (bool(approx) or rest[0] == "个") and han_value(numeral) is not None


def rejoin_numeral(left: str, right: str) -> tuple[str, str] | None:
    """Give a Han numeral back the unit jieba cut off it: 二十三 | 万人次 → 二十三万 | 人次.

    An hour gets its minutes back the same way: 七点 | 十分 → 七点十分 (not 十分
    "very"), 十二点 | 半 → 十二点半.

    ``left`` must be a whole Han numeral and ``right`` start with 百, 千, 万
    or 亿; the longest run of numeral characters from the start of ``right``
    that still makes one number with ``left`` joins it, with an approximator
    right after it (两 | 千余件 → 两千余 | 件). Returns the two new texts (the
    second may be empty), or None when nothing moves.
    """
    # Asked of every pair of neighbouring words: every rule below reads a Han
    # numeral at the start of ``left`` (han_value of it or of all but its last
    # character, 百分之, 半个), so any other pair is answered at once. A rule
    # that reads another ``left`` must widen this gate.
    if left[:1] not in _NUMERAL_OPENERS:
        return None
    if left.startswith("百分之") and left.endswith("点") and _digit_string(right) is not None:
        return left + right, ""  # 百分之八点 | 五 → 百分之八点五 "8.5%"
    if left.startswith("百分之") and _percent_goes_on(left[3:], right):
        return left + right, ""  # 百分之十 | 二点五 → 百分之十二点五 "12.5%"
    counted = left[-1:] == GENERAL_UNIT and han_value(left[:-1]) is not None
    counted = counted or left == HALF_HOUR + GENERAL_UNIT  # 半个 | 多 | 小时 → 半个多
    if counted and right in ("多", "余"):
        return left + right, ""  # 两个 | 多 | 小时 → 两个多 "over two (classifier)"
    if counted and right[:1] in ("多", "余") and right[1:] in _COUNTED_SPANS:
        return left + right[0], right[1:]  # 三个 | 多月 → 三个多 | 月 (not 三个 | 多余的)
    if counted and right[:1] == HALF_HOUR and len(right) > 1:
        return left + right[0], right[1:]  # 两个 | 半小时 → 两个半 | 小时 "two and a half"
    if right == ABOUT and _whole_tens(left):
        return left + right, ""  # 二十 | 来 | 年 → 二十来 "about twenty" (not "to come")
    if right == ABOUT + GENERAL_UNIT and _whole_tens(left):
        return left + ABOUT, GENERAL_UNIT  # 三十 | 来个 | 学生 → 三十来 | 个
    past_hour = right == PAST_HOUR or right == PAST_HOUR + _ONLY_THEN  # 多 | 多才 (才 "only then")
    if _clock_hour(left) and past_hour and (han_value(left[:-1]) or 0) <= 24:
        return left + PAST_HOUR, right[1:]  # 三点 | 多 → 三点多 "after three o'clock"
    if _clock_hour(left) and _clock_rest(right):
        return left + right, ""  # 十二点 | 半 → 十二点半: one time, "half past twelve"
    if right == HALF_HOUR and left[-1:] in HALF_UNITS and han_value(left[:-1]) is not None:
        return left + right, ""  # 三岁 | 半 → 三岁半 "three and a half years old"
    if right in APPROXIMATORS and left[-1:] in _COUNTED_UNITS and han_value(left[:-1]) is not None:
        return left + right, ""  # 三年 | 多 → 三年多 "over three years", 两成 | 多
    # An estimate in tens, hundreds or thousands goes on in 万/亿 (not 一来 "firstly").
    estimate = left[-1:] in APPROXIMATORS and left[-2:-1] in HAN_UNITS
    if estimate and right[:1] in HAN_BIG and han_value(left[:-1]) is not None:
        return left + right[:1], right[1:]  # 八百多 | 万吨 → 八百多万 | 吨 "over 8 million"
    if left[-1:] in _LEFT_UNITS and right[:1] in HAN_DIGITS and han_value(left) is not None:
        return _longest_numeral(left, right)  # 两千 | 三百余名 → 两千三百余 | 名
    if right[:1] not in _RIGHT_UNITS or han_value(left) is None:
        return None
    return _longest_numeral(left, right)


def _whole_tens(numeral: str) -> bool:
    """Tell whether a Han numeral counts whole tens (二十, 三百), which 来 may follow."""
    value = han_value(numeral)
    return value is not None and value >= 10 and value % 10 == 0


def _percent_goes_on(numeral: str, right: str) -> bool:
    """Tell whether ``right`` goes on with a percentage's numeral: 十 | 二点五, 二十 | 三点.

    One number only when a unit joins them (十二, 九十九): 五 | 一 is no 五一.
    """
    whole, dot, fraction = right.partition("点")
    if not whole or han_value(numeral) is None or han_value(whole) is None:
        return False
    if numeral[-1] not in HAN_UNITS and whole[0] not in HAN_UNITS:
        return False
    if han_value(numeral + whole) is None or (fraction and _digit_string(fraction) is None):
        return False
    return not dot or not fraction or han_decimal(numeral + right) is not None


def _longest_numeral(left: str, right: str) -> tuple[str, str] | None:
    """Move the longest numeral at the start of ``right`` that extends ``left`` onto it."""
    end = 0
    while end < len(right) and right[end] in HAN_NUMERAL_CHARS:
        end += 1
    for cut in range(end, 0, -1):
        value = han_value(left + right[:cut])
        if value is not None and value > (han_value(left) or 0):
            if right[cut : cut + 1] in APPROXIMATORS and cut + 1 < len(right):
                cut += 1  # the measure word after it stays a word
            return left + right[:cut], right[cut:]
    return None


__all__ = [
    "APPROXIMATORS",
    "ABOUT",
    "DIGIT_APPROXIMATORS",
    "PAST_HOUR",
    "SHARP",
    "HALF_HOUR",
    "HALF_UNITS",
    "ABOUT_HOUR",
    "HOUR_MARKS",
    "SCORE_MARK",
    "WIND_GRADE",
    "BEAUFORT_TOP",
    "names_wind",
    "MINUTE_MARK",
    "approximate_digits",
    "clock_digits",
    "HAN_NUMERAL_CHARS",
    "MONTHS",
    "counted_noun",
    "ROUND_COUNTS",
    "ROUND_MARKERS",
    "VAGUE_COUNTS",
    "VAGUE_MARKERS",
    "digits_value",
    "discount",
    "doubling",
    "english_figure",
    "english_words",
    "han_decimal",
    "han_value",
    "number_gloss",
    "neighbour_digits",
    "round_count",
    "ordinal",
    "ordinal_words",
    "rejoin_numeral",
    "split_numeral",
    "wind_force",
    "digit_score",
]
