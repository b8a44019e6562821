"""The spam model: stable hashed features, a small shipped model, promotion written in words
the term lists lack is dropped, reporting on the same topics is kept."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest

from saring import Document, SpamFilter
from saring.filters.spam_model import CLASSES, SpamModel, blocks, features, load, save
from saring.filters.spam_terms import spam_signals

# Written for these tests, apart from the training pools, in few of the term lists' words; no
# real page is copied.
EVASIVE = [
    (
        "spam/gambling",
        "Malam minggu enaknya ngapain? Mampir ke MEJAEMAS, putaran pertama langsung dikasih "
        "koin tambahan buat pendatang baru. Saldo mulai dua puluh ribu, hasil bisa dicairkan "
        "kapan saja tanpa ditahan. Yang sudah main di sini pada betah, sekarang tinggal "
        "kamu, cek tautan di profil ya!",
    ),
    (
        "spam/loan",
        "Gajian masih lama tapi kebutuhan tidak bisa menunggu? Aplikasi DOMPETCEPAT kasih "
        "talangan sampai lima juta, cukup unggah identitas dan foto wajah, uang sampai di "
        "rekeningmu sebelum makan siang. Unduh hari ini, tagihan pertama gratis biaya!",
    ),
    (
        "spam/pills",
        "Kapsul Gagah Perkasa bikin pria percaya diri lagi di depan pasangan, bekerja dalam "
        "setengah jam dan bertahan semalaman. Bahan akar-akaran hutan Kalimantan, paket "
        "dibungkus polos tanpa label, bisa bayar saat barang sampai. Chat admin sekarang!",
    ),
]
REPORTS = [
    "Kepolisian Resor Kupang membongkar praktik permainan daring berhadiah uang yang "
    "dikendalikan dari sebuah rumah kontrakan. Kepala satuan reserse mengatakan tiga orang "
    "ditetapkan sebagai tersangka dan dijerat pasal perjudian. Polisi menyita dua ponsel dan "
    "uang tunai yang diduga hasil setoran para pemain.",
    "Otoritas Jasa Keuangan menerima ratusan aduan warga yang diteror penagih aplikasi "
    "pinjaman tak berizin sepanjang kuartal ini. Menurut OJK, sebagian besar korban meminjam "
    "karena tergiur pencairan cepat tanpa syarat. Warga diminta hanya meminjam dari penyedia "
    "yang terdaftar, ujar juru bicara lembaga itu di Jakarta.",
]


@pytest.mark.parametrize(("reason", "text"), EVASIVE)
def test_promotion_without_listed_words_is_dropped(reason: str, text: str) -> None:
    assert SpamFilter().reason(Document(id="d", text=text)) == reason


@pytest.mark.parametrize("text", REPORTS)
def test_reports_are_kept(text: str) -> None:
    assert SpamFilter().reason(Document(id="d", text=text)) is None
    assert load().scores(text)["ham"] > 0.9


def test_features_are_stable_across_processes() -> None:
    # Buckets come from crc32 and fixed arithmetic, not Python's salted str hash.
    text = EVASIVE[0][1]
    idx, val = features(text, 1 << 16)
    code = (
        "from saring.filters.spam_model import features;"
        f"i, v = features({text!r}, 1 << 16); print(i.tolist() == {idx.tolist()!r})"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
    assert np.isclose(float(np.dot(val, val)), 1.0)
    assert list(idx) == sorted(set(idx.tolist()))


def test_features_fold_digits_and_case() -> None:
    assert np.array_equal(features("SLOT88 gacor", 4096)[0], features("slot77 GACOR", 4096)[0])
    assert len(features("", 4096)[0]) == 0


def test_scores_are_probabilities_and_the_model_round_trips(tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = load()
    scores = model.scores(EVASIVE[1][1])
    assert set(scores) == set(CLASSES)
    assert sum(scores.values()) == pytest.approx(1.0, abs=1e-3)
    assert max(scores, key=lambda k: scores[k]) == "loan"
    save(str(tmp_path / "m.npz"), model.weights, model.bias)
    with np.load(tmp_path / "m.npz") as data:
        again = SpamModel(data["q"] * data["scale"], data["bias"])
    assert again.scores(EVASIVE[1][1]) == pytest.approx(scores, abs=1e-3)


def test_a_spam_block_inside_a_page_is_scored_on_its_own() -> None:
    page = "\n\n".join([*REPORTS, EVASIVE[2][1], REPORTS[0]])
    assert len(blocks(page)) == 4
    signals = spam_signals(page, None, ("id", "ms", "en"))
    assert signals["model_block"] > signals["model"]
    assert signals["model_block_topic"] == "pills"
    assert SpamFilter().reason(Document(id="d", text=page)) == "spam/pills"
    assert SpamFilter().reason(Document(id="d", text="\n\n".join(REPORTS))) is None


def test_signals_name_the_model_class() -> None:
    signals = spam_signals(EVASIVE[1][1], None, ("id", "ms", "en"))
    assert signals["model_topic"] == "loan"
    assert signals["model_block"] == 0.0  # one block: scored whole only


def test_family_d_copies_no_text_of_the_development_set() -> None:
    # Family D (trained on) was written after the development set and must not copy it.
    root = Path(__file__).resolve().parents[2]
    dev = root / "benchmarks" / "data" / "spam-dev.jsonl"
    pools = tomllib.loads(
        (root / "src" / "saring" / "data" / "spam" / "train" / "family-d.toml").read_text("utf-8")
    )

    def runs(text: str, n: int = 6) -> set[tuple[str, ...]]:
        found = re.findall(r"\w+", text.casefold())
        return {tuple(found[i : i + n]) for i in range(len(found) - n + 1)}

    seen: set[tuple[str, ...]] = set()
    for line in dev.read_text("utf-8").splitlines():
        seen |= runs(json.loads(line)["text"])
    copied = [
        text
        for name, table in pools.items()
        if name != "slots"
        for texts in table.values()
        for text in texts
        if runs(text) & seen
    ]
    assert copied == []


def test_family_e_copies_no_text_of_the_development_sets() -> None:
    # Family E (written to be trained on) came after the five development sets were measured and
    # their failures read; it must copy no run of six words of any of them.
    root = Path(__file__).resolve().parents[2]
    data = root / "benchmarks" / "data"
    names = ("spam-dev", "spam-dev-2", "heldout-spam", "heldout-spam-2", "heldout-spam-3")
    pools = tomllib.loads(
        (root / "src" / "saring" / "data" / "spam" / "train" / "family-e.toml").read_text("utf-8")
    )

    def runs(text: str, n: int = 6) -> set[tuple[str, ...]]:
        found = re.findall(r"\w+", text.casefold())
        return {tuple(found[i : i + n]) for i in range(len(found) - n + 1)}

    def texts(value: object) -> list[str]:
        if isinstance(value, dict):
            return [t for v in value.values() for t in texts(v)]
        return [t for t in value if isinstance(t, str)] if isinstance(value, list) else []

    seen: set[tuple[str, ...]] = set()
    for name in names:
        for line in (data / f"{name}.jsonl").read_text("utf-8").splitlines():
            seen |= runs(json.loads(line)["text"])
    written = [
        t for name, table in pools.items() if name not in ("slots", "mix") for t in texts(table)
    ]
    assert len(written) > 250  # every pool read, the article bodies inside their tables too
    assert [t for t in written if runs(t) & seen] == []
