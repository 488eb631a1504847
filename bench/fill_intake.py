"""Fill the configured database with M indicators, N reports and N report↔indicator links (run by bench/intake.py).

Raw bulk inserts (SQLite: executemany in one transaction; PostgreSQL: COPY), the secondary indexes of the report
tables dropped during the load and built again after, so 5,000,000 reports load in minutes. One report in ten
mentions one of 1,000 "hot" numbers (≈500 reports each), the rest spread evenly (≈5 per indicator)."""

import datetime as dt
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
django.setup()

from django.contrib.auth.models import Permission  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from canhgiac.cases.models import Indicator  # noqa: E402
from canhgiac.core.models import Agency, User  # noqa: E402
from canhgiac.intake.models import Report, ReportIndicator  # noqa: E402

CHUNK = 20_000
PREFIXES = ["91", "94", "88", "96", "97", "98", "86", "32", "33", "90", "93", "89", "70", "56", "99"]
HOT = 1000


def phone(i: int) -> str:
    return f"+84{PREFIXES[i % len(PREFIXES)]}{(i * 7919) % 10_000_000:07d}"


def value(i: int) -> tuple[str, str]:
    """Indicator ``i``: four in five are phone numbers, the rest domains."""
    return ("domain", f"lua-dao-{i}.top") if i % 5 == 4 else ("phone", phone(i))


def columns(model, values: dict) -> tuple[list[str], list]:
    """Every concrete column of ``model`` but the id, with ``values`` or a neutral default."""
    names, row = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        names.append(field.column)
        if field.name in values:
            row.append(values[field.name])
        elif field.null:
            row.append(None)
        elif field.get_internal_type() in ("BooleanField",):
            row.append(False)
        elif field.get_internal_type() in ("PositiveIntegerField", "IntegerField"):
            row.append(0)
        elif field.get_internal_type() == "JSONField":
            row.append("{}")
        else:
            row.append("")
    return names, row


def insert(model, names: list[str], rows) -> int:
    table = model._meta.db_table
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})"
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == CHUNK:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def secondary_indexes(table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the non-unique indexes of ``table``, to drop before and build after the load."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexdef NOT LIKE '%%UNIQUE%%'",
                [table],
            )
        else:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name=%s AND sql IS NOT NULL "
                           "AND sql NOT LIKE 'CREATE UNIQUE%%'", [table])  # fmt: skip
        return list(cursor.fetchall())


def main(n_indicators: int, n_reports: int) -> None:
    started = time.perf_counter()
    if Report.objects.count() >= n_reports:
        print(f"already filled: {Indicator.objects.count():,} indicators, {Report.objects.count():,} reports")
        return
    agency, _ = Agency.objects.get_or_create(code="STTTT", defaults={"name": "Sở KH&CN", "kind": "authority"})
    user, _ = User.objects.get_or_create(
        username="bench", defaults={"role": "leader", "agency": agency, "is_staff": True}
    )
    user.set_password("bench-password-2026")
    user.save()
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_indicator", "view_report"]))
    now = dt.datetime.now(dt.UTC)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
    dropped = []
    for model in (Report, ReportIndicator):
        for name, create in secondary_indexes(model._meta.db_table):
            with connection.cursor() as cursor:
                cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
            dropped.append(create)
    with transaction.atomic():
        names, template = columns(Indicator, {"created": now, "last_updated": now, "created_by": user.pk})
        kind_at, value_at = names.index("kind"), names.index("value")

        def indicators():
            for i in range(n_indicators):
                row = list(template)
                row[kind_at], row[value_at] = value(i)
                yield row

        insert(Indicator, names, indicators())
    first_id = Indicator.objects.order_by("id").values_list("id", flat=True).first()
    print(f"indicators: {n_indicators:,} in {time.perf_counter() - started:.0f}s", flush=True)
    fixed = {"created": now, "last_updated": now, "status": "new", "channel": "portal", "report_type": "scam_call",
             "content": "Cuộc gọi giả danh ngân hàng yêu cầu chuyển tiền.", "consent": True, "received_at": now,
             "outcome": ""}  # fmt: skip
    names, template = columns(Report, fixed)
    code_at, received_at = names.index("followup_code"), names.index("received_at")
    start_report = (Report.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1

    def reports():
        for i in range(n_reports):
            row = list(template)
            row[code_at] = f"B{i:018d}"
            row[received_at] = now - dt.timedelta(minutes=i % 500_000)
            yield row

    with transaction.atomic():
        insert(Report, names, reports())
    print(f"reports: {n_reports:,} in {time.perf_counter() - started:.0f}s", flush=True)

    def links():
        for i in range(n_reports):
            target = (i // 10) % HOT if i % 10 == 0 else (i * 2654435761) % n_indicators
            yield (start_report + i, first_id + target, "")

    with transaction.atomic():
        insert(ReportIndicator, ["report_id", "indicator_id", "original"], links())
    print(f"links: {n_reports:,} in {time.perf_counter() - started:.0f}s", flush=True)
    for create in dropped:
        with connection.cursor() as cursor:
            cursor.execute(create)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"indexes and ANALYZE done in {time.perf_counter() - started:.0f}s", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
