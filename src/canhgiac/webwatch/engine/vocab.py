"""Gambling vocabulary: text normalisation and an Aho-Corasick automaton over the shipped word list.

Normalisation defeats the tricks spam uses to escape a plain search: stylised Unicode letters (𝗦𝗟𝗢𝗧, fullwidth),
missing or scrambled tone marks ("củả lừá"), Cyrillic look-alikes, and letters spaced or dotted apart
("n.h.à c.á.i"). The result is an ASCII stream of lower-case words separated by single spaces, framed by spaces,
on which every term is matched at word boundaries.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CATEGORIES = ("gambling", "promo", "brand", "enforcement", "defacement")

# bytes -> lower-case ASCII letters and digits, everything else a space.
_TABLE = bytes(
    (c + 32 if 65 <= c <= 90 else c) if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122) else 32 for c in range(256)
)
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁтнкмвАЕОРСУХІЈЅТНКМВαοικνρτυχΑΒΕΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdtnkmbAEOPCYXIJSTHKMBaoikvptuxABEHIKMNOPTYX",
)
_LETTER_RUN = re.compile(r" (?:[a-z0-9] ){3,}")
# Betting brands follow a few shapes (new88, mb66, 789bet, 8kbet, 33win, hitclub): a word of that shape counts as a
# brand even when the shipped list does not know it yet.
_BRAND_SHAPE = re.compile(
    r"[a-z]{1,7}\d?(?:88|68|99|66|86|79|52|888|789|777|365)|[a-z0-9]*\d[a-z0-9]*(?:bet|win|vip)|[a-z0-9]{2,6}club"
)
_SHAPE_ENDS = ahocorasick.Automaton()
for _end in ("88 ", "68 ", "99 ", "66 ", "86 ", "79 ", "52 ", "365 ", "789 ", "777 ", "bet ", "win ", "vip ", "club "):
    _SHAPE_ENDS.add_word(_end, len(_end))
_SHAPE_ENDS.make_automaton()
_SHAPE_STOP = frozenset({"covid19", "fanclub", "golfclub", "g20", "ak47", "b52", "mig21"})


def fold(text: str) -> str:
    """Return ``text`` as a framed stream of ASCII words: " nha cai uy tin "."""
    if not text:
        return " "
    text = text.replace("đ", "d").replace("Đ", "D")
    if _NON_LATIN.search(text):
        text = text.translate(_CONFUSABLES)
    raw = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").translate(_TABLE)
    return " " + " ".join(raw.decode("ascii").split()) + " "


def letter_runs(stream: str) -> list[str]:
    """Words written one letter at a time ("s l o t", "n.h.a c.a.i"), joined back: ["slot", "nhacai"]."""
    return [m.group().replace(" ", "") for m in _LETTER_RUN.finditer(stream)]


@dataclass(slots=True)
class Hits:
    """Counts of vocabulary hits in one piece of text, per category, with the terms found."""

    gambling: int = 0
    promo: int = 0
    brand: int = 0
    enforcement: int = 0
    defacement: int = 0
    terms: Counter = field(default_factory=Counter)

    @property
    def spam(self) -> int:
        """Hits that advertise or name gambling (the enforcement context left out)."""
        return self.gambling + self.promo + self.brand

    @property
    def any_gambling(self) -> bool:
        return self.spam > 0

    def promotional(self) -> bool:
        """Short text (title, anchor, hidden block) that advertises gambling rather than reports on it."""
        if self.spam == 0:
            return False
        if self.enforcement and self.enforcement * 3 >= self.spam:
            return False
        return bool(self.promo or self.brand) or self.gambling >= 2

    def promotional_page(self) -> bool:
        """A long visible text that reads as a gambling advertisement: dense promo/brand words, no news context."""
        return self.spam >= 8 and self.promo + self.brand >= 4 and self.enforcement * 6 < self.spam

    def top_terms(self, n: int = 8) -> list[str]:
        return [t for t, _ in self.terms.most_common(n)]

    def add(self, other: Hits) -> None:
        for name in CATEGORIES:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.terms.update(other.terms)


class Vocabulary:
    """The shipped word list compiled into two automata: word-boundary matches and letter-run matches."""

    def __init__(self, sections: dict[str, list[str]]):
        self.sections = sections
        self._words = ahocorasick.Automaton()
        self._compact = ahocorasick.Automaton()
        self._ambiguous: dict[str, str] = {}
        for category, terms in sections.items():
            for raw in terms:
                self._add(category, raw)
        self.enforcement_terms = {fold(t.lstrip("!")).strip() for t in sections.get("enforcement", [])}
        self._words.make_automaton()
        self._compact.make_automaton()

    def _add(self, category: str, raw: str) -> None:
        ambiguous = raw.startswith("!")
        term = raw.lstrip("!").strip()
        folded = fold(term).strip()
        if not folded:
            return
        if ambiguous:
            self._ambiguous[folded] = unicodedata.normalize("NFC", term.lower())
        key = " " + folded if category == "brand" else " " + folded + " "
        self._words.add_word(key, (category, folded))
        compact = folded.replace(" ", "")
        if not ambiguous and (len(compact) >= 5 or category == "brand"):
            self._compact.add_word(compact, (category, folded))
            if " " in folded and len(compact) >= 6:
                self._words.add_word(" " + compact + " ", (category, folded))

    @classmethod
    def from_file(cls, path: Path) -> Vocabulary:
        sections: dict[str, list[str]] = {c: [] for c in CATEGORIES}
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1].strip()
                sections.setdefault(current, [])
                continue
            if current is None:
                raise ValueError(f"{path}: term {line!r} before any [section]")
            sections[current].append(line)
        return cls(sections)

    def scan(self, text: str, stream: str | None = None) -> Hits:
        """Count the vocabulary in ``text`` (``stream`` is its :func:`fold` when the caller has it already)."""
        hits = Hits()
        if not text:
            return hits
        if stream is None:
            stream = fold(text)
        found: list[tuple[str, str]] = [value for _, value in self._words.iter(stream)]
        for run in letter_runs(stream):
            found.extend(value for _, value in self._compact.iter(run))
        known = {t for c, t in found if c == "brand"}
        for end, _ in _SHAPE_ENDS.iter(stream):  # words ending like a brand; the regex only checks those
            word = stream[stream.rfind(" ", 0, end) + 1 : end]
            if _BRAND_SHAPE.fullmatch(word) and word not in _SHAPE_STOP and not any(word.startswith(b) for b in known):
                found.append(("brand", word))
        if not found:
            return hits
        lowered = None
        for category, term in found:
            accented = self._ambiguous.get(term)
            if accented is not None:
                if lowered is None:
                    lowered = unicodedata.normalize("NFC", text).lower()
                if accented not in lowered:
                    continue
            setattr(hits, category, getattr(hits, category) + 1)
            hits.terms[term] += 1
        return hits

    def brand_in(self, label: str) -> str | None:
        """The brand stem contained in a domain label ("new88vn" -> "new88"), if any."""
        compact = label.lower().replace("-", "")
        for _, (category, term) in self._compact.iter(compact):
            if category == "brand" or (category in ("gambling", "promo") and len(term) >= 6):
                return term
        return None


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return Vocabulary.from_file(DATA_DIR / "vocabulary.txt")
