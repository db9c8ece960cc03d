"""The link's notices as the page shows them: a few, then how many more, so a URL
with hundreds of bad values cannot fill the page with warnings."""

from __future__ import annotations

from geo.i18n import ngettext

NOTICE_LIMIT = 5


def shown_notices(notices: list[str], limit: int = NOTICE_LIMIT) -> list[str]:
    """The first `limit` notices, then one saying how many more there are."""
    if limit < 0:
        raise ValueError("limit must not be negative")
    if len(notices) <= limit:
        return list(notices)
    more = len(notices) - limit
    text = ngettext(
        "… and {n} more problem with the link.", "… and {n} more problems with the link.", more
    )
    return [*notices[:limit], text.format(n=more)]
