"""The report's languages: kept and removed documents per language and the distribution of
the language identifier's confidence."""

from __future__ import annotations

from saring.report.data import RunData
from saring.report.histogram import hist_svg
from saring.report.markup import bar, esc, html_table, human_bytes, pct
from saring.sample import LANG_SCORE, NO_LANG

MAX_LANGS = 6
"""Languages whose signal histograms the page draws (the largest by documents)."""


def lang_order(run: RunData) -> list[str]:
    assert run.sample is not None
    langs = run.sample.langs
    return sorted(
        (lang for lang in run.sample.histograms if lang != NO_LANG),
        key=lambda lang: (-(langs.get(lang, [0, 0, 0, 0])[0] + langs.get(lang, [0] * 4)[2]), lang),
    )


def section_languages(run: RunData) -> str:
    parts = ['<section id="languages"><h2>Languages</h2>']
    if run.sample is None:
        parts.append('<p class="note">No sample of documents in this run.</p></section>')
        return "".join(parts)
    langs = run.sample.langs
    kept_total = sum(row[0] for row in langs.values())
    order = sorted(langs, key=lambda lang: (-(langs[lang][0] + langs[lang][2]), lang))
    rows = []
    for lang in order:
        kept, kept_bytes, removed, _ = langs[lang]
        label = "not identified (removed before language ID)" if lang == NO_LANG else lang
        rows.append(
            [
                esc(label),
                f"{kept:,}",
                pct(kept, kept_total),
                human_bytes(kept_bytes),
                f"{removed:,}",
                pct(removed, kept + removed),
                bar(kept, kept_total, 140),
            ]
        )
    parts.append(
        html_table(
            ["lang", "kept", "share of kept", "kept text", "removed", "removed share", "kept"],
            rows,
            {1, 2, 3, 4, 5},
        )
    )
    charts = []
    for lang in lang_order(run)[: MAX_LANGS * 2]:
        hist = run.sample.histograms[lang].get(LANG_SCORE)
        if not hist:
            continue
        svg, _, _ = hist_svg({c: dict(v) for c, v in hist.items()}, LANG_SCORE, None)
        charts.append(
            f'<div class="chart"><div class="t">lang_score · {esc(lang)}</div>{svg}</div>'
        )
    if charts:
        parts.append('<h3>Distribution of lang_score</h3><div class="charts">')
        parts.extend(charts)
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)
