"""Gambling vocabulary: text normalisation and an Aho-Corasick automaton over the shipped word list.

Normalisation defeats the tricks spam uses to escape a plain search: stylised Unicode letters (𝗦𝗟𝗢𝗧, fullwidth),
missing or scrambled tone marks ("củả lừá"), Cyrillic look-alikes, and letters spaced or dotted apart
("n.h.à c.á.i"). The result is an ASCII stream of lower-case words separated by single spaces, framed by spaces,
on which every term is matched at word boundaries.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from canhgiac.webwatch.engine import shapes

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CATEGORIES = ("gambling", "promo", "brand", "game", "context", "enforcement", "defacement")

# bytes -> lower-case ASCII letters and digits, everything else a space.
_TABLE = bytes(
    (c + 32 if 65 <= c <= 90 else c) if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122) else 32 for c in range(256)
)
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁтнкмвАЕОРСУХІЈЅТНКМВαοικνρτυχΑΒΕΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdtnkmbAEOPCYXIJSTHKMBaoikvptuxABEHIKMNOPTYX",
)
_RANK = {"context": 0, "enforcement": 0, "defacement": 0, "gambling": 1, "game": 2, "promo": 3, "brand": 3}
# " (?:[a-z0-9] ){3,}" written so that the regex engine tries the first letters without a repeat: 3× faster.
_LETTER_RUN = re.compile(r" [a-z0-9] [a-z0-9] (?:[a-z0-9] )+")
_SCRIPT_TERM = re.compile(r"[\u0e00-\u0e7f\u3000-\u9fff]")


def fold(text: str) -> str:
    """Return ``text`` as a framed stream of ASCII words: " nha cai uy tin "."""
    return fold_words(text)[0]


def fold_words(text: str) -> tuple[str, list[bytes]]:
    """:func:`fold` of ``text`` and its words (as bytes), for a caller that needs both (the page fingerprint)."""
    if not text:
        return " ", []
    if text.isascii():  # nothing to decompose or replace
        raw = text.encode("ascii").translate(_TABLE)
    elif _non_latin(text):
        text = text.replace("đ", "d").replace("Đ", "D").translate(_CONFUSABLES)
        raw = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").translate(_TABLE)
    else:
        raw = codecs.charmap_encode(text, "webwatch-fold", _CHARMAP)[0].translate(_CHARMAP_TABLE, _CHARMAP_DELETE)
    words = raw.split()
    return " " + b" ".join(words).decode("ascii") + " ", words


def _fold_bytes(text: str) -> bytes:
    """The plain definition of folding (no look-alikes): NFKD, accents and other non-ASCII dropped, ASCII letters
    and digits kept in lower case, every other character a space."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").translate(_TABLE)


# Folding through a charmap codec: NFKD is defined character by character (canonical reordering moves only combining
# marks, never an ASCII character), so a text folds as the concatenation of its characters' folds. ASCII and the
# Vietnamese letters, combining accents and common punctuation are encoded to one byte each by a C lookup table and
# that byte is then translated to its fold (a letter, a space, or deleted); any other character goes through the
# plain definition, one run of them per call of the error handler. Two and a half times faster than NFKD on
# Vietnamese text.
def _build_charmap() -> tuple[object, bytes, bytes]:
    letters = []
    for base in "aAăĂâÂeEêÊiIoOôÔơƠuUưƯyY":
        if not base.isascii():
            letters.append(base)
        letters.extend(unicodedata.normalize("NFC", base + mark) for mark in "\u0300\u0301\u0309\u0303\u0323")
    others = "đĐ\xa0\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b“”‘’–—…•·«»©°"  # most frequent first
    # Byte 0 must stay NUL for CPython's fast table; the control characters but whitespace make room.
    free = [i for i in range(1, 32) if chr(i) not in "\t\n\x0b\x0c\r"] + [127] + list(range(128, 256))
    decoding = [chr(i) for i in range(128)] + ["\ufffe"] * 128  # U+FFFE: no character for that byte
    for i in free:
        decoding[i] = "\ufffe"
    table, delete = bytearray(_TABLE), bytearray()
    for char in dict.fromkeys(letters + list(others)):
        folded = _fold_bytes(char)
        if not free or (len(folded) > 1 and folded.strip()):
            continue  # no room left, or folds to more than one letter: left to the error handler
        slot = free.pop(0)
        decoding[slot] = char
        table[slot] = folded[0] if folded else 32
        if not folded:
            delete.append(slot)
    return codecs.charmap_build("".join(decoding)), bytes(table), bytes(delete)


_CHARMAP, _CHARMAP_TABLE, _CHARMAP_DELETE = _build_charmap()
codecs.register_error("webwatch-fold", lambda exc: (_fold_bytes(exc.object[exc.start : exc.end]).decode(), exc.end))


# UTF-8 lead bytes of U+0380–U+04FF; U+0370–U+037F lead with CD, shared with combining marks (U+0340–U+036F).
_GREEK_CYRILLIC_LEADS = (b"\xce", b"\xcf", b"\xd0", b"\xd1", b"\xd2", b"\xd3")
_GREEK_LOW = re.compile(rb"\xcd[\xb0-\xbf]")


def _non_latin(text: str) -> bool:
    """True when ``text`` has a Greek or Cyrillic letter (U+0370–U+04FF), tested on its UTF-8 lead bytes: a third
    of the time of a character-class search over a long Vietnamese text."""
    data = text.encode("utf-8", "surrogatepass")
    return any(lead in data for lead in _GREEK_CYRILLIC_LEADS) or (
        b"\xcd" in data and _GREEK_LOW.search(data) is not None
    )


def letter_runs(stream: str) -> list[str]:
    """Words written one letter at a time ("s l o t", "n.h.a c.a.i"), joined back: ["slot", "nhacai"]."""
    return [m.group().replace(" ", "") for m in _LETTER_RUN.finditer(stream)]


@dataclass(slots=True)
class Hits:
    """Counts of vocabulary hits in one piece of text, per category, with the terms found."""

    gambling: int = 0
    promo: int = 0
    brand: int = 0
    game: int = 0
    context: int = 0  # collision words and weak shapes: counted only next to a strong hit
    enforcement: int = 0  # news, law, research and warnings: the context of a discussion
    defacement: int = 0
    terms: Counter = field(default_factory=Counter)
    kinds: dict[str, str] = field(default_factory=dict)  # term -> its category

    @property
    def strong(self) -> int:
        """Hits that name gambling by themselves (a word of gambling, its advertising, a brand, a slot game)."""
        return self.gambling + self.promo + self.brand + self.game

    @property
    def spam(self) -> int:
        """Hits that advertise or name gambling (the enforcement context left out)."""
        return self.strong + self.context

    @property
    def any_gambling(self) -> bool:
        return self.strong > 0

    def promotional(self) -> bool:
        """Short text (title, anchor, hidden block) that advertises gambling rather than reports on it."""
        if self.strong == 0:
            return False
        if self.enforcement and self.enforcement * 3 >= self.spam:
            return False
        return bool(self.promo or self.brand or self.game) or self.gambling + self.context >= 2

    def promotional_page(self) -> bool:
        """A long visible text that reads as a gambling advertisement: dense promo/brand words, no news context."""
        sell = self.promo + self.brand + self.game
        return self.spam >= 8 and sell >= 4 and self.enforcement * 6 < self.spam

    def top_terms(self, n: int = 8) -> list[str]:
        return [t for t, _ in self.terms.most_common(n)]

    def terms_of(self, category: str, n: int = 5) -> list[str]:
        return [t for t, _ in self.terms.most_common() if self.kinds.get(t) == category][:n]

    def add(self, other: Hits) -> None:
        for name in CATEGORIES:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.terms.update(other.terms)
        self.kinds.update(other.kinds)


class Vocabulary:
    """The shipped word list compiled into two automata: word-boundary matches and letter-run matches."""

    def __init__(self, sections: dict[str, list[str]]):
        self.sections = sections
        self._words = ahocorasick.Automaton()
        self._compact = ahocorasick.Automaton()
        self._script = ahocorasick.Automaton()  # Chinese and Thai terms, matched on the text as written
        self._ambiguous: dict[str, str] = {}
        self._keys: list[tuple[str, tuple[str, str]]] = []
        self.category_of: dict[str, str] = {}
        for category, terms in sections.items():
            for raw in terms:
                self._add(category, raw)
        self.enforcement_terms = {t for t, c in self.category_of.items() if c == "enforcement"}
        self.context_terms = {t for t, c in self.category_of.items() if c == "context"}
        # A match of "judi online" also matches "judi": each container lists the terms inside it, to count once
        # (a selling word inside a plain gambling phrase, "gacor" in "slot gacor", still counts for itself).
        self._inner: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for key, value in self._keys:
            inner = [v for k, v in self._keys if v != value and k in key + " " and _RANK[v[0]] <= _RANK[value[0]]]
            if inner:
                self._inner[value] = inner
        # Shape cues share the one pass over the text: word ends of brand shapes, first words of deposit shapes.
        for end in shapes.ENDS:
            self._words.add_word(end + " ", ("~end", ""))
        for key, payload in shapes.TRIGGERS:
            if self._words.exists(key):  # a word of the list too ("depo"): cue on the word's start instead
                key, payload = key.rstrip(), payload[:3] + (payload[3] - 1,)
            self._words.add_word(key, ("~trigger", payload))
        for automaton in (self._words, self._compact, self._script):
            if len(automaton):
                automaton.make_automaton()

    def _add(self, category: str, raw: str) -> None:
        ambiguous = raw.startswith("!")
        term = raw.lstrip("!").strip()
        if _SCRIPT_TERM.search(term):
            key = unicodedata.normalize("NFKC", term).lower()
            self._script.add_word(key, (category, key))
            self.category_of[key] = category
            return
        folded = fold(term).strip()
        if not folded:
            return
        if ambiguous:
            self._ambiguous[folded] = unicodedata.normalize("NFC", term.lower())
        self.category_of[folded] = category
        key = " " + folded if category == "brand" else " " + folded + " "
        self._words.add_word(key, (category, folded))
        self._keys.append((key, (category, folded)))
        compact = folded.replace(" ", "")
        if not ambiguous and (len(compact) >= 5 or category == "brand"):
            self._compact.add_word(compact, (category, folded))
            if " " in folded and len(compact) >= 6:
                self._words.add_word(" " + compact + " ", (category, folded))

    @classmethod
    def from_file(cls, path: Path) -> Vocabulary:
        return cls.from_text(path.read_text(encoding="utf-8"), str(path))

    @classmethod
    def from_text(cls, text: str, path: str = "vocabulary") -> Vocabulary:
        sections: dict[str, list[str]] = {c: [] for c in CATEGORIES}
        current = None
        for line in text.splitlines():
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
        found: list[tuple[str, str]] = []
        ends: list[int] = []
        triggers: list[tuple[int, tuple]] = []
        for end, value in self._words.iter(stream):
            kind = value[0]
            if kind == "~end":
                ends.append(end)
            elif kind == "~trigger":
                triggers.append((end, value[1]))
            else:
                found.append(value)
        for run in letter_runs(stream):
            found.extend(value for _, value in self._compact.iter(run))
        if ends:
            found.extend(shapes.word_shapes(stream, ends, {t for _, t in found}))
        if triggers:
            found.extend(shapes.stream_shapes(stream, triggers))
        if shapes.has_exotic(text):
            if len(self._script):
                found.extend(value for _, value in self._script.iter(unicodedata.normalize("NFKC", text).lower()))
            found.extend(shapes.raw_shapes(text))
        elif "{" in text:
            found.extend(shapes.raw_shapes(text))
        if not found:
            return hits
        counted = Counter(found)
        for container in [v for v in counted if v in self._inner]:
            for inner in self._inner[container]:
                if counted.get(inner, 0) > 0:
                    counted[inner] -= min(counted[inner], counted[container])
        lowered = nfc = None
        context: Counter = Counter()
        for (category, term), n in counted.items():
            if n <= 0:
                continue
            accented = self._ambiguous.get(term)
            if accented is not None:
                if nfc is None:
                    nfc = unicodedata.is_normalized("NFC", text)
                # Written as such in an NFC text, it is in the text's lower case too: no need to lower a long text.
                if not (nfc and accented in text):
                    if lowered is None:
                        lowered = unicodedata.normalize("NFC", text).lower()
                    if accented not in lowered:
                        continue
            if category == "context":
                context[term] += n
                continue
            setattr(hits, category, getattr(hits, category) + n)
            hits.terms[term] += n
            hits.kinds[term] = category
        if context and hits.strong:  # "daftar", "bonus", "khuyến mãi" alone are everyday words
            hits.context = sum(context.values())
            hits.terms.update(context)
            hits.kinds.update((t, "context") for t in context)
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
