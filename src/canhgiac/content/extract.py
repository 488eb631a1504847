"""Indicators (phone numbers, links, domains, social accounts) pulled out of a post's text for escalation.

Every candidate goes through ``cases.normalize``; one that fails normalisation is skipped, never an error.
"""

import re

from canhgiac.cases.normalize import IndicatorError, normalize

SOCIAL_PLATFORMS = ("facebook", "tiktok", "youtube", "zalo", "telegram")
_PHONE = re.compile(r"(?<![\d+])(?:\+84|84|0)(?:[\s.\-]?\d){8,10}(?!\d)")
_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_BARE = re.compile(r"(?<![@\w.\-/])((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,})(/[^\s<>\"'()]*)?(?![\w\-])", re.I)
_TRAILING = ".,;:!?…\"'"


def _try(kind: str, text: str):
    try:
        return normalize(kind, text)
    except IndicatorError:
        return None


def author_indicator(platform: str, author: str) -> tuple[str, str] | None:
    """The sender as an indicator: a phone number (an SMS or call sender, whatever the platform), a social account
    ("facebook:handle" or a profile URL), or an e-mail address, when recognisable."""
    author = (author or "").strip()
    if not author:
        return None
    if _PHONE.fullmatch(author.replace(" ", "")) and _try("phone", author):
        return ("phone", author)
    if "@" in author.strip("@") and "/" not in author and _try("email", author):
        return ("email", author)
    candidates = [author] if "/" in author else []
    if (platform or "").lower() in SOCIAL_PLATFORMS:
        candidates.append(f"{platform.lower()}:{author.lstrip('@')}")
    for text in candidates:
        if _try("social", text):
            return ("social", text)
    return None


def text_indicators(text: str) -> list[tuple[str, str]]:
    """(kind, original text) for each phone number, URL, domain and social profile link in ``text``."""
    found: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, original: str) -> bool:
        item = _try(kind, original)
        if item is None or (item.kind, item.value) in seen:
            return item is not None
        seen.add((item.kind, item.value))
        found.append((kind, original))
        return True

    links = [m.group(0).rstrip(_TRAILING) for m in _URL.finditer(text)]
    rest = _URL.sub(" ", text)
    links += [m.group(0).rstrip(_TRAILING) for m in _BARE.finditer(rest)]
    for link in links:
        if _try("domain", link) is None:
            continue
        if add("social", link):
            continue  # a profile on a social network: the account matters, not facebook.com
        if "/" in link.split("//", 1)[-1].rstrip("/"):
            add("url", link if "//" in link else "https://" + link)
        add("domain", link)
    for match in _PHONE.finditer(_URL.sub(" ", text)):
        add("phone", match.group(0))
    return found
