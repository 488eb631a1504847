"""Rendering of ``sms_templates``: SMS-shaped legitimate messages (the counter-examples) and lures.

Slots beyond the common generator's: codes, amounts written as banks write them, times and dates, account masks,
order numbers, and two kinds of links: ``{offurl}`` (a brand's real domain, from the template vocabulary) and
``{scamurl}`` (a throw-away or look-alike domain: a brand name glued to words such as "xacthuc" under a cheap TLD,
or a real betting/threat domain from the hostsVN training half). Betting lures get the letter scrambling seen in
real SMS (look-alike letters, stray punctuation between words).
"""

import random
import re

from canhgiac.content.synth import sms_templates as T
from canhgiac.content.synth.generator import Generator, _phone
from canhgiac.content.synth.noise import add_noise

_LOOKALIKE = {"a": "åäα", "n": "ŋñ", "m": "ɱ", "o": "öø", "u": "ü", "c": "ç", "e": "ē", "g": "ğ", "k": "ḵ"}
_JUNK = "^*\"'`~_"
MEMOS = ["chuyen tien an trua", "tra tien phong", "hoc phi thang 9", "ck tien hang", "tien dien thang 5",
         "mung cuoi", "tra no", "CK", "luong thang 4", "tien nha"]  # fmt: skip
BRAND_STEMS = ["vietcombank", "vcb", "techcombank", "bidv", "agribank", "mbbank", "viettel", "vnpt", "evn",
               "momo", "zalopay", "shopee", "tiki", "vneid", "dichvucong", "congan"]  # fmt: skip
SCAM_WORDS = ["xacthuc", "online", "hotro", "khuyenmai", "vn", "login", "secure", "canhan", "update", "nhanqua"]


class SmsGenerator(Generator):
    def _fill(self, match: re.Match, depth: int) -> str:
        rng, slot = self.rng, match.group(1)
        digits = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
        if slot == "otp6":
            return digits(6)
        if slot == "otp4":
            return digits(4)
        if slot == "amount":
            return f"{rng.randint(1, 9999) * rng.choice([1000, 500, 100]):,}".replace(",", rng.choice([",", "."]))
        if slot == "acct":
            return digits(4) + rng.choice(["xxx", "***", ""]) + digits(3)
        if slot == "card":
            return digits(6) + "..." + digits(4)
        if slot == "time":
            return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        if slot == "date":
            return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}" + rng.choice(["", "/2024", "/2025"])
        if slot == "month":
            return f"{rng.randint(1, 12):02d}/{rng.choice([2024, 2025, 2026])}"
        if slot in ("customer", "order"):
            return rng.choice(["PE", "PD", "SPX", "GHN", "RJ", "VN"]) + digits(rng.choice([8, 10, 12]))
        if slot == "gb":
            return str(rng.choice([1, 2, 3, 4, 5, 6, 10]))
        if slot == "utility":
            return rng.choice(["tien dien", "tien nuoc", "Internet", "truyen hinh", "hoc phi"])
        if slot == "memo":
            return rng.choice(MEMOS)
        if slot == "handle":
            return rng.choice(["cskh", "hr", "tuyendung", "admin", "support"]) + digits(3)
        if slot == "scamurl":
            return self._scam_url()
        if slot == "phone":
            return _phone(rng)
        return super()._fill(match, depth)

    def _scam_url(self) -> str:
        rng = self.rng
        if self.domains and rng.random() < 0.4:
            host = rng.choice(self.domains)
        elif rng.random() < 0.5:
            host = f"{rng.choice(BRAND_STEMS)}{rng.choice(['-', ''])}{rng.choice(SCAM_WORDS)}.{rng.choice(T.SCAM_TLDS)}"
        else:
            host = (
                f"{rng.choice('abcdefghk')}{rng.choice(['-', ''])}{rng.choice(['aut', 'na', 'ab', 'vip', 'q8'])}."
                + (rng.choice(T.SCAM_TLDS))
            )
        path = rng.choice(["", "/" + "".join(rng.choice("abcdefXYZ019") for _ in range(4))])
        return rng.choice(["https://", "http://", ""]) + host + path

    def scramble(self, text: str) -> str:
        """Look-alike letters and stray punctuation between words, as betting lures are typed to dodge filters."""
        rng = self.rng
        out = []
        for ch in text:
            if ch in _LOOKALIKE and rng.random() < 0.3:
                ch = rng.choice(_LOOKALIKE[ch])
            elif ch == " " and rng.random() < 0.5:
                ch = rng.choice(_JUNK)
            out.append(ch)
        return "".join(out)


def generate_sms(counts: dict[str, int], domains: list[str], seed: int, noise: float = 0.35):
    """``(texts, labels)``: ``counts[label]`` texts per label from ``sms_templates``."""
    gen = SmsGenerator(T, domains, seed)
    texts, labels = [], []
    for label in sorted(counts):
        pool = T.TEMPLATES[label]
        for _ in range(counts[label]):
            text = gen.render(gen.rng.choice(pool))
            if label == "gambling" and gen.rng.random() < 0.5:
                text = gen.scramble(text)
            texts.append(add_noise(text, gen.rng, noise if label != "normal" else noise * 0.6))
            labels.append(label)
    return texts, labels


def legit_sms(count: int, seed: int) -> list[str]:
    """Generated legitimate SMS for choosing the scam threshold (another seed than training)."""
    return generate_sms({"normal": count}, [], seed)[0]


def sample(seed: int = 0, n: int = 5) -> list[tuple[str, str]]:
    """A few rendered texts per class, for a quick look."""
    texts, labels = generate_sms({k: n for k in T.TEMPLATES}, [], seed)
    return list(zip(labels, texts, strict=True))


if __name__ == "__main__":  # pragma: no cover - manual look
    for lab, text in sample(random.randint(0, 999)):
        print(lab, "|", text)
