"""Pages of the workflow base: notifications (the bell's page), deadlines, the holiday calendar."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.http import require_POST

from canhgiac.core import deadlines as deadline_services
from canhgiac.core import notifications
from canhgiac.core.filtersets import DeadlineFilterSet
from canhgiac.core.forms_workflow import DeadlineForm, HolidayForm, PreferenceForm
from canhgiac.core.models import Deadline, Holiday, Notification
from canhgiac.core.services import ServiceError
from canhgiac.core.tables import DeadlineTable
from canhgiac.core.views.generic import ObjectListView, WriteRequiredMixin


class NotificationListView(LoginRequiredMixin, View):
    """The user's own notifications, newest first; unread ones stand out until opened or all marked read."""

    def get(self, request, form=None):
        rows = Notification.objects.filter(recipient=request.user)
        page = Paginator(rows, 50).get_page(request.GET.get("page"))
        chosen = [v for v in notifications.NOTIFICATION_KINDS if notifications.wants_email(request.user, v)]
        form = form or PreferenceForm(initial={"email_verbs": chosen})
        return render(request, "core/notifications.html", {"page": page, "form": form})

    def post(self, request):
        if "mark_all" in request.POST:
            count = notifications.mark_all_read(actor=request.user)
            messages.success(request, f"Đã đánh dấu {count} thông báo là đã đọc.")
            return redirect("core:notification_list")
        form = PreferenceForm(request.POST)
        if not form.is_valid():
            return self.get(request, form=form)
        notifications.set_preferences(actor=request.user, email_verbs=form.cleaned_data["email_verbs"])
        messages.success(request, "Đã lưu tuỳ chọn nhận thông báo.")
        return redirect("core:notification_list")


@login_required
def notification_open(request, pk):
    """Mark one of my notifications read and go to the record it is about."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notifications.mark_read(notification, actor=request.user)
    if notification.url and url_has_allowed_host_and_scheme(notification.url, {request.get_host()}):
        return redirect(notification.url)
    return redirect("core:notification_list")


class DeadlineListView(ObjectListView):
    model = Deadline
    queryset = Deadline.objects.select_related("responsible", "content_type")
    table_class = DeadlineTable
    filterset_class = DeadlineFilterSet
    title = "Thời hạn"


class DeadlineAddView(WriteRequiredMixin, View):
    """Set a deadline on any record (``type`` = content type id, ``id`` = the record's id)."""

    def post(self, request, type_id, object_id):
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or not hasattr(model.objects, "visible_to"):
            raise Http404
        obj = get_object_or_404(model.objects.visible_to(request.user), pk=object_id)
        form = DeadlineForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                deadline = deadline_services.attach_deadline(
                    obj,
                    data["rule"],
                    actor=request.user,
                    start=data["start"],
                    due_date=data["due_date"],
                    label=data["label"],
                )
                messages.success(request, f"Đã đặt thời hạn: {deadline}.")
            except ServiceError as exc:
                messages.error(request, str(exc))
        else:
            messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
        return redirect(obj.get_absolute_url())


@require_POST
@login_required
def deadline_close(request, pk):
    deadline = get_object_or_404(Deadline.objects.visible_to(request.user), pk=pk)
    try:
        deadline_services.close_deadline(
            deadline,
            actor=request.user,
            status=request.POST.get("status", "met"),
            reason=request.POST.get("reason", ""),
        )
        messages.success(request, "Đã cập nhật thời hạn.")
    except ServiceError as exc:
        messages.error(request, str(exc))
    target = deadline.target
    return redirect(target.get_absolute_url() if hasattr(target, "get_absolute_url") else "core:deadline_list")


class HolidayListView(LoginRequiredMixin, View):
    def get(self, request):
        years = sorted({d.year for d in Holiday.objects.dates("date", "year")}, reverse=True)
        year = int(request.GET.get("year") or (years[0] if years else 0)) if years else None
        rows = Holiday.objects.filter(date__year=year) if year else Holiday.objects.none()
        return render(request, "core/holidays.html", {"rows": rows, "years": years, "year": year})


class HolidayEditView(WriteRequiredMixin, View):
    """Administrators add or move a day off or a make-up working day (decided by the Government or the province)."""

    write_area = "admin"

    def get(self, request, pk=None):
        holiday = get_object_or_404(Holiday, pk=pk) if pk else None
        return render(request, "core/object_edit.html", {"form": HolidayForm(instance=holiday), "object": holiday})

    def post(self, request, pk=None):
        holiday = get_object_or_404(Holiday, pk=pk) if pk else None
        form = HolidayForm(request.POST, instance=holiday)
        if form.is_valid():
            saved = deadline_services.save_holiday(form.save(commit=False), actor=request.user)
            messages.success(request, f"Đã lưu: {saved}.")
            return redirect(reverse("core:holiday_list") + f"?year={saved.date.year}")
        return render(request, "core/object_edit.html", {"form": form, "object": holiday})
