"""Wagtail's image library keeps the original of every upload, and that original is public (it
is served at MEDIA_URL). A trainer's photo straight from a phone carries its GPS position and
camera details; a JPEG can carry an HTML comment or trailing bytes. The library's form base
(WAGTAILIMAGES_IMAGE_FORM_BASE) writes the picture again before it is stored: turned upright,
with nothing but the pixels."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from PIL import Image, ImageOps
from wagtail.images.forms import BaseImageForm

# Formats written again; a GIF (often animated) and anything else are stored as they come.
REWRITTEN = {"JPEG", "PNG", "WEBP"}
JPEG_QUALITY = 90


def image_without_metadata(upload) -> bytes | None:
    """The picture of ``upload`` with no EXIF, GPS, XMP, ICC profile, comment or trailing bytes,
    in its own format; None when it is left as it is (another format, an animation, a file
    Pillow cannot read to the end: Wagtail's own checks decide about those)."""
    upload.seek(0)
    try:
        with Image.open(upload) as opened:
            image_format = opened.format
            if image_format not in REWRITTEN or getattr(opened, "is_animated", False):
                return None
            image = ImageOps.exif_transpose(opened)
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            image.info = {}  # Pillow writes back a comment, an ICC profile... found here
            out = BytesIO()
            if image_format == "JPEG":
                image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            elif image_format == "PNG":
                image.save(out, "PNG")
            else:
                image.save(out, "WEBP", quality=JPEG_QUALITY)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    finally:
        upload.seek(0)
    return out.getvalue()


class CleanImageForm(BaseImageForm):
    """Wagtail's image form, storing a new upload without its metadata (see the module)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # editing the title or tags only: the stored file stays
        content = image_without_metadata(upload)
        if content is None:
            return upload
        clean = SimpleUploadedFile(upload.name, content, content_type=upload.content_type)
        clean.image = getattr(upload, "image", None)  # what Wagtail's field read, if anything
        return clean
