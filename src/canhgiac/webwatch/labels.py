"""The Vietnamese names of the scanner's codes: checks (``hidden_links``) and visitor identities (``googlebot``)."""

IDENTITY_LABELS = {
    "browser": "Trình duyệt máy tính",
    "google_referrer": "Trình duyệt, đến từ Google",
    "googlebot": "Máy thu thập của Google (Googlebot)",
    "mobile_google": "Điện thoại, đến từ Google",
}


def check_label(name: str) -> str:
    """A check's title ("Liên kết ẩn ra ngoài trang"); a check no longer registered keeps its code."""
    from canhgiac.webwatch.checks import REGISTRY

    check = REGISTRY.get(name)
    return check.title if check is not None else name


def check_choices() -> list[tuple[str, str]]:
    from canhgiac.webwatch.checks import REGISTRY

    return sorted(((name, check.title) for name, check in REGISTRY.items()), key=lambda choice: choice[1])


def identity_label(name: str) -> str:
    return IDENTITY_LABELS.get(name, name)


def identities_text(names) -> str:
    return ", ".join(identity_label(name) for name in names or ())
