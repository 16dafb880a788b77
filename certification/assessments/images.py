"""Evidence photos from managers' phones, made safe to keep: checked, upright, without metadata."""

import struct
import threading
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import cache
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.formats import number_format
from django.utils.translation import gettext
from PIL import Image, ImageCms, ImageFile, ImageOps
from pillow_heif import register_heif_opener

DEFAULT_MAX_UPLOAD_BYTES = 15 * 1024 * 1024
DEFAULT_MAX_PIXELS = 50_000_000
DEFAULT_MAX_SIDE = 1600
DEFAULT_JPEG_QUALITY = 82
# Thumbnails are shown 88 CSS pixels square (object-fit: cover): this long side keeps them sharp
# on a 2x phone screen at a few kilobytes each.
THUMBNAIL_MAX_SIDE = 240
THUMBNAIL_JPEG_QUALITY = 75

# MPO is how some phones' cameras write a JPEG (the photo plus a preview or depth frame); Pillow
# opens it through its JPEG plugin, so it is not among the decoders asked for by name.
# HEIF is what iPhones shoot (.heic); Pillow reads it through pillow-heif's plugin, registered
# below, and it is stored as a JPEG like every other photo.
ACCEPTED_FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "HEIF")
_DECODERS = ("JPEG", "PNG", "WEBP", "HEIF")
JPEG_FAMILY = ("JPEG", "MPO")

MEGABYTE = 1024 * 1024
KILOBYTE = 1024
MEGAPIXEL = 1_000_000

# What Pillow raises on data it cannot decode. Pillow's own fuzzing treats OSError as the normal
# failure; the others still escape some plugins on malformed input.
_UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, struct.error)


# Only the main picture: the HEIF's own thumbnails, depth maps and auxiliary images are never
# decoded.
register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)


@dataclass(frozen=True)
class ProcessedPhoto:
    content: ContentFile
    width: int
    height: int
    size: int


def process_evidence_photo(upload) -> ProcessedPhoto:
    """The upload as a JPEG of at most EVIDENCE_MAX_SIDE pixels a side, upright, in sRGB and
    without EXIF, GPS, XMP, ICC or comments; a ValidationError for the person otherwise."""
    max_bytes = getattr(settings, "EVIDENCE_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)
    max_pixels = getattr(settings, "EVIDENCE_MAX_PIXELS", DEFAULT_MAX_PIXELS)
    max_side = evidence_max_side()
    quality = evidence_jpeg_quality()

    data = _read_within_limit(upload, max_bytes)
    with _truncated_images_refused(), _pillow_failures_refused(max_pixels):
        with _open_accepted(data) as image:
            _check_pixels(image, max_pixels)
            image.verify()  # PNG chunk checksums; the decode below catches the rest
        # verify() leaves the image unusable, hence a second open to decode.
        with _open_accepted(data) as image:
            photo = _decoded_small_upright(image, max_side)
        photo = _on_white_in_srgb(photo)

    # A new image carries none of the original's info (EXIF, XMP, ICC, comments, DPI).
    clean = Image.new("RGB", photo.size)
    clean.paste(photo)
    out = BytesIO()
    clean.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    content = ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
    return ProcessedPhoto(content=content, width=clean.width, height=clean.height,
                          size=content.size)


def evidence_max_side() -> int:
    """The long side of the photos kept, in pixels: phones downscale to it before uploading."""
    return getattr(settings, "EVIDENCE_MAX_SIDE", DEFAULT_MAX_SIDE)


def evidence_jpeg_quality() -> int:
    return getattr(settings, "EVIDENCE_JPEG_QUALITY", DEFAULT_JPEG_QUALITY)


def evidence_thumbnail(stored) -> ContentFile:
    """A small JPEG of a photo kept by process_evidence_photo (an open file of ours), for the
    thumbnails of the pages: a few kilobytes instead of the whole photo."""
    with Image.open(stored, formats=JPEG_FAMILY) as image:
        image.draft("RGB", (THUMBNAIL_MAX_SIDE * 2, THUMBNAIL_MAX_SIDE * 2))
        small = image.convert("RGB")
        small.thumbnail((THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE), Image.Resampling.LANCZOS)
    out = BytesIO()
    small.save(out, "JPEG", quality=THUMBNAIL_JPEG_QUALITY, optimize=True)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def _read_within_limit(upload, max_bytes: int) -> bytes:
    declared = getattr(upload, "size", None)
    if declared is not None and declared > max_bytes:
        raise _too_large(declared, max_bytes)
    with suppress(AttributeError, OSError):
        upload.seek(0)  # a form's validation may already have read it
    # Read one byte past the limit, so a wrong declared size cannot make us read without end.
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    return data


# One decode at a time per process: it guards the switch below and bounds the memory that large
# photos take (evidence uploads are few; a queue of a second or two is fine).
_decoding = threading.Lock()


@contextmanager
def _truncated_images_refused() -> Iterator[None]:
    # WeasyPrint, imported with certification.certificates.pdf, sets
    # ImageFile.LOAD_TRUNCATED_IMAGES for the whole process, and a cut-off upload would then be
    # kept with its missing part painted grey.
    # Pillow's strict default is put back while we decode. A certificate rendered in another
    # thread meanwhile would only be as strict as Pillow is by default; its images are ours.
    with _decoding:
        lenient = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = lenient


@contextmanager
def _pillow_failures_refused(max_pixels: int) -> Iterator[None]:
    # Pillow refuses a bomb at open with an error above twice its own limit but only warns
    # between once and twice; the warning is made an error so both reach the person the same way.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(None, max_pixels) from None
        except _UNREADABLE:
            raise _not_an_image() from None


@contextmanager
def _open_accepted(data: bytes) -> Iterator[Image.Image]:
    """Lazily, so only the header has been read; no other format's decoder ever sees the data."""
    try:
        image = Image.open(BytesIO(data), formats=_DECODERS)
    except Image.UnidentifiedImageError:
        refused = _refused_format_name(data)
        if refused:
            raise _unsupported_format(refused) from None
        raise _not_an_image() from None
    with image:
        if image.format not in ACCEPTED_FORMATS:
            raise _unsupported_format(image.format or "?")
        yield image


def _refused_format_name(data: bytes) -> str | None:
    """The name of a common image format we refuse, from its signature alone, to tell the person
    what is wrong instead of calling their picture "not an image". (A HEIC that the HEIF plugin
    could not identify is damaged, hence not named here.)"""
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if data[:2] == b"BM" and data[14:18] in (b"\x0c\x00\x00\x00", b"\x28\x00\x00\x00",
                                            b"\x6c\x00\x00\x00", b"\x7c\x00\x00\x00"):
        return "BMP"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in (b"avif", b"avis"):
            return "AVIF"
    return None


def _check_pixels(image: Image.Image, max_pixels: int) -> None:
    pixels = image.width * image.height
    if pixels > max_pixels:
        raise _too_many_pixels(pixels, max_pixels)


def _decoded_small_upright(image: Image.Image, max_side: int) -> Image.Image:
    target = _fitted(image.size, max_side)
    box = None
    if image.format in JPEG_FAMILY and target != image.size:
        # libjpeg decodes straight at 1/2, 1/4 or 1/8 scale: a large photo never sits in memory
        # at full size. Twice the target is kept, as Pillow's thumbnail() does, for quality.
        drafted = image.draft(None, (target[0] * 2, target[1] * 2))
        box = drafted[1] if drafted else None
    image = _resamplable(image)
    image.load()
    if image.size != target:
        image = image.resize(target, Image.Resampling.LANCZOS, box=box, reducing_gap=2.0)
    # After resizing, which keeps the EXIF in info: turning a small image is cheaper.
    return ImageOps.exif_transpose(image)


def _fitted(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    width, height = size
    longest = max(width, height)
    if longest <= max_side:
        return size
    return (max(1, round(width * max_side / longest)),
            max(1, round(height * max_side / longest)))


def _resamplable(image: Image.Image) -> Image.Image:
    """Palette, bilevel and 16-bit images as 8-bit modes that resize smoothly; the others as they
    are, still undecoded so a JPEG draft applies."""
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        # Converting 16-bit straight to 8-bit clips everything above 255 to white.
        gray = image.convert("I").point(lambda value: value / 256).convert("L")
        gray.info.pop("transparency", None)  # a 16-bit colour key means nothing in 8 bits
        return gray
    if image.mode in ("RGBA", "LA"):
        return image
    # A colour key or palette transparency becomes alpha before resizing blurs the key colour.
    if image.has_transparency_data:
        return image.convert("RGBA")
    if image.mode == "P":
        return image.convert("RGB")
    if image.mode == "1":
        return image.convert("L")
    return image


def _on_white_in_srgb(image: Image.Image) -> Image.Image:
    icc = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA") or image.has_transparency_data:
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")
    if icc:
        # Phones shoot in wide gamuts (Display P3): dropping the profile without converting
        # would leave the colours dull; a profile that does not fit falls back to plain RGB.
        try:
            return ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(BytesIO(icc)), _srgb_profile(), outputMode="RGB",
            )
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass
    return image.convert("RGB")


@cache
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _too_large(size: int, limit: int) -> ValidationError:
    return ValidationError(
        gettext("This photo is %(size)s; photos up to %(limit)s are accepted."),
        code="too_large",
        params={"size": _bytes_text(size, up=True), "limit": _bytes_text(limit, up=False)},
    )


def _too_many_pixels(pixels: int | None, limit: int) -> ValidationError:
    shown_limit = _decimal_text(limit / MEGAPIXEL, up=False)
    if pixels is None:  # Pillow refused it at open and does not say how big it is
        return ValidationError(
            gettext("This image is too large; images up to %(limit)s megapixels are accepted."),
            code="too_many_pixels",
            params={"limit": shown_limit},
        )
    return ValidationError(
        gettext("This image is too large (%(megapixels)s megapixels); images up to %(limit)s "
                "megapixels are accepted."),
        code="too_many_pixels",
        params={"megapixels": _decimal_text(pixels / MEGAPIXEL, up=True), "limit": shown_limit},
    )


def _not_an_image() -> ValidationError:
    return ValidationError(
        gettext("This file could not be read as a photo: it is not an image, or it is damaged "
                "or incomplete. Please upload a JPEG, PNG, WebP or HEIC photo."),
        code="not_an_image",
    )


def _unsupported_format(format_name: str) -> ValidationError:
    return ValidationError(
        gettext("%(format)s images are not accepted; please upload a JPEG, PNG, WebP or HEIC "
                "photo."),
        code="unsupported_format",
        params={"format": format_name},
    )


def _bytes_text(amount: int, *, up: bool) -> str:
    if amount >= MEGABYTE:
        return gettext("%(amount)s MB") % {"amount": _decimal_text(amount / MEGABYTE, up=up)}
    return gettext("%(amount)s KB") % {"amount": _decimal_text(amount / KILOBYTE, up=up)}


def _decimal_text(value: float, *, up: bool) -> str:
    """One decimal (more for tiny values), without a trailing ".0", in the reader's locale.
    An amount is rounded up and its limit down, so an amount over the limit never reads equal."""
    exact = Decimal(repr(value))
    places = next((p for p in (1, 2) if exact.quantize(_step(p), rounding=ROUND_HALF_UP)), 3)
    shown = exact.quantize(_step(places), rounding=ROUND_CEILING if up else ROUND_FLOOR)
    if shown == shown.to_integral_value():
        return number_format(int(shown))
    return number_format(shown.normalize())


def _step(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)
