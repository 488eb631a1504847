"""Check plugins of the website integrity watch. Importing this package registers every check."""

from canhgiac.webwatch.checks import cloaking, defacement, frames, head, links, scripts, site, text  # noqa: F401
from canhgiac.webwatch.checks.base import REGISTRY, Check, PageCheck, PageContext, SiteCheck, SiteContext, instantiate

__all__ = ["REGISTRY", "Check", "PageCheck", "PageContext", "SiteCheck", "SiteContext", "instantiate"]
