"""Status workflows declared as data: which roles may move a record from which status to which, and what each
step needs (a reason, a letter). A model names its workflow in a ``workflow`` class attribute; the one service
that applies a step is ``canhgiac.core.workflow.transition``."""

from dataclasses import dataclass, field

from canhgiac.core.scoping import WRITE_ROLES


@dataclass(frozen=True)
class Step:
    """One allowed move. ``roles`` None means every role that may write records."""

    sources: tuple[str, ...]
    target: str
    roles: frozenset[str] | None = None
    reason_required: bool = True
    letter_required: bool = False

    def allows(self, user) -> bool:
        if getattr(user, "is_superuser", False):
            return True
        return getattr(user, "role", None) in (self.roles if self.roles is not None else WRITE_ROLES["records"])


def step(sources, target, **options) -> Step:
    return Step(tuple(sources) if isinstance(sources, (list, tuple, set)) else (sources,), target, **options)


@dataclass(frozen=True)
class Workflow:
    """The status workflow of one model.

    ``event_model`` ("app_label.Model") keeps the model's own event table, linked through ``event_field``;
    without one, status changes go to the generic ``core.Event``. ``notify_fields`` name the users told of
    each change (the actor excepted). ``noun`` is how messages name the record ("vụ việc"). Entering a ``final``
    status cancels the record's open deadlines, so no reminder is raised for a closed record.
    """

    steps: tuple[Step, ...]
    status_field: str = "status"
    noun: str = "bản ghi"
    event_model: str = ""
    event_field: str = ""
    notify_fields: tuple[str, ...] = ("assignee", "created_by")
    # Statuses that end the record's life: entering one stops watching its open deadlines.
    final: tuple[str, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def find(self, source: str, target: str) -> Step | None:
        if not self._index:
            for item in self.steps:
                for src in item.sources:
                    self._index[(src, item.target)] = item
        return self._index.get((source, target))

    def targets(self, source: str, user=None) -> list[str]:
        """Statuses reachable from ``source`` (by ``user``'s role, when given), in declaration order."""
        seen: list[str] = []
        for item in self.steps:
            if source in item.sources and item.target not in seen and (user is None or item.allows(user)):
                seen.append(item.target)
        return seen

    def as_rows(self, labels: dict) -> list[dict]:
        """The declaration as rows for the operator guide and the API: from, to, roles, needs."""
        return [
            {
                "from": [labels.get(s, s) for s in item.sources],
                "to": labels.get(item.target, item.target),
                "roles": sorted(item.roles) if item.roles is not None else "records",
                "reason_required": item.reason_required,
                "letter_required": item.letter_required,
            }
            for item in self.steps
        ]
