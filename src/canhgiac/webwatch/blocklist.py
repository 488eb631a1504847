"""Gambling domain blocklist: shipped brand patterns plus a domain list loaded by the operator.

The package ships only hand-written patterns (brand stems in ``data/vocabulary.txt``, the allowlist in
``data/allowlist.txt``). Real domain lists live in the database with their sources (``core.domainlists``, loaded by
``canhgiac watch update-blocklist --file|--url``); the scanner, which runs without a database, reads their snapshot
``VAR_DIR/webwatch/blocklist.txt`` written at each load. Hosts-file lines, comments and adblock-style ``||domain^``
are understood and bad lines are reported, not fatal.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from canhgiac.core.hostnames import (  # noqa: F401  (the checks import them from here)
    _IP_RE,
    ParseReport,
    parse_domain_list,
    registrable,
    split_host,
)
from canhgiac.webwatch.engine.vocab import DATA_DIR, Vocabulary, default_vocabulary

_PATTERN_RE = re.compile(
    r"\d{2,}(?:bet|win|vip|club)|bet\d{2,}|casino|^judi|judi(?:online|bola|slot)|slot(?:gacor|online|88)"
)
GAMBLING_TLDS = frozenset({"bet", "casino", "poker", "bingo", "lotto"})
FILE_NAME = "blocklist.txt"


def default_path() -> Path:
    """``VAR_DIR/webwatch/blocklist.txt`` (Django settings when configured, else ``$CANHGIAC_VAR`` or ./var)."""
    var_dir = None
    try:
        from django.conf import settings

        if settings.configured:
            var_dir = Path(settings.VAR_DIR)
    except Exception:  # noqa: BLE001 - settings may be unimportable while the platform is being built
        var_dir = None
    if var_dir is None:
        var_dir = Path(os.environ.get("CANHGIAC_VAR", Path.cwd() / "var"))
    return var_dir / "webwatch" / FILE_NAME


def load_allowlist(path: Path = DATA_DIR / "allowlist.txt") -> tuple[frozenset[str], tuple[str, ...]]:
    domains, suffixes = set(), []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line.startswith("."):
            suffixes.append(line)
        elif line:
            domains.add(line)
    return frozenset(domains), tuple(suffixes)


class Blocklist:
    """Judges a host: blocklisted, named after a betting brand, shaped like a gambling domain, or trusted."""

    def __init__(self, domains: set[str] | frozenset[str] = frozenset(), vocabulary: Vocabulary | None = None):
        self.domains = frozenset(domains)
        self.vocabulary = vocabulary or default_vocabulary()
        self.allow, self.allow_suffixes = load_allowlist()
        self._cache: dict[str, str | None] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> Blocklist:
        """The loaded list at ``path`` (default :func:`default_path`) plus shipped patterns; a missing file is fine."""
        path = path or default_path()
        domains: set[str] = set()
        if path.exists():
            domains = parse_domain_list(path.read_text(encoding="utf-8", errors="replace")).domains
        return cls(domains)

    def trusted(self, host: str) -> bool:
        host = host.lower()
        return registrable(host) in self.allow or host in self.allow or host.endswith(self.allow_suffixes)

    def judge(self, host: str) -> str | None:
        """Why ``host`` is a gambling domain ("danh sách chặn", "thương hiệu new88", "mẫu tên miền"), or None."""
        host = host.lower().rstrip(".")
        if host in self._cache:
            return self._cache[host]
        verdict = self._judge(host)
        if len(self._cache) < 100_000:
            self._cache[host] = verdict
        return verdict

    def _judge(self, host: str) -> str | None:
        if not host or _IP_RE.match(host):
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):
            if ".".join(parts[i:]) in self.domains:
                return "danh sách chặn"
        if self.trusted(host):
            return None
        _, label, suffix = split_host(host)
        if suffix.split(".")[-1] in GAMBLING_TLDS:
            return f"đuôi tên miền .{suffix}"
        brand = self.vocabulary.brand_in(label)
        if brand:
            return f"tên miền chứa “{brand}”"
        if _PATTERN_RE.search(label):
            return "tên miền có dạng trang cá cược"
        return None


@dataclass(slots=True)
class UpdateReport:
    path: Path
    added: int
    total: int
    bad_lines: list[tuple[int, str]]


def update_blocklist(text: str, *, path: Path | None = None, replace: bool = False) -> UpdateReport:
    """Merge the domains of ``text`` into the stored list (or replace it); returns counts and the bad lines."""
    path = path or default_path()
    report = parse_domain_list(text)
    existing: set[str] = set()
    if path.exists() and not replace:
        existing = parse_domain_list(path.read_text(encoding="utf-8", errors="replace")).domains
    merged = existing | report.domains
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(f"{d}\n" for d in sorted(merged)), encoding="utf-8")
    tmp.replace(path)
    return UpdateReport(path=path, added=len(merged) - len(existing), total=len(merged), bad_lines=report.bad_lines)
