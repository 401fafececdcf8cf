from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic import IndexView

from .models import Signature
from .spreadsheet import FormulaSafeCsvMixin


class SignatureIndexView(FormulaSafeCsvMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("petition")


class SignatureViewSet(ModelViewSet):
    """Editors list, search and export signatures. Nobody creates one here:
    signatures come only from the signing form, confirmed by email."""

    model = Signature
    icon = "pick"
    menu_label = _("Signatures")
    menu_order = 270
    add_to_admin_menu = True
    index_view_class = SignatureIndexView
    form_fields = ["first_name", "postcode_or_country", "updates_opt_in"]
    list_display = ["first_name", "email", "petition", "postcode_or_country",
                    BooleanColumn("is_confirmed", label=_("Confirmed")), "created_at"]
    list_filter = ["petition", "updates_opt_in"]
    search_fields = ["first_name", "email", "postcode_or_country"]
    search_backend_name = None
    list_export = ["petition", "first_name", "email", "postcode_or_country", "updates_opt_in",
                   "created_at", "confirmed_at"]
    export_filename = "petition-signatures"
    inspect_view_enabled = True
    copy_view_enabled = False
