from django import template

from canhgiac.webwatch import labels

register = template.Library()
register.filter("check_label", labels.check_label)
register.filter("identity_label", labels.identity_label)
register.filter("identities_text", labels.identities_text)
