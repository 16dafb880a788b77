"""The cooperatives in the Wagtail admin: site admins see everything, union officers only the
cooperatives, unions and memberships of the provinces or unions in their scope. Officers approve
or decline requests to join; they never give anyone (themselves included) a role or a place in a
cooperative. Reference data (provinces' communes, unions, officer scopes) is the site admins'."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lms.cooperatives.models import (
    Commune,
    Cooperative,
    CooperativeUnion,
    Membership,
    OfficerScope,
    registration_code_key,
)
from lms.cooperatives.selectors import cooperatives_overseen_by, provinces_overseen_by


class ScopedObjectMixin:
    """Object views answer 404 for an object outside the user's scope."""

    def get_object(self, *args, **kwargs):
        # Wagtail's object views differ: edit, delete and inspect pass a queryset, usage and
        # history nothing. A fixed signature here is a 500 on one or the other
        # (tests/test_admin_usage_history.py).
        obj = super().get_object(*args, **kwargs)
        viewset = self.model.snippet_viewset
        if not viewset.scoped_queryset(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


def _scoped(view_class):
    return type(f"Scoped{view_class.__name__}", (ScopedObjectMixin, view_class), {})


class ScopedObjectsMixin:
    """A chooser lists and returns only the objects of the user's scope (nothing for trainers)."""

    def scoped(self):
        return self.model_class.snippet_viewset.scoped_queryset(self.request.user)

    def get_object_list(self):
        return self.scoped()

    def get_object(self, pk):
        return self.scoped().get(pk=pk)

    def get_objects(self, pks):
        return self.scoped().filter(pk__in=pks)


def _scoped_chooser(view_class):
    return type(f"Scoped{view_class.__name__}", (ScopedObjectsMixin, view_class), {})


class ScopedChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = _scoped_chooser(chooser_views.ChooseView)
    choose_results_view_class = _scoped_chooser(chooser_views.ChooseResultsView)
    chosen_view_class = _scoped_chooser(chooser_views.SnippetChosenView)
    chosen_multiple_view_class = _scoped_chooser(chooser_views.SnippetChosenMultipleView)


class ScopedSnippetViewSet(SnippetViewSet):
    copy_view_enabled = False
    chooser_viewset_class = ScopedChooserViewSet
    edit_view_class = _scoped(snippet_views.EditView)
    delete_view_class = _scoped(snippet_views.DeleteView)
    inspect_view_class = _scoped(snippet_views.InspectView)
    history_view_class = _scoped(snippet_views.HistoryView)
    usage_view_class = _scoped(snippet_views.UsageView)

    def scoped_queryset(self, user):
        raise NotImplementedError

    def get_queryset(self, request):
        return self.scoped_queryset(request.user)


class CooperativeAdminForm(WagtailAdminModelForm):
    """Officers may only place a cooperative in a province of their scope."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.is_superuser:
            provinces = provinces_overseen_by(for_user)
            self.fields["province"].queryset = provinces
            self.fields["commune"].queryset = Commune.objects.filter(province__in=provinces)
            self.fields["union"].queryset = CooperativeUnion.objects.filter(
                province__in=provinces
            )

    def clean_registration_code(self):
        # The spelling the model stores, so the uniqueness check sees "2401 000 123" as taken.
        return registration_code_key(self.cleaned_data["registration_code"])


class MembershipAdminForm(WagtailAdminModelForm):
    """Officers only decide a pending request of someone else: approve or decline it. Who, in
    which cooperative and with which role stay as asked (disabled fields keep their saved value
    whatever is posted)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or for_user.is_superuser:
            return
        self.fields["cooperative"].queryset = cooperatives_overseen_by(for_user)
        # A disabled select still lists its choices: only the person the membership is about.
        self.fields["user"].queryset = self.fields["user"].queryset.filter(
            pk=self.instance.user_id)
        for name in ("user", "cooperative", "role"):
            self.fields[name].disabled = True
        # A decided membership stays decided, and nobody decides their own request.
        if self.instance.status != Membership.Status.PENDING or \
                self.instance.user_id == for_user.pk:
            self.fields["status"].disabled = True


class CooperativeViewSet(ScopedSnippetViewSet):
    model = Cooperative
    icon = "group"
    menu_label = _("Cooperatives")
    list_display = ["name", "registration_code", "province", "sector", "member_count"]
    list_filter = ["province", "sector"]
    search_fields = ["name", "registration_code"]
    ordering = ["name_collation", "name"]  # Vietnamese alphabetical order across pages
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("registration_code"), FieldPanel("sector")]),
            MultiFieldPanel(
                [FieldPanel("province"), FieldPanel("commune"), FieldPanel("union")],
                heading=_("Location and union"),
            ),
            FieldRowPanel([FieldPanel("member_count"), FieldPanel("founded")]),
        ],
        base_form_class=CooperativeAdminForm,
    )

    def scoped_queryset(self, user):
        return cooperatives_overseen_by(user).select_related("province")


class MembershipViewSet(ScopedSnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "cooperative", "role", "status", "requested_at"]
    list_filter = ["role", "status"]
    search_fields = ["user__full_name", "user__email", "cooperative__name"]
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("cooperative"),
            FieldRowPanel([FieldPanel("role"), FieldPanel("status")]),
        ],
        base_form_class=MembershipAdminForm,
    )

    def scoped_queryset(self, user):
        return Membership.objects.filter(
            cooperative__in=cooperatives_overseen_by(user)
        ).select_related("user", "cooperative")


class CooperativeUnionViewSet(SnippetViewSet):
    model = CooperativeUnion
    icon = "site"
    menu_label = _("Cooperative unions")
    list_display = ["name", "province", "email", "phone"]
    list_filter = ["province"]
    search_fields = ["name"]


class CommuneViewSet(SnippetViewSet):
    model = Commune
    icon = "pick"
    menu_label = _("Communes")
    list_display = ["name", "kind", "province"]
    list_filter = ["province", "kind"]
    search_fields = ["name"]


class OfficerScopeViewSet(ScopedSnippetViewSet):
    model = OfficerScope
    icon = "lock"
    menu_label = _("Officer scopes")
    list_display = ["officer", "province", "union"]
    list_filter = ["province"]

    def scoped_queryset(self, user):
        # Site admins only: Wagtail's chooser would otherwise list every officer's provinces
        # to anyone who may enter the admin.
        if user.is_superuser:
            return OfficerScope.objects.select_related("officer", "province", "union")
        return OfficerScope.objects.none()


class CooperativesGroup(SnippetViewSetGroup):
    menu_label = _("Cooperatives")
    menu_icon = "group"
    menu_order = 200
    items = (
        CooperativeViewSet,
        MembershipViewSet,
        CooperativeUnionViewSet,
        CommuneViewSet,
        OfficerScopeViewSet,
    )


register_snippet(CooperativesGroup)
