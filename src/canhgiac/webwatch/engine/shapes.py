"""Spam shapes a word list cannot hold: brand-shaped names (xx88, xx69, xx128, xxbet), deposit and withdrawal with
an amount ("depo 5k", "nạp 50k", "WD 2jt"), amounts won, multipliers ("x500"), the {a|b|c} spinning syntax of spam
kits, and the emoji and symbols spam decorates its titles with.

Each shape yields ``(category, term)`` pairs like the word list does; "context" shapes count only next to a real
gambling word (see :meth:`canhgiac.webwatch.engine.vocab.Vocabulary.scan`).
"""

from __future__ import annotations

import re

# Betting brands follow a few shapes (new88, mb66, 789bet, 8kbet, 33win, hitclub, nvmslot898, rans4d, kmet168):
# a word of that shape counts as a brand even when the shipped list does not know it yet.
BRAND_SHAPE = re.compile(
    r"[a-z]{1,12}\d?(?:88|68|99|66|86|79|52|888|789|777|365)"
    r"|[a-z]{2,12}(?:69|128|138|168|178|188|288|303|898|4d)"
    r"|[a-z0-9]*\d[a-z0-9]*(?:bet|win|vip)|[a-z0-9]{2,6}club"
)
# Letters-only names built like brands (tawonbet, watitoto, indoslot, ayamjp): ordinary words share these shapes
# (alphabet, timeslot), so they are context.
WEAK_SHAPE = re.compile(r"[a-z]{3,12}(?:bet|toto|togel|slot|gacor|jp|hoki)")
SHAPE_STOP = frozenset(
    {
        "covid19", "fanclub", "golfclub", "g20", "ak47", "b52", "mig21", "alphabet", "tibet", "sorbet", "abet",
        "timeslot", "pigslot", "windows10", "iso9001", "iso27001", "top10", "top100", "sdgs2030", "pp71",
    }
)  # fmt: skip
# Word ends that make a word worth testing against the brand shapes.
ENDS = (
    "88 68 99 66 86 79 52 365 789 777 69 128 138 168 178 188 288 303 898 4d bet win vip club toto togel slot gacor jp "
    "hoki"
).split()

# Shapes on the folded stream, tried only where one of their first words occurs.
_MONEY = r"\d+ ?(?:k|rb|ribu|000|jt|juta|tr|trieu|m)?"
_DEPOSIT = re.compile(
    r" (?:depo|deposit|dp|isi saldo) (?:(?:via|pakai|lewat|minimal|min) )?"
    rf"(?:{_MONEY}|pulsa|dana|ovo|gopay|qris|linkaja|tanpa potongan|ewallet|e wallet)(?= )"
    rf"| (?:nap|nap tien|nap the|nap lan dau) {_MONEY}(?= )"
    rf"| (?:wd|withdraw|rut|rut tien) (?:{_MONEY}|gede|besar|cepat|lancar|nhanh|sieu toc)(?= )"
    r"| (?:min|minimal) bet \d+(?= )| bet \d+ (?:perak|rupiah|rp)(?= )"
)
_WON = re.compile(r" (?:menang|jp|jackpot|maxwin|thang|win|won|cair) (?:rp )?\d+ ?(?:jt|juta|m|k|tr|trieu|ty|rb)(?= )")
_MULTIPLIER = re.compile(r" (?:x\d{2,5}|\d{2,5}x)(?= )")
#: (first word, (pattern, label, category, offset of the pattern's start before the key's end)).
TRIGGERS: list[tuple[str, tuple]] = []
for _word in "depo deposit dp isi nap wd withdraw rut min minimal bet".split():
    TRIGGERS.append((f" {_word} ", (_DEPOSIT, "nạp/rút/cược kèm số tiền: ", "promo", len(_word) + 1)))
for _word in "menang jp jackpot maxwin thang win won cair".split():
    TRIGGERS.append((f" {_word} ", (_WON, "số tiền thắng: ", "promo", len(_word) + 1)))
for _d in "0123456789":
    TRIGGERS.append((f" x{_d}", (_MULTIPLIER, "hệ số nhân: ", "context", 2)))
    TRIGGERS.append((f"{_d}x ", (_MULTIPLIER, "hệ số nhân: ", "context", -1)))


# Shapes on the raw text.
_SPIN = re.compile(r"\{[^{}|\n]{1,60}(?:\|[^{}|\n]{0,60}){1,12}\}")
_EXOTIC = re.compile(r"[\u0e00-\u0e7f\u2190-\u2bff\u3000-\u9fff\uff00-\uffef\U0001F000-\U0001FAFF]")
_GAMBLING_EMOJI = re.compile(r"[\U0001F3B0\U0001F3B2\U0001F0CF\U0001F004\u2660\u2663\u2665\u2666\U0001F911\U0001F4B8]")
_DECORATION = re.compile(
    r"[\U0001F525\u26A1\u2708\u2699\U0001F48E\U0001F451\U0001F3C6\U0001F381\u2705\u2B50\U0001F31F\U0001F4AF"
    r"\U0001F680\u2605\u2606\u265B\u27A4\u25BA\U0001F4B0\U0001F389\u2728]"
)


def word_shapes(stream: str, ends: list[int], known: set[str]) -> list[tuple[str, str]]:
    """Brand-shaped words of a folded stream, at the ``ends`` (positions of the space after a word ending like a
    brand) the vocabulary automaton found; words already found as a known term are left out."""
    found = []
    last = -1
    prefixes = tuple(known)  # one str.startswith call tries them all
    for end in ends:
        if end == last:  # "slot88 " ends with "88 " and "8 ": look at each word once
            continue
        last = end
        word = stream[stream.rfind(" ", 0, end) + 1 : end]
        if word.isdigit() or word in SHAPE_STOP or (prefixes and word.startswith(prefixes)):
            continue
        if BRAND_SHAPE.fullmatch(word):
            found.append(("brand", word))
        elif WEAK_SHAPE.fullmatch(word):
            found.append(("context", word))
    return found


def stream_shapes(stream: str, triggers: list[tuple[int, tuple]]) -> list[tuple[str, str]]:
    """Deposit / withdrawal with amounts, amounts won, multipliers, tried where the automaton found a first word."""
    found: list[tuple[str, str]] = []
    tried: set[tuple[int, int]] = set()
    for end, (pattern, label, category, back) in triggers:
        start = stream.rfind(" ", 0, end) if back < 0 else end - back
        if (start, id(pattern)) in tried:
            continue
        tried.add((start, id(pattern)))
        m = pattern.match(stream, start)
        if m:
            found.append((category, label + m.group().strip()))
    return found


def raw_shapes(text: str) -> list[tuple[str, str]]:
    """Spinning syntax, gambling emoji and decorations in the raw text."""
    found: list[tuple[str, str]] = []
    if "{" in text and "|" in text:
        found.extend(("context", "cú pháp spin: " + m.group()[:40]) for m in _SPIN.finditer(text))
    if has_exotic(text):
        found.extend(("promo", "biểu tượng cờ bạc " + m.group()) for m in _GAMBLING_EMOJI.finditer(text))
        found.extend(("context", "biểu tượng trang trí " + m.group()) for m in _DECORATION.finditer(text))
    return found


_LEADS = (b"\xe0", b"\xe3", b"\xe4", b"\xe5", b"\xe6", b"\xe7", b"\xe8", b"\xe9", b"\xef", b"\xf0")
_ARROWS = re.compile(rb"\xe2[\x86-\xaf]")


def has_exotic(text: str) -> bool:
    """True when ``text`` has Thai or CJK letters, symbols or emoji (which :func:`fold` drops); tested on the UTF-8
    lead bytes of those blocks, ten times faster than a character class over Vietnamese text."""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return any(lead in data for lead in _LEADS) or (b"\xe2" in data and _ARROWS.search(data) is not None)
