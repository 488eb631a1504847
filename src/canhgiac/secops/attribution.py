"""Which agency and information system an alert belongs to, from the staff's address ranges and host names
(``AgencyNetwork``): an exact host name first, then a host-name suffix, then the longest network prefix containing
the source or the destination address (the destination first on a tie)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    agency_id: int
    system_id: int | None
    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None
    hostname: str


def load_rules() -> list[Rule]:
    from canhgiac.secops.models import AgencyNetwork

    rules = []
    for agency_id, system_id, network, hostname in AgencyNetwork.objects.filter(is_active=True).values_list(
        "agency_id", "system_id", "network", "hostname"
    ):
        net = ipaddress.ip_network(network, strict=False) if network else None
        rules.append(Rule(agency_id, system_id, net, hostname.strip().lower()))
    return rules


def attribute(rules: list[Rule], src_ip: str, dest_ip: str, hostname: str = "") -> tuple[int | None, int | None]:
    """(agency id, system id) for an alert, or (None, None) when no rule matches."""
    name = hostname.strip().lower()
    if name:
        exact = [r for r in rules if r.hostname and not r.hostname.startswith(".") and r.hostname == name]
        suffix = [r for r in rules if r.hostname.startswith(".") and name.endswith(r.hostname)]
        for found in (exact, sorted(suffix, key=lambda r: -len(r.hostname))):
            if found:
                return found[0].agency_id, found[0].system_id
    best: tuple[int, int, Rule] | None = None
    for order, address in enumerate((dest_ip, src_ip)):
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        for rule in rules:
            if rule.network is not None and ip.version == rule.network.version and ip in rule.network:
                candidate = (rule.network.prefixlen, -order, rule)
                if best is None or candidate[:2] > best[:2]:
                    best = candidate
    return (best[2].agency_id, best[2].system_id) if best else (None, None)
