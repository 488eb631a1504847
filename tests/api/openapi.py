"""The OpenAPI contract as a test reads it: hypothesis strategies that draw requests from the schema the app serves,
and the checks every answer must pass (schemathesis's stateless checks: no server error, a documented status, a
documented content type, a body that matches the documented schema).

schemathesis itself is not in the project's environment; these few functions do what its stateless run does with
hypothesis and jsonschema, which are.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st
from jsonschema import Draft202012Validator

METHODS = ("get", "post", "put", "patch", "delete")
# Integers as the schema allows them, unbounded: small ones (ids that exist), and huge ones (past 2^63).
ANY_INT = st.one_of(st.integers(min_value=-2, max_value=200), st.integers())
TEXT_CHARS = st.characters(codec="utf-8", exclude_categories=["Cs"])
TEXT = st.text(TEXT_CHARS, max_size=40)


@dataclass
class Operation:
    method: str
    path: str
    spec: dict
    parameters: list[dict] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def list_path(self) -> str | None:
        """The list whose rows give this operation's ``{id}``: ``/api/cases/`` for ``/api/cases/{id}/transition/``."""
        return self.path.split("{id}")[0] if "{id}" in self.path else None


class Contract:
    """An OpenAPI 3.0 document: its operations, a strategy per request part, and a validator per answer."""

    def __init__(self, document: dict):
        self.document = document
        self.components = document.get("components", {}).get("schemas", {})
        json_components = {name: to_json_schema(schema) for name, schema in self.components.items()}
        self._root = {"components": {"schemas": json_components}}

    def operations(self) -> list[Operation]:
        found = []
        for path, item in self.document["paths"].items():
            shared = item.get("parameters", [])
            for method in METHODS:
                if method in item:
                    spec = item[method]
                    found.append(Operation(method, path, spec, [*shared, *spec.get("parameters", [])]))
        return found

    def resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            schema = self.components[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    # -- drawing requests --------------------------------------------------------------------------------------

    def strategy(self, schema: dict, *, depth: int = 0) -> st.SearchStrategy:
        """Values valid for ``schema`` (OpenAPI 3.0), without the bounds the schema leaves out."""
        schema = self.resolve(schema)
        base = self._base_strategy(schema, depth)
        return st.one_of(st.none(), base) if schema.get("nullable") else base

    def _base_strategy(self, schema: dict, depth: int) -> st.SearchStrategy:
        if "enum" in schema:
            return st.sampled_from([value for value in schema["enum"] if value is not None] or [None])
        for key in ("allOf", "oneOf", "anyOf"):
            if key in schema:
                options = [self.strategy(sub, depth=depth) for sub in schema[key]]
                return options[0] if key == "allOf" else st.one_of(options)
        kind = schema.get("type", "string")
        if kind == "integer":
            low, high = schema.get("minimum"), schema.get("maximum")
            if low is None and high is None:
                return ANY_INT
            return st.integers(min_value=low, max_value=high)
        if kind == "number":
            return st.floats(
                min_value=schema.get("minimum"),
                max_value=schema.get("maximum"),
                exclude_min=bool(schema.get("exclusiveMinimum")) and "minimum" in schema,
                exclude_max=bool(schema.get("exclusiveMaximum")) and "maximum" in schema,
                allow_nan=False,
                allow_infinity=False,
            )
        if kind == "boolean":
            return st.booleans()
        if kind == "array":
            return st.lists(self.strategy(schema.get("items", {}), depth=depth + 1), max_size=3)
        if kind == "object":
            if depth > 3:
                return st.just({})
            properties = {
                name: self.strategy(sub, depth=depth + 1)
                for name, sub in schema.get("properties", {}).items()
                if not self.resolve(sub).get("readOnly")
            }
            required = [name for name in schema.get("required", []) if name in properties]
            optional = {name: value for name, value in properties.items() if name not in required}
            if not properties and schema.get("additionalProperties"):
                return st.dictionaries(st.text(string.ascii_lowercase, min_size=1, max_size=8), TEXT, max_size=3)
            return st.fixed_dictionaries({name: properties[name] for name in required}, optional=optional)
        return self._string(schema)

    def _string(self, schema: dict) -> st.SearchStrategy:
        fmt = schema.get("format")
        if fmt == "date":
            return st.dates().map(lambda value: value.isoformat())
        if fmt == "date-time":
            return st.datetimes().map(lambda value: value.isoformat() + "Z")
        if fmt == "email":
            return st.emails()
        if fmt == "uri":
            return st.from_regex(r"https?://[a-z0-9]{1,12}\.(vn|com)(/[a-z0-9]{0,8})?", fullmatch=True)
        if fmt == "binary":
            return st.binary(max_size=200)
        if fmt == "uuid":
            return st.uuids().map(str)
        if fmt == "ipv4":
            return st.ip_addresses(v=4).map(str)
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        text = st.text(TEXT_CHARS, min_size=low, max_size=max(low, min(high or 40, 40)))
        pattern = schema.get("pattern")
        if pattern:
            return st.from_regex(pattern, fullmatch=True).filter(lambda value: high is None or len(value) <= high)
        return text

    def request(self, operation: Operation, ids: list[int], *, negative: bool = False) -> st.SearchStrategy:
        """A request for ``operation``: its path with ``{id}`` filled in, its query and its body. ``negative``: also
        values of the wrong type (text for a number or a date, a list for a word) in the query and the body's fields,
        which must be refused with a 400, never a server error."""
        path_values = {}
        query = {}
        for parameter in operation.parameters:
            schema = parameter.get("schema", {"type": "string"})
            if parameter["in"] == "path":
                strategy = st.one_of(st.sampled_from(ids), self.strategy(schema)) if ids else self.strategy(schema)
                path_values[parameter["name"]] = strategy
            elif parameter["in"] == "query":
                value = self.strategy(schema)
                query[parameter["name"]] = st.one_of(value, TEXT) if negative else value
        body = st.none()
        content_type = None
        request_body = operation.spec.get("requestBody")
        if request_body:
            content = request_body["content"]
            content_type = "application/json" if "application/json" in content else next(iter(content))
            body_schema = content[content_type]["schema"]
            body = self.strategy(body_schema)
            if negative:
                names = sorted(self.resolve(body_schema).get("properties", {})) or ["id"]
                wrong = st.one_of(TEXT, ANY_INT, st.none(), st.booleans(), st.lists(ANY_INT, max_size=2), st.just({}))
                body = st.one_of(body, st.dictionaries(st.sampled_from(names), wrong, max_size=len(names)))
            if not request_body.get("required"):
                body = st.one_of(st.none(), body)
        return st.fixed_dictionaries(
            {
                "path": st.fixed_dictionaries(path_values),
                "query": st.fixed_dictionaries({}, optional=query),
                "body": body,
                "content_type": st.just(content_type),
            }
        )

    # -- checking answers --------------------------------------------------------------------------------------

    def check(self, operation: Operation, response) -> None:
        """The stateless checks on one answer; an AssertionError names what broke."""
        status = response.status_code
        assert status < 500, f"lỗi máy chủ {status}"
        responses = operation.spec.get("responses", {})
        documented = responses.get(str(status)) or responses.get("default")
        assert documented is not None, f"mã trạng thái {status} không có trong lược đồ (có: {sorted(responses)})"
        content = documented.get("content")
        if not content or status == 204:
            return
        media = response.get("Content-Type", "").split(";")[0].strip()
        assert any(_media_matches(media, allowed) for allowed in content), (
            f"kiểu nội dung {media!r} không có trong lược đồ cho {status} (có: {sorted(content)})"
        )
        if media != "application/json" or "application/json" not in content:
            return
        schema = content["application/json"].get("schema")
        if not schema:
            return
        body = json.loads(response.content)
        validator = Draft202012Validator(
            {**to_json_schema(schema), **self._root}, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        errors = sorted(validator.iter_errors(body), key=lambda error: list(error.absolute_path))
        assert not errors, "câu trả lời không khớp lược đồ: " + "; ".join(
            f"{'/'.join(map(str, error.absolute_path)) or '(gốc)'}: {error.message[:200]}" for error in errors[:5]
        )


def _media_matches(media: str, allowed: str) -> bool:
    if allowed in ("*/*", media):
        return True
    return allowed.endswith("/*") and media.startswith(allowed[:-1])


def to_json_schema(node: Any) -> Any:
    """OpenAPI 3.0's schema dialect as JSON Schema: ``nullable: true`` becomes "or null", exclusive bounds numbers."""
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {
        key: (to_json_schema(value) if key != "properties" else _properties(value)) for key, value in node.items()
    }
    for bound, exclusive in (("maximum", "exclusiveMaximum"), ("minimum", "exclusiveMinimum")):
        if converted.get(exclusive) is True:  # 3.0's flag beside the bound; a number of its own in JSON Schema
            converted[exclusive] = converted.pop(bound)
        elif converted.get(exclusive) is False:
            del converted[exclusive]
    if converted.pop("nullable", False) is True:
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def _properties(properties: dict) -> dict:
    return {name: to_json_schema(schema) for name, schema in properties.items()}


def fill_path(template: str, values: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda match: str(values[match.group(1)]), template)
