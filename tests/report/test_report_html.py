"""The run report page: what it shows, that it escapes documents, and that it reads only the
saved account and sample of a run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from report_runs import HOSTILE_IMG, HOSTILE_TEXT, HOSTILE_URL, make_run

import saring
from conftest import article, write_jsonl
from saring import (
    GopherQualityFilter,
    JsonlReader,
    LocalExecutor,
    Pipeline,
    RemovePhraseLines,
    RemoveSiteTemplates,
    run,
)
from saring.cli import main
from saring.report.html import REPORT_FILE, anchor, write_report
from saring.sample import SAMPLE_FILE


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_run(tmp_path_factory.mktemp("report"))


def _page(out: Path) -> str:
    return Path(write_report(str(out))).read_text(encoding="utf-8")


def test_report_is_self_contained_with_a_strict_policy(finished_run: Path) -> None:
    page = _page(finished_run)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert policy.group(1).startswith("default-src 'none';")
    assert "script-src" not in policy.group(1)  # so default-src 'none' forbids every script
    # Nothing is loaded: no script or embedded resource, no source attribute, no CSS url().
    tags = re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"]|\"[^\"]*\")*)>", page)
    assert tags
    names = {name.lower() for name, _ in tags}
    assert not names & {"script", "link", "iframe", "object", "embed", "img", "image", "use"}
    for name, attributes in tags:
        assert not re.search(r"\s(src|srcset|action|on\w+)\s*=", attributes, re.I), name
        for href in re.findall(r'\bhref="([^"]*)"', attributes):
            assert href.startswith(("#", "http://", "https://")), href
    assert not re.search(r"url\(|@import", page.split("</style>")[0], re.I)


def test_documents_are_escaped(finished_run: Path) -> None:
    page = _page(finished_run)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page  # an id
    assert HOSTILE_URL in page  # shown as text ...
    assert not re.search(r'href="\s*javascript:', page, re.I)  # ... never as a link
    assert HOSTILE_TEXT not in page
    assert HOSTILE_IMG not in page
    assert "onerror=alert" not in re.sub(r"&lt;.*?&gt;", "", page)


def test_report_shows_the_funnel_reasons_languages_sites_and_facts(finished_run: Path) -> None:
    page = _page(finished_run)
    for title in ("The funnel", "Removed, by reason", "Signals against thresholds", "Languages"):
        assert title in page
    for reason in ("dedup/exact", "quality/gopher_word_count"):
        assert f'href="#{anchor(reason)}"' in page
        assert f'id="{anchor(reason)}"' in page
    assert "removed copy" in page  # the duplicate side by side
    assert "kept twin" in page
    assert "kabar.example" in page
    assert "LocalExecutor" in page
    assert 'class="config"' in page
    assert "GopherQualityFilter" in page
    assert len(page.encode("utf-8")) < 1_000_000


def test_thresholds_are_drawn_from_the_steps_limits(
    finished_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def limits(self: GopherQualityFilter, lang: str) -> dict[str, tuple[str, float]]:
        return {"words": ("min", 50.0), "alpha_words": ("min", 0.8)}

    monkeypatch.setattr(GopherQualityFilter, "limits", limits, raising=False)
    page = _page(finished_run)
    assert page.count('stroke-dasharray="4 2"') >= 2  # one threshold line per drawn limit
    assert "min 50" in page
    assert "beyond the threshold" in page
    # The removed short document names the rule it broke.
    assert re.search(r'class="sig bad">gopher_quality\.words = \d+ \(min 50\) ✗', page)


def test_a_failing_or_missing_limits_draws_nothing(
    finished_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def limits(self: GopherQualityFilter, lang: str) -> Any:
        raise RuntimeError("not for this language")

    for name in saring.__all__:
        component = getattr(saring, name)
        if isinstance(component, type) and hasattr(component, "limits"):
            monkeypatch.setattr(component, "limits", limits)
    page = _page(finished_run)
    assert 'stroke-dasharray="4 2"' not in page
    assert "No thresholds drawn" in page


def test_report_reads_neither_docs_nor_removed(tmp_path: Path) -> None:
    out = make_run(tmp_path)
    shutil.rmtree(out / "docs")
    shutil.rmtree(out / "removed")
    page = _page(out)
    assert "dedup/exact" in page
    assert "kept twin" in page


def test_a_run_without_a_sample_still_gets_a_report(tmp_path: Path) -> None:
    out = make_run(tmp_path)
    (out / SAMPLE_FILE).unlink()
    page = _page(out)
    assert "kept no sample.json" in page
    assert "The funnel" in page


def test_clean_writes_the_report_unless_told_not_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(
        tmp_path / "in.jsonl", [{"id": f"a{n}", "text": article(n)} for n in range(5)]
    )
    assert main(["clean", str(src), "-o", str(tmp_path / "a"), "--workers", "1"]) == 0
    assert f"report: {tmp_path / 'a' / REPORT_FILE}" in capsys.readouterr().out
    assert (tmp_path / "a" / REPORT_FILE).exists()
    assert (
        main(["clean", str(src), "-o", str(tmp_path / "b"), "--workers", "1", "--no-report"]) == 0
    )
    assert "report:" not in capsys.readouterr().out
    assert not (tmp_path / "b" / REPORT_FILE).exists()
    assert main(["report", str(tmp_path / "b")]) == 0
    assert (tmp_path / "b" / REPORT_FILE).exists()
    # Overwriting without a report leaves no stale report of the earlier run.
    argv = ["clean", str(src), "-o", str(tmp_path / "a"), "--workers", "1"]
    assert main([*argv, "--overwrite", "--no-report"]) == 0
    assert not (tmp_path / "a" / REPORT_FILE).exists()
    assert main(["report", str(tmp_path / "nothing")]) == 2
    assert "holds no finished run" in capsys.readouterr().err


def test_demo_prints_the_report_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "-o", str(out), "--workers", "1"]) == 0
    assert f"report: {out / REPORT_FILE}" in capsys.readouterr().out
    page = (out / REPORT_FILE).read_text(encoding="utf-8")
    assert "kabarviral.net" in page
    assert "mirror" in page


def test_a_census_run_without_quality_signals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"id": f"a{n}", "text": article(n)} for n in range(4)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)  # type: ignore[arg-type]
    out = tmp_path / "census"
    assert main(["clean", str(src), "-o", str(out), "--preset", "lang", "--workers", "1"]) == 0
    page = (out / REPORT_FILE).read_text(encoding="utf-8")
    assert "No quality signals in this run" in page
    assert "lang_score · id" in page
    assert "No document was removed." in page


def test_a_threshold_in_the_bulk_is_flagged_and_one_in_the_tail_is_not() -> None:
    from saring.report.histogram import hist_svg
    from saring.sample import bins_of

    bins = bins_of("gopher_quality.words")
    kept: dict[int, int] = {}
    for words in range(60, 400, 5):
        kept[bins.index(words)] = kept.get(bins.index(words), 0) + 10
    _, caption, bulk = hist_svg({"kept": kept}, "gopher_quality.words", ("min", 150.0))
    assert bulk
    assert "cuts into the bulk" in caption
    _, caption, bulk = hist_svg({"kept": kept}, "gopher_quality.words", ("min", 50.0))
    assert not bulk
    assert caption.startswith("≈0 of")


def test_recorded_lines_show_as_the_sites_template_lines(tmp_path: Path) -> None:
    promo = "HARIAN EXAMPLE EDISI PAGI"
    rows = [
        {
            "id": f"harian-{n}",
            "text": f"{promo}\n\n{article(n)}\n\nBaca juga: Harga cabai naik lagi {n}",
            "url": f"https://harian.example/berita/{n}",
        }
        for n in range(8)
    ]
    source = write_jsonl(tmp_path / "in.jsonl", rows)  # type: ignore[arg-type]
    steps = [RemovePhraseLines(record_lines=True), RemoveSiteTemplates(record_lines=True)]
    out = tmp_path / "out"
    run(Pipeline(JsonlReader([str(source)]), steps, output=str(out)), LocalExecutor(workers=1))
    page = _page(out)
    sites = page.split('id="sites"')[1]
    assert re.search(rf'{promo}</span> <span class="muted">×8</span>', sites)
    assert "harian.example" in sites
    lines = page.split(f'id="{anchor("clean/related_link")}"')[1]
    assert "Baca juga: Harga cabai naik lagi" in lines
