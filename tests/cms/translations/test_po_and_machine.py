import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation

from cms.translations.machine import OfflineMachineTranslator


def test_a_translator_downloads_edits_and_uploads_a_po_file(
    client, bilingual, translator, locales
):
    translation = bilingual.translations["page"]
    client.force_login(translator)

    download = client.get(
        reverse("wagtail_localize:download_pofile", args=[translation.pk])
    )
    po = polib.pofile(download.content.decode())
    entry = next(e for e in po if e.msgid == "Who we are.")
    assert entry.msgstr == "Quiénes somos."
    entry.msgstr = "Quiénes somos, de verdad."
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("page.po", str(po).encode())},
    )

    assert upload.status_code == 302
    assert StringTranslation.objects.filter(
        locale=locales["es"], data="Quiénes somos, de verdad."
    ).exists()


def test_the_po_file_of_an_english_target_is_refused_to_the_translator(
    client, bilingual, editor, translator, locales
):
    translation = bilingual.translations["snippet"]
    translation.target_locale = locales["en"]
    translation.save()
    client.force_login(translator)

    response = client.get(
        reverse("wagtail_localize:download_pofile", args=[translation.pk])
    )

    assert response.status_code == 403


def test_without_a_deepl_key_the_offline_translator_is_used_and_labelled(locales):
    translator = get_machine_translator()

    assert isinstance(translator, OfflineMachineTranslator)
    assert "not a real translation" in str(translator.display_name)


def test_the_offline_translator_marks_text_and_keeps_markup(
    client, bilingual, translator, locales
):
    from wagtail_localize.strings import StringValue

    machine = OfflineMachineTranslator({})
    value = StringValue("<b>Hello</b> world")

    result = machine.translate(locales["en"], locales["es"], [value])

    assert result[value].data == "<b>[ES·MT] Hello</b> world"


def test_machine_translate_fills_untranslated_strings_for_the_translator(
    client, bilingual, translator, locales
):
    translation = bilingual.translations["page"]
    StringTranslation.objects.filter(locale=locales["es"]).delete()
    client.force_login(translator)

    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))

    assert StringTranslation.objects.filter(
        locale=locales["es"], data="[ES·MT] Who we are.", translation_type="machine"
    ).exists()
