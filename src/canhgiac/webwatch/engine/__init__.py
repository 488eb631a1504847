"""Website integrity scanning engine. Phase-2 code (models, Celery task, UI) calls only what is exported here.

Names are resolved lazily so that importing a submodule (``engine.vocab``) does not import the whole engine.
"""

from importlib import import_module

_EXPORTS = {
    "Engine": "analysis",
    "Fetched": "analysis",
    "PageJob": "analysis",
    "analyze": "analysis",
    "site_baseline": "baseline",
    "IDENTITIES": "config",
    "Identity": "config",
    "ScanConfig": "config",
    "ALARM": "results",
    "Finding": "results",
    "PageResult": "results",
    "ScanError": "results",
    "Severity": "results",
    "SiteResult": "results",
    "ViewInfo": "results",
    "scan_many": "scan",
    "scan_many_async": "scan",
    "scan_site": "scan",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"canhgiac.webwatch.engine.{_EXPORTS[name]}"), name)
    raise AttributeError(name)
