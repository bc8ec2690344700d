"""sakip's own audit checks, registered through the same hook as any plugin's.

Each check reports a defect once, where it is: a figure that follows from a misprinted
input is not reported again (it equals what the agency's data gives), and a total that adds
up its misprinted parts is not either; the part is reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from sakip.hookspecs import hookimpl
from sakip.model.budget import BudgetStage
from sakip.model.figures import Measure, Subject
from sakip.model.periods import Period
from sakip.review.context import ReviewContext, show
from sakip.review.derive import Rate, Total
from sakip.review.findings import Finding, Severity
from sakip.review.report import Figure, Place
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.specs import CheckSpec

HUNDRED = Decimal(100)


# --- SK101: a rate that does not follow from its inputs ---------------------------------


def check_rates(ctx: ReviewContext) -> Iterator[Finding]:
    structure = ctx.structure
    for figure in ctx.figures:
        rate = ctx.derivations[figure.place]
        if not isinstance(rate, Rate):
            continue
        expected = rate.value(structure)
        if expected is None or expected == figure.value:
            continue
        if figure.shows(structure.reference(figure.subject)):
            continue  # it follows the data: one of its inputs is misprinted, reported there
        inputs = ", ".join(f"{i.place.column} {i.text}" for i in rate.inputs)
        places = (figure.place, *(i.place for i in rate.inputs))
        explains = next(
            (
                r
                for r in _other_roundings(structure.rounding, figure)
                if rate.value(structure, r) == figure.value
            ),
            None,
        )
        if explains is None:
            yield _finding(
                "SK101",
                Severity.ERROR,
                places,
                figure.text,
                expected,
                ctx.say(
                    "{printed} does not follow from {inputs}: the agency's rules give {expected}, "
                    "and no other rounding gives {printed}.",
                    printed=figure.text,
                    inputs=inputs,
                    expected=show(expected),
                ),
            )
        else:
            yield _finding(
                "SK101",
                Severity.WARNING,
                places,
                figure.text,
                expected,
                ctx.say(
                    "{printed} does not follow from {inputs} under the agency's rounding "
                    "({policy}), which gives {expected}; {other} gives {printed}.",
                    printed=figure.text,
                    inputs=inputs,
                    policy=_rounding_name(ctx, structure.rounding),
                    expected=show(expected),
                    other=_rounding_name(ctx, explains),
                ),
            )


def _other_roundings(agency: RoundingPolicy, figure: Figure) -> Iterator[RoundingPolicy]:
    """Every rounding to the agency's decimals or to the decimals printed, but the agency's."""
    printed = _decimals(figure.text)
    for places in dict.fromkeys((agency.places, printed)):
        for mode in RoundingMode:
            policy = RoundingPolicy(mode, places)
            if policy != agency:
                yield policy


def _decimals(text: str) -> int:
    number = text.split()[0].rstrip("%")
    return len(number.split(",", 1)[1]) if "," in number else 0


def _rounding_name(ctx: ReviewContext, policy: RoundingPolicy) -> str:
    mode = {
        RoundingMode.HALF_UP: ctx.say("rounding half up"),
        RoundingMode.HALF_EVEN: ctx.say("rounding half to even"),
        RoundingMode.TRUNCATE: ctx.say("truncating"),
    }[policy.mode]
    return ctx.say("{mode} to {places} decimals", mode=mode, places=policy.places)


# --- SK201: a total that is not the sum of its parts -----------------------------------


def check_totals(ctx: ReviewContext) -> Iterator[Finding]:
    for figure in ctx.figures:
        total = ctx.derivations[figure.place]
        if not isinstance(total, Total) or total.value == figure.value:
            continue
        if figure.shows(ctx.structure.reference(figure.subject)):
            continue  # the total is right: a misprinted part is reported on its own
        yield _finding(
            "SK201",
            Severity.ERROR,
            (figure.place,),
            figure.text,
            total.value,
            ctx.say(
                "{printed} is not the sum of the {count} parts printed in this table, which "
                "add up to {expected}.",
                printed=figure.text,
                count=len(total.parts),
                expected=show(total.value),
            ),
        )


# --- SK301 / SK302: one quantity, printed differently or differing from the data ----------


def _quantities(ctx: ReviewContext) -> dict[Subject, list[Figure]]:
    groups: dict[Subject, list[Figure]] = defaultdict(list)
    for figure in ctx.base_figures():
        groups[figure.subject].append(figure)
    return groups


def check_conflicts(ctx: ReviewContext) -> Iterator[Finding]:
    for subject, figures in _quantities(ctx).items():
        if len(_by_value(figures)) < 2:
            continue
        reference = ctx.structure.reference(subject)
        if reference is not None:
            yield from _against_data(ctx, subject, figures, reference)
            continue
        majority = _majority(_by_value(figures))
        if majority is not None:
            right = [f for f in figures if f.value == majority]
            for wrong in _by_value(f for f in figures if f.value != majority).values():
                yield _conflict(ctx, subject, wrong, right, majority, source="")
            continue
        yield _finding(
            "SK301",
            Severity.ERROR,
            tuple(f.place for f in figures),
            figures[0].text,
            None,
            ctx.say(
                "The same quantity is printed as {values}; neither the agency's data nor a "
                "majority of the places shows which is right.",
                values=", ".join(dict.fromkeys(f.text for f in figures)),
            ),
        )


def _against_data(
    ctx: ReviewContext, subject: Subject, figures: list[Figure], reference: Decimal
) -> Iterator[Finding]:
    """One finding per value printed that does not show the data's value."""
    right = [f for f in figures if f.shows(reference)]
    wrong_groups = _by_value(f for f in figures if not f.shows(reference)).values()
    for wrong in wrong_groups:
        if right:
            source = ctx.say(" and in the agency's data")
            yield _conflict(ctx, subject, wrong, right, reference, source=source)
            continue
        others = [f for f in figures if f.value != wrong[0].value]
        yield _finding(
            "SK301",
            Severity.ERROR,
            tuple(f.place for f in wrong),
            wrong[0].text,
            reference,
            ctx.say(
                "Printed as {printed} here and as {others} in {tables}; the agency's data "
                "gives {expected}.{hint}",
                printed=wrong[0].text,
                others=", ".join(dict.fromkeys(f.text for f in others)),
                tables=ctx.tables_of(others),
                expected=show(reference),
                hint=_hint(ctx, subject, wrong[0]),
            ),
        )


def _conflict(
    ctx: ReviewContext,
    subject: Subject,
    wrong: list[Figure],
    right: list[Figure],
    expected: Decimal,
    *,
    source: str,
) -> Finding:
    return _finding(
        "SK301",
        Severity.ERROR,
        (*(f.place for f in wrong), *(f.place for f in right)),
        wrong[0].text,
        expected,
        ctx.say(
            "Printed as {printed} here, but as {expected} in {tables}{source}.{hint}",
            printed=wrong[0].text,
            expected=right[0].text,
            tables=ctx.tables_of(right),
            source=source,
            hint=_hint(ctx, subject, wrong[0]),
        ),
    )


def check_data(ctx: ReviewContext) -> Iterator[Finding]:
    for subject, figures in _quantities(ctx).items():
        reference = ctx.structure.reference(subject)
        if len(_by_value(figures)) != 1 or reference is None or figures[0].shows(reference):
            continue
        yield _finding(
            "SK302",
            Severity.ERROR,
            tuple(f.place for f in figures),
            figures[0].text,
            reference,
            ctx.say(
                "Printed as {printed}, but the agency's data gives {expected}.{hint}",
                printed=figures[0].text,
                expected=show(reference),
                hint=_hint(ctx, subject, figures[0]),
            ),
        )


def _by_value(figures: Iterable[Figure]) -> dict[Decimal, list[Figure]]:
    groups: dict[Decimal, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[figure.value].append(figure)
    return dict(groups)


def _majority(by_value: dict[Decimal, list[Figure]]) -> Decimal | None:
    total = sum(len(group) for group in by_value.values())
    return next((value for value, group in by_value.items() if 2 * len(group) > total), None)


def _hint(ctx: ReviewContext, subject: Subject, figure: Figure) -> str:
    """`` 88,73 is the value for 2022.``: the quantity a misprint most likely copied."""
    year = subject.period.year
    for period in (Period(year - 1), Period(year + 1)):
        other = Subject(subject.entity, subject.measure, period, subject.stage)
        if figure.shows(ctx.structure.reference(other)):
            return ctx.say(
                " {printed} is the value for {period}.", printed=figure.text, period=period
            )
    if subject.stage is not None:
        for stage in BudgetStage:
            other = Subject(subject.entity, subject.measure, subject.period, stage)
            if stage is not subject.stage and figure.shows(ctx.structure.reference(other)):
                return ctx.say(
                    " {printed} is the value in the {stage}.",
                    printed=figure.text,
                    stage=_stage_name(ctx, stage),
                )
    return ""


def _stage_name(ctx: ReviewContext, stage: BudgetStage) -> str:
    if stage is BudgetStage.INITIAL:
        return ctx.say("initial budget (APBD murni)")
    return ctx.say("revised budget (APBD perubahan)")


# --- SK401: a parent whose achievement contradicts its children's ------------------------


def check_cascade(ctx: ReviewContext) -> Iterator[Finding]:
    for table in ctx.report.tables:
        achieved = _achievements(ctx, table.id)
        for parent, (value, figure) in achieved.items():
            children = [achieved[c] for c in ctx.structure.children(parent) if c in achieved]
            if not children:
                continue
            met = value >= HUNDRED
            children_met = [child >= HUNDRED for child, _ in children]
            if met == any(children_met) or (not met and not all(children_met)):
                continue
            shown = "; ".join(show(child) for child, _ in children)
            if met:
                message = ctx.say(
                    "The target is met here (achievement {parent}), but at no level below it "
                    "({children}).",
                    parent=show(value),
                    children=shown,
                )
            else:
                message = ctx.say(
                    "The target is missed here (achievement {parent}), but met at every level "
                    "below it ({children}).",
                    parent=show(value),
                    children=shown,
                )
            yield _finding(
                "SK401",
                Severity.WARNING,
                (figure.place, *(f.place for _, f in children)),
                show(value),
                shown,
                message,
            )


def _achievements(ctx: ReviewContext, table_id: str) -> dict[str, tuple[Decimal, Figure]]:
    """Each indicator's achievement in one table: as printed, or from its printed target
    and actual; with the figure it is read from."""
    found: dict[str, tuple[Decimal, Figure]] = {}
    for figure in ctx.figures:
        subject = figure.subject
        if figure.place.table != table_id or subject.period.year != ctx.report.year:
            continue
        if subject.measure is Measure.ACHIEVEMENT:
            found[subject.entity] = (figure.value, figure)
        elif subject.measure is Measure.ACTUAL and subject.entity not in found:
            target = ctx.tables[table_id].find(subject.having(Measure.TARGET), figure.place.row)
            if target is None:
                continue
            value = ctx.structure.achievement(subject.entity, target.value, figure.value)
            if value is not None:
                found[subject.entity] = (value, figure)
    return found


# --- SK501: a budget revision between stages -----------------------------------------------


def check_revisions(ctx: ReviewContext) -> Iterator[Finding]:
    groups: dict[tuple[str, Measure, Period], dict[BudgetStage, list[Figure]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for figure in ctx.figures:
        subject = figure.subject
        if subject.stage is not None and not subject.measure.is_rate:
            key = (subject.entity, subject.measure, subject.period)
            groups[key][subject.stage].append(figure)
    for stages in groups.values():
        if len(stages) < 2:
            continue
        initial = _stage_figure(ctx, stages[BudgetStage.INITIAL])
        revised = _stage_figure(ctx, stages[BudgetStage.REVISED])
        if initial.value == revised.value:
            continue
        measure = (
            ctx.say("allocation")
            if initial.subject.measure is Measure.ALLOCATION
            else ctx.say("spending")
        )
        yield _finding(
            "SK501",
            Severity.INFO,
            (initial.place, revised.place),
            initial.text,
            None,  # neither stage is wrong
            ctx.say(
                "The {measure} is {initial} in the initial budget (APBD murni, table {first}) and "
                "{revised} in the revised budget (APBD perubahan, table {second}): a budget "
                "revision, not an inconsistency.",
                measure=measure,
                initial=initial.text,
                revised=revised.text,
                first=initial.place.table,
                second=revised.place.table,
            ),
        )


def _stage_figure(ctx: ReviewContext, figures: list[Figure]) -> Figure:
    """The figure that stands for a stage: one that agrees with the data, else the first."""
    reference = ctx.structure.reference(figures[0].subject)
    return next((f for f in figures if f.shows(reference)), figures[0])


# --- registration ----------------------------------------------------------------------------


def _finding(
    code: str,
    severity: Severity,
    places: Iterable[Place],
    printed: str,
    expected: Decimal | str | None,
    message: str,
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        places=places,
        printed=printed,
        expected=show(expected) if isinstance(expected, Decimal) else expected,
        message=message,
    )


CHECKS = (
    CheckSpec(
        code="SK101",
        name="derived.rate",
        description="An achievement or absorption does not follow from the target and actual, "
        "or allocation and spending, printed beside it.",
        run=check_rates,
    ),
    CheckSpec(
        code="SK201",
        name="derived.total",
        description="A total is not the sum of the parts printed in its table.",
        run=check_totals,
    ),
    CheckSpec(
        code="SK301",
        name="quantity.conflict",
        description="The same quantity is printed with different values in different places.",
        run=check_conflicts,
    ),
    CheckSpec(
        code="SK302",
        name="quantity.data",
        description="A figure printed alike wherever it appears differs from the agency's data.",
        run=check_data,
    ),
    CheckSpec(
        code="SK401",
        name="cascade.achievement",
        description="A level meets its target while no level below it does, or misses it "
        "while every level below it meets theirs.",
        run=check_cascade,
    ),
    CheckSpec(
        code="SK501",
        name="budget.revision",
        description="A budget figure differs between the initial and the revised budget: a "
        "revision, reported as information.",
        run=check_revisions,
    ),
)


@hookimpl
def sakip_register_checks(register: Callable[[CheckSpec], None]) -> None:
    for check in CHECKS:
        register(check)
