"""Add what bench/load.py needs beside bench/fill_cases.py's cases: N inspectors and M letters (bulk inserts).

    python bench/fill_load.py USERS LETTERS
The inspectors are ``load-01``… of the provincial authority (global scope), password ``bench-password-2026``.
"""

import datetime as dt
import os
import random
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
django.setup()

from django.db import transaction  # noqa: E402

from canhgiac.core.choices import DocumentDirectionChoices, DocumentTypeChoices  # noqa: E402
from canhgiac.core.models import Agency, Document, User  # noqa: E402
from canhgiac.core.search import fold  # noqa: E402

PASSWORD = "bench-password-2026"
SYMBOLS = ["CAT-ANM", "SKHCN-TTra", "UBND-VX", "VNPT-KV", "STTTT-BCVT", "CAT-PA05"]
SUBJECTS = [
    "đề nghị xác minh thuê bao nghi lừa đảo",
    "đề nghị khoá hai chiều số thuê bao",
    "phối hợp xử lý trang web cá độ",
    "báo cáo kết quả thanh tra",
    "cảnh báo thủ đoạn giả danh công an",
]


def main(n_users: int, n_letters: int) -> None:
    started = time.perf_counter()
    authority = Agency.objects.get(code="STTTT")
    agencies = list(Agency.objects.order_by("id"))
    made = User.objects.filter(username__startswith="load-").count()
    for i in range(made, n_users):
        user = User(username=f"load-{i + 1:02d}", role="inspector", agency=authority, first_name=f"Thanh tra {i + 1}")
        user.set_password(PASSWORD)  # hashed once here; the login is what the bench users pay for
        user.save()
    rng = random.Random(20261203)
    existing = Document.objects.count()
    bench_user = User.objects.get(username="bench")
    with transaction.atomic():
        for offset in range(existing, n_letters, 5000):
            rows = []
            for i in range(offset, min(offset + 5000, n_letters)):
                day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2190))
                symbol, summary = rng.choice(SYMBOLS), f"V/v {rng.choice(SUBJECTS)} ({i})"
                rows.append(
                    Document(
                        direction=rng.choice(DocumentDirectionChoices.values),
                        number=i % 9000 + 1,
                        year=None,
                        symbol=symbol,
                        doc_type=rng.choice(DocumentTypeChoices.values),
                        date=day,
                        issuing_agency=rng.choice(agencies),
                        summary=summary,
                        search_text=fold(f"{symbol} {summary}"),
                        created_by=bench_user,
                    )
                )
            Document.objects.bulk_create(rows)
    print(f"load users: {n_users}, letters: {max(existing, n_letters):,} in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
