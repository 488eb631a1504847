"""No English and no raw codes in what a user reads: every page the demo's roles reach, and the API's descriptions.

The walk starts at the home page and follows every link on every
page — the navigation, the lists, each record's detail, edit and history pages — up to a few pages per route, as
each demo role. A page's text (not its scripts, code samples or data in ``<pre>``/``<code>``) must hold none of the
words in ``tests/core/wording.py``, and no link a page shows may answer 403 or 404 to the same user.

The admin site, which only the administrator opens, is walked from its registry instead: the index, each app's
page, and every registered model's list, add, change, history and delete pages (one record of each, made when the
demo has none); there the words of Django's and the libraries' admin screens count too.
"""

import collections
import io
import pprint
import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import Resolver404, resolve, reverse

from canhgiac.cases.models import Case
from canhgiac.core.models import DomainSource, User
from canhgiac.core.models.logs import SecurityEventChoices
from canhgiac.core.personal import reveal_personal_data
from canhgiac.core.security import create_token, record
from canhgiac.core.testing import api_client, login
from tests.core.wording import offences, visible_text

pytestmark = pytest.mark.slow

LINK = re.compile(r'href="(/[^"#]*)"')
# The admin is walked on its own (``admin_pages``).
NOT_WALKED = ("/logout", "/static/", "/media/", "/api/", "/admin/")
PAGES_PER_ROUTE = 2
# Product and standard names a Vietnamese page writes as they are.
ALLOWED = {"Search Console"}


def walk(client: Client, starts: list[str], minimum: int = 50, broken: dict | None = None) -> dict[str, set[str]]:
    """{offending word: pages} over every page reachable from ``starts``; links that answer 403 or 404 go into
    ``broken`` ({"403 /link/": page that showed it})."""
    seen: set[str] = set()
    per_route: collections.Counter = collections.Counter()
    queue = [(start, start) for start in starts]
    found: dict[str, set[str]] = collections.defaultdict(set)
    while queue:
        link, referrer = queue.pop(0)
        link = link.replace("&amp;", "&")
        path = link.split("?")[0]
        if path in seen or path.startswith(NOT_WALKED):
            continue
        try:
            route = resolve(path).route
        except Resolver404:
            continue
        if per_route[route] >= PAGES_PER_ROUTE:
            continue
        per_route[route] += 1
        seen.add(path)
        response = client.get(link)  # as the page wrote it: some links need their query
        if broken is not None and response.status_code in (403, 404):
            broken.setdefault(f"{response.status_code} {link}", referrer)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        text = visible_text(html)
        for phrase in ALLOWED:
            text = [part.replace(phrase, "") for part in text]
        for word in offences(text):
            found[word].add(path)
        queue.extend((found_link, path) for found_link in LINK.findall(html) if found_link.split("?")[0] not in seen)
    assert len(seen) >= minimum, f"the walk reached only {len(seen)} pages"
    return found


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_no_page_shows_english_raw_codes_or_dead_links_to_any_demo_role(demo):
    report = {}
    for user in User.objects.filter(is_active=True).order_by("username"):
        client = login(Client(), user)
        broken: dict[str, str] = {}
        found = walk(client, ["/"], broken=broken)
        if found or broken:
            report[f"{user.username} ({user.get_role_display()})"] = {
                **{word: sorted(pages)[:3] for word, pages in sorted(found.items())},
                **{f"link {link}": f"shown on {page}" for link, page in sorted(broken.items())},
            }
    assert report == {}, pprint.pformat(report, width=120)


def test_public_pages_show_no_english_or_raw_codes(demo):
    assert walk(Client(), ["/congdan/", "/login/"], minimum=8) == {}


def admin_records(administrator: User) -> None:
    """One record of each model the admin shows that the demo leaves empty, made the way the system makes them."""
    group = Group.objects.create(name="Tổ thanh tra chuyên ngành")
    group.permissions.set(Permission.objects.filter(codename__in=["view_case", "add_case", "change_indicator"]))
    create_token(actor=administrator)
    record(administrator, SecurityEventChoices.TOKEN_CREATED, administrator.username, "mã API mới")
    case = Case.objects.exclude(reporter_name="").first() or Case.objects.first()
    Case.objects.filter(pk=case.pk).update(reporter_name="Nguyễn Văn A", reporter_phone="0912345678")
    case.refresh_from_db()
    reveal_personal_data(administrator, case)
    DomainSource.objects.create(name="Danh sách thử", kind="gambling", domain_count=2, licence="MIT")
    Client().post("/login/", {"username": "thanhtra", "password": "sai-mat-khau"})  # kept: not the one logged in
    assert AccessAttempt.objects.exists() and AccessFailureLog.objects.exists()


def admin_pages(administrator: User) -> list[str]:
    """The admin's index, each app's page, and each registered model's list, add, change, history and delete pages
    (those the administrator may open)."""
    request = RequestFactory().get("/admin/")
    request.user = administrator
    pages = ["/admin/"]
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse("admin:app_list", args=[model._meta.app_label]), reverse(f"{name}_changelist")]
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"{name}_add"))
        obj = model._default_manager.order_by("pk").first()
        assert obj is not None, f"no {model._meta.label} to show in the admin"
        pages += [reverse(f"{name}_change", args=[obj.pk]), reverse(f"{name}_history", args=[obj.pk])]
        if model_admin.has_delete_permission(request, obj):
            pages.append(reverse(f"{name}_delete", args=[obj.pk]))
    return list(dict.fromkeys(pages))


# Left in English: library names Django takes from the models themselves (django-otp's verbose name, the text axes
# writes for a login attempt in the list's checkbox label); changing them needs proxy models of the libraries' own.
ADMIN_ALLOWED = ("TOTP devices", "TOTP device", "Attempted Access")


def test_admin_shows_no_english_or_raw_codes_to_the_administrator(demo):
    administrator = User.objects.get(username="quantri")
    admin_records(administrator)
    client = login(Client(), administrator)
    found: dict[str, set[str]] = collections.defaultdict(set)
    pages = admin_pages(administrator)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        text = visible_text(response.content.decode())
        for phrase in ADMIN_ALLOWED:
            text = [part.replace(phrase, "") for part in text]
        for word in offences(text, admin=True):
            found[word].add(page)
    assert len(pages) > 50
    report = {word: sorted(pages)[:3] for word, pages in sorted(found.items())}
    assert report == {}, pprint.pformat(report, width=120)


def _strings(node, keys=("description", "summary", "title")):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, str):
                yield value
            else:
                yield from _strings(value, keys)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, keys)


def test_api_schema_descriptions_are_vietnamese(demo):
    schema = api_client(User.objects.get(username="thanhtra")).get("/api/schema/?format=json").json()
    # Enum values and parameters in `code` are what a client sends; the words around them must be Vietnamese.
    texts = [re.sub(r"`+[^`]*`+", "", text) for text in _strings(schema)]
    assert len(texts) > 100
    assert sorted(offences(texts)) == []
