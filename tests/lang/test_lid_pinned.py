"""LanguageID's and the archipelago model's outputs pinned on a fixed set of texts: a faster
reading of a text must give the same language, score and runner-up, and the same
log-likelihoods, probabilities, reading length and marker lead (to float noise, 1e-9).

The stored outputs (``tests/golden/lid_pinned.json.gz``) were written by the code before its
speed-ups; ``python tests/lang/test_lid_pinned.py --write`` writes them again (only when the
model or its settings change on purpose).
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
import zlib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from saring.document import Document
from saring.lang import LanguageID

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # as pytest does, for a run as a script

from test_language_id import SENTENCES  # noqa: E402

from conftest import SEED, article  # noqa: E402 - needs the tests folder on the path

GOLDEN = HERE.parent / "golden" / "lid_pinned.json.gz"
TOLERANCE = 1e-9


def formal_lines() -> list[str]:
    """Return every line of the formal-text sets that ship with saring (id and ms)."""
    root = resources.files("saring").joinpath("data", "lid")
    lines: list[str] = []
    names = sorted(
        (part, entry.name)
        for part in ("eval", "train")
        for entry in root.joinpath(part).iterdir()
        if entry.name.endswith(".txt")
    )
    for folder, name in names:
        text = root.joinpath(folder, name).read_text(encoding="utf-8")
        lines += [line for line in text.splitlines() if line.strip()]
    return lines


def texts() -> list[str]:
    """Return the pinned texts: Indonesian, Malay, Javanese, Sundanese, Minangkabau, English,
    mixed, formal, empty, odd and huge."""
    formal = formal_lines()
    seed = SEED.read_text(encoding="utf-8")
    sentences = [text for group in SENTENCES.values() for text in group]
    found = [*formal, *sentences, *(" ".join(group) for group in SENTENCES.values())]
    found += [" ".join(formal[i : i + 7]) for i in range(0, len(formal), 7)]  # several stretches
    found += [article(n) for n in range(40)]
    found += [seed, seed.upper(), seed * 40]  # the last one far over the model's reading limit
    mixed = itertools.product(SENTENCES, repeat=2)
    found += ["\n".join([*SENTENCES[a], *SENTENCES[b]]) for a, b in mixed if a != b]
    found += [
        "",
        "   \n\t ",
        "12345 678 90",
        "Halo dunia",
        "Saya tidak mahu pergi ke pejabat. A post shared by the page on Instagram today",
        "Acara itu keren banget, post shared by admin on the page, kata panitia kemarin sore.",
        "Rumah sakit itu menolak pasien karena kualitas layanan dan uang; bahwa undang-undang "
        "dasar berlaku, kata warga negara yang bertanda tangan. Kewajibannya jelas.",
        "Hospital itu menolak pesakit kerana kualiti dan wang; bahawa pihak berkuasa hendaklah "
        "bertindak, kata pemberita. Seksyen 4 dikuatkuasakan pada bulan Ogos.",
        "Pemerintah \x00kota\x01 akan membangun \ud800 jembatan baru di atas sungai itu.",
        "Pemerintah kota " + "a" * 50_000 + " akan membangun jembatan baru di atas sungai.",
        "Warga berharap jalan menuju pasar tidak lagi macet. " + "7" * 20_000,
        "mana-mana pihak yang berkenaan hendaklah memaklumkan kepada pejabat " * 30,
    ]
    return found


def outputs(text: str, step: LanguageID) -> dict[str, Any]:
    """Return what LanguageID writes for a text and what its model reads of it."""
    doc = Document(id="p", text=text)
    step.annotate(doc)
    model = step._model
    totals, known, read, marked = model._read(text)
    found: dict[str, Any] = {
        "crc": zlib.crc32(text.encode("utf-8", "surrogatepass")),
        "lang": doc.lang,
        "lang_score": doc.lang_score,
        "second": doc.metadata.get("lang_second"),
        "totals": totals,
        "known": known,
        "read": read,
        "marked": marked,
        "probabilities": model.probabilities(text),
    }
    if "\n" in text:
        paragraphs = LanguageID(level="paragraph")
        doc = Document(id="p", text=text)
        paragraphs.annotate(doc)
        found["shares"] = doc.metadata["lang_shares"]
        found["mixed"] = doc.metadata["lang_mixed"]
    return found


def compare(got: Any, want: Any, where: str) -> None:
    """Assert two outputs are equal, floats within ``TOLERANCE``."""
    if isinstance(want, float):
        assert got == pytest.approx(want, abs=TOLERANCE, rel=0), where
    elif isinstance(want, list | tuple):
        assert isinstance(got, list | tuple), where
        assert len(got) == len(want), where
        for n, (a, b) in enumerate(zip(got, want, strict=True)):
            compare(a, b, f"{where}[{n}]")
    elif isinstance(want, dict):
        assert isinstance(got, dict), where
        assert list(got) == list(want), where
        for key in want:
            compare(got[key], want[key], f"{where}.{key}")
    else:
        assert got == want, where


def test_outputs_are_pinned_on_every_text() -> None:
    stored = json.loads(gzip.decompress(GOLDEN.read_bytes()))
    pinned = texts()
    assert len(stored) == len(pinned), "the pinned texts changed: write the outputs again"
    step = LanguageID()
    step.setup()
    step._model._cache.clear()  # a cold cache, then a warm one: both must give the same
    for _ in range(2):
        for n, (text, want) in enumerate(zip(pinned, stored, strict=True)):
            got = json.loads(json.dumps(outputs(text, step)))
            compare(got, want, f"text {n} ({text[:40]!r})")


def test_pinned_texts_cover_what_they_claim() -> None:
    stored = json.loads(gzip.decompress(GOLDEN.read_bytes()))
    langs = {row["lang"] for row in stored}
    assert {"id", "ms", "jv", "su", "min", "en", "und"} <= langs
    assert any(row["marked"] > 0 for row in stored)
    assert any(row["marked"] < 0 for row in stored)
    assert any(row.get("mixed") for row in stored)
    assert max(row["read"] for row in stored) > 3000 > min(r["read"] for r in stored if r["read"])


def write() -> None:
    """Write the outputs of the current code for the pinned texts."""
    step = LanguageID()
    step.setup()
    rows = [outputs(text, step) for text in texts()]
    GOLDEN.write_bytes(gzip.compress(json.dumps(rows).encode("utf-8"), mtime=0))
    print(f"wrote {len(rows)} outputs to {GOLDEN}")


if __name__ == "__main__" and "--write" in sys.argv:
    write()
