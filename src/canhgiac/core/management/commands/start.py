"""`canhgiac start`: the whole system on one machine — web server, Celery worker and beat — until Ctrl+C."""

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Khởi động máy chủ web, tiến trình nền Celery (worker, beat) trên một máy."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("CANHGIAC_BIND", "127.0.0.1:8000"))

    def handle(self, *args, bind, **options):
        from django.conf import settings

        # SIGTERM (systemd, `kill`) stops the children like Ctrl+C does, instead of leaving them orphaned.
        signal.signal(signal.SIGTERM, _interrupt)
        cli = [sys.executable, "-m", "canhgiac.cli"]
        log_dir = settings.VAR_DIR / "log"
        log_dir.mkdir(exist_ok=True)
        children = [
            subprocess.Popen(
                [*cli, "worker", "--concurrency=2", "--pool=prefork"],
                stdout=open(log_dir / "worker.log", "ab"),
                stderr=subprocess.STDOUT,
            ),
            subprocess.Popen(
                [*cli, "beat", f"--schedule={settings.VAR_DIR / 'celerybeat-schedule'}"],
                stdout=open(log_dir / "beat.log", "ab"),
                stderr=subprocess.STDOUT,
            ),
            subprocess.Popen([*cli, "serve", f"--bind={bind}"]),
        ]
        try:
            # The address is announced once the web server answers, not before.
            while not _answers(bind) and all(child.poll() is None for child in children):
                time.sleep(0.3)
            if all(child.poll() is None for child in children):
                self.stdout.write(
                    f"\nCảnh giác đang chạy tại http://{bind}/  (API: http://{bind}/api/docs/)\n"
                    f"Nhật ký tiến trình nền: {log_dir}\nNhấn Ctrl+C để dừng.\n"
                )
            while all(child.poll() is None for child in children):
                time.sleep(1)
        except KeyboardInterrupt:
            pass
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    child.kill()


def _answers(bind: str) -> bool:
    """Whether the web server at ``bind`` answers an HTTP request (any status)."""
    import http.client

    host, _, port = bind.rpartition(":")
    connection = http.client.HTTPConnection(host or "127.0.0.1", int(port), timeout=2)
    try:
        connection.request("GET", "/login/")
        connection.getresponse().read()
        return True
    except OSError:
        return False
    finally:
        connection.close()


def _interrupt(signum, frame):
    raise KeyboardInterrupt
