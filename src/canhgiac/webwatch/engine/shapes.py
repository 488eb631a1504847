"""Spam shapes a word list cannot hold: brand-shaped names (xx88, xx69, xx128, xxbet), deposit and withdrawal with
an amount ("depo 5k", "nạp 50k", "WD 2jt"), amounts won, multipliers ("x500"), the {a|b|c} spinning syntax of spam
kits, and the emoji and symbols spam decorates its titles with.

Each shape yields ``(category, term)`` pairs like the word list does; "context" shapes count only next to a real
gambling word (see :meth:`canhgiac.webwatch.engine.vocab.Vocabulary.scan`).
"""

from __future__ import annotations

import re

import ahocorasick

# Betting brands follow a few shapes (new88, mb66, 789bet, 8kbet, 33win, hitclub, nvmslot898, rans4d, kmet168):
# a word of that shape counts as a brand even when the shipped list does not know it yet.
BRAND_SHAPE = re.compile(
    r"[a-z]{1,12}\d?(?:88|68|99|66|86|79|52|888|789|777|365)"
    r"|[a-z]{2,12}(?:69|128|138|168|178|188|288|303|898|4d)"
    r"|[a-z0-9]*\d[a-z0-9]*(?:bet|win|vip)|[a-z0-9]{2,6}club"
)
# Letters-only names built like brands (tawonbet, watitoto, indoslot, ayamjp) and letters+digits words
# (mpo1221, as1131): ordinary words share these shapes (alphabet, timeslot, covid19), so they are context.
WEAK_SHAPE = re.compile(r"[a-z]{3,12}(?:bet|toto|togel|slot|gacor|jp|hoki)|[a-z]{2,12}\d{2,4}")
SHAPE_STOP = frozenset(
    {
        "covid19", "fanclub", "golfclub", "g20", "ak47", "b52", "mig21", "alphabet", "tibet", "sorbet", "abet",
        "timeslot", "pigslot", "windows10", "iso9001", "iso27001", "top10", "top100", "sdgs2030", "pp71",
    }
)  # fmt: skip
_ENDS = ahocorasick.Automaton()
for _end in (
    "88 68 99 66 86 79 52 365 789 777 69 128 138 168 178 188 288 303 898 4d bet win vip club toto togel slot gacor jp "
    "hoki 0 1 2 3 4 5 6 7 8 9"
).split():
    _ENDS.add_word(_end + " ", len(_end))
_ENDS.make_automaton()

_DEPOSIT_WORDS = (" dep", " dp ", " nap ", " wd ", " rut ", " withdraw ", " bet ", " isi saldo ")

# Shapes on the folded stream (lower-case ASCII words between single spaces).
_MONEY = r"\d+ ?(?:k|rb|ribu|000|jt|juta|tr|trieu|m)?"
_DEPOSIT = re.compile(
    r" (?:depo|deposit|dp|isi saldo) (?:(?:via|pakai|lewat|minimal|min) )?"
    rf"(?:{_MONEY}|pulsa|dana|ovo|gopay|qris|linkaja|tanpa potongan|ewallet|e wallet)(?= )"
    rf"| (?:nap|nap tien|nap the|nap lan dau) {_MONEY}(?= )"
    rf"| (?:wd|withdraw|rut|rut tien) (?:{_MONEY}|gede|besar|cepat|lancar|nhanh|sieu toc)(?= )"
    r"| (?:min|minimal|min bet) bet \d+(?= )| bet \d+ (?:perak|rupiah|rp)(?= )"
)
_WON = re.compile(
    r" (?:menang|jp|jackpot|maxwin|thang|an|no hu|win|won|cair) (?:rp )?\d+ ?(?:jt|juta|m|k|tr|trieu|ty|ti|rb)(?= )"
)
_MULTIPLIER = re.compile(r" (?:x\d{2,5}|\d{2,5}x)(?= )")

# Shapes on the raw text.
_SPIN = re.compile(r"\{[^{}|\n]{1,60}(?:\|[^{}|\n]{0,60}){1,12}\}")
_EXOTIC = re.compile(r"[\u0e00-\u0e7f\u2190-\u2bff\u3000-\u9fff\uff00-\uffef\U0001F000-\U0001FAFF]")
_GAMBLING_EMOJI = re.compile(r"[\U0001F3B0\U0001F3B2\U0001F0CF\U0001F004\u2660\u2663\u2665\u2666\U0001F911\U0001F4B8]")
_DECORATION = re.compile(
    r"[\U0001F525\u26A1\u2708\u2699\U0001F48E\U0001F451\U0001F3C6\U0001F381\u2705\u2B50\U0001F31F\U0001F4AF"
    r"\U0001F680\u2605\u2606\u265B\u27A4\u25BA\U0001F4B0\U0001F389\u2728]"
)


def word_shapes(stream: str, known_brands: set[str]) -> list[tuple[str, str]]:
    """Brand-shaped words of a folded stream (those not already found as a known brand)."""
    found = []
    last = -1
    for end, _ in _ENDS.iter(stream):
        if end == last:  # "slot88 " ends with "88 " and "8 ": look at each word once
            continue
        last = end
        word = stream[stream.rfind(" ", 0, end) + 1 : end]
        if word.isdigit() or word in SHAPE_STOP or any(word.startswith(b) for b in known_brands):
            continue
        if BRAND_SHAPE.fullmatch(word):
            found.append(("brand", word))
        elif WEAK_SHAPE.fullmatch(word) and not word.isdigit():
            found.append(("context", word))
    return found


def stream_shapes(stream: str) -> list[tuple[str, str]]:
    """Deposit / withdrawal with amounts, amounts won, multipliers in a folded stream."""
    found: list[tuple[str, str]] = []
    if any(w in stream for w in _DEPOSIT_WORDS):
        found.extend(("promo", "nạp/rút/cược kèm số tiền: " + m.group().strip()) for m in _DEPOSIT.finditer(stream))
    found.extend(("promo", "số tiền thắng: " + m.group().strip()) for m in _WON.finditer(stream))
    found.extend(("context", "hệ số nhân: " + m.group().strip()) for m in _MULTIPLIER.finditer(stream))
    return found


def raw_shapes(text: str) -> list[tuple[str, str]]:
    """Spinning syntax, gambling emoji and decorations in the raw text."""
    found: list[tuple[str, str]] = []
    if "{" in text and "|" in text:
        found.extend(("context", "cú pháp spin: " + m.group()[:40]) for m in _SPIN.finditer(text))
    if _EXOTIC.search(text):
        found.extend(("promo", "biểu tượng cờ bạc " + m.group()) for m in _GAMBLING_EMOJI.finditer(text))
        found.extend(("context", "biểu tượng trang trí " + m.group()) for m in _DECORATION.finditer(text))
    return found


def has_exotic(text: str) -> bool:
    """True when ``text`` has Thai or CJK letters, symbols or emoji (which :func:`fold` drops)."""
    return _EXOTIC.search(text) is not None
