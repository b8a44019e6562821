"""Train saring's spam model (``saring.filters.spam_model``) and choose its threshold.

Usage: python scripts/train_spam.py DATA [--out src/saring/data/spam/model.npz]

Spam pages are assembled from the phrase pools of ``saring/data/spam/train/``: families A
and D (D in other registers, at ``FAMILY_D`` of A's counts) are trained on (four fifths)
and tuned on (the other fifth); families B and C, written separately in other words, voices
and layouts, are only reported (B as seen: its failures were looked at once; C held out).
Family E (mostly English: the promotion that ends an article, sponsored posts, product pages)
is trained on at ``FAMILY_E`` of A's counts, 0 for now, and reported. Family F (pill,
supplement, cosmetic and miracle-cure selling, with hard negatives on the same subjects and of
ordinary commerce) is trained and tuned on with A and D, at ``FAMILY_F`` of A's pill pages and
``FAMILY_F_HAM`` of its hard negatives, and reported on new pages. The development sets
named in ``LABELLED`` are trained on ``LABELLED_REPEAT`` times each.
Ham is news and sentences from DATA: the malay-news-2018 topic files of
``saring.lang.training.news_files(…, "train")`` (Apache-2.0; every fifth article kept for
tuning) and lingua's id, ms and en sentences (Apache-2.0), plus families A's, D's and F's hard
negatives: news, advice columns and ordinary promotion about the same topics (F's also
ordinary commerce), and the article bodies F's endings leave. The other
malay-news-2018 files and IndoSum (CC-BY-SA-4.0, never trained on) are reported as
held-out news. The threshold printed is the lowest score at which no more than
``MAX_TUNING_FP`` of the tuning ham is called spam; it goes to ``SpamThresholds.min_model``.
The output is reproducible for one numpy version.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from saring import Document, SpamFilter
from saring.filters import spam_model
from saring.filters.spam_model import CLASSES, SpamModel, features, save
from saring.lang.training import news_files

REPO = Path(__file__).resolve().parent.parent
POOLS = REPO / "src" / "saring" / "data" / "spam" / "train"
SHIPPED = POOLS.parent / "model.npz"
"""The model ``SpamFilter`` reads (``saring.filters.spam_model.load``)."""
DIM = 1 << 16
"""Feature buckets."""
PAGES_PER_KIND = {"gambling": 1500, "loan": 1200, "pills": 1200, "seo": 600}
HARD_NEGATIVES = 2400
FAMILY_D = 0.6
"""Family D's pages and hard negatives, as a share of family A's (both trained and tuned on)."""
FAMILY_E, FAMILY_E_HAM = 0.0, 0.0
"""Family E's gambling, loan and pill pages, and its hard negatives (with its article bodies),
as shares of family A's; 0: not trained on yet. Every setting tried (pages 0.25 to 0.5, hard
negatives 0.25 to 1.0, articles trained whole or their endings alone, English only or in
three languages) caught more of the development sets' English and article-ending spam
(437 → up to 441 of 448 gambling, loan and pill pages) but cost something the shipped model
keeps: family C's hard negatives (588 to 596 of 600 with the rules, against 597), a news
report of the development sets, or clean news of ``benchmarks/quality.py``'s tuning sources,
pages with no topic or promotion word that the model scores 0.85 or more (0.4 and 1.0,
endings alone: family C 870/900 and 598/600, family B 852/900 and 593/600, the development
sets 441 of 448 and every news report kept, but SpamFilter drops 4 Malaysian, 2 Indonesian
and 1 IndoSum tuning articles that it kept). Trained on without its hard negatives, E's spam
pages (in English only, too) lift the model's mean score of Malaysian news from 0.004 to 0.037;
its hard negatives bring it back only part of the way (0.007 at 1.0)."""
FAMILY_F, FAMILY_F_HAM = 0.5, 0.25
"""Family F's pill pages, as a share of family A's, and its hard negatives, as a share of A's
(with the article bodies its endings leave). Against none (the model before), with the
threshold this script prints (``min_model`` 0.54 → 0.51) and ``min_rule_model`` 0.1 → 0.2:
``spam-dev-3.jsonl`` 78 → 80 of 80 spam pages, news 40 of 40; ``spam-dev-4.jsonl`` (seen: the
kinds of product its misses sell shaped F's brief) 51 → 53 of 60 pill pages, news 29 → 30 of
30; with the rules, family C 876 → 878 of 900 (hard negatives 597 of 600 either way), family B
859 → 857 (590 of 600 either way), family E's spam 695 → 718 of 780 and its hard negatives and
article bodies 1,010 → 1,013 of 1,065, malay-news-2018's other files 4,004 → 4,003; clean news
of ``benchmarks/quality.py --tuning-only`` dropped as spam, 2 → 2: IndoSum's browser-game
review and the seen Indonesian half's politics article are kept, a Portuguese NASCAR standings
table of the English tuning half is lost (0.86 as gambling against 0.82 before: a quiet page,
judged at ``min_quiet_model``) and a Malaysian article lost to ``gopher_stop_words`` before is
now lost as pills. Tried beside it (pages, hard negatives: threshold, dev-3 spam, dev-4 spam,
tuning articles dropped as spam), with ``min_rule_model`` 0.1: 0.5, 0.25: 0.51, 80, 53, 2 (this
one); 0.5, 0.5: 0.68, 79, 53, 6; 0.4, 0.4: 0.82, 79, 51, 9; 0.7, 0.5: 0.55, 80, 54, 4. With
the 37 sentences that share six words with a development or held-out set still in: 1.0, 1.0: 0.82,
80, 56, 34; 0.5, 0.5: 0.60, 80, 54, 4; 0.3, 0.3: 0.73, 79, 53, 9; 0.5, 1.0: 0.70, 79, 54, 14
(these four before the hard negatives of ordinary commerce; with them, 0.5, 0.5: 0.51, 80, 54,
3; 0.5, 0.75: 0.71, 79, 54, 15). On the pools as shipped, the three settings measured for it
(0.5, 0.25; 0.5, 0.5; 0.7, 0.5) scored a health feature that addresses its reader and weighs
collagen and slimming pills (``tests/filters/test_spam_selling.py``) at 0.165 to 0.35, over the
vocabulary rules' gate of 0.1 (the model before: 0.063). Hard negatives of such features (a
pool of reader-addressing health columns, at 0.15 and 0.4 of F's hard negatives) left its score
at 0.17 to 0.21 and cost tuning articles (4 to 15 dropped as spam); only with F's hard
negatives at 0.35 did the feature score under 0.1, and there the threshold rose to 0.87 and 9
tuning articles were dropped. So the gate was raised instead (at 0.25: dev-4 52 of 60). A
quiet page with no topic word judged by its words alone (``words_model``) kept the NASCAR table
but lost a dev-3 pill page; left out."""
ENDINGS = 0.6
"""Share of a family's gambling, loan and pill pages that are the promotion ending an article,
where its pools hold ``[article]`` bodies (family E; ``Pages.ending``). The ending is trained
on alone and the article's body, without it, is a hard negative (``Pages.bodies``): trained on
whole, the pages taught the model that a health column or a match preview is half spam (the
tuning threshold rose to 0.75-0.79); the model reads the ending as the block it is on a page."""
LANGUAGES = {"id": 0.75, "ms": 0.13, "en": 0.12}
"""Share of each language's sentences where a family's pools hold no ``[mix]`` of their own."""
HAM_KINDS = {"news": 0.6, "advice": 0.2, "promo_ok": 0.2}
"""Share of each kind of hard negative where a family's pools hold no ``[ham_mix]``."""
EPOCHS, BATCH, RATE, L2 = 12, 256, 0.05, 1e-6
"""Training settings; L2 was chosen on family B (1e-4, 1e-5, 1e-6, 1e-7 tried)."""
MAX_TUNING_FP = 0.002
"""Share of the tuning ham (news and hard negatives) the threshold may call spam."""
BLOCK_FLOOR = 0.95
"""Least block threshold: raised from 0.8 after IndoSum's paragraphs (news in a tokenised
style the training news lacks) scored up to 0.92 as blocks in ``benchmarks/quality.py``."""
LABELLED = ("spam-dev.jsonl", "spam-dev-2.jsonl", "heldout-spam.jsonl", "heldout-spam-2.jsonl",
    "heldout-spam-3.jsonl")  # fmt: skip
"""Development sets of ``benchmarks/data`` trained on whole (their spam pages and news about the
same topics, written for the project; ``spam-dev-3.jsonl`` is kept out to judge the model)."""
LABELLED_REPEAT = {"spam": 3, "news": 3}
"""Times each labelled text is trained on, by label. Against none (the model before), with the
threshold this script prints applied (0.51 → 0.54): ``spam-dev-3.jsonl`` (not trained on) 75 →
78 of 80 spam pages dropped, news 40 of 40; ``spam-dev-4.jsonl`` (not trained on) 45 → 51 of
60 pill pages, news 29 of 30 either way; with the rules, family C 866 → 876 of 900 spam pages
(hard negatives 597 of 600 either way), family B 850 → 859 (590 of 600, was 591), family E's
spam 649 → 695 of 780 but its hard negatives and article bodies 1,028 → 1,010 of 1,065 (scam
explainers and tip lists that address their reader, "if you feel you cannot stop betting…"),
malay-news-2018's other files 4,005 → 4,004; clean news of ``benchmarks/quality.py
--tuning-only`` lost as spam: a browser-game review of IndoSum (a paragraph addressing its
player, 0.96 as a block) and a CNN Indonesia politics article of malay-news-2018's seen
Indonesian half (0.99 as gambling), IndoSum 100.00% → 99.97%, that half 100.00% → 99.53%.
Tried beside it (threshold, dev-3 spam, dev-4 spam, tuning articles lost as spam): once each
0.76, 78, 50, 5; twice each 0.83, 78, 49, 6; four times each 0.51, 80, 53 (news 28 of 30), 4;
three times each with malay-news-2018's Indonesian outlets as ham three times 0.62, 80, 53, 8
(the Malaysian outlets' articles scored as loans). The development sets' spam imitates news,
and the training ham holds little Indonesian news to set against it: with IndoSum's first three
folds (detokenised) as ham too, ten articles of malay-news-2018's Malaysian outlets scored 0.85
or more (five with one fold)."""
SPAM = [c for c in CLASSES if c != "ham"]
TOPIC_KINDS = ("gambling", "loan", "pills")
"""Spam kinds with topic pools (no SEO): family E's pages, and the kinds a page may borrow one
sentence from."""
CONTACT_LINES = ["{contact}: {phone}", "Link: https://{site}", "{contact} {phone}",
    "Telegram @{brand}", "Kunjungi {site}", "{site} | {site}",
    "WA {phone} (fast respon)"]  # fmt: skip
Array = np.ndarray[Any, Any]


class Pages:
    """Pages assembled from one family's phrase pools."""

    def __init__(self, family: str, seed: int) -> None:
        self.pools = tomllib.loads((POOLS / f"family-{family}.toml").read_text("utf-8"))
        self.rng = random.Random(f"{family}-{seed}")
        self.bodies: list[str] = []

    def brand(self) -> str:
        """Return a brand name: a stem and a tail, in one of three casings."""
        r, s = self.rng, self.pools["slots"]
        name = r.choice(s["stems"]) + r.choice(["", "-", ""]) + r.choice(s["tails"])
        return r.choice([name, name.upper(), name.capitalize()])

    def fill(self, template: str) -> str:
        """Return a template with each slot filled: a pool's choice (itself filled), ``dN``
        random digits, ``brand`` a new brand name."""
        r, s = self.rng, self.pools["slots"]
        out = []
        for n, part in enumerate(template.split("{")):
            key, _, rest = part.partition("}") if n else ("", "", part)
            if key.startswith("d") and key[1:].isdigit():
                out.append("".join(r.choice("0123456789") for _ in range(int(key[1:]))))
            elif key == "brand":
                out.append(self.brand())
            elif key:
                made = self.fill(str(r.choice(s[key])))
                out.append(made.lower() if key == "site" else made)
            out.append(rest)
        return "".join(out)

    def slot(self, key: str) -> str:
        """Return one filled choice of a slot."""
        return self.fill(f"{{{key}}}")

    def sentences(self, kind: str, k: int, lang: str | None = None) -> tuple[str, list[str]]:
        """Return a language (``lang``, else drawn by the family's ``[mix]``) and up to ``k``
        filled sentences of one pool in it (the Indonesian pool where it has none); a dotted
        ``kind`` names a pool inside a table (``article.loan``)."""
        table = self.pools
        for key in kind.split("."):
            table = table[key]
        if lang is None:
            mix = self.pools.get("mix", LANGUAGES)
            lang = self.rng.choices(list(mix), list(mix.values()))[0]
        pool = table.get(lang) or table["id"]
        picked = self.rng.sample(pool, min(len(pool), k))
        return lang, [self.fill(t) for t in picked]

    def ending(self, kind: str) -> str:
        """Return the paragraph of a topic's promotion that ends an article page (a guide or a
        column that sells at its end), in the language of the article's body: one to three
        paragraphs of ``[article]`` sentences, kept in ``bodies`` with no ending or, at even
        odds, a ``[close]`` sentence (help, or the writer's sign-off) or an ordinary promotion
        (``[promo_ok]``: a newsletter, a shop, an event)."""
        r = self.rng
        lang, body = self.sentences(f"article.{kind}", r.randint(3, 8))
        cut = sorted(r.sample(range(1, len(body)), min(len(body) - 1, r.randint(0, 2))))
        chunks = [body[a:b] for a, b in zip([0, *cut], [*cut, len(body)], strict=True)]
        paras = [" ".join(c) for c in chunks]
        ending = self.sentences(kind, r.randint(1, 3), lang)[1]
        if r.random() < 0.3:
            ending.append(self.fill(r.choice(CONTACT_LINES)))
        close = r.choice([[], self.sentences(r.choice(["close", "promo_ok"]), 1, lang)[1]])
        self.bodies.append("\n\n".join(paras + close))
        return " ".join(ending)

    def has_article(self, kind: str) -> bool:
        """Return whether the family's pools hold article bodies on ``kind``."""
        return kind in self.pools.get("article", {})

    def layout(self, parts: list[str]) -> str:
        r = self.rng
        style = r.random()
        if style < 0.45:
            cut = sorted(r.sample(range(1, len(parts)), min(len(parts) - 1, r.randint(0, 2))))
            chunks = [parts[a:b] for a, b in zip([0, *cut], [*cut, len(parts)], strict=True)]
            return "\n\n".join(" ".join(c) for c in chunks)
        bullet = r.choice(["", "✅ ", "🔥 ", "- ", "• ", "⭐ ", "👉 ", "💰 ", "➡️ "])
        return "\n".join(bullet + p for p in parts)

    def spam(self, kind: str) -> str:
        r = self.rng
        if kind == "seo":
            return self.seo()
        if self.has_article(kind) and r.random() < ENDINGS:
            return self.ending(kind)
        _, parts = self.sentences(kind, r.choice([1, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8]))
        if r.random() < 0.15:
            parts += self.sentences(r.choice([k for k in TOPIC_KINDS if k in self.pools]), 1)[1]
        if r.random() < 0.4:
            parts.append(self.fill(r.choice(CONTACT_LINES)))
        text = self.layout(parts)
        if r.random() < 0.3:
            text = f"{self.brand().upper()} {self.slot('trusted').upper()}\n{text}"
        if r.random() < 0.2:
            tags = r.sample(self.pools["seo"]["id"], 4)
            text += "\n" + " ".join("#" + t.replace(" ", "") for t in tags)
        return text

    def seo(self) -> str:
        r = self.rng
        words = self.pools["seo"]["id"]
        if "spun" in self.pools and r.random() < 0.4:
            return self.spun()
        items = [
            r.choice(words) if r.random() < 0.6 else self.fill(r.choice(["{brand}", "{site}"]))
            for _ in range(r.randint(8, 40))
        ]
        style = r.random()
        if style < 0.3:
            return "\n".join(items)
        if style < 0.6:
            return r.choice([" | ", ", ", " - ", " "]).join(items)
        key = r.choice(words)
        fills = [f"{key} {r.choice(words)} {self.brand()}" for _ in range(r.randint(4, 10))]
        return f"{key.title()} {self.slot('trusted')}. " + ". ".join(fills) + "."

    def spun(self) -> str:
        """Return a spun SEO page: the ``[spun]`` sentences about one keyword phrase."""
        r = self.rng
        key = r.choice(self.pools["slots"]["kw"] + self.pools["seo"]["id"])
        key = r.choice([key, key.title()])
        picked = r.sample(self.pools["spun"]["id"], r.randint(3, 8))
        parts = [self.fill(t.replace("{kw}", key)) for t in picked]
        return f"{key.title()} {self.slot('trusted')}\n\n" + self.layout(parts)

    def ham(self, base: list[str]) -> str:
        r = self.rng
        mix = self.pools.get("ham_mix", HAM_KINDS)
        kind = r.choices(list(mix), list(mix.values()))[0]
        _, parts = self.sentences(kind, r.randint(2, 7))
        if kind != "news" and r.random() < 0.5:
            parts += self.sentences("news", r.randint(1, 3))[1]
        if base and r.random() < 0.3:
            parts = [r.choice(base), *parts]
        return self.layout(parts)

    def injected(self, kind: str, base: list[str]) -> str:
        """Return a page's own text with one spam block in it."""
        block = self.spam(kind)
        paras = [p for p in self.rng.choice(base).split("\n") if p.strip()][:6]
        paras.insert(self.rng.randint(0, len(paras)), block)
        return "\n\n".join(paras)


def malay_news(folder: Path, part: str) -> list[str]:
    found, seen = [], set()
    for path in news_files(folder, part):
        with gzip.open(path, "rb") as stream:
            for record in json.load(stream):
                text, url = (record.get("text") or "").strip(), record.get("url")
                if len(text) >= 200 and url not in seen:
                    seen.add(url)
                    found.append(text)
    return found


def lingua(folder: Path, rng: random.Random) -> list[str]:
    found = []
    for lang in ("id", "ms", "en"):
        lines = [s for s in (folder / f"{lang}.txt").read_text("utf-8").splitlines() if s.strip()]
        rng.shuffle(lines)
        while lines:
            k = rng.randint(1, 6)
            found.append(" ".join(lines[:k]))
            lines = lines[k:]
    return found


def labelled() -> list[tuple[str, int]]:
    """Return the ``LABELLED`` sets' texts with their class (news: ham), each as many times as
    ``LABELLED_REPEAT`` gives for its label."""
    found = []
    for name in LABELLED:
        for line in (REPO / "benchmarks" / "data" / name).read_text("utf-8").splitlines():
            row = json.loads(line)
            y = CLASSES.index(row["kind"]) if row["label"] == "spam" else 0
            found += [(row["text"], y)] * LABELLED_REPEAT[row["label"]]
    return found


def spam_pages(
    pages: Pages, base: list[str], scale: float = 1.0, kinds: tuple[str, ...] = tuple(SPAM)
) -> list[tuple[str, int]]:
    """Return ``scale`` times ``PAGES_PER_KIND`` spam pages of each of ``kinds`` with their
    class, every seventh gambling, loan or pill page a spam block inside an article of
    ``base``."""
    found = []
    for kind, count in PAGES_PER_KIND.items():
        if kind not in kinds:
            continue
        for i in range(int(count * scale)):
            mixed = kind != "seo" and i % 7 == 0 and base
            text = pages.injected(kind, base) if mixed else pages.spam(kind)
            found.append((text, CLASSES.index(kind)))
    return found


def family_pages(
    pages: Pages, base: list[str], scale: float, hard: int, kinds: tuple[str, ...], blocks: bool
) -> list[tuple[str, int]]:
    """Return a family's spam pages (``spam_pages`` at ``scale``, of ``kinds``; every seventh a
    block inside an article of ``base`` where ``blocks``), then ``hard`` hard negatives (some
    opening with an article of ``base``), then the article bodies its endings left."""
    start = len(pages.bodies)
    found = spam_pages(pages, base if blocks else [], scale, kinds)
    found += [(pages.ham(base), 0) for _ in range(hard)]
    return found + [(text, 0) for text in pages.bodies[start:]]


def matrix(texts: list[str]) -> tuple[Array, Array, Array]:
    """Return the texts' features as CSR rows: row starts, buckets, weights."""
    feats = [features(t, DIM) for t in texts]
    ptr = np.zeros(len(feats) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(i) for i, _ in feats])
    idx = np.concatenate([i for i, _ in feats]).astype(np.int32)
    val = np.concatenate([v for _, v in feats]).astype(np.float32)
    return ptr, idx, val


def train(texts: list[str], labels: list[int], weights: list[float]) -> SpamModel:
    """Return softmax regression fitted by Adam on minibatches, with an L2 penalty."""
    ptr, idx, val = matrix(texts)
    y, sw = np.array(labels), np.array(weights, dtype=np.float32)
    c = len(CLASSES)
    w, b = np.zeros((DIM, c), dtype=np.float32), np.zeros(c, dtype=np.float32)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    rng, t = np.random.default_rng(8), 0
    for epoch in range(EPOCHS):
        order, loss = rng.permutation(len(texts)), 0.0
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            segs = [np.arange(ptr[r], ptr[r + 1]) for r in rows]
            at = np.concatenate(segs)
            owner = np.repeat(np.arange(len(rows)), [len(s) for s in segs])
            wv = val[at, None] * w[idx[at]]
            z = np.stack([np.bincount(owner, wv[:, k], len(rows)) for k in range(c)], axis=1) + b
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            loss += float(-(sw[rows] * np.log(p[np.arange(len(rows)), y[rows]] + 1e-9)).sum())
            g = p
            g[np.arange(len(rows)), y[rows]] -= 1
            g *= sw[rows, None] / sw[rows].sum()
            gw = np.stack([np.bincount(idx[at], val[at] * g[owner, k], DIM) for k in range(c)], 1)
            gw = gw.astype(np.float32) + L2 * w
            gb = g.sum(axis=0)
            t += 1
            for param, grad, m, v in ((w, gw, mw, vw), (b, gb, mb, vb)):
                m *= 0.9
                m += 0.1 * grad
                v *= 0.999
                v += 0.001 * grad * grad
                param -= RATE * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        print(f"epoch {epoch + 1}: loss {loss / sw.sum():.4f}", file=sys.stderr)
    return SpamModel(w, b)


def threshold(ham: list[float], floor: float) -> float:
    """Return the lowest score (at least ``floor``, 2 places) above all but ``MAX_TUNING_FP``
    of the tuning ham's scores."""
    ham = sorted(ham)
    return round(max(floor, ham[int(len(ham) * (1 - MAX_TUNING_FP))]) + 0.005, 2)


def decide(texts: list[str], model: SpamModel | None, t: float, tb: float) -> list[bool]:
    """Return whether each text is spam at thresholds ``t`` (whole text) and ``tb`` (a
    block): by the model alone, or (without a model) by ``SpamFilter`` with the shipped
    model and its rules."""
    if model is None:
        step = SpamFilter(min_model=t, min_block_model=tb)
        return [step.reason(Document(id="d", text=x)) is not None for x in texts]
    return [model.spam(x)[0] >= t or model.block_spam(x)[0] >= tb for x in texts]


def report(name: str, pages: list[tuple[str, int]], said: list[bool]) -> None:
    """Print how many pages of each class were right: spam dropped, ham kept."""
    by, right = Counter(CLASSES[y] for _, y in pages), Counter[str]()
    for (_, y), spam in zip(pages, said, strict=True):
        right[CLASSES[y]] += spam == (y != 0)
    line = ", ".join(f"{k} {right[k]}/{by[k]}" for k in CLASSES if by[k])
    print(f"  {name}: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, default=SHIPPED)
    parser.add_argument(
        "--seed",
        type=int,
        default=8,
        help="seed of the pages and lingua's shuffle (8: the shipped model; the figures depend "
        "on it, see docs/measured-history.md)",
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    news = malay_news(args.data / "malay-news-2018", "train")
    a, b, c, d, e, f = (Pages(family, args.seed) for family in "abcdef")
    spam_a = spam_pages(a, news) + spam_pages(d, news, FAMILY_D)
    hard_a = [(a.ham(news), 0) for _ in range(HARD_NEGATIVES)]
    hard_a += [(d.ham(news), 0) for _ in range(int(HARD_NEGATIVES * FAMILY_D))]
    real = [(t, 0) for t in news + lingua(args.data / "lingua-sentences", rng)]
    real += [(rng.choice(spam_model.blocks(t)), 0) for t in news]
    # Families E and F go last, so that the others' pages fall in the same fifths as before. No
    # spam block of E is put into a news article (an ending is a sentence or three); as for A
    # and D, a seventh of F's pill pages is one.
    every = spam_a + hard_a + real
    every += family_pages(e, news, FAMILY_E, int(HARD_NEGATIVES * FAMILY_E_HAM), TOPIC_KINDS, False)
    every += family_pages(f, news, FAMILY_F, int(HARD_NEGATIVES * FAMILY_F_HAM), ("pills",), True)
    tune = [x for i, x in enumerate(every) if i % 5 == 0]
    fit = [x for i, x in enumerate(every) if i % 5 != 0] + labelled()
    ham = sum(1 for _, y in fit if y == 0) / sum(1 for _, y in fit if y != 0)
    weights = [1.0 if y == 0 else ham for _, y in fit]
    model = train([x for x, _ in fit], [y for _, y in fit], weights)
    ham_texts = [x for x, y in tune if y == 0]
    t = threshold([model.spam(x)[0] for x in ham_texts], 0.5)
    tb = threshold([model.block_spam(x)[0] for x in ham_texts], BLOCK_FLOOR)
    held = malay_news(args.data / "malay-news-2018", "heldout")
    sets = {
        "families A, D and F (E at FAMILY_E), tuning fifth": tune,
        "family B (seen)": family_pages(b, held, 0.2, 600, tuple(SPAM), True),
        "family C (held out)": family_pages(c, held, 0.2, 600, tuple(SPAM), True),
        "family E": family_pages(e, held, 0.2, 600, TOPIC_KINDS, False),
        "family F (trained on; new pages)": family_pages(f, held, 0.2, 600, ("pills",), True),
        "malay-news-2018, other files (held out)": [(x, 0) for x in held],
    }
    print(f"model alone, spam at a score of {t} or more (min_model), blocks at {tb}:")
    for name, pages in sets.items():
        report(name, pages, decide([x for x, _ in pages], model, t, tb))
    save(str(args.out), model.weights, model.bias)
    if args.out.resolve() != SHIPPED.resolve():
        # SpamFilter reads the shipped model: its figures would be the old model's.
        print(f"wrote {args.out}; SpamFilter's figures need the shipped path (no --out)")
        return 0
    print(f"wrote {args.out}; SpamFilter with it (rules and model at those thresholds):")
    spam_model.load.cache_clear()
    for name, pages in sets.items():
        report(name, pages, decide([x for x, _ in pages], None, t, tb))
    return 0


if __name__ == "__main__":
    sys.exit(main())
