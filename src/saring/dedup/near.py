"""Near-duplicate removal that keeps the original, with mirror-domain detection.

``NearDedup`` runs as four steps sharing one frozen ``MinHashConfig``: ``MinHashSignature``,
``MinHashBuckets`` and ``VerifyCandidates`` (``candidates.py``) find verified links between
copies; ``ClusterDuplicates`` (``cluster.py``) joins them into clusters over partitioned
reduce rounds, flags mirror domains (``mirrors.py``) and keeps one copy per cluster
(``keep.py``). URLs are normalised in ``urls.py``; an earlier run's index is read in
``index.py``.
"""

from __future__ import annotations

from saring.dedup.candidates import MinHashBuckets, MinHashSignature, VerifyCandidates
from saring.dedup.cluster import MIRROR, ClusterDuplicates
from saring.dedup.keep import EXACT, NEAR, URL
from saring.dedup.minhash import MinHashConfig
from saring.step import Step

__all__ = ["EXACT", "MIRROR", "NEAR", "URL", "NearDedup"]


class NearDedup(Step):
    """Removes exact, same-URL and near duplicates (MinHash over word ``ngram``s, LSH with
    ``bands`` x ``rows``, links verified at estimated Jaccard ``threshold``), keeping the
    original copy of each cluster, and reports mirror domains in ``domains.json``.

    With the defaults (32 bands of 4 rows) a pair of similarity 0.5 becomes a candidate with
    probability 0.87, 0.6 with 0.99; verification then drops candidates below ``threshold``.
    The defaults come from the precision/recall curve of ``benchmarks/neardup.py``. With
    ``exact_verify`` a candidate is verified by the exact Jaccard similarity of the two
    documents' shingle sets instead (the sets travel with the candidates only).

    Incremental runs: with ``save_index`` every kept document carries ``metadata.dedup_index``
    (its signature, fingerprint, length and date); a later run given ``index=(earlier output
    folders)`` dedupes a new batch against those documents without reading their text. Its
    ``superseded.json`` lists earlier documents a new copy outranks (e.g. an original
    published after its mirror was crawled): remove those from the earlier output.
    """

    drop_reasons = ClusterDuplicates.drop_reasons

    def __init__(
        self,
        ngram: int = 5,
        bands: int = 32,
        rows: int = 4,
        threshold: float = 0.5,
        mirror_share: float = 0.5,
        drop_mirror_domains: bool = False,
        index: tuple[str, ...] = (),
        save_index: bool = False,
        exact_verify: bool = False,
    ) -> None:
        self.ngram = ngram
        self.bands = bands
        self.rows = rows
        self.threshold = threshold
        self.mirror_share = mirror_share
        self.drop_mirror_domains = drop_mirror_domains
        self.index = index
        self.save_index = save_index
        self.exact_verify = exact_verify

    def parts(self) -> list[Step]:
        config = MinHashConfig(
            self.ngram, self.bands, self.rows, self.threshold, exact=self.exact_verify
        )
        index = tuple(self.index)
        return [
            MinHashSignature(config),
            MinHashBuckets(config, index),
            VerifyCandidates(config, index),
            ClusterDuplicates(
                config, self.mirror_share, self.drop_mirror_domains, self.save_index, index
            ),
        ]
