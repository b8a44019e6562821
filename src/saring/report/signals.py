"""The report's quality signals against thresholds: per language, one histogram a signal."""

from __future__ import annotations

from saring.report.data import RunData, limit_for
from saring.report.histogram import CLASS_LABELS, hist_svg
from saring.report.languages import MAX_LANGS, lang_order
from saring.report.markup import esc
from saring.sample import LANG_SCORE

_GROUP_LABELS = {
    "gopher_quality": "Gopher quality",
    "gopher_repetition": "Gopher repetition",
    "fineweb": "FineWeb",
    "c4": "C4",
}


def _signal_title(signal: str) -> tuple[str, str]:
    group, _, name = signal.partition(".")
    if not name:
        return "Language identification", "lang_score"
    return _GROUP_LABELS.get(group, group), name.replace(".", " n=")


def section_signals(run: RunData) -> str:
    parts = ['<section id="signals"><h2>Signals against thresholds</h2>']
    if run.sample is None or not any(
        name != LANG_SCORE for signals in run.sample.histograms.values() for name in signals
    ):
        parts.append(
            '<p class="note">No quality signals in this run (no step wrote '
            "<code>metadata.quality</code>).</p></section>"
        )
        return "".join(parts)
    legend = "".join(
        f'<span><span class="sw {cls}"></span>{label}</span>' for cls, label in CLASS_LABELS.items()
    )
    parts.append(
        f'<div class="legend">{legend}<span><span class="sw cut"></span>threshold</span></div>'
        '<p class="note">Each histogram counts every document of the language (fixed bins). '
        "A threshold that cuts into the bulk of kept documents is flagged in red.</p>"
    )
    if not run.limits:
        parts.append(
            '<p class="note">No thresholds drawn: no step of this run declares '
            "<code>limits(lang)</code>.</p>"
        )
    langs = [
        lang
        for lang in lang_order(run)
        if any(name != LANG_SCORE for name in run.sample.histograms[lang])
    ]
    for index, lang in enumerate(langs[:MAX_LANGS]):
        signals = run.sample.histograms[lang]
        limits = run.limits.get(lang, {})
        docs = sum(run.sample.langs.get(lang, [0, 0, 0, 0])[::2])
        open_attr = " open" if index == 0 else ""
        parts.append(
            f"<details{open_attr}><summary>{esc(lang)} · {docs:,} documents</summary>"
            '<div class="charts">'
        )
        names = [s for s in signals if s != LANG_SCORE]
        for signal in sorted(names):
            found = limit_for(limits, signal)
            limit = found[1] if found else None
            counts = {cls: dict(c) for cls, c in signals[signal].items()}
            svg, caption, bulk = hist_svg(counts, signal, limit)
            group, name = _signal_title(signal)
            cls = "c cut" if bulk else "c"
            parts.append(
                f'<div class="chart"><div class="t">{esc(name)} '
                f'<span class="muted">· {esc(group)}</span></div>{svg}'
                f'<div class="{cls}">{esc(caption)}</div></div>'
            )
        parts.append("</div></details>")
    if len(langs) > MAX_LANGS:
        rest = ", ".join(esc(lang) for lang in langs[MAX_LANGS:])
        parts.append(f'<p class="note">Not drawn (smaller languages): {rest}.</p>')
    parts.append("</section>")
    return "".join(parts)
