"""Security headers Django's own middleware does not set: Content-Security-Policy and Permissions-Policy.

The policy allows scripts from this site only (no inline script, no ``javascript:`` URL, no handler attributes:
page behaviour lives in ``static/canhgiac/app.js``), no framing by any site, no plugins, forms posting back here
only. Inline ``style`` attributes stay allowed: they cannot run code.
"""

from django.conf import settings


def _policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.csp = _policy(settings.CONTENT_SECURITY_POLICY)
        self.permissions = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        return response
