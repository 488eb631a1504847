"""How a SOC alert is classified, from its signature and the platform's category text: plain rules, in order, the
first that matches wins (documented in the operator guide). Pure Python, no database.

1. phishing   — "phish", "giả mạo", "credential", "fake login": a fake website harvesting credentials;
2. coin_miner — "coinminer", "coin miner", "coinhive", "cryptocurrency", "crypto mining", "mining pool", the word
                "miner", "xmrig", "monero", "stratum", "đào tiền";
3. botnet     — "botnet", "mirai", "gafgyt", "mozi", "bashlite", "ddos bot", "mạng máy tính ma";
4. c2         — "c&c", "cnc", "c2", "command and control", "trojan", "malware", "ransomware", "mã độc", and every named
                malware family: a connection to or from malware;
5. scan       — "scan", "nmap", "masscan", "probe", "dò quét";
6. other      — anything else.

The malware family is kept when one is named (``FAMILIES``: WannaCry, Emotet, Mirai…), whatever the category.
"""

from __future__ import annotations

import functools
import re

RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("phishing", ("phish", "giả mạo", "gia mao", "credential", "fake login", "lừa đảo")),
    (
        "coin_miner",
        (
            "coinminer",
            "coin miner",
            "coinhive",
            "cryptocurrency",
            "crypto currency",
            "cryptomining",
            "crypto mining",
            "mining pool",
            "miner",
            "xmrig",
            "monero",
            "stratum",
            "đào tiền",
        ),
    ),
    ("botnet", ("botnet", "mirai", "gafgyt", "mozi", "bashlite", "ddos bot", "mạng máy tính ma")),
    ("c2", ("c&c", "cnc", "c2", "command and control", "trojan", "malware", "ransomware", "mã độc", "backdoor")),
    ("scan", ("scan", "nmap", "masscan", "probe", "dò quét")),
)
# Canonical name → the spellings found in signatures (matched as whole words, ignoring case).
FAMILIES: dict[str, tuple[str, ...]] = {
    "WannaCry": ("wannacry", "wanna cry", "wannacrypt", "wanacrypt0r", "wcry"),
    "Emotet": ("emotet",),
    "TrickBot": ("trickbot",),
    "QakBot": ("qakbot", "qbot"),
    "Cobalt Strike": ("cobalt strike", "cobaltstrike"),
    "AgentTesla": ("agenttesla", "agent tesla"),
    "Dridex": ("dridex",),
    "Zeus": ("zeus",),
    "Mirai": ("mirai",),
    "Gafgyt": ("gafgyt", "bashlite"),
    "Mozi": ("mozi",),
    "XMRig": ("xmrig",),
    "Conficker": ("conficker", "downadup"),
    "Ramnit": ("ramnit",),
    "Sality": ("sality",),
    "LockBit": ("lockbit",),
    "njRAT": ("njrat",),
    "AsyncRAT": ("asyncrat",),
    "RedLine": ("redline stealer", "redline"),
    "PlugX": ("plugx",),
}
_WORD = {
    name: re.compile(r"\b(?:" + "|".join(re.escape(s) for s in spellings) + r")\b", re.IGNORECASE)
    for name, spellings in FAMILIES.items()
}
# "c2" and "cnc" only as words ("ET CNC …", "C2 beacon"), never inside other words.
_SHORT = {"c2": re.compile(r"\bc2\b"), "cnc": re.compile(r"\bcnc\b"), "miner": re.compile(r"\bminer\b")}


def malware_family(text: str) -> str:
    """The canonical name of the first malware family named in ``text``, or ""."""
    for name, pattern in _WORD.items():
        if pattern.search(text):
            return name
    return ""


def _matches(word: str, text: str) -> bool:
    pattern = _SHORT.get(word)
    return bool(pattern.search(text)) if pattern else word in text


@functools.lru_cache(maxsize=8192)  # a file repeats a few hundred signatures thousands of times
def classify(signature: str, category_text: str = "") -> tuple[str, str]:
    """(category, malware family) of an alert."""
    text = f"{signature} {category_text}".lower()
    family = malware_family(text)
    for category, words in RULES:
        if any(_matches(word, text) for word in words):
            if category == "scan" and family:
                return "c2", family  # a named malware's probe is the malware, not a scan
            return category, family
    return ("c2" if family else "other"), family
