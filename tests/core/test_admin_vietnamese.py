"""The admin site speaks Vietnamese to the administrator: the strings Django's own catalogue lacks come from the
project's (``locale/vi``)."""

from canhgiac.core.models import User
from canhgiac.core.testing import login


def test_admin_index_and_lists_show_vietnamese_not_english(world, client):
    login(client, User.objects.create_superuser("quantri", "qt@example.vn", "mat-khau-thu-nghiem-2026"))
    response = client.get("/admin/")
    assert response.status_code == 200, response.get("Location")
    index = response.content.decode()
    assert "Skip to main content" not in index and "Bỏ qua, đến nội dung chính" in index
    assert "Toggle navigation" not in index and ">Thêm<" in index and "Thêm vào" not in index
    changelist = client.get("/admin/auth/group/").content.decode()
    assert "Filter navigation items" not in changelist and "Lọc mục điều hướng" in changelist
