"""Testing helpers for plugin authors (needs the ``testing`` extra: hypothesis).

- :mod:`sakip.testing.strategies`: hypothesis strategies for sakip's records, also
  registered so that ``st.from_type(Indicator)`` works in any test;
- :mod:`sakip.testing.contract`: ``check_formula`` and ``check_scale``, the contract every
  rule keeps;
- :mod:`sakip.testing.cases`: table-driven rule cases written in YAML, and
  :mod:`sakip.testing.check_cases`: the same for checks (data and printed tables in,
  findings out);
- :mod:`sakip.testing.plugins`: ``isolated_registry``, to test a plugin on its own;
- :mod:`sakip.testing.datasets`: generated consistent agencies and the report sakip prints
  from them;
- :mod:`sakip.testing.cli`: ``run_cli``, the ``sakip`` command run inside a test.
"""

try:
    import hypothesis  # noqa: F401 - only to say what is missing, before the imports below
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError("sakip.testing needs hypothesis: pip install 'sakip[testing]'") from exc

from sakip.testing.cases import Case, load_cases
from sakip.testing.check_cases import CheckCase
from sakip.testing.cli import run_cli
from sakip.testing.contract import check_formula, check_scale
from sakip.testing.datasets import REPORT_TABLES, agency_datasets, printed_report
from sakip.testing.plugins import isolated_registry

__all__ = [
    "REPORT_TABLES",
    "Case",
    "CheckCase",
    "agency_datasets",
    "check_formula",
    "check_scale",
    "isolated_registry",
    "load_cases",
    "printed_report",
    "run_cli",
]
