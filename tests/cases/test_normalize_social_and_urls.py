"""Review findings on normalisation: links that are not accounts, and URLs whose meaning must not change."""

import pytest

from canhgiac.cases.normalize import IndicatorError, normalize


@pytest.mark.parametrize(
    "text, value",
    [
        ("https://www.facebook.com/people/Nguyen-Van-A/100012345678/", "facebook:100012345678"),
        ("https://www.facebook.com/profile.php?id=100012345678&sk=about", "facebook:100012345678"),
        ("https://mbasic.facebook.com/ten.trang", "facebook:ten.trang"),
        ("https://www.facebook.com/ten.trang/posts/123456", "facebook:ten.trang"),
        ("https://t.me/s/kenh_lua", "telegram:kenh_lua"),
        ("https://t.me/s/kenh_lua/125", "telegram:kenh_lua"),
        ("https://t.me/kenh_lua/125", "telegram:kenh_lua"),
        ("https://www.youtube.com/c/KenhGiaMao", "youtube:kenhgiamao"),
        ("https://www.youtube.com/user/KenhGiaMao", "youtube:kenhgiamao"),
        ("https://www.youtube.com/@KenhGiaMao/videos", "youtube:kenhgiamao"),
        ("https://m.youtube.com/@KenhGiaMao", "youtube:kenhgiamao"),
        ("https://www.tiktok.com/@shop.lua.dao/video/7312345678901234567", "tiktok:shop.lua.dao"),
        ("https://zalo.me/0912345678", "zalo:0912345678"),
        ("https://www.facebook.com/pages/Ten-Trang/123456789", "facebook:123456789"),
        ("fb.com/ten.trang", "facebook:ten.trang"),
    ],
)
def test_account_links_give_the_account(text, value):
    assert normalize("social", text).value == value


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("https://youtu.be/dQw4w9WgXcQ", "video"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "video"),
        ("https://www.youtube.com/shorts/abcDEF12345", "video"),
        ("https://zalo.me/g/abcxyz123", "mời vào nhóm"),
        ("https://t.me/joinchat/AAAAAEk0abc", "mời vào nhóm"),
        ("https://t.me/+AbCdEf123456", "mời vào nhóm"),
        ("https://www.facebook.com/permalink.php?story_fbid=123&id=100012345678", "đường dẫn bài viết"),
        ("https://www.facebook.com/photo.php?fbid=123&id=100012345678", "đường dẫn bài viết"),
        ("https://www.facebook.com/story.php?story_fbid=123&id=100012345678", "đường dẫn bài viết"),
        ("https://www.facebook.com/watch/?v=123456", "đường dẫn bài viết"),
        ("https://www.facebook.com/groups/123/posts/456/", "đường dẫn bài viết"),
        ("https://www.facebook.com/groups/123/permalink/456/", "đường dẫn bài viết"),
        ("https://www.facebook.com/people/Nguyen-Van-A/", "thiếu tên tài khoản"),
        ("https://www.facebook.com/profile.php", "thiếu tên tài khoản"),
        ("https://vt.tiktok.com/ZSabc123/", "rút gọn"),
        ("https://vm.tiktok.com/ZSabc123/", "rút gọn"),
        ("https://www.tiktok.com/t/ZSabc123/", "rút gọn"),
        ("https://www.tiktok.com/video/7312345678901234567", "thiếu tên tài khoản"),
        ("https://www.facebook.com/share/p/1AbCdEf/", "rút gọn"),
        ("https://developers.facebook.com/docs", "không nhận ra nền tảng"),
        ("https://www.youtu.be/dQw4w9WgXcQ", "video"),
        ("https://fb.watch/abCdEf12/", "rút gọn"),
        ("https://t.me/+84912345678", "số điện thoại"),
        ("https://t.me/c/1234567890/55", "đường dẫn bài viết"),
        ("https://www.youtube.com/channel/", "thiếu tên tài khoản"),
    ],
)
def test_links_that_are_not_accounts_are_refused(text, fragment):
    with pytest.raises(IndicatorError) as error:
        normalize("social", text)
    assert fragment in str(error.value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("http://example.com/s?q=a%26b", "http://example.com/s?q=a%26b"),
        ("http://example.com/s?q=a%3db&x=1", "http://example.com/s?q=a%3Db&x=1"),
        ("http://example.com/s?next=%2Fhome%3Fa%3D1", "http://example.com/s?next=%2Fhome%3Fa%3D1"),
        ("http://example.com/a%2Fb/c", "http://example.com/a%2Fb/c"),
        ("http://example.com/%7Euser/%41", "http://example.com/~user/A"),
        ("http://example.com/tin-t%e1%bb%a9c?q=l%E1%BB%ABa", "http://example.com/tin-t%E1%BB%A9c?q=l%E1%BB%ABa"),
        (
            "http://example.com/tin tức?q=lừa đảo",
            "http://example.com/tin%20t%E1%BB%A9c?q=l%E1%BB%ABa%20%C4%91%E1%BA%A3o",
        ),
        ("http://example.com/100%?x=5%", "http://example.com/100%25?x=5%25"),
        ("http://example.com/a%FFb", "http://example.com/a%FFb"),
    ],
)
def test_url_keeps_reserved_characters_encoded(text, value):
    assert normalize("url", text).value == value
