"""What a worker does between tasks: collect what earlier tasks left, then freeze the rest."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from saring.engine.resources import PeakMemory, release_free_memory


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    """Leave the test process's collector as it was."""
    yield
    gc.unfreeze()


class _Node:
    """A document-like object that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def test_a_cycle_frozen_at_one_task_start_is_collected_at_the_next() -> None:
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    alive = weakref.ref(first)
    release_free_memory()  # the cycle is still reachable: it is frozen with the rest
    assert gc.get_freeze_count() > 0
    del first, second  # now garbage, but only a collection that sees frozen objects finds it
    assert alive() is not None
    release_free_memory()
    assert alive() is None


def test_peak_memory_reads_a_peak_no_lower_than_the_start() -> None:
    with PeakMemory() as memory:
        block = bytearray(8 << 20)
    assert memory.peak >= memory.start
    assert len(block) == 8 << 20
