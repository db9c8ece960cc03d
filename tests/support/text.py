"""Text that tries to become markup, and the pattern of markup left unescaped."""

import re

HOSTILE = (
    "<script>window.pwned=1</script><img src=x onerror=alert(1)> `${alert(2)}` "
    "[x](javascript:alert(3)) $x$"
)
UNESCAPED = re.compile(r"(?<!\\)[<>`$\[\]()]")
