"""The scan's fast paths give what the plain ways gave: folding, one walk of the tree per parse, hashing a body once.

Issue 13 item 4 made the per-page work cheaper; these tests hold the shortcuts to the results of the code they
replaced (written out here as the reference)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.webwatch.checks.site import TOKEN_FILE
from canhgiac.webwatch.engine.analysis import Fetched, _follow, dedupe, same_site
from canhgiac.webwatch.engine.parse import Link, PageDoc, parse_page
from canhgiac.webwatch.engine.vocab import _CONFUSABLES, _TABLE, fold, letter_runs

_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_LETTER_RUN = re.compile(r" (?:[a-z0-9] ){3,}")  # as it was written before


def reference_fold(text: str) -> str:
    """fold() as it was before the ASCII fast path and the byte test for Greek and Cyrillic letters."""
    if not text:
        return " "
    text = text.replace("đ", "d").replace("Đ", "D")
    if _NON_LATIN.search(text):
        text = text.translate(_CONFUSABLES)
    raw = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").translate(_TABLE)
    return " " + " ".join(raw.decode("ascii").split()) + " "


# Vietnamese letters and combining marks, Greek and Cyrillic (look-alikes), CJK, emoji, odd spaces, ASCII.
_ALPHABET = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x24F),
    st.characters(min_codepoint=0x300, max_codepoint=0x52F),
    st.characters(min_codepoint=0x1EA0, max_codepoint=0x1EFF),
    st.sampled_from(list("\u3000中文\uff2e\uff15\U0001f3b0\U0001d5e6\u00a0\u2028\u0085đĐ")),
)


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_fold_matches_the_reference(text):
    assert fold(text) == reference_fold(text)


def test_fold_of_cyrillic_lookalikes_and_combining_marks():
    for text in ("nhа cái", "Ν Ε W 8 8", "ca\u0301 đô\u0323", "ͱ", "\u036f x", "SLOT ᴳᴬᶜᴼᴿ", "plain ascii, 5k!"):
        assert fold(text) == reference_fold(text), text


def test_fold_through_the_charmap_matches_the_reference_for_every_character():
    """Every character alone and between letters, as the table encodes it or as the error handler folds it:
    Vietnamese letters, accents, punctuation deleted (“ – ·) or spaced (…), control characters, ½ and ﬁ (more than
    one letter), CJK, emoji, mathematical letters."""
    for code in list(range(0x3000)) + [0x4E2D, 0xFB01, 0xFF2E, 0x1D5E6, 0x1F3B0]:
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        for text in (char, f"a{char}b", f"{char}{char} x\u0301{char}"):
            assert fold(text) == reference_fold(text), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("aăâêôơưđĐáầểỗựÝ AZ09.-\n\t\x01\x7f\xa0\u0301\u0323“”…·½ﬁ中🎰𝗦")), max_size=60))
def test_fold_of_mixed_vietnamese_text_matches_the_reference(text):
    assert fold(text) == reference_fold(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["s", "l", "o", "t", "8", "nha", "cai", "x5"]), max_size=30))
def test_letter_runs_match_the_plain_pattern(words):
    stream = " " + " ".join(words) + " "
    assert letter_runs(stream) == [m.group().replace(" ", "") for m in _LETTER_RUN.finditer(stream)]


PAGE = """<html><head><title>Cổng</title><meta name="description" content="Mô tả">
<link rel="canonical" href="/goc"><style>.an{display:none}</style></head>
<body><h1>Tiêu đề một</h1><h1>Tiêu đề hai</h1>
<base href="https://cdn.example.vn/thu-muc/">
<div style="display:none" hidden><a href="https://new88.com/">nhà cái</a><p hidden>lồng</p></div>
<p hidden>thuộc tính hidden</p>
<marquee><a href="/tin">chạy chữ</a></marquee>
<noscript><a href="https://x.example/">noscript</a><script>var a = 1;</script></noscript>
<div class="an"><a href="https://y.example/">lớp css</a></div>
<svg><style>.s{}</style><text>chữ trong svg</text></svg>
<p>Nội dung <a href="tuong-doi.html">tương đối</a> <img src="https://img.example/a.png" alt="ảnh">
<iframe src="https://khung.example/" width="0" height="0"></iframe></p>
<script>document.write("x")</script><template><p>mẫu</p></template>
</body></html>"""


def test_one_walk_parse_keeps_every_feature_in_document_order():
    doc = parse_page(PAGE, "https://site.gov.vn/trang")
    assert doc.title == "Cổng" and doc.h1 == "Tiêu đề một"
    assert doc.meta["description"] == ["Mô tả"]
    # the first <base href> counts wherever it stands; the canonical link above it is resolved with it too
    assert doc.canonical == ["https://cdn.example.vn/goc"]
    assert [link.url for link in doc.links if link.tag == "a"][-1] == "https://cdn.example.vn/thu-muc/tuong-doi.html"
    # an element both styled hidden and carrying `hidden` is one block, named by its inline style, with the nested
    # one inside it; then the page's own CSS rule, the hidden attribute, marquee and noscript — each once
    assert [(b.reason, b.text) for b in doc.blocks] == [
        ("display:none", "nhà cái lồng"),
        ("display:none", "lớp css"),
        ("hidden", "thuộc tính hidden"),
        ("marquee", "chạy chữ"),
        ("noscript", "noscript var a = 1;"),
    ]
    assert [(link.host, link.hidden) for link in doc.links if link.tag == "a"] == [
        ("new88.com", "display:none"),
        ("", "marquee"),
        ("x.example", "noscript"),
        ("y.example", "display:none"),
        ("", ""),
    ]
    assert [(f.host, f.hidden) for f in doc.frames] == [("khung.example", "zero-size")]
    assert any(link.tag == "img" and link.host == "img.example" and link.text == "ảnh" for link in doc.links)
    assert doc.scripts == ["var a = 1;", 'document.write("x")']
    # hidden blocks, scripts, styles (inside <svg> too), noscript, template and svg are not visible text
    assert " ".join(doc.visible_text.split()) == "Tiêu đề một Tiêu đề hai Nội dung tương đối"


def test_identical_bodies_are_hashed_once_and_kept_once():
    page, other = b"<html>a</html>", b"<html>b</html>"
    fetched = [Fetched(name, "https://a.vn/", 200, body=body) for name, body in
               (("browser", page), ("googlebot", other), ("mobile", page), ("search_referrer", page))]  # fmt: skip
    dedupe(fetched)
    digests = [f.sha256 for f in fetched]
    assert digests == [hashlib.sha256(b).hexdigest() for b in (page, other, page, page)]
    assert [f.body for f in fetched] == [page, other, b"", b""]
    assert [f.size for f in fetched] == [len(page), len(other), len(page), len(page)]


_EXTENSIONS = (
    "pdf doc docx xls xlsx ppt pptx zip rar 7z gz jpg jpeg png gif webp svg ico mp3 mp4 avi mov wmv flv css js"
)
_SUFFIXES = tuple("." + e for e in (_EXTENSIONS + " xml txt exe").split())


def reference_follow(doc: PageDoc, site_host: str) -> list[str]:
    """_follow as it was before the extension lookup: thirty suffixes tried on every path."""
    seen: set[str] = set()
    for link in doc.links:
        url = link.url
        if url in seen or link.tag != "a" or (link.host and not same_site(link.host, site_host)):
            continue
        path = url.split("?", 1)[0].lower()
        if path.endswith(_SUFFIXES) and not TOKEN_FILE.search(path):
            continue
        seen.add(url)
    return list(seen)


class _Ctx:
    def __init__(self, doc):
        self.doc = doc

    def distinct(self):
        return [(self.doc, ["browser"])]


_PATHS = ["", "/", "/a.PDF", "/b.pdf?x=1", "/c.html", "/d.Jpg", "/e.tar.gz", "/f.gz.html", "/google0123456789ab.html",
          "/BingSiteAuth.XML", "/x.", "/.js", "/k.docx", "/ΣΑ.pdf", "/thư-mục/ảnh.PNG", "/q?f=a.pdf"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_PATHS), st.sampled_from(["a", "img"]), st.sampled_from(["", "x.vn"])), max_size=25
    )
)
def test_links_to_follow_match_the_suffix_reference(links):
    doc = PageDoc(url="https://a.gov.vn/", links=[Link("https://a.gov.vn" + p, h, "", t) for p, t, h in links])
    assert _follow(_Ctx(doc), "a.gov.vn") == reference_follow(doc, "a.gov.vn")


def test_page_fingerprint_from_the_folded_words_is_the_fingerprint_of_the_text():
    from canhgiac.webwatch.blocklist import Blocklist
    from canhgiac.webwatch.checks.base import PageContext
    from canhgiac.webwatch.engine.baseline import fingerprint
    from canhgiac.webwatch.engine.vocab import default_vocabulary

    ctx = PageContext("https://a.gov.vn/", "a.gov.vn", {}, {}, default_vocabulary(), Blocklist(set()))
    for text in ("", "Trang chủ · Giới thiệu — TIN TỨC", "plain ascii words, words", "Ν Ε W 8 8 nhà cái 中文"):
        assert ctx.fingerprint(text) == fingerprint(text) == fingerprint(text, fold(text))
        assert ctx.stream(text) == fold(text)


def test_ambiguous_terms_are_judged_alike_without_lowering_the_text(monkeypatch):
    """A term written with its accents in an NFC text skips the lower-cased copy of the text; forcing the copy
    (as before) gives the same hits for every ambiguous term, upper-case, decomposed or unaccented."""
    import unicodedata

    from canhgiac.webwatch.engine import vocab

    v = vocab.default_vocabulary()
    texts = []
    for folded, accented in v._ambiguous.items():
        assert accented.lower() == accented  # what the shortcut relies on
        texts += [accented, accented.upper(), unicodedata.normalize("NFD", accented), folded, accented + "\u0301",
                  f"Tin: {accented.upper()} và {folded}", unicodedata.normalize("NFD", "Ồ ") + accented]  # fmt: skip
    fast = [v.scan(t) for t in texts]
    monkeypatch.setattr(vocab.unicodedata, "is_normalized", lambda form, text: False)
    assert [v.scan(t) for t in texts] == fast
