"""Reading a member list a manager uploads (CSV or Excel), with Vietnamese or English headers."""

import csv
import io
import re
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.cooperatives.models import Membership
from lms.exports.spreadsheets import csv_row
from lms.text import fold

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
# What the downloadable template's header row says; any of HEADERS below is accepted too.
TEMPLATE_HEADERS = ["Họ và tên", "Số điện thoại", "Email", "Vai trò"]

# Header -> column, compared folded ("Số điện thoại" -> "so dien thoai").
HEADERS = {
    "name": {"ho va ten", "ho ten", "ten", "name", "full name", "ten thanh vien"},
    "phone": {"so dien thoai", "dien thoai", "sdt", "so dt", "phone", "phone number", "mobile"},
    "email": {"email", "e mail", "thu dien tu", "dia chi email", "email address"},
    "role": {"vai tro", "role", "chuc vu"},
}
# A role as written in the file -> Membership.Role; an empty cell is a member.
ROLES = {
    "": Membership.Role.MEMBER,
    "thanh vien": Membership.Role.MEMBER,
    "member": Membership.Role.MEMBER,
    "quan ly": Membership.Role.MANAGER,
    "manager": Membership.Role.MANAGER,
    "ke toan": Membership.Role.ACCOUNTANT,
    "accountant": Membership.Role.ACCOUNTANT,
}

UNREADABLE = gettext_lazy("This file cannot be read. Save it as CSV (UTF-8) or as an Excel "
                          "workbook (.xlsx) and upload it again.")


@dataclass(frozen=True)
class MemberRow:
    """One line of the list, as written: `number` is the row number a spreadsheet shows (the
    header is row 1)."""

    number: int
    full_name: str
    phone: str
    email: str
    role: str


def _key(header) -> str:
    folded = fold(str(header or "")).replace("-", " ").replace("_", " ").strip(" *:")
    return re.sub(r"\s+", " ", folded)


def role_from_text(text: str) -> str | None:
    """The role a cell names, in Vietnamese or English, any case and accents; None if none."""
    key = _key(text)
    if key in Membership.Role.values:
        return key
    return ROLES.get(key)


def _cell(value) -> str:
    """A cell as text. Excel stores a typed phone number as a number and drops its leading 0:
    give it back (9 digits of a mobile number -> "0" + them)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        digits = str(value)
        return "0" + digits if len(digits) == 9 else digits
    return str(value).strip()


def _csv_lines(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")  # with or without the BOM Excel writes
    except UnicodeDecodeError:
        raise ValidationError(_("This file is not in UTF-8. In Excel, choose “Save as” and "
                                "“CSV UTF-8 (comma delimited)”.")) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_lines(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ValidationError(UNREADABLE) from None
    try:
        sheet = workbook.worksheets[0]
        lines = []
        for row in sheet.iter_rows(values_only=True):
            lines.append([_cell(value) for value in row])
            if len(lines) > MAX_ROWS + 1:
                break
        return lines
    finally:
        workbook.close()


def member_rows_read(*, data: bytes, filename: str = "") -> list[MemberRow]:
    """The rows of an uploaded list, blank ones left out; ValidationError for a file that cannot
    be one (too big, unreadable, no name or contact column, too many rows)."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 2 MB. Split the list into smaller "
                                "files."))
    if data.startswith(b"PK"):  # an .xlsx is a zip file
        lines = _xlsx_lines(data)
    elif filename.lower().endswith((".xlsx", ".xls")):
        raise ValidationError(UNREADABLE)
    else:
        lines = _csv_lines(data)
    if not lines:
        raise ValidationError(_("The file is empty."))
    columns = {}
    for index, header in enumerate(lines[0]):
        key = _key(header)
        for column, names in HEADERS.items():
            if key in names and column not in columns:
                columns[column] = index
    if "name" not in columns:
        raise ValidationError(_("The first row must name the columns: “Họ và tên” (name) is "
                                "missing. Start from the template."))
    if "phone" not in columns and "email" not in columns:
        raise ValidationError(_("The first row must name the columns: “Số điện thoại” "
                                "(phone) or “Email” is missing. Start from the template."))

    def value(line, column):
        index = columns.get(column)
        return _cell(line[index]) if index is not None and index < len(line) else ""

    rows = []
    for number, line in enumerate(lines[1:], start=2):
        row = MemberRow(number=number, full_name=value(line, "name"),
                        phone=value(line, "phone"), email=value(line, "email"),
                        role=value(line, "role"))
        if any((row.full_name, row.phone, row.email, row.role)):
            rows.append(row)
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("The list has more than %(count)s people. Split it into "
                                "smaller files.") % {"count": MAX_ROWS})
    if not rows:
        raise ValidationError(_("The list has no one in it, only the header row."))
    return rows


def member_template_csv() -> bytes:
    """The empty list to fill in: the header row, with the BOM that makes Excel read UTF-8."""
    out = io.StringIO()
    csv.writer(out).writerow(csv_row(TEMPLATE_HEADERS))
    return out.getvalue().encode("utf-8-sig")
