"""What a user must not read: English words and raw codes, found in the text of a page or an API description.

Used by ``tests/core/test_wording_walk.py`` (every page of the demo as every role) and handy by hand::

    from tests.core.wording import visible_text, offences
"""

import re
from html.parser import HTMLParser

# English words a Vietnamese page has no business showing (Django's and DRF's defaults, form widgets, admin).
ENGLISH = [
    "True",
    "False",
    "None",
    "null",
    "Select",
    "Submit",
    "Save",
    "Delete",
    "Cancel",
    "Search",
    "Filter",
    "Filters",
    "Add",
    "Edit",
    "Change",
    "History",
    "Home",
    "Log out",
    "Login",
    "Log in",
    "Password",
    "Username",
    "Next",
    "Previous",
    "Yes",
    "Unknown",
    "field",
    "This field",
    "Enter a",
    "Enter an",
    "required",
    "invalid",
    "Invalid",
    "object",
    "objects",
    "Error",
    "Not found",
    "Forbidden",
    "Choose",
    "Clear",
    "Currently",
    "Browse",
    "No file",
    "selected",
    "Authentication",
    "credentials",
    "permission",
    "Constraint",
    "violated",
    "Codepoint",
    "Traceback",
    "Exception",
    "undefined",
    "NaN",
    "googlebot",
    "bingbot",
    "browser",
    "mobile",
    "baochi",
    "user",
    "users",
    "case",
    "cases",
    "indicator",
    "indicators",
    "document",
    "documents",
    "agency",
    "agencies",
    "evidence",
    "finding",
    "findings",
    "site",
    "sites",
    "scan",
    "report",
    "reports",
    "status",
    "created",
    "updated",
    "draft",
    "pending",
    "closed",
    "open",
]
# Besides, on the admin site: the words of Django's admin screens and of the libraries' (auth, axes, django-otp,
# django-simple-history, DRF tokens), most of them in no Vietnamese catalogue.
ADMIN_ENGLISH = [
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Access",
    "Attempt",
    "Failed",
    "Auth",
    "Axes",
    "Otp",
    "Token",
    "Tokens",
    "Key",
    "device",
    "Name",
    "Path",
    "Data",
    "Comment",
    "Changed",
    "Created",
    "Deleted",
    "Revert",
    "entry",
    "entries",
    "result",
    "results",
    "Raw",
    "Reset",
    "Enabled",
    "Disabled",
    "Identity",
    "Configuration",
    "Timestamps",
    "Throttling",
    "Locked",
    "Agent",
    "Address",
    "Time",
    "Date",
    "View",
    "Show",
    "all",
    "and",
    "or",
    "the",
    "by",
    "for",
    "of",
]
_ENGLISH = re.compile(r"(?<![\w./@:-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w@-]|\.\w)")
# A raw code: snake_case (``hidden_links``, ``fraud_damage``) or a Python/JSON literal shown as text.
_ADMIN_ENGLISH = re.compile(r"(?<![\w./@:-])(" + "|".join(re.escape(w) for w in ADMIN_ENGLISH) + r")(?![\w@-]|\.\w)")
_CODE = re.compile(r"(?<![\w./@:#-])([a-z]+(?:_[a-z0-9]+)+)(?![\w./@-])|(\{\s*\"[a-z_]+\"\s*:)")


class _Text(HTMLParser):
    """The text a reader sees: element text outside script/style/code, plus placeholder, title, alt, aria-label."""

    SKIP = {"script", "style", "code", "pre", "textarea", "template"}
    SHOWN_ATTRIBUTES = {"placeholder", "title", "alt", "aria-label"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        for name, value in attrs:
            if name in self.SHOWN_ATTRIBUTES and value:
                self.parts.append(value)
            if tag == "input" and name == "value" and ("type", "submit") in attrs and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.parts


def offences(texts, allowed=frozenset(), *, admin: bool = False) -> set[str]:
    """The English words and raw codes in ``texts`` (an iterable of strings), minus ``allowed`` fragments; with
    ``admin``, the admin screens' words too."""
    found = set()
    for text in texts:
        for match in _ENGLISH.finditer(text):
            found.add(match.group(0))
        for match in _ADMIN_ENGLISH.finditer(text) if admin else ():
            found.add(match.group(0))
        for match in _CODE.finditer(text):
            found.add(match.group(0))
    return {word for word in found if word not in allowed}
