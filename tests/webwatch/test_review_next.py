"""Website findings share the review queue's "next item" (the shared triage views)."""

from urllib.parse import quote

from django.urls import reverse

from canhgiac.core.testing import login
from canhgiac.webwatch.demo import _injected_result
from canhgiac.webwatch.models import Finding
from canhgiac.webwatch.services import add_site, record_scan


def test_dismissing_a_finding_leads_to_the_next_open_one(world, client):
    officer = world.user("officer")
    for n in (1, 2):
        url = f"https://site{n}.example/"
        site = add_site(actor=officer, url=url, name=f"Trang {n}", owner_agency=world.agency("UBND-CL"))
        record_scan(site, _injected_result(url))
    login(client, officer)
    page = client.get("/webwatch/findings/").content.decode()
    assert "?queue=%2Fwebwatch%2Ffindings%2F" in page
    first, second = Finding.objects.order_by("pk")
    queue = "/webwatch/findings/"
    response = client.post(reverse("webwatch:finding_dismiss", args=[first.pk]), {"reason": "Đối tác", "queue": queue})
    assert response["Location"] in (f"{second.get_absolute_url()}?queue={quote(queue, safe='')}",)
    response = client.post(reverse("webwatch:finding_dismiss", args=[second.pk]), {"reason": "Đối tác", "queue": queue})
    assert response["Location"] == queue
    assert "Không còn mục nào chờ xem xét" in client.get(queue).content.decode()
