"""Near-duplicate detection on real news with known edits: saring beside datatrove's MinHash.

Usage: python benchmarks/neardup.py [--data SHARED_DATA_DIR] [--originals N] [--workers N]
       [--seed S] [--skip-datatrove] [--skip-curve] [--exact-only]
       [--datatrove-language eng]

The labelled set. Originals are real articles, half from the IndoSum dev folds and half from
the Malay news crawl (at least 80 words each). Half of the originals get one copy, some of
them two, each made by one edit at a known strength:

- ``rewrap``: lines re-wrapped at 55-85 characters, paragraph breaks sometimes lost;
- ``boilerplate/K``: a site header, K "Baca juga: <headline>" lines between paragraphs and a
  new footer (a short last paragraph, such as a credit line, is replaced by it);
- ``truncate/P``: the last P% of the words cut, at a sentence end where one is near;
- ``rewrite/P``: P% of the words substituted (reporting and function words: "mengatakan" ->
  "menyatakan") or deleted, plus two sentences swapped (P=1), one dropped (P=3) or both (P=5);
- ``combined``: rewrite/1, truncate/10, boilerplate/1 and rewrap together.

Copies get another outlet's URL and a date up to five days after the original's. Documents
are shuffled, so a copy is as likely as its original to come first in the input, and every
id is an opaque hash, so no tie-break on ids or order favours either.

Real duplicates already in the data are labelled, not excluded, where the label is certain:
records of the Malay crawl with the same URL (it files one article under several topics) are
duplicates of each other (``real/same-url``), and so are real articles whose word 5-gram
Jaccard similarity is at least 0.8 (Bernama wire copies across outlets, m.utusan.com.my
mirrors of utusan.com.my: ``real/wire``). Real pairs between 0.2 and 0.8 (the same wire story
rewritten to different degrees) are neither clearly copies nor clearly distinct, so such
articles are left out of the set: it holds no real pair in that range. Hard negatives are
real articles on the same topic (same IndoSum category or same Malay news topic file) whose
similarity is between 0.05 and 0.2 (the same event written up separately, a shared footer):
for every original the most similar such article is added when there is one, and every such
pair in the set is counted. Template shingles (shared by more than 50 articles) do not make
two articles similar when the set is built. Articles with a real copy are picked first, so
every real copy in the data is in the set. (With no real pair between 0.2 and 0.8, the set
cannot show false positives in that range: precision here is about copies versus distinct
articles, not about where "related" ends.)

Also printed: for each system, in how many detected clusters with an edited copy the
original was the document kept, and which copies were kept instead; and, when
``saring.NearDedup`` exists, a precision/recall curve over its ``threshold`` and LSH banding
(``bands``/``rows``), whichever of these parameters it has. Without NearDedup (or with
``--exact-only``) saring runs ExactDedup only.

Scoring is pairwise: a gold pair is two documents of one gold cluster; a predicted pair is two
documents of one predicted cluster. saring's clusters link every removed document to its
``duplicate_of`` (``dedup/exact``, ``dedup/url`` and ``dedup/near`` alike); datatrove's are
its own cluster ids (``save_cluster_id``/``load_cluster_ids``), read from the documents it
kept and the ones its exclusion writer received. Per edit type, precision counts predicted
pairs with at least one document of that type, and recall counts the gold pairs of a copy of
that type with its original (the original's row: all of them).

Timing is end to end: saring's whole pipeline run (read, NormalizeUnicode, NormalizeWhitespace,
ExactDedup, NearDedup, write Parquet); datatrove's four stages (read and signatures, buckets,
clusters, filter and write), each on ``LocalPipelineExecutor`` with ``--workers`` workers,
with its default settings: ``MinhashConfig()`` (5-word shingles, 14 buckets of 8 hashes,
64-bit xxhash) and the English word tokenizer (``--datatrove-language ind`` gives the
Indonesian one, which finds about the same pairs here at half the speed).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import random
import re
import sys
import tempfile
import textwrap
import time
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

import saring
from common import data_folder, indosum_articles, malay_news_articles, write_jsonl
from saring import (
    ExactDedup,
    JsonlReader,
    LocalExecutor,
    NormalizeUnicode,
    NormalizeWhitespace,
    Pipeline,
    Step,
    meta,
)

SHINGLE = 5
"""Words per shingle when the set is built (independent of any system's setting)."""
MIN_WORDS = 80
AMBIGUOUS = 0.2
"""Real pairs at or above this Jaccard similarity are not clean negatives."""
WIRE = 0.8
"""Real pairs at or above this Jaccard similarity are labelled duplicates."""
HARD = 0.05
"""Same-topic real pairs from here up to ``AMBIGUOUS`` are hard negatives."""
TEMPLATE_DF = 50
"""A shingle in more articles than this is template text and makes no pair similar."""
COPY_SHARE = 0.5
SECOND_COPY = 0.3
VARIANTS = (
    "rewrap",
    "boilerplate/1",
    "boilerplate/3",
    "boilerplate/5",
    "truncate/10",
    "truncate/20",
    "truncate/30",
    "rewrite/1",
    "rewrite/3",
    "rewrite/5",
    "combined",
)
REAL = ("real/same-url", "real/wire")

SITES = {
    "id": (
        "kabarnusantara.id",
        "beritaterkini.co.id",
        "portalkabar.net",
        "infoviral.web.id",
        "warta-harian.com",
        "suarakini.id",
        "greenvalleytours.net",
    ),
    "ms": (
        "beritasemasa.my",
        "akhbarkini.com.my",
        "viralmy.net",
        "suaranegeri.my",
        "portalberita.com.my",
        "lamanwarta.net",
        "visitlangkawiresort.com",
    ),
}
MALAY_HOSTS = ("malaysiakini.com", "astroawani.com", "harakahdaily.net", "agendadaily.com")
HEADERS = {
    "id": ("{SITE} -", "{site} | Berita Terkini Hari Ini", "Home > Berita > Nasional"),
    "ms": ("{SITE} -", "{site} - Berita Terkini", "Laman Utama > Berita > Nasional"),
}
RELATED = {
    "id": ("Baca juga: ", "Baca Juga : ", "Simak juga: "),
    "ms": ("Baca juga: ", "Artikel berkaitan: "),
}
FOOTERS = {
    "id": (
        'Artikel ini telah tayang di {site} dengan judul "{title}".',
        "Ikuti berita terkini dari {site} di Google News dan WhatsApp Channel.",
        "Copyright © 2018 {site}. All rights reserved.",
    ),
    "ms": (
        "Ikuti {site} di Facebook, Twitter dan Telegram untuk berita terkini.",
        "Hakcipta Terpelihara © 2018 {site}.",
        "Sumber: {site}",
    ),
}
# Substitutions copy editors make in Indonesian and Malay news.
SYNONYMS = {
    "mengatakan": "menyatakan",
    "menyatakan": "mengatakan",
    "kata": "ujar",
    "ujar": "kata",
    "berkata": "menyatakan",
    "tersebut": "itu",
    "sudah": "telah",
    "telah": "sudah",
    "karena": "sebab",
    "kerana": "sebab",
    "namun": "tetapi",
    "tetapi": "namun",
    "saat": "ketika",
    "ketika": "semasa",
    "semasa": "ketika",
    "sangat": "amat",
    "akan": "bakal",
    "dapat": "bisa",
    "bisa": "dapat",
    "boleh": "dapat",
    "hanya": "cuma",
    "kemudian": "lalu",
    "lalu": "kemudian",
    "banyak": "sejumlah",
    "beliau": "dia",
    "bagi": "untuk",
    "untuk": "bagi",
    "menjadi": "jadi",
    "seperti": "bagaikan",
    "juga": "pun",
}
WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“'(\[A-Z0-9])")


@dataclass(frozen=True)
class Doc:
    """One document of the labelled set."""

    id: str
    text: str
    url: str | None
    date: str | None
    topic: str
    corpus: str
    cluster: str
    edit: str


# --- building the set ---------------------------------------------------------------------


def opaque_id(*parts: str) -> str:
    """Return a 16-hex-digit id that says nothing about what the document is."""
    return hashlib.blake2b("|".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def shingles(text: str) -> frozenset[int]:
    """Return the hashed word 5-grams of the text, case-folded, punctuation ignored."""
    words = WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    last = max(1, len(words) - SHINGLE + 1)
    grams = (" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(last))
    # A hash that is the same in every process, so that the set is the same on every run.
    return frozenset(zlib.crc32(g) << 32 | zlib.adler32(g) for g in grams)


def similar_pairs(sets: list[frozenset[int]]) -> dict[int, list[tuple[int, float]]]:
    """Return, per article, the articles whose exact Jaccard similarity is at least ``HARD``,
    among those sharing two or more of a quarter sample of the non-template shingles, most
    similar first."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, found in enumerate(sets):
        for h in found:
            postings[h].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for h, ids in postings.items():
        if h % 4 == 0 and 2 <= len(ids) <= TEMPLATE_DF:
            shared.update(combinations(ids, 2))
    near: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (a, b), count in shared.items():
        if count < 2:
            continue
        jaccard = len(sets[a] & sets[b]) / len(sets[a] | sets[b])
        if jaccard >= HARD:
            near[a].append((b, jaccard))
            near[b].append((a, jaccard))
    for links in near.values():
        links.sort(key=lambda link: (-link[1], link[0]))
    return near


def candidates(data: str | None) -> tuple[list[Doc], dict[str, list[dict[str, Any]]]]:
    """Return the real articles that may be picked, and the Malay records whose URL repeats
    an earlier record's, by URL."""
    pool: list[Doc] = []
    seen_text: set[str] = set()
    for record in indosum_articles(data_folder(data, "indosum-dev")):
        if len(record["text"].split()) < MIN_WORDS or record["text"] in seen_text:
            continue
        seen_text.add(record["text"])
        pool.append(
            Doc(
                id=opaque_id("indosum", record["id"]),
                text=record["text"],
                url=record["url"],
                date=record["date"],
                topic="indosum/" + record["category"],
                corpus="indosum-dev",
                cluster="",
                edit="original",
            )
        )
    same_url: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in malay_news_articles(data_folder(data, "malay-news-2018")):
        text, url = record.get("text"), record.get("url")
        if not isinstance(text, str) or len(text.split()) < MIN_WORDS:
            continue
        if url and url in same_url:
            same_url[url].append(record)
            continue
        if url:
            same_url[url] = []
        pool.append(
            Doc(
                id=opaque_id("malay", record["id"]),
                text=text,
                url=url,
                date=record["date"],
                topic="malay/" + record["topic"],
                corpus="malay-news-2018",
                cluster="",
                edit="original",
            )
        )
    return pool, same_url


@dataclass
class Selection:
    """Real articles chosen for the set, with their gold clusters and the hard negatives."""

    docs: list[Doc]
    hard: list[tuple[str, str]]
    excluded: int


def select(
    pool: list[Doc],
    near: dict[int, list[tuple[int, float]]],
    same_url: dict[str, list[dict[str, Any]]],
    originals: int,
    rng: random.Random,
) -> Selection:
    """Return ``originals`` real articles, alternating between the corpora, with their real
    duplicates labelled and their most similar same-topic article added as a hard negative."""
    cluster_of: dict[int, str] = {}
    kind_of: dict[int, str] = {}

    def place(i: int) -> str | None:
        links = [(k, j) for k, j in near.get(i, []) if k in cluster_of and j >= AMBIGUOUS]
        if not links:
            return "original"
        if len({cluster_of[k] for k, _ in links}) == 1 and all(j >= WIRE for _, j in links):
            return "real/wire"
        return None

    def accept(i: int, kind: str) -> None:
        links = [k for k, j in near.get(i, []) if k in cluster_of and j >= AMBIGUOUS]
        cluster_of[i] = cluster_of[links[0]] if kind == "real/wire" else pool[i].id
        kind_of[i] = kind

    orders = []
    for corpus in ("indosum-dev", "malay-news-2018"):
        order = [i for i, doc in enumerate(pool) if doc.corpus == corpus]
        rng.shuffle(order)
        orders.append(order)
    # Articles with a real copy come first, so that every real copy in the data is in the set.
    interleaved = [i for pair in zip(*orders, strict=False) for i in pair]
    copied = {i for i in interleaved if any(j >= WIRE for _, j in near.get(i, []))}
    interleaved = [i for i in interleaved if i in copied] + [
        i for i in interleaved if i not in copied
    ]
    count = 0
    skipped = set()
    for i in interleaved:
        if count >= originals:
            break
        if i in cluster_of:
            continue
        if place(i) != "original":
            skipped.add(i)
            continue
        accept(i, "original")
        count += 1
        for k, j in near.get(i, []):
            if j >= WIRE and k not in cluster_of and place(k) == "real/wire":
                accept(k, "real/wire")
        partner = next(
            (
                k
                for k, j in near.get(i, [])
                if j < AMBIGUOUS and pool[k].topic == pool[i].topic and k not in cluster_of
            ),
            None,
        )
        if partner is not None and count < originals and place(partner) == "original":
            accept(partner, "original")
            count += 1
    docs = [replace(pool[i], cluster=cluster_of[i], edit=kind_of[i]) for i in sorted(cluster_of)]
    for i in sorted(cluster_of):
        for n, record in enumerate(same_url.get(pool[i].url or "", [])):
            docs.append(
                replace(
                    pool[i],
                    id=opaque_id("malay", record["id"], str(n)),
                    text=record["text"],
                    date=record["date"],
                    cluster=cluster_of[i],
                    edit="real/same-url",
                )
            )
    chosen = set(cluster_of)
    hard = sorted(
        (pool[a].id, pool[b].id)
        for a in chosen
        for b, j in near.get(a, [])
        if a < b
        and b in chosen
        and j < AMBIGUOUS
        and pool[a].topic == pool[b].topic
        and cluster_of[a] != cluster_of[b]
    )
    return Selection(docs=docs, hard=hard, excluded=len(skipped - chosen))


def language(doc: Doc) -> str:
    """Return ``ms`` for a Malaysian outlet's article, else ``id``."""
    host = (doc.url or "").split("/")[2] if (doc.url or "").count("/") >= 2 else ""
    return "ms" if host.endswith(".my") or host.endswith(MALAY_HOSTS) else "id"


def headline(text: str) -> str:
    """Return a headline-like phrase: the first sentence, cut to at most 12 words."""
    first = SENTENCE_END.split(text.strip().split("\n")[0], maxsplit=1)[0]
    words = [w for w in first.split() if w not in {".", ",", "``", "''"}]
    return " ".join(words[:12]).rstrip(".,")


def paragraphs_of(text: str) -> list[str]:
    """Return the non-blank lines of the text, stripped."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def rewrap(paragraphs: list[str], rng: random.Random) -> str:
    """Return the text re-wrapped at 55-85 characters, paragraph breaks kept half the time."""
    width = rng.randint(55, 85)
    lines = ["\n".join(textwrap.wrap(p, width)) for p in paragraphs]
    return ("\n\n" if rng.random() < 0.5 else "\n").join(lines)


def boilerplate(
    paragraphs: list[str], related: int, rng: random.Random, site: str, titles: list[str]
) -> list[str]:
    """Return the paragraphs with a site header, ``related`` "Baca juga" lines and a new
    footer (replacing a short last paragraph, such as a credit line)."""
    lang = "ms" if site in SITES["ms"] else "id"
    out = list(paragraphs)
    for title in rng.sample(titles, related):
        out.insert(rng.randint(1, len(out)), rng.choice(RELATED[lang]) + title)
    if len(out[-1].split()) <= 12:
        out.pop()
    own = headline(paragraphs[0])
    footers = rng.sample(FOOTERS[lang], rng.randint(1, 2))
    out += [f.format(site=site, title=own) for f in footers]
    header = rng.choice(HEADERS[lang]).format(site=site, SITE=site.upper())
    return [header, *out]


def truncate(paragraphs: list[str], percent: int) -> list[str]:
    """Return the paragraphs without their last ``percent``% of words, cut at a sentence end
    when one lies in the last fifth of what is kept."""
    text = "\n\n".join(paragraphs)
    words = list(re.finditer(r"\S+", text))
    keep = max(1, round(len(words) * (100 - percent) / 100))
    cut = words[keep - 1].end()
    end = max(text.rfind(". ", 0, cut), text.rfind(".\n", 0, cut))
    if end > 0.8 * cut:
        cut = end + 1
    return paragraphs_of(text[:cut])


def rewrite(paragraphs: list[str], percent: int, rng: random.Random) -> list[str]:
    """Return the paragraphs with ``percent``% of words substituted or deleted and sentences
    swapped (1%), dropped (3%) or both (5%)."""
    sentences = [SENTENCE_END.split(p) for p in paragraphs]
    if percent != 3:
        multi = [n for n, s in enumerate(sentences) if len(s) > 1]
        if multi:
            s = sentences[rng.choice(multi)]
            k = rng.randrange(len(s) - 1)
            s[k], s[k + 1] = s[k + 1], s[k]
        elif len(sentences) > 2:
            k = rng.randrange(1, len(sentences) - 1)
            sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
    if percent >= 3:
        flat = [(n, m) for n, s in enumerate(sentences) for m in range(len(s)) if n or m]
        if len(flat) > 1:
            n, m = rng.choice(flat)
            del sentences[n][m]
    tokens = [" ".join(s).split() for s in sentences if s]
    places = [(n, m) for n, words in enumerate(tokens) for m in range(len(words))]
    edits = max(1, round(len(places) * percent / 100))
    swappable = [(n, m) for n, m in places if tokens[n][m].lower() in SYNONYMS]
    chosen = rng.sample(swappable, min(len(swappable), (edits + 1) // 2))
    rest = [p for p in places if p not in set(chosen)]
    chosen += rng.sample(rest, min(len(rest), edits - len(chosen)))
    deleted = set()
    for n, m in chosen:
        word = tokens[n][m]
        if word.lower() in SYNONYMS:
            swap = SYNONYMS[word.lower()]
            tokens[n][m] = swap.capitalize() if word[:1].isupper() else swap
        else:
            deleted.add((n, m))
    return [
        " ".join(w for m, w in enumerate(words) if (n, m) not in deleted)
        for n, words in enumerate(tokens)
        if any((n, m) not in deleted for m in range(len(words)))
    ]


def edited(doc: Doc, variant: str, rng: random.Random, site: str, titles: list[str]) -> str:
    """Return the text of a copy of the document made by one edit variant."""
    paragraphs = paragraphs_of(doc.text)
    kind, _, strength = variant.partition("/")
    if kind == "rewrap":
        return rewrap(paragraphs, rng)
    if kind == "boilerplate":
        return "\n\n".join(boilerplate(paragraphs, int(strength), rng, site, titles))
    if kind == "truncate":
        return "\n\n".join(truncate(paragraphs, int(strength)))
    if kind == "rewrite":
        return "\n\n".join(rewrite(paragraphs, int(strength), rng))
    paragraphs = truncate(rewrite(paragraphs, 1, rng), 10)
    return rewrap(boilerplate(paragraphs, 1, rng, site, titles), rng)


def copy_url(doc: Doc, site: str, day: str | None, n: int) -> str:
    """Return a plausible URL of the copy on another outlet."""
    slug = (doc.url or "").rstrip("/").rsplit("/", 1)[-1] or f"berita-{n}"
    slug = re.sub(r"\.(html?|php)$", "", slug)
    path = day.replace("-", "/")[:7] if day else "berita"
    return f"https://{site}/{path}/{slug}"


def later(day: str | None, rng: random.Random) -> str | None:
    """Return the date 0-5 days after ``day`` (ISO), or ``None``."""
    if not day:
        return None
    try:
        return (date.fromisoformat(day) + timedelta(days=rng.randint(0, 5))).isoformat()
    except ValueError:
        return None


def copies(docs: list[Doc], rng: random.Random) -> list[Doc]:
    """Return edited copies of about half of the originals, one or two each."""
    originals = [d for d in docs if d.edit == "original"]
    titles = [headline(d.text) for d in originals]
    made: list[Doc] = []
    for doc in originals:
        if rng.random() >= COPY_SHARE:
            continue
        variants = rng.sample(VARIANTS, 2 if rng.random() < SECOND_COPY else 1)
        sites = rng.sample(SITES[language(doc)], len(variants))
        for variant, site in zip(variants, sites, strict=True):
            day = later(doc.date, rng)
            made.append(
                replace(
                    doc,
                    id=opaque_id(doc.id, variant),
                    text=edited(doc, variant, rng, site, titles),
                    url=copy_url(doc, site, day, len(made)),
                    date=day,
                    edit=variant,
                )
            )
    return made


def build(data: str | None, originals: int, seed: int) -> Selection:
    """Return the labelled set: chosen real articles, their real and edited copies, shuffled."""
    rng = random.Random(seed)
    pool, same_url = candidates(data)
    near = similar_pairs([shingles(doc.text) for doc in pool])
    chosen = select(pool, near, same_url, originals, rng)
    docs = chosen.docs + copies(chosen.docs, rng)
    rng.shuffle(docs)
    return Selection(docs=docs, hard=chosen.hard, excluded=chosen.excluded)


def write_set(docs: list[Doc], folder: Path, files: int) -> list[Path]:
    """Write the documents as ``files`` JSON Lines files of about equal size; return them."""
    folder.mkdir(parents=True)
    paths = [folder / f"part-{n:02d}.jsonl" for n in range(files)]
    size = -(-len(docs) // files)
    for n, path in enumerate(paths):
        rows = docs[n * size : (n + 1) * size]
        write_jsonl(
            path, ({"id": d.id, "text": d.text, "url": d.url, "date": d.date} for d in rows)
        )
    return paths


# --- running the systems ------------------------------------------------------------------


@dataclass
class Run:
    """What one system did: its predicted clusters, what it removed, and how long it took."""

    name: str
    seconds: float
    cluster: dict[str, str]
    removed: set[str]
    reasons: Counter[str]
    laps: dict[str, float] | None = None
    """Seconds per stage, where the system has separate stages."""


def union(ids: list[str], links: dict[str, str]) -> dict[str, str]:
    """Return each id's cluster root when every linked pair is joined (union-find)."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links.items():
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: root(i) for i in ids}


def run_saring(paths: list[Path], out: Path, workers: int, near: Step | None) -> Run:
    """Return saring's run of normalisation, exact and (if given) near dedup over the files."""
    steps: list[Step] = [NormalizeUnicode(), NormalizeWhitespace(), ExactDedup()]
    if near is not None:
        steps.append(near)
    pipeline = Pipeline(JsonlReader([str(p) for p in paths]), steps, output=str(out))
    started = time.perf_counter()
    saring.run(pipeline, LocalExecutor(workers=workers))
    seconds = time.perf_counter() - started
    kept = pq.read_table(out / "docs", columns=["id", "metadata"]).to_pylist()
    removed: list[dict[str, Any]] = []
    if (out / "removed").is_dir() and any((out / "removed").iterdir()):
        columns = ["id", "reason", "duplicate_of", "metadata"]
        removed = pq.read_table(out / "removed", columns=columns).to_pylist()
    links = {r["id"]: r["duplicate_of"] for r in removed if r["duplicate_of"]}
    ids = [r["id"] for r in kept] + [r["id"] for r in removed]
    # The cluster ids saring writes must agree with the duplicate_of links.
    key = getattr(meta, "CLUSTER_ID", "cluster_id")
    cluster_ids = {r["id"]: json.loads(r["metadata"] or "{}").get(key) for r in kept + removed}
    disagree = sum(
        1
        for doc, original in links.items()
        if cluster_ids.get(doc) is not None
        and cluster_ids.get(original) is not None
        and cluster_ids[doc] != cluster_ids[original]
    )
    if disagree:
        print(f"warning: {disagree} removed documents have another cluster_id than their original")
    return Run(
        name="saring",
        seconds=seconds,
        cluster=union(ids, links),
        removed={r["id"] for r in removed},
        reasons=Counter(r["reason"] for r in removed),
    )


def run_datatrove(folder: Path, files: int, work: Path, workers: int, language: str) -> Run | None:
    """Return datatrove's MinHash dedup (default MinhashConfig, four stages, the word
    tokenizer of ``language``) over the files, or ``None`` with a printed line when datatrove
    is not installed."""
    try:
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.dedup import (
            MinhashDedupBuckets,
            MinhashDedupCluster,
            MinhashDedupFilter,
            MinhashDedupSignature,
        )
        from datatrove.pipeline.dedup.minhash import MinhashConfig
        from datatrove.pipeline.readers import JsonlReader as DatatroveReader
        from datatrove.pipeline.writers import JsonlWriter as DatatroveWriter
    except ImportError as exc:
        print(
            f"datatrove not installed ({exc}); pip install datatrove xxhash tokenizers to compare"
        )
        return None
    config = MinhashConfig()
    stages = [
        (
            [
                DatatroveReader(str(folder)),
                MinhashDedupSignature(
                    output_folder=str(work / "signatures"), config=config, language=language
                ),
            ],
            files,
        ),
        (
            [
                MinhashDedupBuckets(
                    input_folder=str(work / "signatures"),
                    output_folder=str(work / "buckets"),
                    config=config,
                )
            ],
            config.num_buckets,
        ),
        (
            [
                MinhashDedupCluster(
                    input_folder=str(work / "buckets"),
                    output_folder=str(work / "remove_ids"),
                    config=config,
                    save_cluster_id=True,
                )
            ],
            1,
        ),
        (
            [
                DatatroveReader(str(folder)),
                MinhashDedupFilter(
                    input_folder=str(work / "remove_ids"),
                    exclusion_writer=DatatroveWriter(str(work / "removed")),
                    load_cluster_ids=True,
                ),
                DatatroveWriter(str(work / "kept")),
            ],
            files,
        ),
    ]
    work.mkdir(parents=True)
    started = time.perf_counter()
    laps = []
    with quiet(work / "datatrove.log"):
        for n, (pipeline, tasks) in enumerate(stages):
            saring.run(
                LocalPipelineExecutor(
                    pipeline=pipeline,
                    tasks=tasks,
                    workers=min(workers, tasks),
                    logging_dir=str(work / f"logs-{n}"),
                )
            )
            laps.append(time.perf_counter() - started - sum(laps))
    seconds = time.perf_counter() - started
    kept = list(read_datatrove(work / "kept"))
    removed = list(read_datatrove(work / "removed"))
    cluster = {}
    for row in kept + removed:
        number = row["metadata"].get("minhash_cluster_id", -1)
        cluster[row["id"]] = f"minhash-{number}" if number != -1 else row["id"]
    return Run(
        name="datatrove",
        seconds=seconds,
        cluster=cluster,
        removed={r["id"] for r in removed},
        reasons=Counter({"minhash": len(removed)}),
        laps=dict(zip(("signatures", "buckets", "clusters", "filter"), laps, strict=True)),
    )


def read_datatrove(folder: Path) -> Iterator[dict[str, Any]]:
    """Yield the documents a datatrove JsonlWriter wrote into the folder."""
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)


@contextlib.contextmanager
def quiet(log: Path) -> Iterator[None]:
    """Send this process's and its children's stderr (datatrove's logs) to a file."""
    sys.stderr.flush()
    saved = os.dup(2)
    with log.open("ab") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


# --- scoring ------------------------------------------------------------------------------


@dataclass
class Score:
    """Pairwise precision and recall of one run against the gold clusters."""

    precision: float
    recall: float
    by_edit: dict[str, tuple[int, int, int, int]]
    """Per edit type: (true predicted pairs, predicted pairs, found and all gold pairs with
    the cluster's original)."""
    hard_flagged: int
    original_kept: tuple[int, int]
    """(clusters whose original was kept, clusters where the original was found duplicated)."""
    kept_instead: Counter[str]
    """Where the original was removed: the edit types of the copies kept instead."""


def groups(cluster: dict[str, str]) -> list[list[str]]:
    """Return the clusters of two or more documents, each sorted."""
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id, root in cluster.items():
        members[root].append(doc_id)
    return [sorted(m) for m in members.values() if len(m) > 1]


def score(docs: list[Doc], run: Run, hard: list[tuple[str, str]]) -> Score:
    """Return the run's pairwise precision and recall, overall and per edit type."""
    gold = {d.id: d.cluster for d in docs}
    edit = {d.id: d.edit for d in docs}
    predicted = {d.id: run.cluster.get(d.id, d.id) for d in docs}
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    true_pairs = predicted_pairs = found = gold_pairs = 0
    for members in groups(predicted):
        for a, b in combinations(members, 2):
            right = gold[a] == gold[b]
            true_pairs += right
            predicted_pairs += 1
            for kind in {edit[a], edit[b]}:
                tally[kind][0] += right
                tally[kind][1] += 1
    for members in groups(gold):
        for a, b in combinations(members, 2):
            hit = predicted[a] == predicted[b]
            found += hit
            gold_pairs += 1
            # Per edit type, recall counts the pairs of a copy with its original.
            if "original" in (edit[a], edit[b]):
                for kind in {edit[a], edit[b]}:
                    tally[kind][2] += hit
                    tally[kind][3] += 1
    kept = detected = 0
    instead: Counter[str] = Counter()
    for members in groups(gold):
        original = next((m for m in members if edit[m] == "original"), None)
        if original is None or not any(
            predicted[m] == predicted[original] and edit[m] in VARIANTS for m in members
        ):
            continue
        detected += 1
        kept += original not in run.removed
        if original in run.removed:
            same = [m for m in members if predicted[m] == predicted[original]]
            instead.update(edit[m] for m in same if m not in run.removed)
    return Score(
        precision=true_pairs / predicted_pairs if predicted_pairs else 1.0,
        recall=found / gold_pairs if gold_pairs else 1.0,
        by_edit={kind: (t[0], t[1], t[2], t[3]) for kind, t in tally.items()},
        hard_flagged=sum(predicted[a] == predicted[b] for a, b in hard),
        original_kept=(kept, detected),
        kept_instead=instead,
    )


# --- output -------------------------------------------------------------------------------


def ratio(numerator: int, denominator: int) -> str:
    """Return the ratio as a fixed-width figure, or a dash when there is nothing to count."""
    return f"{numerator / denominator:.3f}" if denominator else "  -  "


def print_runs(docs: list[Doc], runs: list[tuple[Run, Score]]) -> None:
    """Print the headline table: precision, recall, removals and speed of each system."""
    print(f"{'system':<34} {'P':>6} {'R':>6} {'F1':>6} {'removed':>8} {'seconds':>8} {'docs/s':>8}")
    for run, result in runs:
        f1 = 2 * result.precision * result.recall / max(result.precision + result.recall, 1e-9)
        print(
            f"{run.name:<34} {result.precision:>6.3f} {result.recall:>6.3f} {f1:>6.3f} "
            f"{len(run.removed):>8} {run.seconds:>8.1f} {len(docs) / run.seconds:>8.0f}"
        )
    for run, _ in runs:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(run.reasons.items()))
        print(f"  {run.name} removed by reason: {reasons or 'nothing'}")
        if run.laps:
            laps = ", ".join(f"{stage} {seconds:.1f}s" for stage, seconds in run.laps.items())
            print(f"  {run.name} stages: {laps}")


def print_edits(docs: list[Doc], runs: list[tuple[Run, Score]], hard: int) -> None:
    """Print precision and recall per edit type, hard negatives flagged and originals kept."""
    count = Counter(d.edit for d in docs)
    names = [run.name.split()[0] for run, _ in runs]
    head = "".join(f" {name[:9] + ' P':>11} {name[:9] + ' R':>11}" for name in names)
    print(f"{'edit type':<16} {'docs':>5} {'with orig':>10}{head}")
    for kind in ("original", *REAL, *VARIANTS):
        if not count[kind]:
            continue
        gold_pairs = runs[0][1].by_edit.get(kind, (0, 0, 0, 0))[3]
        cells = ""
        for _, result in runs:
            true_pairs, predicted, found, total = result.by_edit.get(kind, (0, 0, 0, 0))
            cells += f" {ratio(true_pairs, predicted):>11} {ratio(found, total):>11}"
        print(f"{kind:<16} {count[kind]:>5} {gold_pairs:>10}{cells}")
    for run, result in runs:
        kept, detected = result.original_kept
        print(
            f"  {run.name}: hard-negative pairs flagged {result.hard_flagged}/{hard}; "
            f"original kept in {kept}/{detected} detected clusters with edited copies"
        )
        if result.kept_instead:
            shown = ", ".join(f"{k} {n}" for k, n in result.kept_instead.most_common())
            print(f"    copies kept instead of the original: {shown}")


def curve_settings(names: list[str]) -> list[dict[str, Any]]:
    """Return the NearDedup settings to sweep, from the parameters it has: thresholds at the
    default banding, then other bandings at the default threshold and at 0.5."""
    settings: list[dict[str, Any]] = []
    if "threshold" in names:
        settings += [{"threshold": t} for t in (0.4, 0.5, 0.6, 0.7, 0.8)]
    bands = next((n for n in ("bands", "num_bands", "num_buckets") if n in names), None)
    rows = next((n for n in ("rows", "rows_per_band", "hashes_per_bucket") if n in names), None)
    if bands and rows:
        for b, r in ((32, 4), (14, 8)):
            settings.append({bands: b, rows: r})
            if "threshold" in names:
                settings.append({bands: b, rows: r, "threshold": 0.5})
    return settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--originals", type=int, default=2000, help="real articles in the set")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--skip-datatrove", action="store_true")
    parser.add_argument("--skip-curve", action="store_true")
    parser.add_argument(
        "--datatrove-language",
        default="eng",
        help="language of datatrove's word tokenizer (its default, eng; ind is about 2x slower)",
    )
    parser.add_argument(
        "--exact-only", action="store_true", help="run saring without NearDedup (its fallback)"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    built = build(args.data, args.originals, args.seed)
    docs = built.docs
    count = Counter(d.edit for d in docs)
    corpora = Counter(d.corpus for d in docs if d.edit == "original")
    gold_pairs = sum(len(m) * (len(m) - 1) // 2 for m in groups({d.id: d.cluster for d in docs}))
    print(
        f"set: {count['original']} originals ({corpora['indosum-dev']} indosum-dev, "
        f"{corpora['malay-news-2018']} malay-news-2018), "
        f"{sum(count[v] for v in VARIANTS)} edited copies, "
        f"{count['real/same-url']} same-URL and {count['real/wire']} wire/mirror real copies; "
        f"{len(docs)} docs, {gold_pairs} gold pairs, {len(built.hard)} hard-negative pairs; "
        f"{built.excluded} articles left out as ambiguous (built in "
        f"{time.perf_counter() - started:.0f}s, seed {args.seed})"
    )

    near_class: type[Step] | None = getattr(saring, "NearDedup", None)
    if near_class is None:
        print("note: saring has no NearDedup yet; saring runs ExactDedup only")
    elif args.exact_only:
        print("note: --exact-only; saring runs ExactDedup only")
        near_class = None
    files = max(2, args.workers)
    print(f"load average before the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="neardup-") as tmp:
        paths = write_set(docs, Path(tmp) / "input", files)
        default = near_class() if near_class is not None else None
        saring_run = run_saring(paths, Path(tmp) / "saring", args.workers, default)
        saring_run.name = f"saring {default!r}" if default is not None else "saring ExactDedup only"
        runs = [(saring_run, score(docs, saring_run, built.hard))]
        if not args.skip_datatrove:
            peer = run_datatrove(
                Path(tmp) / "input",
                files,
                Path(tmp) / "datatrove",
                args.workers,
                args.datatrove_language,
            )
            if peer is not None:
                peer.name = "datatrove MinHash (default config)"
                runs.append((peer, score(docs, peer, built.hard)))
        print()
        print_runs(docs, runs)
        if len(runs) == 2:
            print(
                "  datatrove: MinhashConfig() = 5-word shingles, 14 buckets x 8 hashes, 64-bit "
                "xxhash, default text normalisation; spaCy word tokenizer for "
                f"{args.datatrove_language!r}; "
                f"{files}/14/1/{files} tasks, {args.workers} workers"
            )
            speed = (len(docs) / saring_run.seconds) / (len(docs) / runs[1][0].seconds)
            print(f"  throughput saring/datatrove: {speed:.2f}x")
        print()
        print_edits(docs, runs, len(built.hard))
        if near_class is None or args.skip_curve:
            return
        settings = curve_settings(near_class.param_names())
        print()
        if not settings:
            names = near_class.param_names()
            print(f"curve skipped: NearDedup has no threshold or bands/rows parameter ({names})")
            return
        print(f"curve (defaults: {near_class().get_params()})")
        print(f"{'NearDedup setting':<34} {'P':>6} {'R':>6} {'F1':>6} {'hard FP':>8} {'docs/s':>8}")
        for n, params in enumerate(settings):
            step = near_class(**params)
            run = run_saring(paths, Path(tmp) / f"curve-{n}", args.workers, step)
            result = score(docs, run, built.hard)
            f1 = 2 * result.precision * result.recall / max(result.precision + result.recall, 1e-9)
            shown = ", ".join(f"{k}={v}" for k, v in params.items())
            print(
                f"{shown:<34} {result.precision:>6.3f} {result.recall:>6.3f} {f1:>6.3f} "
                f"{result.hard_flagged:>8} {len(docs) / run.seconds:>8.0f}"
            )


if __name__ == "__main__":
    main()
