"""Text from data made safe to show: no terminal control sequences.

A name in an agency's data could hold ``ESC ] 0 ; … BEL`` (which retitles the auditor's
terminal) or other control characters; whatever sakip writes to a terminal or a text file
goes through :func:`safe_text`, which shows each control character as a visible escape
(``\\x1b``) instead of sending it. Tabs and newlines are kept where text has lines.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (but tab and newline), line separators and bidirectional overrides
(which can make text read differently from what it is)."""


def safe_text(text: str, *, lines: bool = True) -> str:
    """``text`` with every control character written as a visible escape; with
    ``lines=False`` newlines and tabs too (for one-line messages and table cells)."""
    escaped = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    if not lines:
        escaped = escaped.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return escaped
