"""Fill the configured database with N cases and M indicators by bulk inserts (run by bench/cases_list.py)."""

import datetime as dt
import os
import random
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
django.setup()

from django.contrib.auth.models import Permission  # noqa: E402
from django.db import transaction  # noqa: E402

from canhgiac.cases.choices import CaseCategoryChoices, CaseSourceChoices, CaseStatusChoices  # noqa: E402
from canhgiac.cases.models import Case, CaseIndicator, Indicator  # noqa: E402
from canhgiac.core.models import Agency, User  # noqa: E402
from canhgiac.core.search import fold  # noqa: E402
from canhgiac.units.models import AdministrativeUnit  # noqa: E402

BATCH = 5000
TOPICS = ["giả danh công an", "lừa đảo đầu tư", "cá độ bóng đá", "vay nóng", "tin giả"]
STEMS = ["nhacai", "cado", "vaynong", "khuyenmai", "dichvucong"]
TLDS = ["com", "top", "vip", "net", "vn"]


def main(n_cases: int, n_indicators: int) -> None:
    rng = random.Random(20261123)
    started = time.perf_counter()
    if Case.objects.count() >= n_cases:
        print(f"already filled: {Case.objects.count():,} cases, {Indicator.objects.count():,} indicators")
        return
    province = AdministrativeUnit.objects.get_or_create(
        code="B0", valid_from=dt.date(2025, 7, 1), defaults={"name": "Tỉnh bench", "kind": "province"}
    )[0]
    agencies = [
        Agency.objects.get_or_create(
            code="STTTT", defaults={"name": "Sở Khoa học và Công nghệ", "kind": "authority", "unit": province}
        )[0]
    ]
    communes = []
    for i in range(12):
        communes.append(
            AdministrativeUnit.objects.get_or_create(
                code=f"B{i + 1:02d}",
                valid_from=dt.date(2025, 7, 1),
                defaults={"name": f"Xã {i:02d}", "kind": "commune", "parent": province},
            )[0]
        )
        agencies.append(
            Agency.objects.get_or_create(
                code=f"UBND-{i:02d}", defaults={"name": f"UBND xã {i:02d}", "kind": "commune", "unit": communes[-1]}
            )[0]
        )
    user, created = User.objects.get_or_create(
        username="bench", defaults={"role": "leader", "agency": agencies[0], "is_staff": True}
    )
    user.set_password("bench-password-2026")
    user.save()
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_case", "view_indicator"]))
    categories, statuses, sources = CaseCategoryChoices.values, CaseStatusChoices.values, CaseSourceChoices.values
    start = dt.date(2020, 1, 1)
    with transaction.atomic():
        for offset in range(0, n_cases, BATCH):
            rows = []
            for i in range(offset, min(offset + BATCH, n_cases)):
                day = start + dt.timedelta(days=rng.randrange(2190))
                code, title = f"VV-{day.year}-{i:06d}", f"Vụ việc số {i}: {rng.choice(TOPICS)}"
                rows.append(
                    Case(
                        code=code,
                        title=title,
                        search_text=fold(f"{code} {title}"),  # bulk_create skips save(), which keeps it
                        category=rng.choice(categories),
                        status=rng.choice(statuses),
                        source=rng.choice(sources),
                        received_on=day,
                        damage_vnd=rng.choice([None, rng.randrange(1, 500) * 1_000_000]),
                        lead_agency=agencies[0],
                        locality=rng.choice(communes + [None]),
                        created_by=user,
                    )
                )
            Case.objects.bulk_create(rows, batch_size=BATCH)
    case_ids = list(Case.objects.values_list("id", flat=True))
    print(f"cases: {len(case_ids):,} in {time.perf_counter() - started:.0f}s")
    kinds = [("phone", 0.6), ("domain", 0.25), ("ip", 0.1), ("imei", 0.05)]
    with transaction.atomic():
        made = 0
        for kind, share in kinds:
            count = int(n_indicators * share)
            for offset in range(0, count, BATCH):
                rows = [
                    Indicator(kind=kind, value=_value(kind, i), created_by=user)
                    for i in range(offset, min(offset + BATCH, count))
                ]
                Indicator.objects.bulk_create(rows, batch_size=BATCH)
                made += len(rows)
    print(f"indicators: {made:,} in {time.perf_counter() - started:.0f}s")
    with transaction.atomic():
        last_id = 0
        while True:
            ids = list(Indicator.objects.filter(id__gt=last_id).order_by("id").values_list("id", flat=True)[:BATCH])
            if not ids:
                break
            CaseIndicator.objects.bulk_create(
                [CaseIndicator(case_id=rng.choice(case_ids), indicator_id=i, added_by=user) for i in ids],
                batch_size=BATCH,
            )
            last_id = ids[-1]
    print(f"links done in {time.perf_counter() - started:.0f}s")


def _value(kind: str, i: int) -> str:
    if kind == "phone":
        prefixes = ["91", "94", "88", "96", "97", "98", "86", "32", "33", "90", "93", "89", "70", "56", "99"]
        return f"+84{prefixes[i % len(prefixes)]}{(i * 7919) % 10_000_000:07d}"
    if kind == "domain":
        return f"{STEMS[i % 5]}{i}.{TLDS[i % 5]}"
    if kind == "ip":
        return f"{100 + i % 120}.{(i >> 16) % 256}.{(i >> 8) % 256}.{i % 256}"
    return f"35{i:012d}{i % 10}"


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
