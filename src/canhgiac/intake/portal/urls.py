from django.urls import include, path

from canhgiac.intake.portal import feeds, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("phan-anh/", views.report, name="report"),
    path("phan-anh/da-gui/", views.sent, name="sent"),
    path("tra-cuu/", views.look_up, name="lookup"),
    path("theo-doi/", views.follow, name="followup"),
    path("canh-bao/", views.warnings, name="warnings"),
    path("canh-bao/<int:pk>/", views.warning, name="warning"),
    path("canh-bao/rss/", feeds.WarningsRss(), name="warnings_rss"),
    path("canh-bao/atom/", feeds.WarningsAtom(), name="warnings_atom"),
    path("bao-ve-du-lieu/", views.privacy, name="privacy"),
]

# The captcha's image and refresh URLs (django-simple-captcha names them without a namespace).
captcha_urls = [path("congdan/captcha/", include("captcha.urls"))]
