"""Serving the portal on its own host names: on a host listed in ``INTAKE_PORTAL_HOSTS`` only the portal's pages and
its public API answer (the staff application, its API and the admin are not there at all). On the staff host too, the
portal's paths are resolved in the portal's own small URL list: the public look-up does not walk the whole site's."""

from canhgiac.intake import conf

PORTAL_URLCONF = "canhgiac.intake.portal.host_urls"
PORTAL_PATHS = ("/congdan/", "/api/public/")


class PortalHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hosts = conf.portal_hosts()
        if hosts and request.get_host().split(":")[0].lower() in hosts:
            request.urlconf = PORTAL_URLCONF
        elif request.path_info.startswith(PORTAL_PATHS):
            request.urlconf = PORTAL_URLCONF
        return self.get_response(request)
