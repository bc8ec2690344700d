"""A position in a YAML document that knows its file, line and path.

Every scalar is read as the text the agency wrote (YAML's own guessing of numbers and
booleans is bypassed), so ``77,85`` and ``4.753.553.212`` reach the Indonesian number parser
untouched, and every error names the file, the line and the path to the value.

A file whose numbers are written in English form (``9.38``) says so once, at its top:
``numbers: en``; its cursors then read numbers in that form.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from sakip.errors import DataError, NumberError, SakipError
from sakip.model.budget import BudgetStage
from sakip.model.indicators import Aggregation, GradeRule, Polarity
from sakip.model.policy import ZeroPolicy
from sakip.model.subjects import Measure
from sakip.numbers import INDONESIAN, NO_VALUE, parse_number

NUMBER_FORMS = {"id": INDONESIAN, "en": "en"}
"""The forms a file may declare for its numbers (``numbers: en``): Indonesian by default."""


_LIBYAML = hasattr(yaml, "CSafeLoader")
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))


class _Loader(yaml.CSafeLoader if _LIBYAML else yaml.SafeLoader):  # type: ignore[misc]
    """libyaml's parser where PyYAML was built with it (several times faster on large files);
    it gives the same nodes, with the same lines, as the pure-Python one.

    Every value is read as text, so YAML's guessing of a plain value's type (a regular
    expression per value, a third of the parse of a large file) is skipped: an untagged node
    is text, a list or a mapping. An explicit tag is kept, to be refused by :func:`_plain`.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        if _LIBYAML:
            # libyaml refuses nesting past its own limit (1000 levels) as it scans, so the
            # count below is not needed; the composer still calls these on entering and
            # leaving every node, and C callables that take the same arguments and do
            # nothing cost a fraction of a Python method (a tenth of a large file's load).
            self.descend_resolver = slice  # type: ignore[method-assign, assignment]
            self.ascend_resolver = tuple  # type: ignore[method-assign, assignment]

    def resolve(self, kind: type[yaml.Node], value: object, implicit: object) -> str:
        if kind is yaml.ScalarNode:
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    # The pure-Python composer calls these on entering and leaving every node (for path
    # resolvers, which sakip has none of): they count the nesting as it is read, so that a
    # deep file is refused before the composer's recursion fails.
    def descend_resolver(self, parent: yaml.Node | None, index: object) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooDeepError(parent.start_mark.line + 1 if parent is not None else 1)

    def ascend_resolver(self) -> None:
        self._depth -= 1


class _TooDeepError(Exception):
    """Nesting past :data:`MAX_DEPTH`, found at a line while composing."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


_new_cursor = object.__new__


class Cursor:
    """A YAML node with its source file and path, e.g. ``objectives[0].indicators[1]``.

    :ivar locale: the form its numbers are written in (Indonesian unless the file says).
    """

    # A large data file makes a cursor per value: slots keep them small, and the path is
    # spelt out from the parent's only when an error needs it.
    __slots__ = ("_parent", "_step", "locale", "node", "source")

    def __init__(
        self, node: yaml.Node, source: str, path: str = "", locale: str = INDONESIAN
    ) -> None:
        self.node = node
        self.source = source
        self.locale = locale
        self._parent: Cursor | None = None
        self._step = path

    @property
    def path(self) -> str:
        """Where the value is in its document: ``programs[0].activities[1].name``."""
        if self._parent is None:
            return self._step
        above, step = self._parent.path, self._step
        return f"{above}.{step}" if above and not step.startswith("[") else above + step

    @classmethod
    def parse(cls, text: str, source: str) -> Cursor:
        """Parse YAML text; a syntax error names the file and line."""
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            line = f"line {mark.line + 1}" if mark is not None else ""
            raise DataError(source, line, f"not valid YAML: {exc.problem}") from None
        except yaml.reader.ReaderError as exc:
            line = f"line {text.count(chr(10), 0, exc.position) + 1}"
            raise DataError(source, line, f"not valid YAML: {exc.reason}") from None
        except yaml.YAMLError as exc:
            raise DataError(source, "", f"not valid YAML: {exc}") from None
        except _TooDeepError as exc:
            raise DataError(
                source, f"line {exc.line}", f"nested deeper than {MAX_DEPTH} levels"
            ) from None
        if node is None:
            raise DataError(source, "", "the file is empty")
        if "!" in text:  # a tag is written with "!": without one, every node is plain
            _plain(node, source)
        return cls(node, source)

    @classmethod
    def read(cls, path: Path | Traversable) -> Cursor:
        """Parse a YAML file, which must be UTF-8 text."""
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(
                str(path),
                f"byte {exc.start}",
                f"is not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); save it as UTF-8",
            ) from None
        except OSError as exc:
            raise DataError(str(path), "", f"cannot be read: {exc.strerror or exc}") from None
        return cls.parse(text, str(path))

    @property
    def place(self) -> str:
        line = f"line {self.node.start_mark.line + 1}"
        return f"{line}, {self.path}" if self.path else line

    def error(self, message: str) -> DataError:
        return DataError(self.source, self.place, message)

    def child(self, node: yaml.Node, step: str) -> Cursor:
        """The cursor of ``node``, found under this one at ``step`` (a key, or ``[index]``)."""
        child = _new_cursor(Cursor)  # not __init__: a child takes its file and form from here
        child.node, child.source, child.locale = node, self.source, self.locale
        child._parent, child._step = self, step
        return child

    def _kind(self) -> str:
        if isinstance(self.node, yaml.MappingNode):
            return "a mapping"
        if isinstance(self.node, yaml.SequenceNode):
            return "a list"
        return f"the text {self.node.value!r}"

    # --- structure -------------------------------------------------------------------

    def mapping(self, allowed: set[str] | None = None) -> dict[str, Cursor]:
        """The entries of a mapping; unknown keys (likely typos) are refused."""
        if not isinstance(self.node, yaml.MappingNode):
            raise self.error(f"expected a mapping of fields, got {self._kind()}")
        entries: dict[str, Cursor] = {}
        child = self.child
        for key_node, value_node in self.node.value:
            key = str(key_node.value)
            if key in entries:
                raise child(value_node, key).error(f"the field {key!r} is given twice")
            if allowed is not None and key not in allowed:
                raise child(value_node, key).error(
                    f"unknown field {key!r}; expected one of: {', '.join(sorted(allowed))}"
                )
            entries[key] = child(value_node, key)
        return entries

    def items(self) -> Iterator[Cursor]:
        """The elements of a list."""
        if not isinstance(self.node, yaml.SequenceNode):
            raise self.error(f"expected a list, got {self._kind()}")
        for index, node in enumerate(self.node.value):
            yield self.child(node, f"[{index}]")

    # --- scalars ---------------------------------------------------------------------

    def is_scalar(self) -> bool:
        """Whether the node is a single value (not a mapping or a list)."""
        return isinstance(self.node, yaml.ScalarNode)

    def text(self) -> str:
        value = text_of(self.node)
        if value is not None:
            return value
        if not isinstance(self.node, yaml.ScalarNode):
            raise self.error(f"expected text, got {self._kind()}")
        if not self.node.style and self.node.value in NULL_WORDS:
            raise self.error(f"expected text, got {self.node.value or 'nothing'!r} (YAML's null)")
        raise self.error("expected text, got nothing")

    def whole(self, *, least: int, most: int) -> int:
        """A whole number from ``least`` to ``most`` (decimals, a year): ``2,5`` is refused,
        never cut to 2."""
        number = self.number()
        if number != number.to_integral_value() or not least <= number <= most:
            raise self.error(
                f"expected a whole number from {least} to {most}, got {self.node.value!r}"
            )
        return int(number)

    def number(self) -> Decimal:
        """A number in the file's form: Indonesian (``77,85``; ``4.753.553.212``) unless the
        file declares ``numbers: en``."""
        if not isinstance(self.node, yaml.ScalarNode):
            raise self.error(f"expected a number such as 77,85, got {self._kind()}")
        try:
            return parse_number(str(self.node.value), locale=self.locale)
        except NumberError as exc:
            raise self.error(str(exc)) from None

    def is_no_value(self) -> bool:
        """Whether the value is written as "no value": ``-``, ``n/a`` or empty."""
        return is_no_value(self.node)

    def optional_number(self) -> Decimal | None:
        """A number, or ``None`` where "no value" is written (never 0)."""
        return None if self.is_no_value() else self.number()

    def with_number_form(self, fields: dict[str, Cursor]) -> None:
        """Take the file's declared number form (its ``numbers`` field), for this cursor and
        the fields read from it."""
        if "numbers" not in fields:
            return
        form = fields["numbers"].text()
        if form not in NUMBER_FORMS:
            raise fields["numbers"].error(
                f"unknown number form {form!r}; expected 'id' (77,85; 4.753.553.212) or "
                "'en' (77.85; 4,753,553,212)"
            )
        self.locale = NUMBER_FORMS[form]
        for child in fields.values():
            _set_locale(child, self.locale)

    def texts(self) -> list[str]:
        """One text or a list of them."""
        if isinstance(self.node, yaml.ScalarNode):
            return [self.text()]
        return [item.text() for item in self.items()]


_NOT_A_MEMBER = re.compile(r"^'(?P<value>.*)' is not a valid (?P<enum>\w+)$")


def _choices(message: str) -> str:
    """An enum's refusal (``'upwards' is not a valid Polarity``) with the values it takes."""
    match = _NOT_A_MEMBER.match(message)
    enum = _ENUMS.get(match["enum"]) if match else None
    if match is None or enum is None:
        return message
    choices = ", ".join(str(member.value) for member in enum)
    words = re.sub(r"(?<!^)([A-Z])", r" \1", match["enum"]).lower()
    return f"unknown {words} {match['value']!r}; expected one of: {choices}"


_ENUMS: dict[str, type[enum.Enum]] = {
    kind.__name__: kind
    for kind in (Polarity, Aggregation, GradeRule, ZeroPolicy, BudgetStage, Measure)
}

NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
"""What YAML 1.1 reads as null when written plain (unquoted)."""
_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
MAX_DEPTH = 64
"""Nesting no LKjIP needs; deeper is refused while it is read by the pure-Python parser.
libyaml, where PyYAML has it, refuses nesting past its own limit of 1000 levels, which no
reader goes near: each refuses a list or mapping where it expects a value."""


def _plain(root: yaml.Node, source: str) -> None:
    """Every node is plain YAML: no tag (``!!python/object``) that would mean more than
    text, lists and mappings. (Nesting is limited while composing.)"""
    stack: list[yaml.Node] = [root]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if node.tag not in _CORE_TAGS:
            raise DataError(
                source,
                f"line {node.start_mark.line + 1}",
                f"the YAML tag {node.tag!r} is not allowed: write plain values",
            )
        value = node.value
        if isinstance(value, list):  # a sequence's items, or a mapping's (key, value) pairs
            for item in value:
                if isinstance(item, tuple):
                    push(item[0])
                    push(item[1])
                else:
                    push(item)


def text_of(node: yaml.Node) -> str | None:
    """A scalar's text, stripped; ``None`` when it holds none: a list or a mapping, YAML's
    null written plain (``~``, ``null``), or only white space. (:meth:`Cursor.text` says
    which, at its place.)"""
    if not isinstance(node, yaml.ScalarNode) or (not node.style and node.value in NULL_WORDS):
        return None
    return str(node.value).strip() or None


def is_no_value(node: yaml.Node) -> bool:
    """Whether a value is written as "no value": ``-``, ``n/a`` or empty."""
    return isinstance(node, yaml.ScalarNode) and (
        node.value is None or str(node.value).strip() in NO_VALUE
    )


def _set_locale(cursor: Cursor, locale: str) -> None:
    cursor.locale = locale


def required(entries: dict[str, Cursor], key: str, owner: Cursor) -> Cursor:
    """The entry ``key``, or an error at ``owner`` saying it is missing."""
    if key not in entries:
        raise owner.error(f"the required field {key!r} is missing")
    return entries[key]


def building(cursor: Cursor) -> _Building:
    """Context manager: a record's own validation error is reported at ``cursor``."""
    return _Building(cursor)


class _Building:
    def __init__(self, cursor: Cursor) -> None:
        self.cursor = cursor

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, SakipError) and not isinstance(exc, DataError):
            raise self.cursor.error(str(exc)) from None
        if isinstance(exc, ValueError | TypeError) and not isinstance(exc, SakipError):
            # A record's own validator (attrs, an enum) refusing a value: named at its place.
            raise self.cursor.error(_choices(str(exc))) from None
