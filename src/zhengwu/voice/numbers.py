"""Spoken numbers as digits: 一二三四五 → 12345, 十三号线 → 13号线."""

import re

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
# A single numeral is a number only before one of these (三号线, 五楼); alone it
# is usually part of a word (一下, 三星).
MEASURES = "号路线楼层栋期月日岁"
RUN = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}]+(?=([{MEASURES}])?)")
ENGLISH = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
ENGLISH_RUN = re.compile(
    r"\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine)\s+)+"
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine)\b"
)


def _value(run):
    """The value of numerals with units (三百二十, 十三), or None."""
    total, section, current = 0, 0, None
    for char in run:
        if char in DIGITS:
            if current is not None:
                return None  # 二三十: not a number read with units
            current = DIGITS[char]
        elif char == "万":
            total += (section + (current or 0)) * 10000
            section, current = 0, None
        else:
            section += (1 if current is None else current) * UNITS[char]
            current = None
    return total + section + (current or 0)


def _digits(match):
    run, measure = match.group(0), match.group(1)
    if not any(char in DIGITS for char in run) or run[0] in "百千万":
        return run  # 千万, 万一: words, not numbers
    if len(run) < 2 and not measure:
        return run
    if not any(char in UNITS for char in run):
        return "".join(str(DIGITS[char]) for char in run)  # read digit by digit
    value = _value(run)
    return run if value is None else str(value)


def spoken_numbers(text):
    """``text`` with its spoken numbers (Chinese numerals, English digit words in
    a row) written in digits."""
    text = RUN.sub(_digits, text)
    return ENGLISH_RUN.sub(
        lambda match: "".join(ENGLISH[word] for word in match.group(0).split()), text
    )
