"""An agency's data and printed report, from the plugin that registered them."""

from __future__ import annotations

from sakip.errors import PluginError
from sakip.model.agency_data import AgencyData
from sakip.model.printed import PrintedReport
from sakip.model.references import data_references
from sakip.plugins.calls import call_plugin
from sakip.plugins.registry import Registry


def load_agency(registry: Registry, agency_id: str) -> AgencyData:
    """A registered agency's data; a loader that crashes is named as a broken plugin."""
    spec = registry.agencies.get(agency_id)
    plugin = registry.agencies.plugin_of(agency_id)
    data = call_plugin(plugin, f"to load agency {agency_id!r}", spec.load, returns=AgencyData)
    broken = [f"{b.record}: {b.message()}" for b in data_references(data)]
    if broken:
        listed = "\n".join(f"  {line}" for line in broken[:20])
        more = f"\n  … and {len(broken) - 20} more" if len(broken) > 20 else ""
        raise PluginError(
            f"plugin {plugin!r} loaded agency {agency_id!r} with {len(broken)} reference(s) to "
            f"no record:\n{listed}{more}"
        )
    return data


def load_report(registry: Registry, agency: str, year: int) -> PrintedReport:
    """The printed report a plugin registered for ``agency`` and ``year``."""
    key = f"{agency}:{year}"
    spec = registry.reports.get(key)
    plugin = registry.reports.plugin_of(key)
    report = call_plugin(
        plugin, f"to load the printed report {key}", spec.load, returns=PrintedReport
    )
    if (report.agency, report.year) != (agency, year):
        raise PluginError(
            f"plugin {plugin!r} registered the report {key} but its loader returned the "
            f"report of {report.agency}:{report.year}"
        )
    return report
