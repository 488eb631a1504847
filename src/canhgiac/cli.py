"""The ``canhgiac`` console command: Django's manage.py plus the project's own commands.

``canhgiac serve`` runs the web server, ``canhgiac worker`` a Celery worker, ``canhgiac watch …`` the website
integrity watch, ``canhgiac content …`` the content triage; every other word is a Django management command.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "canhgiac"
    if len(argv) > 1 and argv[1] == "worker":
        from canhgiac.celery import app

        extra = argv[2:]
        if not any(arg == "-Q" or arg.startswith(("-Q", "--queues")) for arg in extra):
            from django.conf import settings

            extra.append("--queues=" + ",".join(settings.CELERY_QUEUES_ALL))  # every queue unless told otherwise
        app.worker_main(["worker", "--loglevel=INFO", *extra])
        return
    if len(argv) > 1 and argv[1] == "beat":
        from canhgiac.celery import app

        app.start(["beat", "--loglevel=INFO", *argv[2:]])
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
