"""One rule for every name the platform keeps (issue 22, case 14)."""

import pytest
from django.core.exceptions import ValidationError

from learning.core.names import name_normalise


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Ana \t  Pérez\n", "Ana Pérez"),
        ("A\u0301na", "\u00c1na"),  # NFC: one code point for Á
        ("\u202eAna\u202c", "Ana"),  # bidi override, a spoofing trick
        ("Ana\u200b Pérez\u00ad", "Ana Pérez"),
        ("Ana\x00\x07", "Ana"),
        (
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        ),
        ("\u200cAna", "Ana"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_names_are_normalised(typed, kept):
    assert name_normalise(typed) == kept


@pytest.mark.parametrize(
    "typed", ["\u200b\u200b", "\u200d", "\u2060\u00ad", "\u3164", " \u200b \x00 "]
)
def test_a_name_with_nothing_visible_is_refused(typed):
    with pytest.raises(ValidationError) as excinfo:
        name_normalise(typed)

    assert excinfo.value.code == "name_invisible"


def test_the_refusal_can_name_its_field():
    with pytest.raises(ValidationError) as excinfo:
        name_normalise("\u200b", field="first_name")

    assert [e.code for e in excinfo.value.error_dict["first_name"]] == [
        "name_invisible"
    ]
