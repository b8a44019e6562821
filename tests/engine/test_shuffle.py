"""Sorted runs of keyed records: order-preserving keys, spills of bounded size, merges."""

from __future__ import annotations

import random
from pathlib import Path

from saring.engine.shuffle import RunWriter, merged, numbers_key, sort_key, split_key, split_text


def test_sort_keys_order_as_their_text_and_numbers_do() -> None:
    rng = random.Random(3)
    alphabet = ["a", "b", "\x00", "\x01", "é", "z", "\U0001f600"]
    items = [
        ("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))), rng.randint(-3, 3))
        for _ in range(2000)
    ]
    by_key = sorted(items, key=lambda item: sort_key(item[0], item[1]))
    assert by_key == sorted(items, key=lambda item: (item[0].encode(), item[1]))
    for text, number in items[:50]:
        assert split_key(sort_key(text, number, 7)) == (text, [number, 7])
        assert split_text(sort_key(text) + b'{"v":1}') == (text, b'{"v":1}')


def test_numbers_keys_are_a_fixed_width_prefix() -> None:
    pairs = [(a, b) for a in (-2, -1, 0, 1, 300) for b in (0, 5)]
    assert sorted(pairs, key=lambda p: numbers_key(*p) + b"zz") == sorted(pairs)


def test_a_writer_spills_sorted_runs_and_merge_streams_each_section_in_order(
    tmp_path: Path,
) -> None:
    writer = RunWriter(str(tmp_path / "runs" / "task"), buffer_bytes=4000)
    rng = random.Random(5)
    written: dict[int, list[tuple[bytes, bytes]]] = {0: [], 1: [], 2: []}
    for n in rng.sample(range(5000), 1500):
        key, section = sort_key(f"k{n % 97}", n), n % 3
        writer.write_json(section, key, {"n": n})
        written[section].append((key, f'{{"n":{n}}}'.encode()))
    paths = writer.close()
    assert len(paths) > 10  # the small buffer forced many runs
    for section, records in written.items():
        assert list(merged(paths, section)) == sorted(records)
    assert list(merged(paths, 9)) == []


def test_abort_removes_the_runs_of_a_failed_task(tmp_path: Path) -> None:
    writer = RunWriter(str(tmp_path / "task"), buffer_bytes=100)
    for n in range(50):
        writer.write(0, sort_key(str(n)), b"x")
    assert writer.paths
    writer.abort()
    assert list(tmp_path.iterdir()) == []
