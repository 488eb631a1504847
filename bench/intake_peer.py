"""The submission peer: a minimal Django view that takes the same form and writes it with one INSERT — no
normalisation, no screenshots, no duplicate check, no change log, no due date. What a bare Django endpoint costs on the
same database, served by the same gunicorn; bench/intake.py runs it beside ours.

    DATABASE_URL=… python bench/intake_peer.py --bind 127.0.0.1:8001 --workers 2 --threads 4
"""

import argparse
import json
import os

import dj_database_url
from django.conf import settings

DATABASE = dj_database_url.parse(os.environ.get("DATABASE_URL", "sqlite:///peer.sqlite3"), conn_max_age=60)
if DATABASE["ENGINE"].endswith("sqlite3"):
    DATABASE["OPTIONS"] = {  # as canhgiac's settings have them
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }
settings.configure(
    DEBUG=False,
    SECRET_KEY="peer",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    DATABASES={"default": DATABASE},
    USE_TZ=True,
    MIDDLEWARE=[],
)

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import timezone  # noqa: E402

TABLE = "bench_peer_report"


def create_table() -> None:
    with connection.cursor() as cursor:
        key = "BIGSERIAL PRIMARY KEY" if connection.vendor == "postgresql" else "INTEGER PRIMARY KEY AUTOINCREMENT"
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (id {key}, content TEXT NOT NULL, phones TEXT, "
            "report_type VARCHAR(20), reporter_email VARCHAR(254), received_at TIMESTAMP NOT NULL)"
        )


def submit(request):
    data = json.loads(request.body or b"{}")
    if not data.get("content") or not data.get("consent"):
        return JsonResponse({"detail": "thiếu nội dung"}, status=400)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (content, phones, report_type, reporter_email, received_at) VALUES (%s,%s,%s,%s,%s)",
            [data["content"], data.get("phones", ""), data.get("report_type", ""), data.get("reporter_email", ""),
             timezone.now()],
        )  # fmt: skip
    return JsonResponse({"ok": True}, status=201)


urlpatterns = [path("submit/", submit)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bind", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    create_table()
    from django.core.wsgi import get_wsgi_application
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", args.bind)
            self.cfg.set("workers", args.workers)
            self.cfg.set("threads", args.threads)
            self.cfg.set("worker_class", "gthread")

        def load(self):
            return get_wsgi_application()

    Server().run()


if __name__ == "__main__":
    main()
