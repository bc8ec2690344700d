"""Build an agency's published tables from its registered specs."""

from __future__ import annotations

from collections.abc import Sequence

from sakip.arithmetic import library_context
from sakip.errors import NoDataError, UnknownCodeError
from sakip.gc_pause import paused_gc
from sakip.model.agency_data import AgencyData
from sakip.model.printed import Table
from sakip.plugins.calls import call_plugin
from sakip.plugins.loaders import load_agency
from sakip.plugins.registrations import TableSpec
from sakip.plugins.registry import Registry
from sakip.tables.context import TableContext
from sakip.values.model import ValueModel


def build_tables(
    registry: Registry, agency_id: str, year: int, table_ids: Sequence[str] = ()
) -> list[Table]:
    """The agency's tables for ``year``: the ones named, in that order, or all of them."""
    chosen = choose_tables(agency_id, registry.tables_of(agency_id), table_ids)
    return build_from(registry, load_agency(registry, agency_id), year, chosen)


def choose_tables(
    agency_id: str, specs: Sequence[TableSpec], table_ids: Sequence[str] = ()
) -> list[TableSpec]:
    """The tables named, in that order, or all ``specs``.

    :raises UnknownCodeError: naming every table the agency does not publish.
    """
    by_id = {spec.id: spec for spec in specs}
    unknown = [table_id for table_id in table_ids if table_id not in by_id]
    if unknown:
        raise UnknownCodeError(
            f"agency {agency_id!r} publishes no table {', '.join(map(repr, unknown))}; "
            f"its tables are {', '.join(by_id) or 'none'}"
        )
    return [by_id[table_id] for table_id in table_ids] if table_ids else list(specs)


@library_context()
@paused_gc()
def build_from(
    registry: Registry, data: AgencyData, year: int, specs: Sequence[TableSpec]
) -> list[Table]:
    """Build ``specs`` from ``data``, every table asking one value model.

    :raises NoDataError: when the data holds no measurement or budget line of ``year``.
    """
    _has_data(data, year)
    values = ValueModel(data, registry)
    return [_build(registry, spec, values, year) for spec in specs]


def _has_data(data: AgencyData, year: int) -> None:
    years = {m.period.year for m in data.measurements} | {b.period.year for b in data.budget_lines}
    if year not in years:
        known = ", ".join(str(y) for y in sorted(years)) or "none"
        raise NoDataError(
            f"agency {data.agency.id!r} has no data for {year}: no target, realisation or "
            f"budget of that year (years with data: {known})"
        )


def _build(registry: Registry, spec: TableSpec, values: ValueModel, year: int) -> Table:
    context = TableContext(values=values, year=year, id=spec.id, title=spec.title)
    key = f"{spec.agency}:{spec.id}"
    # The standard table set of an agency given as data is sakip's own, registered by none.
    plugin = registry.tables.plugin_of(key) if key in registry.tables else "sakip"
    return call_plugin(
        plugin,
        f"to build table {spec.id} of {spec.agency!r}",
        lambda: spec.build(context),
        returns=Table,
    )
