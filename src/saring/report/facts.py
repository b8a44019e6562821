"""The report's run facts: versions, executor, inputs, timing and the run's configuration."""

from __future__ import annotations

import platform

from saring.report.data import RunData
from saring.report.markup import esc, html_table, human_bytes

MAX_CONFIG_CHARS = 60_000


def section_facts(run: RunData) -> str:
    stats = run.stats
    cfg = run.config
    executor = cfg.get("executor", {})
    executor_text = executor.get("class", "–")
    if "workers" in executor:
        executor_text += f", {executor['workers']} workers"
    if executor.get("address"):
        executor_text += f", {executor['address']}"
    reader = cfg.get("reader", {})
    paths = reader.get("paths", [])
    seconds = float(stats.get("seconds") or 0)
    read = stats["input"]["documents"]
    rate = read / seconds if seconds > 0 else 0
    from saring import __version__

    rows = [
        ["saring (run)", esc(stats.get("saring"))],
        ["saring (report), Python", esc(f"{__version__}, Python {platform.python_version()}")],
        ["executor", esc(executor_text)],
        ["reader", esc(reader.get("class", "–"))],
        ["inputs", "<br>".join(f'<span class="mono">{esc(p)}</span>' for p in paths[:50])],
        [
            "input",
            esc(
                f"{stats['input']['files']:,} files, {human_bytes(stats['input']['bytes'])}, "
                f"{read:,} documents"
            ),
        ],
        ["wall time", esc(f"{seconds:,.1f} s")],
        ["throughput", esc(f"{rate:,.0f} documents/s")],
        ["output", f'<span class="mono">{esc(cfg.get("output", run.output))}</span>'],
    ]
    if len(paths) > 50:
        rows[4][1] += f"<br>… {len(paths) - 50:,} more"
    text = run.config_text
    if len(text) > MAX_CONFIG_CHARS:
        text = text[:MAX_CONFIG_CHARS] + "\n# … (cut; see config.toml)"
    return (
        '<section id="facts"><h2>Run facts</h2>'
        + html_table(["", ""], rows)
        + "<h3>Configuration (config.toml)</h3>"
        + f'<pre class="config">{esc(text)}</pre></section>'
    )
