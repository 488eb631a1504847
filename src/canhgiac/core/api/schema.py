"""The API schema's words in Vietnamese: descriptions of every operation, not the developers' docstrings.

An operation reads, in order: the view's ``api_descriptions[action]`` when it declares one, else a sentence built
from the model's Vietnamese name and the action (list, retrieve, create, update, history), else a generic one.
"""

from drf_spectacular.openapi import AutoSchema

ACTIONS = {
    "list": "Danh sách {plural} người dùng được xem; tìm bằng ?search=, lọc theo các trường, phân trang.",
    "retrieve": "Một {name} theo mã số.",
    "create": "Tạo {name}; chỉ các vai trò được phép, ghi nhật ký thay đổi.",
    "update": "Sửa {name}; chỉ các vai trò được phép, ghi nhật ký thay đổi.",
    "partial_update": "Sửa một số trường của {name}; chỉ các vai trò được phép, ghi nhật ký thay đổi.",
    "destroy": "Không xoá được: hồ sơ chỉ được đóng hoặc thu hồi.",
    "history": "Lịch sử thay đổi của {name}: ai, lúc nào, trước và sau.",
}
HTTP = {"get": "Đọc", "post": "Gửi", "put": "Ghi", "patch": "Sửa", "delete": "Xoá"}


class VietnameseAutoSchema(AutoSchema):
    def get_description(self) -> str:
        view = self.view
        action = getattr(view, "action", None)
        declared = getattr(view, "api_descriptions", {}).get(action)
        if declared:
            return declared
        queryset = getattr(view, "queryset", None)
        model = getattr(queryset, "model", None)
        if model is not None:
            name, plural = str(model._meta.verbose_name), str(model._meta.verbose_name_plural)
            if action in ACTIONS:
                return ACTIONS[action].format(name=name, plural=plural)
            return f"Thao tác trên {name} (xem tên đường dẫn); chỉ các vai trò được phép, ghi nhật ký thay đổi."
        return f"{HTTP.get(self.method.lower(), 'Gọi')} {self.path}."


def vietnamese_security_schemes(result, generator, request, public):
    """Spectacular's post-processing hook: the authentication schemes described in Vietnamese."""
    schemes = result.get("components", {}).get("securitySchemes", {})
    words = {
        "tokenAuth": "Mã truy cập (token) do người dùng tạo ở trang tài khoản; gửi trong tiêu đề "
        "“Authorization: Token <mã>”.",
        "cookieAuth": "Phiên đăng nhập của trình duyệt (cookie).",
        "basicAuth": "Tên đăng nhập và mật khẩu.",
    }
    # A serializer's docstring is a note to developers, not the component's description.
    for component in result.get("components", {}).get("schemas", {}).values():
        if "properties" in component:
            component.pop("description", None)
    for key, scheme in schemes.items():
        if key in words:
            scheme["description"] = words[key]
    return result
