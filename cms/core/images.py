"""Image uploads that a hostile file cannot turn into a crash or a memory spike.

Wagtail counts an upload's pixels only once Willow has decoded the whole image,
and Pillow merely warns below twice its own limit: a 150 megapixel PNG of a few
hundred kilobytes would be inflated to 450 MB before being refused. Here the
pixels are counted from the header first, and a bomb is refused undecoded with
Wagtail's own message. An image whose data ends early makes the decode raise
OSError, a server error in Wagtail's form; here it is refused as not an image.
"""

import warnings
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def header_pixels(f: Any) -> int | None:
    """The pixel count the image's header declares (read without decoding)."""
    f.seek(0)
    try:
        with warnings.catch_warnings():
            # The count is judged here, against Wagtail's limit, not Pillow's.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(f) as image:
                width, height = image.size
    except PILImage.DecompressionBombError:
        return None  # past twice Pillow's limit: too many, whatever the count
    finally:
        f.seek(0)
    return width * height


class DecodableImageField(WagtailImageField):
    """Wagtail's image field, that refuses bombs from their header and an image
    that cannot be decoded with a form error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Wagtail's words, which its Spanish catalogue lacks; ours has them.
        self.error_messages["invalid_image_known_format"] = _(
            "Not a valid .%(extension)s image. The extension does not match the "
            "file format (%(image_format)s)"
        )

    def check_image_pixel_size(self, f: Any) -> None:
        try:
            self._header_check(f)
            super().check_image_pixel_size(f)
        except OSError as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def _header_check(self, f: Any) -> None:
        if not self.max_image_pixels:
            return
        pixels = header_pixels(f)
        if pixels is None or pixels > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": pixels or _("unknown number"),
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            )


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with that field."""

    file = DecodableImageField(label=_("File"))
