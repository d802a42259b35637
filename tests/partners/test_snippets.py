import pytest
from wagtail.models import Locale

from partners.models import City, Partner
from tests.factories import CityFactory, PartnerFactory
from tests.translation import translate_object


@pytest.mark.django_db
def test_partner_translated_with_wagtail_localize(locales):
    partner = PartnerFactory(name="City of Nice", short_name="Nice", country="FR")
    partner.save_revision().publish()
    french = translate_object(
        partner, locales["fr"], {"City of Nice": "Ville de Nice", "Nice": "Nice"}.get
    )
    assert french.locale == locales["fr"]
    assert french.name == "Ville de Nice"
    assert french.country == partner.country  # synchronised, not translated
    assert french.translation_key == partner.translation_key
    assert partner.get_translation(locales["fr"]) == french
    assert Partner.objects.filter(translation_key=partner.translation_key).count() == 2
    # The translation is live: visitors see it.
    assert french.live


@pytest.mark.django_db
def test_city_translation_and_localized(locales, settings):
    city = CityFactory(name="Liège", country="BE")
    city.save_revision().publish()
    translate_object(city, locales["it"], {"Liège": "Liegi"}.get)
    from django.utils import translation

    with translation.override("it"):
        assert city.localized.name == "Liegi"
    with translation.override("es"):
        assert city.localized.name == "Liège"  # no Spanish translation: the source
    assert City.objects.filter(locale=locales["it"]).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["partner", "city"])
def test_snippet_admin_lists_and_edits_with_drafts_and_locking(admin_client, model):
    obj = PartnerFactory() if model == "partner" else CityFactory()
    obj.save_revision().publish()
    listing = admin_client.get(f"/admin/snippets/partners/{model}/", {"q": obj.name})
    assert listing.status_code == 200
    assert obj.name in listing.content.decode()
    edit = admin_client.get(f"/admin/snippets/partners/{model}/edit/{obj.pk}/")
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "Save draft" in html
    assert "Lock" in html
    history = admin_client.get(f"/admin/snippets/partners/{model}/history/{obj.pk}/")
    assert history.status_code == 200


@pytest.mark.django_db
def test_snippet_preview_renders(admin_client):
    partner = PartnerFactory(name="Efus")
    partner.save_revision().publish()
    response = admin_client.get(f"/admin/snippets/partners/partner/preview/{partner.pk}/")
    assert response.status_code in (200, 405)
    assert Locale.objects.count() == 4
