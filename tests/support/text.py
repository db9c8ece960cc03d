"""Text that tries to become markup, the pattern of markup left unescaped, and a model
of the rewrites Streamlit's Markdown makes to parsed text, where escapes no longer count."""

import re

HOSTILE = (
    "<script>window.pwned=1</script><img src=x onerror=alert(1)> `${alert(2)}` "
    "[x](javascript:alert(3)) $x$"
)
UNESCAPED = re.compile(r"(?<!\\)[<>`$\[\]()]")

# What a red-team pass got Streamlit 1.67 to turn into links, icons, images or other
# text although every character was backslash-escaped.
REWRITTEN = {
    "www": "www.evil-example.com",
    "http": "http://evil.example/x",
    "https-userinfo": "https://tass.com@evil.example/",
    "e-mail": "press@evil.example",
    "mailto": "mailto:press@evil.example",
    "icon": ":material/verified:",
    "icon-in-a-word": "x:material/verified:y",
    "logo": ":streamlit:",
    "arrows": "a -> b <- c <-> d",
    "dashes-and-signs": "a -- b >= c <= d ~= e",
    "upper-case": "WWW.EVIL.COM",
    "after-punctuation": "(www.evil.com) see:www.evil.com",
    "nested-www": "x www.www.evil.com",
    "dotted-e-mail": "a.b@c.d.e x@y@z.com",
}
# Markdown that escapes always stopped; kept beside the above so nothing regresses.
ESCAPED = {
    "ftp": "ftp://evil.example/x",  # not autolinked by Streamlit; here so it stays so
    # Streamlit loads its emoji plugin only when the source has a bare ':name:'.
    "shortcode": ":smile:",
    "directive": ":red[x]",
    "badge": ":red-badge[x] :small[x]",
    "emphasis": "**bold** _a_ x*y*z",
    "link": "[x](http://e.example)",
    "math": "$x$ $$y$$",
    "code": "`code`",
    "strike": "~~del~~",
    "html": "<b>x</b> <http://a.b>",
    "entity": "&amp; &#46;",
    "list": "1. item",
    "bullet": "- item",
    "heading": "# h",
    "quote": "> q",
    "table": "| a | b |",
    "break-marker": "::color[] \\.",
}
PAYLOADS = {**REWRITTEN, **ESCAPED}
# The characters md_escape gave a backslash before it broke text nodes.
BACKSLASHED = frozenset("\\`*_{}[]()#+-.!|<>~$:&\"'=")


def backslashes_only(text: str) -> str:
    """md_escape as it was: a backslash before each Markdown character, nothing more."""
    return "".join("\\" + ch if ch in BACKSLASHED else ch for ch in text)


# Stricter than Streamlit's own patterns: any of these inside one text node counts.
_REWRITES = {
    "autolink": re.compile(r"(?i)www\.|https?://[-\w]*\."),
    "e-mail": re.compile(r"[-.\w+]@[-\w]+\."),
    "icon or shortcode": re.compile(r":[^\s:]*:"),
    "arrow or dash": re.compile(r"<->|->|<-|--|>=|<=|~="),
}


def text_nodes(markdown: str) -> list[str]:
    """The plain text nodes Streamlit's parser makes of md_escape's output: split at its
    node breaks and hard line breaks, escapes removed."""
    from geo.text import NODE_BREAK

    nodes = re.split(re.escape(NODE_BREAK) + "|  \n", markdown)
    return [re.sub(r"\\(.)", r"\1", node) for node in nodes]


def rewrites(markdown: str) -> list[tuple[str, str]]:
    """(kind, text node) for each node of md_escape's output that Streamlit could still
    rewrite into a link, an icon, an emoji, an arrow or a dash."""
    found = []
    for node in text_nodes(markdown):
        found += [(kind, node) for kind, pattern in _REWRITES.items() if pattern.search(node)]
    if ":material/" in markdown:  # rewritten in the source, before any parsing
        found.append(("icon prefix", markdown))
    return found
