"""The scanning engine and the classifier are libraries: importing them starts neither Django nor Celery."""

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, sys
import {module}
loaded = sorted({{m.split(".")[0] for m in sys.modules}} & {{"django", "celery", "kombu", "rest_framework"}})
print(json.dumps(loaded))
"""


@pytest.mark.parametrize("module", ["canhgiac.webwatch.engine", "canhgiac.content.model"])
def test_importing_a_library_module_loads_no_framework(module):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [], f"{module} loads {result.stdout.strip()}"


def test_core_imports_no_capability_app():
    """Apps declare what they add in their AppConfig (the registry); core never imports one of them."""
    import re
    from pathlib import Path

    import canhgiac.core

    core = Path(canhgiac.core.__file__).parent
    pattern = re.compile(r"^\s*(from|import)\s+canhgiac\.(?!core\b)(\w+)", re.M)
    offenders = [
        f"{path.relative_to(core)}: {match.group(0).strip()}"
        for path in core.rglob("*.py")
        if "migrations" not in path.parts
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
        if match.group(2) not in ("celery", "wsgi", "settings")  # project wiring, not apps
    ]
    assert offenders == []
