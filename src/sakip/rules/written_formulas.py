"""Formulas a report writes out in its text, read and worked out exactly.

Reports show how a figure was computed in a sentence: ``12.450 / 13.900 × 100 = 89,60 %``,
``(50 : 3) x 100% = 1667%``, ``realisasi 215 dibagi target 240 dikalikan 100 persen sama
dengan 89,58 %``. A formula here is an arithmetic expression of printed numbers followed by
``=`` (or ``sama dengan``) and one printed number, its result. Words that name a number
(``dibagi target 240``) or give its unit (``58 jenis x 100%``) are read past; any other word
ends the expression, so prose before it is never taken in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_UP,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    localcontext,
)

from attrs import frozen

from sakip.arithmetic import ARITHMETIC, HUNDRED, exponent_of

# --- tokens -----------------------------------------------------------------------------------

_NUMBER = (
    r"(?:rp\.?\s*)?"
    r"(?P<digits>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?|seratus\b|seribu\b)"
    r"(?:,-)?(?P<percent>\s*(?:%|persen\b))?"
)
_TOKEN = re.compile(
    rf"""(?P<eq>=|\bsama\s+dengan\b)
    |(?P<divide>\bdi(?:bagi|bagikan)(?:\s+dengan)?\b|[/:÷])
    |(?P<times>\bdikali(?:kan)?(?:\s+dengan)?\b|\bkali\b|(?<=[\d%)\s])[x×*](?=\s*[\d(]))
    |(?P<plus>\bditambah(?:\s+dengan)?\b|\+)
    |(?P<minus>\bdikurang(?:i)?(?:\s+dengan)?\b|[-−–])
    |(?P<open>[(\[])
    |(?P<close>[)\]])
    |(?P<number>{_NUMBER})
    |(?P<word>[^\W\d_]+)
    |(?P<other>\S)""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD_NUMBERS = {"seratus": Decimal(100), "seribu": Decimal(1000)}
_OPERATORS = {"divide": "/", "times": "*", "plus": "+", "minus": "-"}
MAX_NAMING_WORDS = 3
"""Words that may stand between an operator and its number (``dibagi jumlah target 240``)."""


@frozen
class Token:
    kind: str
    """``number``, an operator (``+ - * /``), ``(``, ``)``, ``=``, ``word`` or ``other``."""
    start: int
    end: int
    value: Decimal | None = None
    percent: bool = False
    text: str = ""


def tokens(text: str) -> list[Token]:
    """The numbers, operators, parentheses, ``=`` and words of a text, in order; commas a
    sentence pauses at around an operator left out."""
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "number":
            found.append(
                Token(
                    "number",
                    match.start(),
                    match.end(),
                    read_text_number(match["digits"]),
                    bool(match["percent"]),
                    match[0],
                )
            )
        elif kind in _OPERATORS:
            found.append(Token(_OPERATORS[kind], match.start(), match.end()))
        else:
            symbol = {"eq": "=", "open": "(", "close": ")"}.get(kind, kind)
            found.append(Token(symbol, match.start(), match.end(), text=match[0]))
    return _without_pauses(found)


_COMPUTING = ("+", "-", "*", "/", "=")


def _without_pauses(tokens: list[Token]) -> list[Token]:
    """The tokens without the commas a sentence pauses at around an operator word
    (``…(162/100.000), dikalikan dengan seratus persen, sama dengan 87,10 %``)."""
    kept: list[Token] = []
    for index, token in enumerate(tokens):
        after = tokens[index + 1].kind if index + 1 < len(tokens) else ""
        before = kept[-1].kind if kept else ""
        if token.text == "," and (after in _COMPUTING or before in _COMPUTING):
            continue
        kept.append(token)
    return kept


def read_text_number(digits: str) -> Decimal:
    """A number as a sentence writes it: ``12.450`` (thousands grouped with dots), ``89,60``
    (a decimal comma), ``89.57`` (a decimal point where no group of three follows it),
    ``seratus``."""
    word = _WORD_NUMBERS.get(digits.lower())
    if word is not None:
        return word
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits) or "," in digits:
        return Decimal(digits.replace(".", "").replace(",", "."))
    return Decimal(digits)


# --- expressions ----------------------------------------------------------------------------


@frozen
class Number:
    value: Decimal
    percent: bool
    """Written with ``%`` or ``persen``: ``100%`` in ``× 100%`` is a hundred, but ``80% ×
    50`` is four fifths of fifty; both readings are tried."""


@frozen
class Operation:
    operator: str
    left: Expression
    right: Expression


@frozen
class Negation:
    operand: Expression


Expression = Number | Operation | Negation


class _Parser:
    """Operators, parentheses and unary minus, by the usual precedence."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def whole(self) -> Expression | None:
        found = self.sum()
        return found if found is not None and self.at == len(self.tokens) else None

    def _next(self, *kinds: str) -> Token | None:
        if self.at < len(self.tokens) and self.tokens[self.at].kind in kinds:
            self.at += 1
            return self.tokens[self.at - 1]
        return None

    def sum(self) -> Expression | None:
        left = self.product()
        while left is not None and (operator := self._next("+", "-")):
            right = self.product()
            left = None if right is None else Operation(operator.kind, left, right)
        return left

    def product(self) -> Expression | None:
        left = self.unary()
        while left is not None and (operator := self._next("*", "/")):
            right = self.unary()
            left = None if right is None else Operation(operator.kind, left, right)
        return left

    def unary(self) -> Expression | None:
        if self._next("-"):
            operand = self.unary()
            return None if operand is None else Negation(operand)
        number = self._next("number")
        if number is not None:
            assert number.value is not None, "a number token has its value"
            return self._apposition(Number(number.value, number.percent))
        if self._next("("):
            inner = self.sum()
            return inner if inner is not None and self._next(")") else None
        return None

    def _apposition(self, number: Number) -> Number:
        """A number followed by the same quantity in parentheses, written more exactly
        (``0,19% (186/100.000)``): the exact one, in the number's unit (a hundredth
        written as a percent is read as one). Parentheses that say something else are left
        for the expression to read."""
        start = self.at
        if not self._next("("):
            return number
        inner = self.sum()
        exact = evaluate(inner) if inner is not None and self._next(")") else None
        if exact is not None:
            places = max(0, -exponent_of(number.value))
            step = Decimal(1).scaleb(-places)
            for scaled in (exact, ARITHMETIC.multiply(exact, HUNDRED)):
                if any(
                    scaled.quantize(step, rounding=mode, context=ARITHMETIC) == number.value
                    for mode in (ROUND_HALF_UP, ROUND_DOWN)
                ):
                    return Number(scaled, number.percent)
        self.at = start
        return number


def evaluate(expression: Expression, *, percent_as_fraction: bool = False) -> Decimal | None:
    """The exact value of an expression (``None`` where it divides by zero); with
    ``percent_as_fraction``, ``80%`` is 0,8."""
    with localcontext(ARITHMETIC) as context:
        context.traps[DivisionByZero] = context.traps[InvalidOperation] = True
        try:
            return _value(expression, percent_as_fraction)
        except (DivisionByZero, InvalidOperation):
            return None


def _value(expression: Expression, fraction: bool) -> Decimal:
    if isinstance(expression, Number):
        return expression.value / HUNDRED if fraction and expression.percent else expression.value
    if isinstance(expression, Negation):
        return -_value(expression.operand, fraction)
    left, right = _value(expression.left, fraction), _value(expression.right, fraction)
    if expression.operator == "+":
        return left + right
    if expression.operator == "-":
        return left - right
    if expression.operator == "*":
        return left * right
    return left / right


# --- formulas in a text -----------------------------------------------------------------------


@frozen
class WrittenFormula:
    """A formula a sentence writes out, with what it prints as its result.

    :ivar written: the formula as printed, from its first number to its result.
    :ivar sentence: the sentence it is in.
    :ivar printed: the result as printed (``89,60 %``).
    :ivar result: the printed result's value; ``percent`` when written with ``%``.
    """

    written: str
    sentence: str
    expression: Expression
    printed: str
    result: Decimal
    percent: bool

    @property
    def decimals(self) -> int:
        """The decimals the result is printed with."""
        return max(0, -exponent_of(self.result))

    def exact(self) -> Decimal | None:
        """What the formula gives, every number read as written (``× 100%`` a hundred)."""
        return evaluate(self.expression)

    def as_fractions(self) -> Decimal | None:
        """The result the other reading gives, a percentage as a fraction (``80% × 50``),
        in the unit the result is printed in."""
        value = evaluate(self.expression, percent_as_fraction=True)
        if value is None or not self.percent:
            return value
        with localcontext(ARITHMETIC):
            return value * HUNDRED


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z])")


def written_formulas(text: str) -> Iterator[WrittenFormula]:
    """Every formula with a printed result in a paragraph, in reading order."""
    found = tokens(text)
    for index, token in enumerate(found):
        if token.kind != "=":
            continue
        result = _result(found, index)
        left = _expression_before(found, index)
        if result is None or left is None:
            continue
        first, expression = left
        sign, number = result
        assert number.value is not None, "a number token has its value"
        start = found[first].start
        yield WrittenFormula(
            written=text[start : number.end],
            sentence=_sentence(text, start, number.end),
            expression=expression,
            printed=text[(sign or number).start : number.end].strip(),
            result=-number.value if sign else number.value,
            percent=number.percent,
        )


def _result(tokens: Sequence[Token], equals: int) -> tuple[Token | None, Token] | None:
    """The printed number right after ``=``, when nothing computes on from it."""
    at = equals + 1
    sign = tokens[at] if at < len(tokens) and tokens[at].kind == "-" else None
    at += sign is not None
    if at >= len(tokens) or tokens[at].kind != "number":
        return None
    after = [token.kind for token in tokens[at + 1 : at + 3]]
    if len(after) == 2 and after[0] in ("+", "-", "*", "/") and after[1] in ("number", "("):
        return None  # an expression, the left side of a further ``=``
    return sign, tokens[at]


def _expression_before(tokens: Sequence[Token], equals: int) -> tuple[int, Expression] | None:
    """The longest run of tokens ending before ``=`` that is an expression with an operator;
    words naming a number or giving its unit are read past."""
    kept: list[int] = []
    at = equals - 1
    while at >= 0:
        kind = tokens[at].kind
        if kind in ("number", "+", "-", "*", "/", "(", ")"):
            kept.append(at)
            at -= 1
            continue
        if kind != "word":
            break
        first = at
        while first > 0 and tokens[first - 1].kind == "word":
            first -= 1
        if at - first + 1 > MAX_NAMING_WORDS or first == 0:
            break
        before = tokens[first - 1].kind
        after = tokens[kept[-1]].kind if kept else "="  # a unit right before ``=``
        naming = before in ("+", "-", "*", "/", "(") and after in ("number", "(")
        unit = before in ("number", ")") and after in ("+", "-", "*", "/", ")", "=")
        if not (naming or unit):
            break
        at = first - 1
    kept.reverse()
    for start in range(len(kept)):
        expression = _Parser([tokens[i] for i in kept[start:]]).whole()
        if _computes(expression):
            assert expression is not None, "an expression that computes is one"
            return kept[start], expression
    return None


def _computes(expression: Expression | None) -> bool:
    """Whether an expression has an operator (``-5`` or ``(12)`` alone is a number)."""
    while isinstance(expression, Negation):
        expression = expression.operand
    return isinstance(expression, Operation)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around ``start`` … ``end``."""
    begin = 0
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.end() <= start:
            begin = boundary.end()
        elif boundary.start() >= end:
            return text[begin : boundary.start()].strip()
    return text[begin:].strip()
