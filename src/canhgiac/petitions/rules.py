"""Which legal time limit applies to a petition at each stage, and how far it may be extended.

The limits themselves are ``core.DeadlineRule`` rows (days, counted how, citation, effective dates, whether the
text was checked against the original): ``core/data/deadline_rules.json`` holds the base limits and this app's
``data/deadline_rules.json`` the rest. The version in force on the date the petition was received applies.
An extension is the rule ``<key>_ext<N>`` holding the *total* period the law allows after the N-th extension; when
no such rule exists the law allows no further extension. An administrator amends the table when the law changes.
"""

from canhgiac.petitions.choices import PetitionKindChoices as K


def initial_rule_key(petition) -> str:
    """The limit of the first stage: accepting a complaint, the initial handling of a denunciation, otherwise
    processing the petition (no statutory limit: the internal one, flagged unverified in the table)."""
    if petition.kind == K.COMPLAINT:
        return "complaint2_accept" if petition.second_instance else "complaint_accept"
    if petition.kind == K.DENUNCIATION and not petition.anonymous:
        return "denunciation_handle"
    return "petition_process"


def resolve_rule_key(petition) -> str:
    """The limit of resolution after acceptance; "" when the law sets none (kiến nghị, phản ánh)."""
    if petition.kind == K.COMPLAINT:
        base = "complaint2_resolve" if petition.second_instance else "complaint_resolve"
        return f"{base}_remote" if petition.remote_area else base
    if petition.kind == K.DENUNCIATION:
        return "denunciation_resolve"
    return ""


def extension_key(base: str, number: int) -> str:
    return f"{base}_ext{number}"
