from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

EXEMPT_PREFIXES = ("/static/", "/login/", "/logout/", "/account/otp/", "/api/schema/")


class RequireOTPForAdministratorsMiddleware:
    """Administrators must pass TOTP before anything else; others may opt in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "requires_otp", False)
            and not user.is_verified()
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "Quản trị viên cần xác thực hai lớp (TOTP) trước khi dùng API."}, status=403
                )
            return redirect(reverse("core:otp_verify") + f"?next={request.path}")
        return self.get_response(request)
