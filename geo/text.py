"""Plain-text helpers: Markdown escaping, slugs and
shortened echoes of user input."""

from __future__ import annotations

import functools
import re
import unicodedata

# Every ASCII character Markdown (CommonMark, GFM, Streamlit's directives) gives a
# meaning somewhere, and '@' (e-mail autolinks): a backslash makes each one literal.
_MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>~$:&\"'=@")
# Streamlit turns ':material/' into ':material_' in the source before parsing it, so
# a '/' there is escaped too (and any '/' in the first word, which may continue it).
_ICON_PREFIX = ":material"
# Streamlit's Markdown also rewrites the *parsed* text, where escapes are gone:
# autolinks (www., http(s)://, e-mail addresses), ':material_…:' icons, ':streamlit:'
# and emoji shortcodes, and '->', '--', '>=' … become arrows and dashes. Each rewrite
# needs its characters in one text node, so md_escape ends the node where one could
# start with an empty ':color[]' directive, which Streamlit renders as an empty <span>:
# nothing to see or copy. See md_escape for where.
NODE_BREAK = ":color[]"
_PAIR_FIRST = frozenset("<->~")  # '<->', '->', '<-', '--', '>=', '<=', '~='
_PAIR_SECOND = frozenset("->=")


@functools.lru_cache(maxsize=4096)  # the same labels and texts come on every run
def md_escape(text: str) -> str:
    """Escape text for Streamlit markdown so it shows literally: no links,
    images, emphasis, LaTeX, HTML, icons or emoji can come from data.

    Every Markdown character gets a backslash. The rewrites of parsed text each need
    a stretch without spaces, so within each word a text node is ended (NODE_BREAK)
    before a '.' that could end an autolink's 'www', follow its '://' or an '@',
    before a second ':' (an icon or a shortcode needs two), and between two
    characters that would become an arrow or a dash. The first word may continue
    whatever comes before the escaped text, so there its first '.', ':' or pair
    character also ends the node."""
    out: list[str] = []
    word = _Word(fresh=True)  # what precedes the first word is unknown
    for ch in text:
        if ch == "\n":
            out.append("  \n")  # a hard line break, which ends the text node
            word = _Word()
            continue
        if not ch.isprintable():
            if not is_space(ch):  # U+3000, no-break and thin spaces are not "printable"
                continue
            ch = " "
        if ch == " ":
            out.append(ch)
            word = _Word()
            continue
        if word.ends_before(ch):
            out.append(NODE_BREAK)
            word = _Word()
        slash = ch == "/" and (word.fresh or word.tail.endswith(_ICON_PREFIX))
        out.append("\\" + ch if ch in _MD_SPECIAL or slash else ch)
        word.add(ch)
    return "".join(out)


# Punctuation that is markup nowhere in Streamlit's Markdown unless some character
# outside this set comes with it ('!' and '(' only ever begin markup after or before
# a '[' or ']', '.' a link after 'www' or ':'): text of letters, digits, single
# spaces and these shows as itself.
_INERT = frozenset(" \u00a0\u202f'\"(),.;?!/%·…–—’‘“”«»◆、。・「」（）")
_LIST_START = re.compile(r"\d+[.)]")  # "1. " or "1) " would start an ordered list


def is_inert(text: str) -> bool:
    """Whether `text` shows as itself in Streamlit's Markdown with no escaping: one
    line of letters, digits, single spaces and inert punctuation (_INERT), a '-' only
    between two letters or digits, no 'www', not starting like a list item or indented."""
    if not text or text != text.strip() or "  " in text or _LIST_START.match(text):
        return False
    if "www" in text.lower():
        return False
    for i, ch in enumerate(text):
        if ch.isalnum():  # letters and digits of any script (never a symbol or a control)
            continue
        if ch == "-" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            continue
        if ch not in _INERT:
            return False
    return True


def md_text(text: str) -> str:
    """`text` for Streamlit Markdown: as it is when it needs no escaping (is_inert), else
    md_escape's. For a slider's labels, whose raw text is also its aria-valuetext: a
    screen reader reads no backslashes in the common case."""
    return text if is_inert(text) else md_escape(text)


class _Word:
    """One word's text since the last node break, as far as md_escape needs it."""

    __slots__ = ("at", "colon", "fresh", "scheme", "tail")

    def __init__(self, fresh: bool = False) -> None:
        self.fresh = fresh  # the first word, no break yet: it may continue unknown text
        self.tail = ""  # its last characters
        self.at = self.colon = self.scheme = False  # an '@', a ':', a '://' in it

    def ends_before(self, ch: str) -> bool:
        """Whether the text node must end before `ch`."""
        if ch == ".":
            return self.fresh or self.at or self.scheme or self.tail[-3:].lower() == "www"
        if ch == ":":
            return self.fresh or self.colon
        if ch in _PAIR_SECOND:
            return (self.fresh and not self.tail) or self.tail[-1:] in _PAIR_FIRST
        return False

    def add(self, ch: str) -> None:
        self.scheme = self.scheme or (ch == "/" and self.tail.endswith(":/"))
        self.at = self.at or ch == "@"
        self.colon = self.colon or ch == ":"
        self.tail = (self.tail + ch)[-len(_ICON_PREFIX) :]


def is_space(ch: str) -> bool:
    """A space separator (Zs: U+0020, U+00A0, U+2009, U+3000 …) or a tab."""
    return ch == "\t" or unicodedata.category(ch) == "Zs"


def shorten(text: str, limit: int = 60) -> str:
    """A value echoed back to the user (e.g. a bad URL parameter), shortened. Each
    character maps to one, so only the part that is kept is looked at."""
    if len(text) > limit:
        return _flat(text[: limit - 1]) + "…"
    return _flat(text)


def _flat(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " if is_space(ch) else "?" for ch in text)


_ALNUM_RUN = re.compile(r"[^\W_]+")  # \w less '_' is exactly str.isalnum()


def slug(text: str) -> str:
    """'Sergey Lavrov' -> 'sergey-lavrov' (for URL parameters): the runs of letters
    and digits, lower-cased, joined by single dashes."""
    return "-".join(_ALNUM_RUN.findall(text.lower()))
