"""The home page: a welcome editable in the Wagtail admin, then the platform's journeys."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from lms.cooperatives.selectors import platform_reach
from lms.pages import CachedViewRestrictionsMixin


class HomePage(CachedViewRestrictionsMixin, Page):
    headline = models.CharField(_("headline"), max_length=120, blank=True)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("headline"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reach"] = platform_reach()
        return context
