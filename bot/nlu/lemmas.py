"""English lemmas as a third view of the message for the intent classifier.

Why: a resident's question rarely uses the training line's inflection ("towed" / "tows",
"obtaining" / "obtain", "fingerprints" / "fingerprinting"). Word n-grams miss those and character
n-grams only half catch them; the lemma of each word puts them on one feature. The table is the
one our spaCy pipeline's lookup lemmatizer uses (spacy-lookups-data, installed with the project,
42k English entries, nothing downloaded). Spanish and Portuguese tables were measured too: no
better on the development questions, and 1.3 million entries (~370 MB) in every NLU process.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sklearn.base import BaseEstimator, TransformerMixin

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


@lru_cache(maxsize=1)
def _table():
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


def lemmatize(text: str) -> str:
    """The message as its words' lemmas, lower-cased; a word the table lacks stays as it is."""
    table = _table()
    return " ".join(table.get(word, word) for word in WORD.findall(text.lower()))


class LemmaText(BaseEstimator, TransformerMixin):
    """scikit-learn step: texts -> their lemmas (nothing to learn; kept in the saved model)."""

    def fit(self, texts: list[str], y: object = None) -> LemmaText:
        return self

    def transform(self, texts: list[str]) -> list[str]:
        return [lemmatize(t) for t in texts]
