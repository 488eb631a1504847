from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from canhgiac.intake.models import ScamWarning


class WarningsRss(Feed):
    title = "Cảnh báo lừa đảo"
    description = "Cảnh báo của cơ quan về các thủ đoạn, số điện thoại, trang web lừa đảo."

    def link(self):
        return reverse("portal:warnings")

    def items(self):
        return ScamWarning.objects.published().order_by("-published_at")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return reverse("portal:warning", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_updated


class WarningsAtom(WarningsRss):
    feed_type = Atom1Feed
    subtitle = WarningsRss.description
