"""Our relabelling of sms-vi-2023 (``../shared/data/sms-vi-2023/sms.csv``) into the classifier's classes.

sms-vi-2023 has no licence: it is used to MEASURE only, never to train, and no text of it is copied here. The rule
below names rows by number (0-based data rows, header excluded) and reads their text at run time.

Rule, in order (the first that matches wins), applied to the lower-cased text with diacritics removed:

* rows labelled 0 (legitimate) stay ``normal``, except the overrides below;
* ``OVERRIDES``: rows checked by hand: source label plainly wrong (a friend's message about a parcel, carrier
  voicemail and missed-call notices, a login alert, a ministry's anti-fraud warning, all labelled spam) -> ``normal``;
  scrambled betting lures and one job scam that the patterns below miss; two "1 với 1" service ads -> ``other``;
* ``other``: sex-service and sexual-health ads (none of the seven classes; counted as "not scam, not legitimate");
* ``loan``: cash-loan offers ("vay tiền", "khoản vay", "giải ngân", "hạn mức vay", "easy vay", "vay nhanh" …),
  including licensed lenders' ads (FE Credit, Home Credit, Tamo): the class is "loan offer", the reviewer judges
  legality;
* ``scam``: job / task scams ("tuyển nhân viên làm việc tại nhà / online / bán thời gian", "trưởng phòng nhân
  sự", "nhân viên bình luận", "kiếm tiền online", "đầu tư siêu lợi nhuận"), forged-document sellers ("nhận làm
  bằng, GPLX, căn cước, cavet …"), recovery scams ("bị lừa … lấy lại"), a fee that "sẽ bị trừ" from an account,
  a prize announced with a link outside any carrier;
* ``gambling``: casino / betting / slot / "nổ hũ" / "bắn cá" / "tài xỉu" / "xóc đĩa" / "lô đề" vocabulary,
  betting brands (…bet, kwin, cwin, fabet, kubet, rik, vin777, hi88, j88, 8kbet), "nạp đầu" / "nạp rút" / "code"
  bonus offers, and text written in look-alike letters (ŋ, ɱ, α, Ç, å, ä …) or with punctuation glued between
  words: every such row in the set is a betting lure;
* every other spam row -> ``spam`` (advertising): carriers' and brands' promotions, credit cards, lottery tickets
  sold by licensed apps (Vietlott), surveys, events.

``split(text)`` puts each distinct text in ``dev`` (a third, by a stable hash) or ``test``. The shipped thresholds
are NOT tuned on it (they are set on our own generated legitimate messages, see MODEL_CARD.md); dev is kept apart
so that a future tuning on it can still be reported on test.
"""

import csv
import re
import unicodedata
import zlib
from pathlib import Path

from canhgiac.content.datasets import data_dir

OVERRIDES = {590: "normal", 170: "normal", 290: "normal", 376: "normal", 377: "normal", 378: "normal",
             379: "normal", 426: "normal", 427: "normal",
             # betting lures the patterns below miss (digits and letters scrambled), and one job scam
             45: "gambling", 79: "gambling", 131: "gambling", 135: "gambling", 310: "gambling", 609: "gambling",
             625: "gambling", 990: "gambling", 163: "scam", 1074: "other", 1075: "other"}  # fmt: skip

_OTHER = re.compile(
    r"nguc cup|phuc vu tan tinh|than hinh quyen ru|co the 69|hotgirl|xuat tinh|em hang sieu mau|bao boi 2k|ga moi nhu|"
    r"show thoat y"
)
_GAMBLING = re.compile(
    r"casino|ca si no|casiino|ca cuoc|nha cai|nhacai|nha/ca|ncai|ban ?ca|b4n|ban'ca|b\.an'ca|bca\b|no ?hu|n\.o'hu|"
    r"no'hu|n0 ?hu|quay ?hu|qhu|q'hu|tai ?xiu|t ?x ?iu|txiu|t/xiu|t\(xiu|xoc ?(dia|dja)|x'd\.i\.a|lo ?de\b|slot|sl0t|"
    r"baccarat|sicbo|sic bo|\w*bet\b|b e t|b/e/t|kwin|k_w_i_n|cwin|fabet|kubet|\brik\b|vin-?777|hi88|j88|win456|"
    r"nap ?dau|n4p ?dau|nap[ -]?rut|rut[ /-]?nap|nap\.?rut|vong cuoc|1an99|livecasino|the thao - xo so|"
    r"gem|game moi|tang.{0,12}(?<!gift)code|co\.de|code \d|choi game co dien|nhan 8\.?8\.?8|8-8-8k|gioi gam\.e|"
    r"chien thang|"
    r"link choi|hoan tra \d+%|nap tien se len|corona|tang 200k|1\.?8\.?8\.?k|888k|99k|\d+k.{0,3}\(?[a-z0-9]{8,}\)?"
)
_LOOKALIKE = re.compile("[ŋɱαÇçåäöüñøßƙᑎᗩᕼᒪᑕ¥£ĸŀŵĵěņŧŭĩļŉőłĺřźżśĉēęġĭ]")
_JUNK = re.compile(r"[\^*$`\"~{}|<>]")
_LOAN = re.compile(
    r"vay tien|khoan vay|giai ngan|han muc vay|easy vay|vay nhanh|vay toi|vay den|vay ngay|duyet khoan vay|"
    r"ho tro vay|tinvay|1 click de vay"
)
_SCAM = re.compile(
    r"tuyen (dung )?nhan vien|truong (bo )?phan nhan su|truong phong nhan su|quan ly nhan su|bo phan nhan su|"
    r"ban thoi gian|lam viec (tai nha|online)|nhan vien binh luan|kiem tien online|dau tu sieu loi nhuan|"
    r"tim (cong )?viec|nhan lam (moi|cac loai|lai)|lam moi (hoac|va) cap lai|giay ?to|gplx|cavet|bang cap|"
    r"bi lua.*lay lai|"
    r"se bi tru|phan thuong.*https?://\S+\.live|o nha cung co the lam viec|lich su tuong tac tot|"
    r"chuc mung .{0,30}may man .{0,40}(cong viec|kiem tien)|luong .{0,20}tra ngay|viec lam tren dien thoai|"
    r"tri an khach hang vip"
)


def plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("đ", "d")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")


def relabel(row: int, text: str, label: int) -> str:
    """The class of row ``row`` of sms-vi-2023 (``label`` is the source's 0 legitimate / 1 spam)."""
    if row in OVERRIDES:
        return OVERRIDES[row]
    if label == 0:
        return "normal"
    low = plain(text)
    if _OTHER.search(low):
        return "other"
    if _LOAN.search(low):
        return "loan"
    if _SCAM.search(low):
        return "scam"
    if _GAMBLING.search(low) or len(_LOOKALIKE.findall(text)) >= 3 or len(_JUNK.findall(text)) >= 4:
        return "gambling"
    return "spam"


def split(text: str) -> str:
    """``dev`` for a third of the distinct texts (by a stable hash of the text: repeated messages stay together)."""
    return "dev" if zlib.crc32(" ".join(text.lower().split()).encode()) % 3 == 0 else "test"


def load(root: Path | None = None) -> list[tuple[int, str, str, str]]:
    """(row, text, our label, dev/test) for every row of sms-vi-2023."""
    path = (root or data_dir()) / "sms-vi-2023" / "sms.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [(i, r["text"], relabel(i, r["text"], int(r["label"])), split(r["text"])) for i, r in enumerate(rows)]
