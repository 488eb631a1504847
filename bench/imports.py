"""How long a content import keeps other writers waiting on SQLite: the import framework (parse and classify outside
any transaction, store per chunk of 500 rows) against the peer, the former ingest's shape (parse outside, then
classify and store inside one transaction), on the same file in the same run.

A writer thread makes one small write transaction every 20 ms while the import runs and records how long each
waited. Prints the import's duration, the writer's p50/p95/max wait, and the ratios. Target: no other write waits
longer than one chunk's write (< 1 s), whatever the file's size.

    PYTHONPATH=src .venv/bin/python bench/imports.py [--rows 20000]
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

VAR = Path(tempfile.mkdtemp(prefix="canhgiac-bench-imports-"))
os.environ["CANHGIAC_VAR"] = str(VAR)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

TEXTS = [
    "Vay nóng {n} triệu không thế chấp, giải ngân trong 30 phút, liên hệ 09{n:08d}",
    "Nhà cái uy tín nạp rút 1-1, khuyến mãi {n}% cho thành viên mới tại new{n}.com",
    "Chúc mừng sinh nhật bạn {n}, chúc bạn luôn vui vẻ và thành công",
    "Sáng nay, UBND xã tổ chức hội nghị số {n} triển khai kế hoạch chuyển đổi số",
    "Cơ quan công an cảnh báo thủ đoạn giả danh nhân viên ngân hàng, vụ thứ {n}",
]


def write_file(rows: int) -> Path:
    path = VAR / "export.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("platform,url,author,text\n")
        for n in range(rows):
            out.write(f'facebook,https://facebook.com/p/{n},user{n % 97},"{TEXTS[n % len(TEXTS)].format(n=n)}"\n')
    return path


class Writer(threading.Thread):
    """One small write transaction every 20 ms; records how long each took (mostly waiting for the lock)."""

    def __init__(self, agency_id: int):
        super().__init__(daemon=True)
        self.agency_id, self.waits, self.stop = agency_id, [], threading.Event()

    def run(self):
        from canhgiac.core.models import Agency

        n = 0
        while not self.stop.is_set():
            n += 1
            start = time.perf_counter()
            with transaction.atomic():
                Agency.objects.filter(pk=self.agency_id).update(phone=str(n))
            self.waits.append(time.perf_counter() - start)
            time.sleep(0.02)
        connection.close()


def ours(path: Path, actor):
    from canhgiac.content.services import ingest_items

    job = ingest_items(path, actor=actor)
    assert job.status == "done", job.errors[:3]
    return job.created_count


def peer(path: Path, actor):
    """The former content ingest: rows parsed outside, then classification and storage in one transaction."""
    from canhgiac.content.imports import parse_items
    from canhgiac.content.services import classify_items, save_classified, split_known

    items, _ = parse_items(path)
    with transaction.atomic():
        fresh, _ = split_known(items)
        return len(save_classified(classify_items(fresh), actor=actor))


def measure(name, run, path, actor, agency_id):
    from canhgiac.content.models import ContentItem

    ContentItem.objects.update(url="", text_hash="")  # the next run stores every row again
    writer = Writer(agency_id)
    writer.start()
    time.sleep(0.2)
    start = time.perf_counter()
    stored = run(path, actor)
    took = time.perf_counter() - start
    writer.stop.set()
    writer.join()
    waits = sorted(writer.waits)
    p50, p95, worst = (statistics.median(waits) * 1000, waits[int(len(waits) * 0.95) - 1] * 1000, waits[-1] * 1000)
    print(
        f"{name:<44} {stored:>6} rows in {took:5.1f} s; other writer: {len(waits):>4} writes, "
        f"p50 {p50:5.1f} ms, p95 {p95:6.1f} ms, max {worst:7.1f} ms"
    )
    return waits[-1], len(waits)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    from canhgiac.content.model import get_classifier
    from canhgiac.core.choices import AgencyKindChoices, RoleChoices
    from canhgiac.core.models import Agency, User

    agency = Agency.objects.create(code="STTTT", name="Sở", kind=AgencyKindChoices.AUTHORITY)
    actor = User.objects.create_user(username="bench", password="bench-2026-x", role=RoleChoices.OFFICER, agency=agency)
    get_classifier()  # loaded once, outside both timings
    path = write_file(args.rows)
    print(f"{args.rows} rows, SQLite (WAL) in {VAR}, {os.cpu_count()} CPU")
    peer_max, peer_writes = measure("peer: classify + store in one transaction", peer, path, actor, agency.pk)
    our_max, our_writes = measure("ours: classify outside, store per 500 rows", ours, path, actor, agency.pk)
    print(f"longest wait of the other writer: peer / ours = {peer_max / our_max:.1f}×; "
          f"writes it got through: ours / peer = {our_writes / peer_writes:.1f}×")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
