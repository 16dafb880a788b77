"""Evidence photos: what comes out is upright, small, metadata-free JPEG; what is refused is
refused with a clear message and a code, never a server error."""

import dataclasses
import re
import struct
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from PIL import ExifTags, Image, ImageCms, ImageFile

from certification.assessments.images import ProcessedPhoto, process_evidence_photo

MIB = 1024 * 1024
RED, BLUE, GREEN, WHITE = (255, 0, 0), (0, 0, 255), (0, 128, 0), (255, 255, 255)


@pytest.fixture(autouse=True)
def _english():
    # The site's default language is Vietnamese; the messages asserted here are the English source.
    with translation.override("en"):
        yield


def encoded(image: Image.Image, image_format: str, **options) -> bytes:
    out = BytesIO()
    image.save(out, image_format, **options)
    return out.getvalue()


def upload_of(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def photo_upload(image: Image.Image, image_format: str = "JPEG", **options) -> SimpleUploadedFile:
    return upload_of(encoded(image, image_format, **options),
                     name=f"photo.{image_format.lower()}")


def reopened(result: ProcessedPhoto) -> Image.Image:
    result.content.seek(0)
    image = Image.open(BytesIO(result.content.read()))
    image.load()
    return image


def noise(size: tuple[int, int]) -> Image.Image:
    """Busy content, so a JPEG of it is large and cutting it loses real image data."""
    return Image.merge("RGB", [Image.effect_noise(size, 64).point(lambda v, shift=shift: v + shift)
                               for shift in (0, 40, 80)])


def assert_colour(image: Image.Image, xy: tuple[int, int], expected, tolerance: int = 16):
    actual = image.getpixel(xy)
    assert all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True)), (
        f"pixel {xy} is {actual}, expected about {expected}")


def refusal(upload) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        process_evidence_photo(upload)
    return caught.value


def png_declaring(width: int, height: int) -> bytes:
    """A valid small PNG whose header (IHDR, with a correct CRC) claims other dimensions."""
    data = bytearray(encoded(Image.new("RGB", (8, 8), WHITE), "PNG"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


class UnreadableUpload:
    """An upload that fails the test if anything reads it."""

    name = "huge.jpg"

    def __init__(self, size: int):
        self.size = size

    def seek(self, offset: int) -> None:
        pass

    def read(self, *args):
        raise AssertionError("the upload was read before its size was checked")


class MisdeclaredUpload:
    """An upload whose declared size is smaller than its content."""

    name = "photo.jpg"
    size = 100

    def __init__(self, data: bytes):
        self._data = BytesIO(data)

    def seek(self, offset: int) -> None:
        self._data.seek(offset)

    def read(self, limit: int = -1) -> bytes:
        return self._data.read(limit)


# What comes out


def test_a_photo_comes_out_as_a_progressive_jpeg_named_by_a_uuid():
    result = process_evidence_photo(photo_upload(Image.new("RGB", (120, 80), RED)))

    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", result.content.name)
    output = reopened(result)
    assert output.format == "JPEG"
    assert output.mode == "RGB"
    assert output.info.get("progressive")
    assert (result.width, result.height) == output.size == (120, 80)
    assert result.size == result.content.size == len(result.content.file.getvalue())
    assert_colour(output, (60, 40), RED)


def test_the_result_is_frozen():
    result = process_evidence_photo(photo_upload(Image.new("RGB", (20, 20), RED)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.width = 1


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_photos_are_accepted(image_format):
    result = process_evidence_photo(photo_upload(Image.new("RGB", (120, 80), BLUE), image_format))

    assert (result.width, result.height) == (120, 80)
    assert_colour(reopened(result), (60, 40), BLUE)


def test_an_mpo_photo_from_a_phone_camera_is_accepted_as_its_first_frame():
    data = encoded(Image.new("RGB", (120, 80), GREEN), "MPO", save_all=True,
                   append_images=[Image.new("RGB", (120, 80), RED)])
    with Image.open(BytesIO(data)) as source:
        assert source.format == "MPO"

    result = process_evidence_photo(upload_of(data))

    assert (result.width, result.height) == (120, 80)
    assert_colour(reopened(result), (60, 40), GREEN)


def test_a_photo_with_exif_orientation_6_comes_out_turned_upright():
    # Stored 300 wide and 200 high with a red top-left corner; orientation 6 means "turn 90
    # degrees clockwise to view", which puts that corner at the top right.
    source = Image.new("RGB", (300, 200), BLUE)
    source.paste(RED, (0, 0, 100, 100))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6

    output = reopened(result := process_evidence_photo(
        photo_upload(source, exif=exif.tobytes(), quality=95)))

    assert (result.width, result.height) == output.size == (200, 300)
    assert_colour(output, (190, 10), RED)
    assert_colour(output, (10, 10), BLUE)
    assert_colour(output, (190, 290), BLUE)
    assert output.getexif().get(ExifTags.Base.Orientation) is None


def test_gps_exif_xmp_icc_and_comments_are_all_stripped():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.Base.Model] = "Phone model"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (10.0, 45.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (106.0, 40.0, 10.0)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    data = encoded(Image.new("RGB", (64, 48), GREEN), "JPEG", exif=exif.tobytes(),
                   icc_profile=srgb, xmp=xmp, comment=b"farm at 10.75N 106.67E")
    with Image.open(BytesIO(data)) as source:  # the input does carry all of it
        assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert {"exif", "icc_profile", "xmp", "comment"} <= source.info.keys()

    result = process_evidence_photo(upload_of(data))

    output = reopened(result)
    assert len(output.getexif()) == 0
    assert not {"exif", "icc_profile", "xmp", "comment"} & output.info.keys()
    assert b"Phone" not in result.content.file.getvalue()
    assert_colour(output, (32, 24), GREEN)


@pytest.mark.parametrize("icc_profile", [
    b"not a colour profile at all",
    ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes(),
], ids=["garbage", "profile-for-another-colour-space"])
def test_a_photo_with_an_unusable_colour_profile_is_still_accepted(icc_profile):
    data = encoded(Image.new("RGB", (64, 48), GREEN), "JPEG", icc_profile=icc_profile)

    output = reopened(process_evidence_photo(upload_of(data)))

    assert "icc_profile" not in output.info
    assert_colour(output, (32, 24), GREEN)


@pytest.mark.parametrize(("size", "expected"), [
    ((4000, 3000), (1600, 1200)),
    ((3000, 4000), (1200, 1600)),
    ((5000, 1000), (1600, 320)),
])
def test_a_large_photo_is_scaled_down_to_1600_on_its_longest_side(size, expected):
    result = process_evidence_photo(photo_upload(Image.new("RGB", size, RED)))

    assert (result.width, result.height) == reopened(result).size == expected


def test_a_large_png_is_scaled_down_too():
    result = process_evidence_photo(photo_upload(Image.new("RGB", (4000, 3000), BLUE), "PNG"))

    assert (result.width, result.height) == (1600, 1200)
    assert_colour(reopened(result), (800, 600), BLUE)


def test_a_very_large_jpeg_decoded_at_reduced_scale_keeps_its_size_and_colours():
    # 6400 x 4800 lets libjpeg decode at half scale before the final resize.
    source = Image.new("RGB", (6400, 4800), BLUE)
    source.paste(RED, (0, 0, 3200, 4800))

    output = reopened(result := process_evidence_photo(photo_upload(source)))

    assert (result.width, result.height) == (1600, 1200)
    assert_colour(output, (400, 600), RED)
    assert_colour(output, (1200, 600), BLUE)


def test_a_small_photo_is_not_scaled_up():
    result = process_evidence_photo(photo_upload(Image.new("RGB", (640, 480), RED)))

    assert (result.width, result.height) == reopened(result).size == (640, 480)


@override_settings(EVIDENCE_MAX_SIDE=100)
def test_the_longest_side_comes_from_the_settings():
    result = process_evidence_photo(photo_upload(Image.new("RGB", (400, 300), RED)))

    assert (result.width, result.height) == (100, 75)


def test_the_jpeg_quality_comes_from_the_settings():
    upload = photo_upload(noise((300, 300)), "PNG")
    with override_settings(EVIDENCE_JPEG_QUALITY=30):
        low = process_evidence_photo(upload)
    with override_settings(EVIDENCE_JPEG_QUALITY=95):
        high = process_evidence_photo(upload)

    assert low.size < high.size


def test_a_png_with_transparency_is_flattened_onto_white():
    # Transparent black on the left: it must come out white, not black.
    source = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    source.paste((*GREEN, 255), (50, 0, 100, 50))

    output = reopened(process_evidence_photo(photo_upload(source, "PNG")))

    assert output.mode == "RGB"
    assert_colour(output, (20, 25), WHITE)
    assert_colour(output, (80, 25), GREEN)


def test_a_palette_png_with_a_transparent_index_is_flattened_onto_white():
    source = Image.new("P", (100, 50), 0)
    source.putpalette([0, 0, 0, *GREEN])
    source.paste(1, (50, 0, 100, 50))

    output = reopened(process_evidence_photo(photo_upload(source, "PNG", transparency=0)))

    assert_colour(output, (20, 25), WHITE)
    assert_colour(output, (80, 25), GREEN)


def test_a_grey_png_with_alpha_is_flattened_onto_white():
    source = Image.new("LA", (100, 50), (0, 0))
    source.paste((0, 255), (50, 0, 100, 50))

    output = reopened(process_evidence_photo(photo_upload(source, "PNG")))

    assert_colour(output, (20, 25), WHITE)
    assert_colour(output, (80, 25), (0, 0, 0))


def test_a_cmyk_jpeg_is_converted_to_rgb():
    data = encoded(Image.new("CMYK", (60, 40), (0, 255, 255, 0)), "JPEG", quality=95)
    with Image.open(BytesIO(data)) as source:
        assert source.mode == "CMYK"

    output = reopened(process_evidence_photo(upload_of(data)))

    assert output.mode == "RGB"
    assert_colour(output, (30, 20), RED)


def test_a_16_bit_grey_png_keeps_its_tones_instead_of_turning_white():
    data = encoded(Image.new("I;16", (60, 40), 40000), "PNG")
    with Image.open(BytesIO(data)) as source:
        assert source.mode == "I;16"

    output = reopened(process_evidence_photo(upload_of(data)))

    assert_colour(output, (30, 20), (156, 156, 156), tolerance=4)


def test_an_upload_already_read_to_its_end_is_read_again_from_the_start():
    upload = photo_upload(Image.new("RGB", (120, 80), RED))
    upload.read()

    assert process_evidence_photo(upload).width == 120


# What is refused


@pytest.mark.parametrize(("name", "data"), [
    ("notes.txt", "Biên bản kiểm tra ruộng lúa, tháng 3.\n".encode()),
    ("photo.jpg", b"This is not a photo, whatever its name says.\n" * 10),
    ("report.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"),
    ("empty.jpg", b""),
    ("jpeg-signature-only.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64),
])
def test_a_file_that_is_not_an_image_is_refused(name, data):
    error = refusal(upload_of(data, name))

    assert error.code == "not_an_image"
    assert "could not be read as a photo" in error.messages[0]


@pytest.mark.parametrize("lenient", [False, True], ids=["pillow-default", "weasyprint-lenient"])
@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_a_truncated_image_is_refused(image_format, lenient, monkeypatch):
    # WeasyPrint makes Pillow accept truncated images process-wide when it is imported.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", lenient)
    data = encoded(noise((200, 200)), image_format)

    error = refusal(upload_of(data[: len(data) // 2]))

    assert error.code == "not_an_image"
    assert ImageFile.LOAD_TRUNCATED_IMAGES is lenient  # the process-wide switch is left as it was


def test_a_png_with_a_corrupt_chunk_is_refused():
    data = bytearray(encoded(noise((64, 64)), "PNG"))
    data[60] ^= 0xFF  # inside the image data: its CRC no longer matches

    assert refusal(upload_of(bytes(data))).code == "not_an_image"


@pytest.mark.parametrize(("data", "format_name"), [
    (encoded(Image.new("RGB", (40, 40), RED), "GIF"), "GIF"),
    (encoded(Image.new("RGB", (40, 40), RED), "GIF", save_all=True,
             append_images=[Image.new("RGB", (40, 40), BLUE)]), "GIF"),
    (encoded(Image.new("RGB", (40, 40), RED), "BMP"), "BMP"),
    (encoded(Image.new("RGB", (40, 40), RED), "TIFF"), "TIFF"),
    (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 64, "AVIF"),
], ids=["gif", "animated-gif", "bmp", "tiff", "avif"])
def test_an_image_in_another_format_is_refused_by_name(data, format_name):
    error = refusal(upload_of(data))

    assert error.code == "unsupported_format"
    assert error.messages == [
        f"{format_name} images are not accepted; please upload a JPEG, PNG, WebP or HEIC "
        "photo."]


@override_settings(EVIDENCE_MAX_PIXELS=10_000)
def test_an_image_with_more_pixels_than_the_setting_is_refused():
    error = refusal(photo_upload(Image.new("RGB", (200, 100), RED), "PNG"))

    assert error.code == "too_many_pixels"
    assert error.messages == ["This image is too large (0.02 megapixels); images up to "
                              "0.01 megapixels are accepted."]


def test_an_image_declaring_60_megapixels_is_refused_from_its_header():
    # Had it been decoded, the 8 x 8 pixels of data would have made it "not an image".
    error = refusal(upload_of(png_declaring(10_000, 6_000), "bomb.png"))

    assert error.code == "too_many_pixels"
    assert error.messages == ["This image is too large (60 megapixels); images up to "
                              "50 megapixels are accepted."]


@pytest.mark.parametrize(("width", "height"), [
    (10_000, 10_000),  # over Pillow's own limit: it warns
    (100_000, 100_000),  # over twice Pillow's limit: it raises
], ids=["pillow-warns", "pillow-raises"])
def test_a_decompression_bomb_refused_by_pillow_gets_the_same_clear_refusal(width, height):
    error = refusal(upload_of(png_declaring(width, height), "bomb.png"))

    assert error.code == "too_many_pixels"
    assert "images up to 50 megapixels are accepted" in error.messages[0]


def test_a_file_over_the_default_size_is_refused_before_it_is_read():
    error = refusal(UnreadableUpload(size=int(18.2 * MIB)))

    assert error.code == "too_large"
    assert error.messages == ["This photo is 18.2 MB; photos up to 15 MB are accepted."]


@override_settings(EVIDENCE_MAX_UPLOAD_BYTES=MIB)
def test_a_file_over_the_size_setting_is_refused_with_both_sizes():
    error = refusal(upload_of(b"\x00" * (MIB + MIB // 2)))

    assert error.code == "too_large"
    assert error.messages == ["This photo is 1.5 MB; photos up to 1 MB are accepted."]


@override_settings(EVIDENCE_MAX_UPLOAD_BYTES=MIB)
def test_a_file_just_over_the_limit_never_reads_as_equal_to_it():
    error = refusal(upload_of(b"\x00" * (MIB + 1)))

    assert error.messages == ["This photo is 1.1 MB; photos up to 1 MB are accepted."]


@override_settings(EVIDENCE_MAX_UPLOAD_BYTES=MIB)
def test_a_file_larger_than_its_declared_size_is_refused_without_reading_it_all():
    error = refusal(MisdeclaredUpload(b"\x00" * (3 * MIB)))

    assert error.code == "too_large"


@override_settings(EVIDENCE_MAX_UPLOAD_BYTES=500 * 1024)
def test_a_limit_under_a_megabyte_is_stated_in_kilobytes():
    error = refusal(upload_of(b"\x00" * (600 * 1024)))

    assert error.messages == ["This photo is 600 KB; photos up to 500 KB are accepted."]


def test_sizes_in_the_message_follow_the_readers_locale():
    with translation.override("vi"):
        error = refusal(UnreadableUpload(size=int(18.2 * MIB)))

    assert "18,2" in error.messages[0]
