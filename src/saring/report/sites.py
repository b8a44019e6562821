"""The report's sites: the largest domains, mirror domains and site template lines."""

from __future__ import annotations

from saring.report.data import RunData
from saring.report.markup import esc, html_table, human_bytes, stacked_bar

MAX_DOMAINS = 40
MAX_MIRRORS = 100
MAX_TEMPLATE_DOMAINS = 60


def section_sites(run: RunData) -> str:
    parts = ['<section id="sites"><h2>Sites</h2><div class="grid2"><div>']
    domains = run.domains or {}
    mirrors = {d: info for d, info in sorted(domains.items()) if info.get("mirror_of")}
    if run.sample is not None and run.sample.domains:
        table = run.sample.domains
        top = sorted(table.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))[:MAX_DOMAINS]
        biggest = max(kept + removed for _, (kept, removed, _) in top) if top else 1
        total = run.sample_meta.get("domains_total", len(table))
        parts.append(f"<h3>Top domains by documents <span class='muted'>of {total:,}</span></h3>")
        parts.append(
            html_table(
                ["domain", "kept", "removed", "kept text", "kept · removed"],
                (
                    [
                        esc(d) + (' <span class="tag">mirror</span>' if d in mirrors else ""),
                        f"{kept:,}",
                        f"{removed:,}",
                        human_bytes(size),
                        stacked_bar(kept, removed, biggest, 100),
                    ]
                    for d, (kept, removed, size) in top
                ),
                {1, 2, 3},
            )
        )
    else:
        parts.append('<p class="note">No domains in the sample.</p>')
    parts.append("</div><div>")
    parts.append("<h3>Mirror domains</h3>")
    if mirrors:
        rows = []
        for domain, info in list(mirrors.items())[:MAX_MIRRORS]:
            shared = info.get("shared_with") or {}
            source = info.get("mirror_of")
            evidence = [
                f"{info.get('documents', 0):,} documents, "
                f"{shared.get(source, 0):,} in duplicate clusters with it"
            ]
            credits = (info.get("credits") or {}).get(source)
            if credits:
                evidence.append(f"credits it on {credits:,} pages")
            after = (info.get("published_after") or {}).get(source)
            if after:
                evidence.append(f"published after it {after:,} times")
            rows.append(
                [
                    esc(domain),
                    esc(source),
                    f"{float(info.get('mirror_score') or 0):.2f}",
                    esc("; ".join(evidence)),
                ]
            )
        parts.append(html_table(["domain", "mirror of", "score", "evidence"], rows, {2}))
        if len(mirrors) > MAX_MIRRORS:
            parts.append(
                f'<p class="note">{len(mirrors) - MAX_MIRRORS:,} more in domains.json.</p>'
            )
    else:
        parts.append('<p class="note">No domain was flagged as a mirror.</p>')
    parts.append("</div></div>")
    parts.append(_templates(run))
    parts.append("</section>")
    return "".join(parts)


def _templates(run: RunData) -> str:
    per_domain: dict[str, int] = {}
    learned = 0
    for step in run.stats.get("steps", []):
        for key, n in step.get("counters", {}).items():
            if key.startswith("lines_removed/"):
                domain = key.removeprefix("lines_removed/")
                per_domain[domain] = per_domain.get(domain, 0) + n
        learned += step.get("counters", {}).get("template_lines_learned", 0)
    if not per_domain:
        return ""
    recorded: dict[str, list[tuple[str, int]]] = {}
    sample = run.sample
    if sample is not None and "clean/site_template" in sample.lines:
        for item in sample.lines["clean/site_template"].values():
            value = item["value"]
            recorded.setdefault(value["domain"], []).append((value["line"], item["count"]))
    top = sorted(per_domain.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TEMPLATE_DOMAINS]
    rows = []
    for domain, n in top:
        lines = "<br>".join(
            f'<span class="mono">{esc(line)}</span> <span class="muted">×{count:,}</span>'
            for line, count in sorted(recorded.get(domain, []), key=lambda lc: (-lc[1], lc[0]))
        )
        rows.append([esc(domain), f"{n:,}", lines or '<span class="muted">not recorded</span>'])
    note = f"{learned:,} template lines learned over {len(per_domain):,} domains. " + (
        ""
        if recorded
        else "The lines themselves are shown when RemoveSiteTemplates runs with "
        "<code>record_lines=True</code>."
    )
    return f'<h3>Site template lines</h3><p class="note">{note}</p>' + html_table(
        ["domain", "lines removed", "learned lines"], rows, {1}
    )
