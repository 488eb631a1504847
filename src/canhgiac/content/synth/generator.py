"""Rendering of templates into labelled texts, with random slots (phones, links, money) and surface noise.

Everything is driven by one ``random.Random(seed)``: the same seed gives the same texts.
"""

import random
import re
from types import ModuleType

from canhgiac.content.synth import eval_templates, train_templates
from canhgiac.content.synth.noise import add_noise

_SLOT = re.compile(r"\{(\w+)\}")
MOBILE_PREFIXES = ["090", "091", "093", "094", "096", "097", "098", "086", "088", "089", "070", "077", "081", "083",
                   "085", "032", "033", "034", "035", "036", "037", "038", "039", "056", "058", "059"]  # fmt: skip
TLDS = ["com", "net", "vip", "xyz", "top", "club", "info", "online", "site", "vn", "com.vn", "link", "cc", "me"]
BRAND_SEPARATED_SETS = {"train": 0, "eval": 1}


def _phone(rng: random.Random) -> str:
    digits = rng.choice(MOBILE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    style = rng.randint(0, 4)
    if style == 1:
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    if style == 2:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if style == 3:
        return "+84" + digits[1:]
    return digits


def _money(rng: random.Random) -> str:
    amount = rng.choice([5, 10, 20, 30, 50, 70, 100, 200, 300, 500])
    return rng.choice([f"{amount} triệu", f"{amount}tr", f"{amount * 1000}k", f"{amount}.000.000 đồng", f"{amount} củ"])


def _stk(rng: random.Random) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([9, 10, 12, 13])))


class Generator:
    """Renders one template set (``train_templates`` or ``eval_templates``) with its own domain pool."""

    def __init__(self, templates: ModuleType, domains: list[str], seed: int) -> None:
        self.templates = templates
        self.domains = domains
        self.rng = random.Random(seed)

    def _url(self) -> str:
        rng = self.rng
        if self.domains and rng.random() < 0.6:
            host = rng.choice(self.domains)
        else:
            words = self.templates.URL_WORDS
            host = f"{rng.choice(words)}{rng.choice(words)}{rng.randint(1, 999)}.{rng.choice(TLDS)}"
        style = rng.randint(0, 3)
        if style == 0:
            return f"https://{host}/{rng.choice(['dk', 'login', 'app', 'ref=' + str(rng.randint(100, 999))])}"
        if style == 1:
            return f"http://{host}"
        return host

    def _fill(self, match: re.Match, depth: int) -> str:
        slot = match.group(1)
        if slot == "phone":
            return _phone(self.rng)
        if slot == "money":
            return _money(self.rng)
        if slot == "stk":
            return _stk(self.rng)
        if slot == "url":
            return self._url()
        value = self.rng.choice(self.templates.VOCAB[slot])
        return self.render(value, depth + 1) if depth < 3 else value

    def render(self, template: str, depth: int = 0) -> str:
        return _SLOT.sub(lambda m: self._fill(m, depth), template)

    def compose(self, label: str) -> str:
        """A hook, a body and a call to action of ``label`` (templates with ``PARTS`` only), in random order."""
        parts = self.templates.PARTS[label]
        pieces = [self.rng.choice(parts["hook"]), self.rng.choice(parts["body"]), self.rng.choice(parts["cta"])]
        if self.rng.random() < 0.3:
            pieces = pieces[1:] if self.rng.random() < 0.5 else pieces[:2]
        return self.render(" ".join(pieces))

    def generate(self, label: str, count: int, noise: float = 0.5) -> list[str]:
        pool = self.templates.TEMPLATES[label]
        composable = label in getattr(self.templates, "PARTS", {})
        out = []
        for _ in range(count):
            if composable and self.rng.random() < 0.5:
                text = self.compose(label)
            else:
                text = self.render(self.rng.choice(pool))
            out.append(add_noise(text, self.rng, noise))
        return out


def split_domains(domains: list[str]) -> tuple[list[str], list[str]]:
    """Split real domain lists in two disjoint halves by a stable hash: training links vs evaluation links."""
    train, held = [], []
    for domain in sorted(set(domains)):
        (held if sum(domain.encode()) % 2 else train).append(domain)
    return train, held


def generate_set(kind: str, counts: dict[str, int], domains: list[str], seed: int, noise: float = 0.5):
    """Return ``(texts, labels)`` for ``kind`` ``"train"`` or ``"eval"``; ``counts`` maps label to number."""
    templates = train_templates if kind == "train" else eval_templates
    gen = Generator(templates, domains, seed)
    texts, labels = [], []
    for label in sorted(counts):
        batch = gen.generate(label, counts[label], noise)
        texts.extend(batch)
        labels.extend([label] * len(batch))
    return texts, labels
