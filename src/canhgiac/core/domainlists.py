"""Lists of bad domains in the database, each with its source: loading a list and handing the scanner a snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from canhgiac.core.hostnames import parse_domain_list
from canhgiac.core.kit import require_write, set_history
from canhgiac.core.models.domainlists import DomainSource, ListedDomain


@dataclass(slots=True)
class ListLoad:
    source: DomainSource
    added: int
    removed: int
    total: int
    bad_lines: list[tuple[int, str]]


def load_domain_list(text: str, *, actor, name: str, kind: str, origin: str = "", licence: str = "", replace=False):
    """Merge the domains of ``text`` into the list of source ``name`` (or replace that source's list); bad lines are
    reported, not fatal. One transaction; the source's change log records the load."""
    require_write(actor)
    report = parse_domain_list(text)
    with transaction.atomic():
        source = DomainSource.objects.select_for_update().filter(name=name).first()
        if source is None:
            source = DomainSource(name=name, kind=kind, created_by=actor)
            set_history(source, actor, "Tạo nguồn danh sách")
            source.save()
        entries = ListedDomain.objects.filter(source=source)
        existing = set(entries.values_list("domain", flat=True))
        removed = 0
        if replace:
            gone = existing - report.domains
            removed = len(gone)
            # List rows are derived from the source's file; the source's history keeps what each load did.
            entries.filter(domain__in=gone).delete()
            existing -= gone
        new = sorted(report.domains - existing)
        ListedDomain.objects.bulk_create(
            [ListedDomain(source=source, kind=source.kind, domain=d) for d in new], batch_size=2000
        )
        source.origin, source.licence = origin or source.origin, licence or source.licence
        source.domain_count, source.loaded_at = len(existing) + len(new), timezone.now()
        set_history(source, actor, f"Nạp danh sách: thêm {len(new)}, bỏ {removed}")
        source.save()
    return ListLoad(source, len(new), removed, source.domain_count, report.bad_lines)


def domains_of(kind: str) -> set[str]:
    return set(ListedDomain.objects.filter(kind=kind).values_list("domain", flat=True).distinct())


def export_snapshot(path: Path, kind: str) -> int:
    """Write the domains of every ``kind`` list to ``path`` (one a line), atomically; the scanner reads this file."""
    domains = sorted(domains_of(kind))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(f"{d}\n" for d in domains), encoding="utf-8")
    tmp.replace(path)
    return len(domains)
