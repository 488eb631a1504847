"""Network safety of the fetcher: a scanned site (or a name it controls in DNS) must not make the scanner reach the
machine it runs on, the agency's internal network or a cloud metadata service.

Addresses are judged *after* DNS resolution, inside aiohttp's resolver, so the connection goes to the address that
was checked (no second lookup a hostile DNS server could answer differently); an IP address written in a URL is
judged before the request. Every hop of a redirect goes through the same checks. Networks listed in
``CANHGIAC_FETCH_ALLOW_NETWORKS`` (comma-separated CIDRs, from the environment or the Django setting of that name) or
given by ``canhgiac watch scan --allow-private`` are let through.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable

from aiohttp.abc import AbstractResolver
from aiohttp.resolver import DefaultResolver

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

ENV = "CANHGIAC_FETCH_ALLOW_NETWORKS"
#: What ``--allow-private`` lets through: this machine and private (RFC 1918, shared, unique-local) networks.
#: Link-local, multicast and metadata addresses still need an explicit CANHGIAC_FETCH_ALLOW_NETWORKS entry.
PRIVATE = ("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)


class RefusedAddress(OSError):
    """A host resolved to an address the scanner may not reach."""

    def __init__(self, host: str, address: str, reason: str):
        super().__init__(f"{host} → {address}: {reason}")
        self.host, self.address, self.reason = host, address, reason


def parse_networks(text: str | Iterable[str]) -> tuple[Network, ...]:
    """``"10.1.0.0/16, 127.0.0.1"`` → networks; a bad entry raises ValueError naming it."""
    items = text.split(",") if isinstance(text, str) else list(text)
    out = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        try:
            out.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ValueError(f"Mạng không hợp lệ trong {ENV}: “{item}”.") from exc
    return tuple(out)


def configured_networks() -> tuple[Network, ...]:
    """Networks allowed by the Django setting (when Django is configured) or the environment variable."""
    value = os.environ.get(ENV, "")
    try:
        from django.conf import settings

        if settings.configured:
            value = getattr(settings, ENV, None) or value
    except ImportError:  # pragma: no cover - the engine also runs without Django
        pass
    return parse_networks(value)


def refusal(address: str, allowed: tuple[Network, ...] = ()) -> str:
    """Why ``address`` may not be fetched (Vietnamese), or "" when it may."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip.version == n.version and ip in n for n in allowed):
        return ""
    if ip in METADATA:
        return "địa chỉ dịch vụ metadata của máy chủ đám mây"
    if ip.is_loopback:
        return "địa chỉ loopback (chính máy quét)"
    if ip.is_link_local:
        return "địa chỉ link-local"
    if ip.is_multicast:
        return "địa chỉ multicast"
    if ip.is_unspecified or ip.is_reserved:
        return "địa chỉ dành riêng, không dùng trên Internet"
    if ip.is_private or (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED):
        return "địa chỉ mạng nội bộ"
    return ""


_SHARED = ipaddress.ip_network("100.64.0.0/10")


def allow_private_helps(address: str) -> bool:
    """True when ``--allow-private`` would let ``address`` through."""
    return refusal(address, parse_networks(PRIVATE)) == ""


class GuardedResolver(AbstractResolver):
    """aiohttp resolver that refuses names resolving to a forbidden address (any of its addresses)."""

    def __init__(self, allowed: tuple[Network, ...] = ()):
        self.allowed = allowed
        self._inner = DefaultResolver()

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET):
        infos = await self._inner.resolve(host, port, family)
        for info in infos:
            reason = refusal(info["host"], self.allowed)
            if reason:
                raise RefusedAddress(host, info["host"], reason)
        return infos

    async def close(self) -> None:
        await self._inner.close()
