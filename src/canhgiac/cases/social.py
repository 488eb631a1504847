"""Social-network accounts from what people paste: profile links of Facebook, TikTok, YouTube, Zalo and Telegram,
or "platform:handle". Links that name no account (posts, videos, invitations, share short links) are refused
with the reason, so that an indicator is always an account."""

import re
from urllib.parse import parse_qs, urlsplit


class SocialLinkError(ValueError):
    """The text names no account; the message says why (Vietnamese, for the user)."""


_SOCIAL_DOMAINS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.watch": "facebook",
    "tiktok.com": "tiktok",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "zalo.me": "zalo",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
}
# The sub-domains people browse on; "developers.facebook.com" and the like hold no profiles.
_BROWSING_SUBDOMAINS = {"", "www", "m", "mbasic", "web", "touch", "mobile"}
_SHORT_LINK_HOSTS = {"fb.watch", "youtu.be", "vt.tiktok.com", "vm.tiktok.com"}

# First path segments that are not an account, by what they are (the error says which).
_NOT_ACCOUNT_PATHS = {
    "facebook": {
        "post": set("permalink.php story.php photo.php photo photos video.php video videos watch reel reels".split()),
        "short": set("share sharer.php sharer l.php".split()),
        "none": set(
            "events login login.php home.php marketplace gaming hashtag search help privacy policies settings"
            " notifications messages friends bookmarks saved dialog plugins ads business live fundraisers stories"
            " groups".split()
        ),
    },
    "youtube": {
        "video": set("watch shorts live embed v e clip".split()),
        "post": {"post"},
        "none": set(
            "results feed playlist hashtag gaming premium account redirect attribution_link signin logout"
            " channel c user".split()
        ),
    },
    "tiktok": {"short": {"t"}},
    "zalo": {"invite": {"g"}, "none": {"pc", "download"}},
    "telegram": {
        "invite": {"joinchat"},
        "post": {"c"},
        "none": set(
            "s addstickers addemoji addlist share proxy socks iv login setlanguage bg addtheme invoice".split()
        ),
    },
}
_NOT_ACCOUNT_REASONS = {
    "post": "là đường dẫn bài viết, không phải trang cá nhân — mở bài viết rồi chép đường dẫn trang của người đăng.",
    "video": "là đường dẫn video, không phải kênh — mở video rồi chép đường dẫn trang kênh (youtube.com/@ten-kenh).",
    "short": "là đường dẫn rút gọn để chia sẻ, không cho biết tài khoản — mở đường dẫn rồi chép địa chỉ trang cá nhân.",
    "invite": "là đường dẫn mời vào nhóm, không phải tài khoản.",
    "phone": "là đường dẫn theo số điện thoại — ghi số đó thành dấu hiệu loại số điện thoại.",
    "none": "đường dẫn không trỏ tới trang cá nhân/kênh (thiếu tên tài khoản).",
}


class _NotAnAccount(Exception):
    def __init__(self, reason: str):
        self.reason = reason


def social_account(text: str) -> tuple[str, str]:
    """(platform, handle) of a profile URL of Facebook, TikTok, YouTube, Zalo or Telegram, or of "platform:handle".

    A link to a post, a video, a group invitation or a share short link names no account: refused, with why.
    """
    raw = (text or "").strip()
    if not raw:
        raise SocialLinkError("Tài khoản mạng xã hội đang để trống.")
    prefixed = re.fullmatch(r"(facebook|tiktok|youtube|zalo|telegram)\s*:\s*@?([\w.\-]+)", raw, re.IGNORECASE)
    if prefixed:
        platform, handle = prefixed.group(1).lower(), prefixed.group(2)
        return platform, _case_handle(platform, handle)
    try:
        parts = urlsplit(raw if "//" in raw else "https://" + raw)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:  # "[" and other broken bracket hosts
        raise SocialLinkError(f"“{raw}”: không phải đường dẫn tài khoản mạng xã hội hợp lệ.") from None
    platform = _social_platform(host)
    if platform is None:
        raise SocialLinkError(
            f"“{raw}”: không nhận ra nền tảng (Facebook, TikTok, YouTube, Zalo, Telegram) — "
            "hoặc ghi dạng “facebook:ten.tai.khoan”."
        )
    segments = [segment for segment in parts.path.split("/") if segment]
    try:
        short_host = host.removeprefix("www.")
        if short_host in _SHORT_LINK_HOSTS:
            raise _NotAnAccount("video" if short_host == "youtu.be" else "short")
        handle = _ACCOUNT_IN_PATH[platform](segments, parse_qs(parts.query))
        if not handle or not re.fullmatch(r"@?[\w.\-]+", handle):
            raise _NotAnAccount("none")
    except _NotAnAccount as refused:
        separator = ":" if refused.reason == "none" else ""
        raise SocialLinkError(f"“{raw}”{separator} {_NOT_ACCOUNT_REASONS[refused.reason]}") from None
    handle = handle.lstrip("@")
    return platform, _case_handle(platform, handle)


def _social_platform(host: str) -> str | None:
    for domain, platform in _SOCIAL_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            subdomain = host.removesuffix(domain).rstrip(".")
            if subdomain in _BROWSING_SUBDOMAINS or f"{subdomain}.{domain}" in _SHORT_LINK_HOSTS:
                return platform
    return None


def _first_account_segment(platform: str, segments: list[str]) -> str | None:
    """The first path segment when it can be an account name; _NotAnAccount when it names something else."""
    if not segments:
        return None
    for reason, paths in _NOT_ACCOUNT_PATHS.get(platform, {}).items():
        if segments[0] in paths:
            raise _NotAnAccount(reason)
    return segments[0]


def _facebook_account(segments: list[str], query: dict) -> str | None:
    first = segments[0] if segments else ""
    if first == "profile.php":
        return (query.get("id") or [None])[0]
    if first in ("people", "pages"):  # /people/<Name>/<numeric id>/, /pages/<Name>/<numeric id>/
        return segments[-1] if len(segments) > 2 and re.fullmatch(r"[0-9]+", segments[-1]) else None
    if first == "groups" and len(segments) > 2 and segments[2] in ("posts", "permalink"):
        raise _NotAnAccount("post")
    return _first_account_segment("facebook", segments)  # /<name>, and /<name>/posts/… (the author's page)


def _youtube_account(segments: list[str], query: dict) -> str | None:
    if len(segments) > 1 and segments[0] in ("channel", "c", "user"):
        return segments[1]
    return _first_account_segment("youtube", segments)  # /@handle, or a legacy custom name /<name>


def _tiktok_account(segments: list[str], query: dict) -> str | None:
    first = _first_account_segment("tiktok", segments)
    return first if first and first.startswith("@") else None  # profiles are /@name; /video/… is not one


def _telegram_account(segments: list[str], query: dict) -> str | None:
    if len(segments) > 1 and segments[0] == "s":  # /s/<channel>: the web preview of the channel
        segments = segments[1:]
    if segments and segments[0].startswith("+"):  # /+<invite hash>, or /+<phone number>
        raise _NotAnAccount("phone" if re.fullmatch(r"\+[0-9]{6,15}", segments[0]) else "invite")
    return _first_account_segment("telegram", segments)  # /<name>, and /<name>/<post id> (the channel)


def _zalo_account(segments: list[str], query: dict) -> str | None:
    return _first_account_segment("zalo", segments)


_ACCOUNT_IN_PATH = {
    "facebook": _facebook_account,
    "youtube": _youtube_account,
    "tiktok": _tiktok_account,
    "telegram": _telegram_account,
    "zalo": _zalo_account,
}


def _case_handle(platform: str, handle: str) -> str:
    # Facebook, TikTok, Telegram and YouTube handles are case-insensitive; Zalo ids are digits or phone numbers.
    return handle.lower()
