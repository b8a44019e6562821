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


ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data"
POOLS = ROOT / "src" / "saring" / "data" / "spam" / "train"
SHARES = ("slots", "mix", "ham_mix")
"""Tables of a family that hold no sentences: its slots and its shares."""


def _runs(text: str, n: int = 6) -> set[tuple[str, ...]]:
    found = re.findall(r"\w+", text.casefold())
    return {tuple(found[i : i + n]) for i in range(len(found) - n + 1)}


def _texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    return [t for t in value if isinstance(t, str)] if isinstance(value, list) else []


def _written(family: str) -> list[str]:
    """Return a family's sentences: every pool but its slots and shares."""
    pools = tomllib.loads((POOLS / f"family-{family}.toml").read_text("utf-8"))
    return [t for name, table in pools.items() if name not in SHARES for t in _texts(table)]


def _copied(family: str, sets: list[Path]) -> list[str]:
    """Return the family's sentences that share a run of six words with a text of ``sets``."""
    seen: set[tuple[str, ...]] = set()
    for path in sets:
        for line in path.read_text("utf-8").splitlines():
            seen |= _runs(json.loads(line)["text"])
    return [t for t in _written(family) if _runs(t) & seen]


def test_family_d_copies_no_text_of_the_development_set() -> None:
    # Family D (trained on) was written after the development set and must not copy it.
    assert _copied("d", [DATA / "spam-dev.jsonl"]) == []


def test_family_e_copies_no_text_of_the_development_sets() -> None:
    # Family E (written to be trained on) came after the five development sets were measured and
    # their failures read; it must copy no run of six words of any of them.
    names = ("spam-dev", "spam-dev-2", "heldout-spam", "heldout-spam-2", "heldout-spam-3")
    assert len(_written("e")) > 250  # every pool read, the article bodies inside their tables too
    assert _copied("e", [DATA / f"{name}.jsonl" for name in names]) == []


def test_family_f_shares_no_run_of_six_words_with_any_labelled_set() -> None:
    # Family F (trained on) was written without reading any set of benchmarks/data; the sentences
    # it happened to share six words with (common phrases such as "hanya boleh diberikan dengan
    # resep dokter") were taken out, so that no held-out or development set is judged on text
    # the model was trained on.
    sets = sorted(DATA.glob("*.jsonl"))
    assert len(sets) >= 12  # every development and held-out set
    assert len(_written("f")) > 1500
    assert _copied("f", sets) == []


@pytest.mark.parametrize("family", "abcdef")
def test_every_slot_of_a_family_is_defined(family: str) -> None:
    # A sentence naming a slot its family lacks would fail mid-training (a KeyError) or, written
    # with a typo, teach the model the braces.
    pools = tomllib.loads((POOLS / f"family-{family}.toml").read_text("utf-8"))
    slots = set(pools["slots"])
    used = {
        key
        for text in _written(family) + _texts(pools["slots"])
        for key in re.findall(r"\{([^{}]*)\}", text)
    }
    # scripts/train_spam.py itself fills brands, contact lines and headers, and tags from [seo].
    used |= {"stems", "tails", "trusted", "contact", "phone", "site"}
    undefined = {k for k in used if k != "brand" and not re.fullmatch(r"d\d+", k)} - slots
    assert undefined == set()
    assert pools["seo"]["id"]
    assert all(t.count("{") == t.count("}") for t in _written(family) + _texts(pools["slots"]))
