"""Regenerate the parts of docs/ that are written from the code (``make docs``): the import kinds in the operator
guide, the figures catalogue and the coverage of the reference reports' figures. Tests fail when these files are
stale."""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def replace_between(path: Path, marker: str, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"(<!-- {marker}:begin[^\n]*-->\n).*?(<!-- {marker}:end -->)", re.S)
    if not pattern.search(text):
        sys.exit(f"{path}: markers <!-- {marker}:begin --> … <!-- {marker}:end --> not found")
    path.write_text(pattern.sub(lambda m: m.group(1) + body + m.group(2), text), encoding="utf-8")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    import django

    django.setup()
    from canhgiac.core.figures import catalogue_markdown
    from canhgiac.core.imports.kinds import all_kinds
    from canhgiac.core.imports.templates import kinds_markdown
    from canhgiac.reports.seeds import markdown as seeds_markdown

    replace_between(ROOT / "docs" / "operator-guide.md", "import-kinds", kinds_markdown(all_kinds()))
    replace_between(ROOT / "docs" / "figures.md", "figures", catalogue_markdown())
    replace_between(ROOT / "docs" / "seed-coverage.md", "seed-coverage", seeds_markdown())


if __name__ == "__main__":
    main()
