"""Surface noise seen in Vietnamese SMS and social posts, applied to generated texts."""

import random

from canhgiac.content.normalize import strip_diacritics

# Reverse teencode: how people shorten words when they type fast or dodge filters.
CONTRACT = {
    "không": ["k", "ko", "khong", "hok", "kg"], "được": ["dc", "đc", "dk"], "chuyển khoản": ["ck", "chuyen khoan"],
    "tài khoản": ["tk", "tai khoan"], "số điện thoại": ["sdt", "sđt"], "liên hệ": ["lh", "LH"], "nhắn tin": ["ib",
                  "inbox"],
    "triệu": ["tr", "củ"], "với": ["vs"], "rồi": ["r"], "gì": ["j"], "bạn": ["b", "bn"], "người": ["ng"],
    "mọi người": ["mn", "mng"], "cộng tác viên": ["ctv", "CTV"], "lãi suất": ["ls"], "vậy": ["z", "v"],
}  # fmt: skip
EMOJI = ["🔥", "💰", "💵", "🎁", "✅", "👉", "⚡", "🆘", "❗", "📞", "🤑", "💯", "🎉", "⭐", "😍", "😂", "🙏", "❤️"]
SEPARATORS = [".", "-", "_", " ", "*"]


def _split_word(word: str, rng: random.Random) -> str:
    sep = rng.choice(SEPARATORS)
    return sep.join(word)


def add_noise(text: str, rng: random.Random, level: float = 0.5) -> str:
    """Return ``text`` with random teencode, lost diacritics, split letters, emoji, case and spacing noise."""
    if rng.random() < level:
        for full, shorts in CONTRACT.items():
            if full in text and rng.random() < 0.6:
                text = text.replace(full, rng.choice(shorts))
    if rng.random() < level * 0.5:
        words = text.split(" ")
        idx = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
        for i in rng.sample(idx, k=min(len(idx), rng.randint(1, 3))):
            words[i] = _split_word(words[i], rng)
        text = " ".join(words)
    if rng.random() < level * 0.9:
        text = strip_diacritics(text)
    if rng.random() < level * 0.6:
        marks = "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 3)))
        text = f"{marks} {text}" if rng.random() < 0.5 else f"{text} {marks}"
    roll = rng.random()
    if roll < level * 0.2:
        text = text.upper()
    elif roll < level * 0.5:
        text = text.lower()
    if rng.random() < level * 0.2:
        text = text.replace(" ", "  ")
    return text
