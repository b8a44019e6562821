"""The report of a real run in headless Chromium (Debian's ``chromium``; ``.ci/run`` installs
it): no console errors, no network requests, hostile documents shown as text and no script
run, and a screenshot of a sane size."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import Browser, available, png_size
from report_runs import HOSTILE_IMG, HOSTILE_TEXT, HOSTILE_URL, make_run

from saring import GopherQualityFilter
from saring.report.html import write_report

pytestmark = pytest.mark.skipif(
    not available(), reason="chromium is not installed (apt-get install chromium; .ci/run does)"
)


def test_report_loads_offline_without_errors_and_runs_no_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Thresholds as the quality filters will declare them, so that the page draws them too.
    monkeypatch.setattr(
        GopherQualityFilter,
        "limits",
        lambda self, lang: {"words": ("min", 50.0), "alpha_words": ("min", 0.8)},
        raising=False,
    )
    page = Path(write_report(str(make_run(tmp_path))))
    shot = tmp_path / "report.png"
    with Browser(width=1280, height=900) as browser:
        # Anything a script from the data would do: set a flag, open a dialog.
        loaded = browser.load(page.as_uri())
        assert loaded.console_errors == []
        assert loaded.requests == [page.as_uri()]  # the page itself, nothing else
        assert loaded.dialogs == []
        text = browser.evaluate("document.body.innerText")
        assert HOSTILE_TEXT in text
        assert HOSTILE_IMG in text
        assert HOSTILE_URL in text
        assert browser.evaluate("document.scripts.length") == 0
        assert browser.evaluate("document.images.length") == 0
        assert browser.evaluate("document.querySelectorAll('[onerror],[onload]').length") == 0
        assert browser.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
        # The styles applied (the policy allows exactly the page's own stylesheet).
        assert browser.evaluate("getComputedStyle(document.querySelector('nav')).position") == (
            "sticky"
        )
        assert browser.evaluate("document.querySelectorAll('svg line[stroke-dasharray]').length")
        browser.screenshot(shot)
    width, height = png_size(shot)
    assert width == 1280
    assert 2_000 < height < 40_000
    assert shot.stat().st_size > 50_000


def test_the_browser_harness_sees_scripts_errors_and_requests(tmp_path: Path) -> None:
    """The checks above can fail: a page that runs a script, logs an error and loads an
    image is caught on each count."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>x</p>"
        "<script>console.error('boom'); window.ran = 1; alert('dialog')</script>"
        '<img src="http://127.0.0.1:9/pixel.png"></body></html>',
        encoding="utf-8",
    )
    with Browser() as browser:
        loaded = browser.load(page.as_uri())
        assert browser.evaluate("window.ran") == 1
    assert "boom" in " ".join(loaded.console_errors)
    assert loaded.dialogs == ["dialog"]
    assert "http://127.0.0.1:9/pixel.png" in loaded.requests
