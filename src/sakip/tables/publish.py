"""Build an agency's published tables from its registered specs."""

from __future__ import annotations

from collections.abc import Sequence

from sakip.dataset import AgencyData
from sakip.errors import PluginError, SakipError, UnknownCodeError
from sakip.registry import Registry
from sakip.specs import TableSpec
from sakip.tables.context import TableContext
from sakip.tables.model import Table


def load_agency(registry: Registry, agency_id: str) -> AgencyData:
    """Load a registered agency's data; a loader that crashes is named as a broken plugin."""
    spec = registry.agencies.get(agency_id)
    try:
        return spec.load()
    except SakipError:
        raise
    except Exception as exc:
        plugin = registry.agencies.plugin_of(agency_id)
        raise PluginError(
            f"plugin {plugin!r} failed to load agency {agency_id!r}: {type(exc).__name__}: {exc}"
        ) from exc


def build_tables(
    registry: Registry, agency_id: str, year: int, table_ids: Sequence[str] = ()
) -> list[Table]:
    """The agency's tables for ``year``: the ones named, in that order, or all of them."""
    specs = registry.tables_of(agency_id)
    by_id = {spec.id: spec for spec in specs}
    unknown = [table_id for table_id in table_ids if table_id not in by_id]
    if unknown:
        raise UnknownCodeError(
            f"agency {agency_id!r} publishes no table {', '.join(map(repr, unknown))}; "
            f"its tables are {', '.join(by_id) or 'none'}"
        )
    data = load_agency(registry, agency_id)
    chosen = [by_id[table_id] for table_id in table_ids] if table_ids else specs
    return [_build(registry, spec, data, year) for spec in chosen]


def _build(registry: Registry, spec: TableSpec, data: AgencyData, year: int) -> Table:
    context = TableContext(data=data, year=year, registry=registry, id=spec.id, title=spec.title)
    try:
        return spec.build(context)
    except SakipError:
        raise
    except Exception as exc:
        plugin = registry.tables.plugin_of(f"{spec.agency}:{spec.id}")
        raise PluginError(
            f"plugin {plugin!r} failed to build table {spec.id} of {spec.agency!r}: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
