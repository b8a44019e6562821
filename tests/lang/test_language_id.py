"""LanguageID on sentences written for these tests: the archipelago languages, English and a
language only CLD2 knows, the paragraph level, odd input and the step contract."""

from __future__ import annotations

import pickle
import socket
import tomllib
from pathlib import Path

import pytest
import tomli_w

from saring import meta
from saring.config import to_table
from saring.document import Document
from saring.errors import ConfigError
from saring.lang import LanguageID
from saring.lang.model_io import load, model_path
from saring.step import Step

SENTENCES = {
    "id": (
        "Pemerintah kota akan membangun jembatan baru di atas sungai itu tahun depan. Warga "
        "berharap jalan menuju pasar tidak lagi macet setiap pagi.",
        "Saya belum sempat makan siang karena rapatnya molor sampai sore. Nanti malam kita "
        "ketemu di kafe dekat kantor, ya.",
    ),
    "ms": (
        "Kerajaan negeri akan membina jambatan baharu merentasi sungai itu tahun hadapan. "
        "Penduduk berharap jalan ke pasar tidak lagi sesak setiap pagi, katanya kepada pemberita.",
        "Saya belum sempat makan tengah hari sebab mesyuarat berlarutan hingga petang. Malam "
        "nanti kita berjumpa di kedai kopi berhampiran pejabat, boleh?",
    ),
    "jv": (
        "Pemerintah kutha arep mbangun kreteg anyar ing sandhuwure kali kuwi taun ngarep. Warga "
        "padha ngarep-arep dalan menyang pasar ora macet maneh saben esuk.",
        "Aku durung sempat mangan awan amarga rapate molor nganti sore. Mengko bengi awake "
        "dhewe ketemu ing warung cedhak kantor, ya.",
    ),
    "su": (
        "Pamaréntah kota badé ngawangun sasak anyar di luhur walungan éta taun payun. Warga "
        "ngarep-ngarep jalan ka pasar henteu macét deui unggal énjing.",
        "Kuring can sempet dahar beurang sabab rapatna ngaret dugi ka sonten. Engké wengi urang "
        "tepang di warung caket kantor, nya.",
    ),
    "min": (
        "Pamarintah kota ka mambangun jambatan baru di ateh batang aia tu tahun muko. Warga "
        "baharok jalan ka pasa indak macet lai satiok pagi.",
        "Ambo alun sampek makan siang dek rapeknyo lamo sampai sanjo. Beko malam awak basuo di "
        "lapau dakek kantua, yo.",
    ),
    "en": (
        "The city government will build a new bridge over the river next year. Residents hope "
        "the road to the market will no longer be jammed every morning.",
        "I have not had time for lunch because the meeting dragged on until the afternoon. Let "
        "us meet at the cafe near the office tonight.",
    ),
}
CASES = [(lang, text) for lang, texts in SENTENCES.items() for text in texts]


@pytest.fixture(scope="module")
def step() -> LanguageID:
    """A set-up document-level step, shared by the tests of this module."""
    lid = LanguageID()
    lid.setup()
    return lid


def tag(step: LanguageID, text: str) -> Document:
    """Return a document with the text, annotated by the step."""
    doc = Document(id="t", text=text)
    step.annotate(doc)
    return doc


@pytest.mark.parametrize(
    ("lang", "text"), CASES, ids=[f"{lang}-{i % 2}" for i, (lang, _) in enumerate(CASES)]
)
def test_archipelago_languages_and_english(step: LanguageID, lang: str, text: str) -> None:
    doc = tag(step, text)
    assert doc.lang == lang
    assert doc.lang_score is not None
    assert 0.5 < doc.lang_score <= 1.0
    assert doc.text == text


def test_runner_up_is_written_with_a_lower_score(step: LanguageID) -> None:
    doc = tag(step, SENTENCES["ms"][0])
    second = doc.metadata[meta.LANG_SECOND]
    assert second["lang"] not in {"ms", "und"}, "Malay markers put Indonesian further back"
    assert doc.lang_score is not None
    assert 0.0 <= second["score"] < doc.lang_score


def test_a_language_outside_the_archipelago_model_keeps_cld2s_answer(step: LanguageID) -> None:
    doc = tag(step, "Les habitants espèrent que la route du marché ne sera plus embouteillée.")
    assert doc.lang == "fr"
    assert doc.lang_score is not None
    assert doc.lang_score > 0.5


@pytest.mark.parametrize(
    "text", ["", "   \n\t ", "Rumah", "ok!", "1234567890 12345 2024", "🙂🙂🙂"]
)
def test_empty_or_too_short_text_is_undetermined_with_score_zero(
    step: LanguageID, text: str
) -> None:
    doc = tag(step, text)
    assert (doc.lang, doc.lang_score) == ("und", 0.0)
    assert meta.LANG_SECOND not in doc.metadata


def test_control_characters_surrogates_and_non_characters_do_not_break_it(
    step: LanguageID,
) -> None:
    text = (
        "\x00\x07Saya\x85 belum sempat makan siang\ufffe karena rapatnya \ud800molor sampai sore."
    )
    doc = tag(step, text)
    assert doc.lang == "id"
    assert doc.text == text


def test_min_chars_decides_what_is_too_short() -> None:
    text = "Harga cabai naik lagi."
    assert tag(LanguageID(min_chars=40), text).lang == "und"
    assert tag(LanguageID(min_chars=5), text).lang in {"id", "ms"}


def test_paragraph_level_marks_a_mixed_document() -> None:
    step = LanguageID(level="paragraph")
    text = "\n\n".join([SENTENCES["id"][0], SENTENCES["en"][0], SENTENCES["id"][1]])
    doc = tag(step, text)
    shares = doc.metadata[meta.LANG_SHARES]
    assert set(shares) == {"id", "en"}
    assert shares["id"] > shares["en"] > 0.2
    assert sum(shares.values()) == pytest.approx(1.0, abs=1e-3)
    assert doc.metadata[meta.LANG_MIXED] is True
    assert doc.lang == "id"


def test_paragraph_level_leaves_a_one_language_document_unmixed() -> None:
    step = LanguageID(level="paragraph")
    # A short caption line may get any language; weighted by characters it stays minor.
    doc = tag(step, "\n".join([*SENTENCES["jv"], "Foto: Antara", "ok"]))
    shares = doc.metadata[meta.LANG_SHARES]
    assert next(iter(shares)) == "jv"
    assert shares["jv"] > 0.9
    assert doc.metadata[meta.LANG_MIXED] is False
    assert tag(step, "\n".join(SENTENCES["jv"])).metadata[meta.LANG_SHARES] == {"jv": 1.0}


def test_paragraph_level_mixed_share_is_the_threshold() -> None:
    text = "\n".join([*SENTENCES["su"], SENTENCES["min"][0]])
    loose = tag(LanguageID(level="paragraph", mixed_share=0.2), text)
    strict = tag(LanguageID(level="paragraph", mixed_share=0.5), text)
    assert set(loose.metadata[meta.LANG_SHARES]) == {"su", "min"}
    assert loose.metadata[meta.LANG_MIXED] is True
    assert strict.metadata[meta.LANG_MIXED] is False


def test_document_level_writes_no_paragraph_keys(step: LanguageID) -> None:
    doc = tag(step, SENTENCES["id"][0] + "\n" + SENTENCES["en"][0])
    assert meta.LANG_SHARES not in doc.metadata
    assert meta.LANG_MIXED not in doc.metadata


def test_unknown_level_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="level must be one of"):
        LanguageID(level="sentence").setup()


def test_missing_model_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read language model"):
        LanguageID(model_file=str(tmp_path / "tidak-ada.json.gz")).setup()


def test_model_ships_inside_the_installed_package_and_loads_without_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    path = Path(model_path())
    assert path.parent.parent.parent == Path(__import__("saring").__file__).parent
    assert path.stat().st_size < 1_000_000
    model = load()
    assert set(model.langs) == {"id", "ms", "jv", "su", "min", "en"}
    step = LanguageID()
    step.setup()
    assert tag(step, SENTENCES["min"][0]).lang == "min"


def test_pickles_small_and_the_copy_works_the_same(step: LanguageID) -> None:
    data = pickle.dumps(step)
    assert len(data) < 2048
    copy = pickle.loads(data)
    assert copy == step
    assert not hasattr(copy, "_model")
    for lang, text in CASES[::3]:
        assert tag(copy, text).lang == tag(step, text).lang == lang


def test_constructor_stores_parameters_and_round_trips_through_toml() -> None:
    step = LanguageID(level="paragraph", min_chars=20, mixed_share=0.3)
    assert vars(step) == step.get_params()
    assert repr(LanguageID()) == "LanguageID()"
    table = tomllib.loads(tomli_w.dumps({"step": to_table(step)}))["step"]
    assert table["class"] == "LanguageID"
    params = {k: v for k, v in table.items() if k != "class"}
    assert LanguageID(**params) == step
    assert step.clone() == step
    assert isinstance(step, Step)
