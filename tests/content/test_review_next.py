"""After a decision on an item opened from a review queue, the reviewer goes on to the next item still waiting in
the same queue (its filters kept), as the shared triage views do for every kind of detected item."""

import re
from urllib.parse import quote, urlencode

from django.urls import reverse

from canhgiac.core.testing import login


def _item_link(page: str, pk: int) -> str:
    return re.search(rf'href="(/content/items/{pk}/\?queue=[^"]+)"', page).group(1).replace("&amp;", "&")


def test_queue_links_carry_the_list_and_its_filters(world, make_item, client):
    item = make_item("scam", 0.9, platform="tiktok")
    login(client, world.user("officer"))
    page = client.get("/content/?platform=tiktok").content.decode()
    assert _item_link(page, item.pk) == f"/content/items/{item.pk}/?" + urlencode(
        {"queue": "/content/?platform=tiktok"}
    )
    detail = client.get(_item_link(page, item.pk)).content.decode()
    assert 'name="queue" value="/content/?platform=tiktok"' in detail


def test_dismiss_leads_to_the_next_waiting_item_of_the_same_filtered_queue(world, make_item, client):
    first = make_item("scam", 0.97, platform="tiktok")
    other_platform = make_item("scam", 0.95, platform="facebook")
    second = make_item("scam", 0.9, platform="tiktok")
    make_item("scam", 0.92, platform="tiktok", status="dismissed")
    login(client, world.user("officer"))
    queue = "/content/?platform=tiktok"
    response = client.post(reverse("content:item_dismiss", args=[first.pk]), {"reason": "Tin trùng", "queue": queue})
    assert response.status_code == 302
    assert response["Location"] == f"{second.get_absolute_url()}?queue={quote(queue, safe='')}"
    first.refresh_from_db()
    other_platform.refresh_from_db()
    assert first.status == "dismissed" and other_platform.status == "new"
    page = client.get(response["Location"]).content.decode()
    assert "Đã bỏ qua nội dung" in page and "mục tiếp theo" in page


def test_the_last_waiting_item_says_none_is_left_and_returns_to_the_queue(world, make_item, client):
    only = make_item("loan", 0.9)
    login(client, world.user("officer"))
    response = client.post(reverse("content:item_review", args=[only.pk]), {"label": "loan", "queue": "/content/"})
    assert response["Location"] == "/content/"
    assert "Không còn mục nào chờ xem xét" in client.get("/content/").content.decode()


def test_next_skips_items_the_user_may_not_see(world, make_item, client):
    mine = make_item("scam", 0.9, agency="UBND-CL")
    hidden = make_item("scam", 0.7)  # the province's own: next in risk, but outside this user's queue
    later = make_item("scam", 0.5, agency="UBND-CL")
    login(client, world.user("district_officer"))
    assert client.get(hidden.get_absolute_url()).status_code == 404
    response = client.post(reverse("content:item_review", args=[mine.pk]), {"label": "scam", "queue": "/content/"})
    assert response["Location"].startswith(later.get_absolute_url())


def test_a_queue_outside_the_site_is_ignored(world, make_item, client):
    item, _ = make_item("scam", 0.9), make_item("scam", 0.8)
    login(client, world.user("officer"))
    response = client.post(
        reverse("content:item_review", args=[item.pk]), {"label": "scam", "queue": "//evil.example/content/"}
    )
    assert response["Location"] == item.get_absolute_url()
