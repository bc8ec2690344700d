"""The collector pause around large reads leaves the collector as the caller had it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from sakip import DataError, load_agency_data
from sakip.gc_pause import paused_gc


@pytest.fixture(autouse=True)
def _restore_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_running_after() -> None:
    gc.enable()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not turn it back on early
    assert gc.isenabled()


def test_running_again_after_an_error() -> None:
    gc.enable()
    with pytest.raises(ValueError, match="bad data"), paused_gc():
        raise ValueError("bad data")
    assert gc.isenabled()


def test_left_off_when_the_caller_turned_it_off() -> None:
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_the_loader_gives_the_collector_back_after_success_and_failure(tmp_path: Path) -> None:
    gc.enable()
    data = load_agency_data(files("sampang_disnaker") / "data")
    assert data.agency.id == "sampang-disnaker"
    assert gc.isenabled()
    with pytest.raises(DataError):
        load_agency_data(tmp_path)  # no agency.yaml here
    assert gc.isenabled()
