"""The user's own account pages: API tokens (create — the key shown once —, see, revoke)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from canhgiac.core import security


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    user = request.user
    new_key = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            new_key = security.create_token(actor=user).key
        elif action == "revoke":
            if security.revoke_token(actor=user):
                messages.success(request, "Đã thu hồi mã API: các chương trình dùng mã này không truy cập được nữa.")
            else:
                messages.info(request, "Bạn chưa có mã API nào để thu hồi.")
            return redirect("core:account_tokens")
        else:
            messages.error(request, "Thao tác không hợp lệ.")
            return redirect("core:account_tokens")
    token = Token.objects.filter(user=user).first()
    context = {
        "token": token,
        "token_label": security.token_label(token.key) if token else "",
        "new_key": new_key,
        "otp_missing": user.requires_otp and not security.has_confirmed_device(user),
        "events": security.SecurityEvent.objects.filter(subject=user.username)[:20],
    }
    return render(request, "core/account_tokens.html", context)
