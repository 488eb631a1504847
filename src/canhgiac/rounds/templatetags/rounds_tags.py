from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(value) -> str:
    """A figure as Vietnamese officials write it: 1237 → "1.237", 70.93 → "70,93"; None → "—"."""
    if value in (None, ""):
        return "—"
    number = Decimal(value)
    whole, _, fraction = f"{abs(number).normalize():f}".partition(".")
    text = f"{int(whole):,}".replace(",", ".") + (f",{fraction}" if fraction else "")
    return f"-{text}" if number < 0 else text


@register.filter
def signed(value) -> str:
    """A difference with its sign: +3, -2, 0."""
    if value in (None, ""):
        return ""
    text = figure(value)
    return f"+{text}" if Decimal(value) > 0 else text
