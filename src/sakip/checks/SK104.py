"""SK104 derived.stated_total: an amount the text states, then lists the parts of one per
item (``Anggaran Belanja Langsung … sebesar Rp. 55.463.202.837,- … sebagai berikut:`` over
``- Belanja Pegawai : Rp. …``), that its parts do not add up to. Which figure is misprinted
the text cannot tell: the finding names the sum and gives no expected value."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.model.findings import Finding, Severity
from sakip.model.printed import text_place
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.rules.stated_totals import stated_totals
from sakip.values.display import as_written


def check(ctx: ReviewContext) -> Iterator[Finding]:
    passages = ctx.report.passages
    for total in stated_totals([passage.text for passage in passages]):
        added = sum((part.value for part in total.parts), start=total.value * 0)
        if added == total.value:
            continue
        lead = passages[total.index]
        places = (
            text_place(lead.origin, lead.text),
            *(text_place(passages[p.index].origin, passages[p.index].text) for p in total.parts),
        )
        yield ctx.finding(
            Severity.ERROR,
            places,
            total.printed,
            None,
            ctx.say(
                "The text states {printed} and lists {count} parts of it below, which add up "
                "to {added}, {difference} {direction}: the total or a part is misprinted.",
                printed=total.printed,
                count=len(total.parts),
                added=as_written(added),
                difference=as_written(abs(total.value - added)),
                direction=ctx.say("less") if added < total.value else ctx.say("more"),
            ),
        )


CHECK = CheckSpec(
    code="SK104",
    name="derived.stated_total",
    severities=Severity.ERROR,
    description="An amount the text states is not the sum of the parts it lists below it.",
    run=check,
)
