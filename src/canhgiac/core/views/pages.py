from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from canhgiac.core import registry


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        user = self.request.user
        if any(d.confirmed for d in devices_for_user(user)):
            return reverse("core:otp_verify") + f"?next={super().get_success_url()}"
        if user.requires_otp:
            return reverse("core:otp_setup")
        return super().get_success_url()


@login_required
def dashboard(request):
    """The panels the apps registered (``dashboard_panels`` in each AppConfig), in their order."""
    return render(request, "core/dashboard.html", {"panels": registry.dashboard_panels(request)})


class TokenForm(forms.Form):
    token = forms.CharField(label="Mã xác thực (6 chữ số)", max_length=8)


def _safe_next(request, default):
    target = request.GET.get("next") or request.POST.get("next") or default
    return target if url_has_allowed_host_and_scheme(target, {request.get_host()}) else default


def _base32(key: bytes) -> str:
    """The secret as authenticator apps take it when typed in (RFC 4648 base32, no padding)."""
    return b32encode(key).decode().rstrip("=")


@login_required
def otp_setup(request):
    """Enrol a TOTP device: show its QR code (rendered locally as SVG), confirm with a first code.

    Without a verified session only users with no confirmed device may enrol: otherwise a stolen password
    would be enough to add the thief's own device and pass two-factor authentication.
    """
    import qrcode
    import qrcode.image.svg

    if not request.user.is_verified() and any(devices_for_user(request.user, confirmed=True)):
        messages.error(
            request,
            "Tài khoản đã có thiết bị xác thực: hãy nhập mã từ thiết bị đó trước khi thêm thiết bị mới.",
        )
        return redirect(reverse("core:otp_verify") + "?" + urlencode({"next": reverse("core:otp_setup")}))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="Ứng dụng xác thực", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Đã bật xác thực hai lớp.")
            return redirect("core:dashboard")
        form.add_error("token", "Mã không đúng hoặc đã hết hạn; hãy nhập mã đang hiển thị trong ứng dụng.")
    svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")
    return render(request, "core/otp_setup.html", {"form": form, "qr_svg": svg, "secret": _base32(device.bin_key)})


@login_required
def otp_verify(request):
    form = TokenForm(request.POST or None)
    devices = [d for d in devices_for_user(request.user) if d.confirmed]
    if not devices:
        return redirect("core:otp_setup")
    if request.method == "POST" and form.is_valid():
        for device in devices:
            if device.verify_token(form.cleaned_data["token"].strip()):
                otp_login(request, device)
                return redirect(_safe_next(request, reverse("core:dashboard")))
        form.add_error("token", "Mã không đúng hoặc đã hết hạn.")
    return render(request, "core/otp_verify.html", {"form": form, "next": _safe_next(request, "")})
