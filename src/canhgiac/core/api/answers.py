"""The error answers in the OpenAPI schema: every operation documents the refusals it can give, with their bodies.

drf-spectacular documents only the successful answer; a client (and the contract test, ``tests/api``) must also know
that a bad request answers 400 with the fields' messages, a refusal 403 and a missing or invisible record 404, each
with ``detail``. Added once here, as a post-processing hook, rather than on each of the 200 operations.
"""

from typing import Any

ERROR = {
    "type": "object",
    "description": "Lỗi: thông điệp tiếng Việt cho người dùng.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
REFUSAL = {
    "type": "object",
    "description": "Từ chối: ``detail``, hoặc trường tham chiếu tới bản ghi người dùng không được dùng kèm thông điệp.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
VALIDATION_ERROR = {
    "type": "object",
    "description": "Dữ liệu không hợp lệ: mỗi trường (hoặc ``detail``) kèm các thông điệp lỗi.",
    "additionalProperties": True,
}
ANSWERS = {
    "400": ("Yêu cầu không hợp lệ", "ValidationError"),
    "403": ("Chưa đăng nhập hoặc không có quyền", "Refusal"),
    "404": ("Không tìm thấy (không tồn tại hoặc không có quyền xem)", "Error"),
    "415": ("Kiểu nội dung gửi lên không được nhận ở thao tác này", "Error"),
    "429": ("Quá nhiều yêu cầu: thử lại sau", "Error"),
}


def _answer(status: str) -> dict[str, Any]:
    description, component = ANSWERS[status]
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }


def document_errors(result, generator, request, public):
    """drf-spectacular post-processing hook: add the 400/403/404 (and the public forms' 429) answers, and say that
    personal fields may be missing from an answer."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("Refusal", REFUSAL)
    schemas.setdefault("ValidationError", VALIDATION_ERROR)
    _personal_fields_optional(schemas)
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation.setdefault("responses", {})
            security = operation.get("security")
            anonymous = not security or {} in security
            wanted = ["400", "403", "404"] + (["415"] if "requestBody" in operation else [])
            wanted += ["429"] if anonymous else []
            for status in wanted:
                responses.setdefault(status, _answer(status))
    return result


def _personal_fields_optional(schemas: dict) -> None:
    """A record's personal fields (``personal_fields``: a citizen's name, a reporter's phone) are left out of the
    answers given to roles that may not read them, and of lists: an answer's schema does not require them."""
    from canhgiac.core.personal import holders

    personal = {name for model in holders() for name in model.personal_fields}
    for name, schema in schemas.items():
        if name.endswith("Request") or "required" not in schema:
            continue
        schema["required"] = [field for field in schema["required"] if field not in personal]
        if not schema["required"]:
            del schema["required"]
