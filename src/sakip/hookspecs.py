"""The plugin contract: every hook sakip calls.

Hooks *register*; they do not compute. Each receives a ``register`` callable that validates
and records one entry; the hook returns nothing. sakip's own formulas and scales are
registered through the same hooks (see :mod:`sakip.rules.builtin` and :mod:`sakip.checks`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # the contract is a leaf: it names these types, it does not import them
    from sakip.plugins.registrations import AgencySpec, CheckSpec, ReportSpec, TableSpec
    from sakip.rules.formulas import Formula
    from sakip.rules.scales import Scale

hookspec = pluggy.HookspecMarker("sakip")
hookimpl = pluggy.HookimplMarker("sakip")


@hookspec
def sakip_register_formulas(register: Callable[[Formula], None]) -> None:
    """Register achievement formulas.

    :param register: call once per :class:`~sakip.Formula`; a code already registered by
        any plugin raises :class:`~sakip.errors.DuplicateCodeError` naming both plugins.
    :return: nothing; every implementation is called.
    """


@hookspec
def sakip_register_scales(register: Callable[[Scale], None]) -> None:
    """Register predicate scales.

    :param register: call once per :class:`~sakip.Scale`; codes must be unique.
    :return: nothing; every implementation is called.
    """


@hookspec
def sakip_register_agencies(register: Callable[[AgencySpec], None]) -> None:
    """Register agencies, each with a loader for its indicators and data.

    :param register: call once per :class:`~sakip.AgencySpec`; ids must be unique.
    :return: nothing; every implementation is called.
    """


@hookspec
def sakip_register_tables(register: Callable[[TableSpec], None]) -> None:
    """Register the report tables an agency publishes.

    :param register: call once per :class:`~sakip.TableSpec`; an (agency, table id) pair
        must be unique.
    :return: nothing; every implementation is called.
    """


@hookspec
def sakip_register_checks(register: Callable[[CheckSpec], None]) -> None:
    """Register audit checks that review a published report.

    :param register: call once per :class:`~sakip.CheckSpec`; codes must be unique.
    :return: nothing; every implementation is called.
    """


@hookspec
def sakip_register_reports(register: Callable[[ReportSpec], None]) -> None:
    """Register published reports, as printed, so that ``sakip check`` can review them.

    :param register: call once per :class:`~sakip.ReportSpec`; an (agency, year) pair must
        be unique.
    :return: nothing; every implementation is called.
    """
