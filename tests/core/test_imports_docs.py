"""The operator guide lists every import kind with its columns exactly as they are declared."""

from pathlib import Path

from canhgiac.core.imports.kinds import all_kinds
from canhgiac.core.imports.templates import kinds_markdown

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "operator-guide.md"


def test_operator_guide_lists_the_declared_import_kinds():
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- import-kinds:begin")) + 1
    section = text[start : text.index("<!-- import-kinds:end -->")]
    assert section == kinds_markdown(all_kinds()), "regenerate the section with kinds_markdown(all_kinds())"
