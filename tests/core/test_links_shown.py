"""A page shows only the links its reader may follow (the views' own checks, through ``may_open``)."""

from canhgiac.core.testing import login


def test_navigation_and_buttons_leave_out_what_the_role_may_not_open(world, client):
    login(client, world.user("viewer"))
    assert 'href="/intake/hotline/"' not in client.get("/").content.decode()
    assert client.get("/intake/hotline/").status_code == 403
    login(client, world.user("officer"))
    assert 'href="/intake/hotline/"' in client.get("/").content.decode()
    for page, link in (("/units/", "/units/import/"), ("/agency-kinds/", "/agency-kinds/import/")):
        assert f'href="{link}"' not in client.get(page).content.decode()
        assert client.get(link).status_code == 403
