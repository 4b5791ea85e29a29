"""What a person types into a scenario, read exactly or refused with a reason. Plain Python, no
Streamlit.

- Amounts as the user's language writes them ("10.000" and "12.345,6" in Vietnamese, "10,000" and
  "12,345.6" in English; in tỷ đồng when that unit is shown), to exact tenths of a million VND.
- Percentage shares of the user's own split.
- A saved scenario's name, author and note: NFC, trimmed, length-checked, no hidden characters
  (but what a person types, emoji sequences included, is kept as typed).

Every refusal is a ScenarioError whose `code` names the reason; labels.scenarios has its message.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal

from . import format as fmt

TENTHS_PER_MVND = 10
NAME_MAX, AUTHOR_MAX, NOTE_MAX = 120, 80, 1000
_LOCALE = {"vi": "vi_VN", "en": "en_US"}
_UNIT_FACTOR = {"mvnd": Decimal(1), "bvnd": Decimal(1000)}


class ScenarioError(ValueError):
    """An input or an edit the model refuses. `code` names the reason (labels.scenarios has its
    message in both languages); `params` hold the figures and names the message needs."""

    def __init__(self, code: str, **params):
        super().__init__(f"{code}: {params}" if params else code)
        self.code = code
        self.params = params


# --- money -----------------------------------------------------------------------------------

def to_tenths(amount_mvnd: Decimal | int | str) -> int:
    """Decimal million VND -> int tenths, exactly; refuses anything finer than 0,1 triệu."""
    try:
        d = Decimal(amount_mvnd) if not isinstance(amount_mvnd, Decimal) else amount_mvnd
    except (InvalidOperation, TypeError, ValueError):
        raise ScenarioError("amount_not_number") from None
    if not d.is_finite():
        raise ScenarioError("amount_not_number")
    scaled = d * TENTHS_PER_MVND
    if scaled != scaled.to_integral_value():
        raise ScenarioError("amount_too_precise")
    return int(scaled)


def from_tenths(tenths: int) -> Decimal:
    return Decimal(tenths) / TENTHS_PER_MVND


_NUMBER_CHARS = re.compile(r"^[0-9.,]+$")
# Thousands written the other language's way: a whole number grouped by threes with the mark that is
# the decimal mark here. Read literally it would be a tiny or over-precise amount; the user meant
# the thousands, so the message says how this language writes them.
_OTHER_STYLE_THOUSANDS = {
    "vi": (re.compile(r"^[0-9]{1,3}(,[0-9]{3})+$"), "amount_vi_thousands"),
    "en": (re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$"), "amount_en_thousands"),
}
_SWAP_MARKS = str.maketrans(",.", ".,")


def parse_amount(text: str, lang: str = "vi", unit: str = "mvnd", maximum: Decimal | None = None) -> Decimal:
    """A typed amount -> Decimal million VND, read the way the user's language writes numbers.

    "10.000" and "12.345,6" in Vietnamese, "10,000" and "12,345.6" in English; in `bvnd` the figure
    is in tỷ đồng ("2" = 2.000 triệu). Refused with ScenarioError: empty, text, NaN, infinity,
    exponents, negative numbers, more decimals than 0,1 triệu, and anything above `maximum`."""
    if not isinstance(text, str):
        raise ScenarioError("amount_not_number")
    raw = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if raw == "":
        raise ScenarioError("amount_empty")
    if len(raw) > 40:  # no amount needs more; a pasted wall of digits is not one
        raise ScenarioError("amount_not_number")
    if raw.startswith("-") and _NUMBER_CHARS.match(raw[1:] or "x"):
        raise ScenarioError("amount_negative")
    if raw.startswith("+"):
        raw = raw[1:]
    if not _NUMBER_CHARS.match(raw):
        raise ScenarioError("amount_not_number")
    try:
        value = parse_decimal(raw, locale=_LOCALE.get(lang, "vi_VN"), strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        raise ScenarioError("amount_badly_written") from None
    if not value.is_finite():
        raise ScenarioError("amount_not_number")
    if value.as_tuple().exponent < -fmt.MONEY_DECIMALS.get(unit, 1):
        other_style = _OTHER_STYLE_THOUSANDS.get(lang)
        if other_style and other_style[0].match(raw):  # "10,000" typed in Vietnamese, "10.000" in English
            raise ScenarioError(other_style[1], suggest=raw.translate(_SWAP_MARKS))
        raise ScenarioError("amount_too_precise")
    mvnd = value * _UNIT_FACTOR.get(unit, Decimal(1))
    if maximum is not None and mvnd > maximum:
        raise ScenarioError("amount_above_cap", maximum=maximum)
    return Decimal(to_tenths(mvnd)) / TENTHS_PER_MVND


def parse_share(text: str, lang: str = "vi") -> Decimal:
    """A typed percentage share -> Decimal in [0, 100] with at most one decimal; empty = 0.
    ScenarioError `share_invalid` otherwise."""
    if isinstance(text, str) and text.strip() == "":
        return Decimal(0)
    try:
        return parse_amount(text, lang, "mvnd", maximum=Decimal(100))
    except ScenarioError:
        raise ScenarioError("share_invalid") from None


# --- names and notes -------------------------------------------------------------------------

# Right-to-left marks, bidi embeddings/overrides/isolates and other invisible format characters
# could make a name display differently from what it is; control characters and the Unicode line
# and paragraph separators (U+2028, U+2029) have no place in it. What a person types is kept: the
# zero-width joiner inside an emoji sequence (👩‍💻), the tags of a subdivision flag (🏴 + tags), and
# the zero-width non-joiner between two letters (Persian, Indic scripts).
_EMOJI_TAIL = {"\ufe0f", "\u20e3"}  # emoji presentation selector, keycap


def _is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or "\U0001F3FB" <= ch <= "\U0001F3FF"  # skin tones are Sk


def _emoji_before(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and (text[j] in _EMOJI_TAIL or "\U0001F3FB" <= text[j] <= "\U0001F3FF"):
        j -= 1
    return j >= 0 and _is_emoji(text[j])


def _allowed_format_char(text: str, i: int) -> bool:
    ch = text[i]
    if ch == "\u200d":  # zero-width joiner: only between two emoji
        return _emoji_before(text, i) and i + 1 < len(text) and _is_emoji(text[i + 1])
    if ch == "\u200c":  # zero-width non-joiner: only between two letters
        return (0 < i < len(text) - 1 and unicodedata.category(text[i - 1])[0] in "LM"
                and unicodedata.category(text[i + 1])[0] in "LM")
    if "\U000E0020" <= ch <= "\U000E007F":  # tags: only in a flag sequence after 🏴
        j = i - 1
        while j >= 0 and "\U000E0020" <= text[j] <= "\U000E007E":
            j -= 1
        return j >= 0 and text[j] == "\U0001F3F4"
    return False


def _has_hidden_chars(text: str) -> bool:
    for i, ch in enumerate(text):
        if ch in "\n\t":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cs", "Zl", "Zp") or (cat == "Cf" and not _allowed_format_char(text, i)):
            return True
    return False


def clean_text(value, *, max_len: int, required: bool, field_name: str, multiline: bool = False) -> str:
    """User text for a scenario's name/author/note: NFC, trimmed, length-checked, no hidden marks.

    HTML is not refused: it is kept as typed and always shown as plain text."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ScenarioError("text_invalid", field=field_name)
    text = unicodedata.normalize("NFC", value).strip()
    if required and not text:
        raise ScenarioError("text_empty", field=field_name)
    if len(text) > max_len:
        raise ScenarioError("text_too_long", field=field_name, max_len=max_len, length=len(text))
    if _has_hidden_chars(text) or (not multiline and ("\n" in text or "\t" in text)):
        raise ScenarioError("text_hidden_chars", field=field_name)
    return text


def clean_meta(name, author, note) -> dict:
    """{name, author, note} cleaned, or ScenarioError naming the first field that is refused."""
    return {
        "name": clean_text(name, max_len=NAME_MAX, required=True, field_name="name"),
        "author": clean_text(author, max_len=AUTHOR_MAX, required=False, field_name="author"),
        "note": clean_text(note, max_len=NOTE_MAX, required=False, field_name="note", multiline=True),
    }
