"""Reading untrusted files within bounds of time and memory, before any reader looks at them.

Checklist files and answer sheets come from people, so a file may be hostile: a few kilobytes of
YAML aliases that stand for a billion values, thousands of nested lists, tags that ask for Python
objects, or a small zip that unpacks to gigabytes. Everything here refuses such a file early,
with a message in the user's language (``Refused.message``), instead of letting it hold a worker.

YAML (``compose_yaml``, ``load_yaml``): one document, read by the C parser when PyYAML has it,
composed here without recursion, with no anchors or aliases (a checklist or an answer sheet never
needs them, so no expansion is left to bound), no tags but ``!!str``, at most ``MAX_YAML_DEPTH``
nested lists and mappings and ``MAX_YAML_NODES`` values, numbers of at most
``MAX_NUMBER_LENGTH`` characters. Errors of the YAML itself are ``yaml.YAMLError`` with their
place, as PyYAML raises them; each reader words them its own way.

XLSX (``check_xlsx``): before openpyxl opens the zip, the number of its members and their
uncompressed sizes (as the zip declares them; Python's zipfile never unpacks more than that) are
checked, links to other workbooks are refused, and every XML member is streamed through expat
counting its elements (those of each part but the sheets and their texts, the sheets, the
cells of each row, the row numbers), stopping at the first limit passed.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from typing import Any
from xml.parsers import expat

import yaml
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# YAML: the largest shipped checklist has 6,800 values nested 10 deep.
MAX_YAML_DEPTH = 50
MAX_YAML_NODES = 100_000
MAX_NUMBER_LENGTH = 100  # digits of a number: int("1" * 10**6) is slow, and refused by Python

# XLSX: the largest shipped checklist's workbook has 13 members, 0.4 MB and 10,600 elements.
MAX_XLSX_MEMBERS = 200
MAX_XLSX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_XLSX_ELEMENTS = 100_000
# Elements of any other part than the sheets and their texts: openpyxl builds an object of each
# element of the styles, relationships and content types (a thousand times slower than expat).
MAX_PART_ELEMENTS = 20_000
MAX_XLSX_SHEETS = 50
MAX_ROW_CELLS = 16_384  # the columns of a spreadsheet: no program writes more in a row
MAX_SHEET_ROWS = 100_000  # row numbers: openpyxl makes up every empty row before a numbered one

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ten times faster
_STR_TAG = "tag:yaml.org,2002:str"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_CHUNK = 64 * 1024
_EXTERNAL_LINKS = "xl/externallinks/"
_STREAMED_PARTS = ("xl/worksheets/", "xl/sharedstrings.xml")  # read as a stream by openpyxl
_WORKSHEET_TYPE = "/worksheet"  # the end of a worksheet relationship's Type


class Refused(Exception):
    """A file that is not read; ``message`` says why, translated."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _place(mark: Any) -> dict[str, int]:
    return {"line": mark.line + 1, "column": mark.column + 1}


# --- YAML -----------------------------------------------------------------------------------


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree of a one-document YAML text, None when it is empty. Raises ``Refused``
    for what a checklist file has no use for, ``yaml.YAMLError`` when it is not YAML."""
    loader = _PARSER(text)
    resolver = yaml.resolver.Resolver()
    root: yaml.Node | None = None
    open_nodes: list[yaml.CollectionNode] = []
    pending_keys: list[yaml.Node | None] = []  # per open mapping: its key awaiting a value
    count = 0
    document_mark = None

    def attach(node: yaml.Node) -> None:
        nonlocal root
        if not open_nodes:
            root = node
        elif isinstance(open_nodes[-1], yaml.SequenceNode):
            open_nodes[-1].value.append(node)
        elif pending_keys[-1] is None:
            pending_keys[-1] = node
        else:
            open_nodes[-1].value.append((pending_keys[-1], node))
            pending_keys[-1] = None

    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                if document_mark is not None:
                    raise yaml.composer.ComposerError(
                        "expected a single document in the stream", document_mark,
                        "but found another document", event.start_mark)
                document_mark = event.start_mark
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                node = open_nodes.pop()
                pending_keys.pop()
                node.end_mark = event.end_mark
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue  # the start and end of the stream and of the document
            if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
                raise Refused(_(
                    "Line %(line)s, column %(column)s: anchors and aliases (“&” and “*”) are "
                    "not accepted; write each value out in full.") % _place(event.start_mark))
            count += 1
            if count > MAX_YAML_NODES:
                raise Refused(_(
                    "The file holds more than %(max)s YAML values; check that it is the right "
                    "file.") % {"max": MAX_YAML_NODES})
            tag = event.tag
            explicit = tag not in (None, "!")
            if explicit and not (tag == _STR_TAG and isinstance(event, yaml.ScalarEvent)):
                raise Refused(_(
                    "Line %(line)s, column %(column)s: the tag “%(tag)s” is not accepted; remove "
                    "it (quotes make a value a text).")
                    % {**_place(event.start_mark), "tag": _shown_tag(tag)})
            if isinstance(event, yaml.ScalarEvent):
                if not explicit:
                    tag = resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
                if tag in _NUMBER_TAGS and len(event.value) > MAX_NUMBER_LENGTH:
                    raise Refused(_(
                        "Line %(line)s, column %(column)s: a number of more than %(max)s "
                        "characters; put it in quotes if it is a text.")
                        % {**_place(event.start_mark), "max": MAX_NUMBER_LENGTH})
                attach(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                                       style=event.style))
                continue
            if len(open_nodes) >= MAX_YAML_DEPTH:
                raise _too_deep(event.start_mark)
            kind = (yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent)
                    else yaml.MappingNode)
            collection = kind(resolver.resolve(kind, None, event.implicit), [],
                              event.start_mark, None, flow_style=event.flow_style)
            attach(collection)
            open_nodes.append(collection)
            pending_keys.append(None)
    except yaml.MarkedYAMLError as error:
        # libyaml scans flow collections ahead and has its own bound, of 1,000 levels.
        if error.problem == "exceeded maximum nesting depth" and error.problem_mark:
            raise _too_deep(error.problem_mark) from None
        raise
    finally:
        loader.dispose()
    return root


def _too_deep(mark: Any) -> Refused:
    return Refused(_("Line %(line)s, column %(column)s: the YAML is nested more than %(max)s "
                     "levels deep.") % {**_place(mark), "max": MAX_YAML_DEPTH})


def _shown_tag(tag: str) -> str:
    tag = tag.removeprefix("tag:yaml.org,2002:")
    tag = ("!!" + tag) if not tag.startswith("!") else tag
    return tag if len(tag) <= 60 else tag[:59] + "…"


class _Constructor(yaml.constructor.SafeConstructor):
    """PyYAML's safe constructor, saying where a value it cannot make is (a date such as
    2024-13-45 raises ValueError) instead of letting the error escape without a place."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, OverflowError, KeyError) as error:
            raise yaml.constructor.ConstructorError(
                None, None, str(error), node.start_mark) from None


def construct_yaml(node: yaml.Node | None) -> Any:
    """The Python value of a node from ``compose_yaml``: dicts, lists, texts, numbers,
    booleans, dates and None."""
    if node is None:
        return None
    return _Constructor().construct_document(node)


def load_yaml(text: str) -> Any:
    """The Python value of a one-document YAML text, read within the bounds of
    ``compose_yaml``."""
    return construct_yaml(compose_yaml(text))


# --- XLSX -----------------------------------------------------------------------------------


def not_a_workbook() -> str:
    return _("The file is not an Excel workbook (.xlsx). Save it from Excel or LibreOffice as "
             "“Excel Workbook (.xlsx)”.")


class _XmlCounter:
    """Counts the elements of the workbook's XML as expat reads them; refuses at a limit."""

    def __init__(self) -> None:
        self.elements = 0
        self.sheets = 0
        self.sheet_ids: set[str] = set()
        self.sheet_parts: set[tuple[str, str]] = set()
        self.row_cells = 0
        self.part = ""
        self.part_elements = 0
        self.part_limit: int | None = None

    def begin(self, part: str) -> None:
        self.part = part
        self.part_elements = 0
        self.part_limit = (None if part.lower().startswith(_STREAMED_PARTS)
                           else MAX_PART_ELEMENTS)
        self.row_cells = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > MAX_XLSX_ELEMENTS:
            raise Refused(_("The workbook holds more than %(max)s cells and other elements; "
                            "check that it is the right file.") % {"max": MAX_XLSX_ELEMENTS})
        self.part_elements += 1
        if self.part_limit is not None and self.part_elements > self.part_limit:
            raise Refused(_("The part “%(part)s” of the workbook holds more than %(max)s "
                            "elements; check that it is the right file.")
                          % {"part": self.part[:80], "max": self.part_limit})
        local = name.rpartition(":")[2]
        if local == "row":
            self.row_cells = 0
            number = attributes.get("r", "")
            if number.isascii() and number.isdigit() and (
                    len(number) > len(str(MAX_SHEET_ROWS)) or int(number) > MAX_SHEET_ROWS):
                raise Refused(_("A sheet of the workbook has rows after row %(max)s; a checklist "
                                "sheet is much shorter. Delete the rows below the checklist.")
                              % {"max": MAX_SHEET_ROWS})
        elif local == "c":
            self.row_cells += 1
            if self.row_cells > MAX_ROW_CELLS:
                raise Refused(_("A row of the workbook holds more than %(max)s cells, more "
                                "than a spreadsheet can; check that it is the right file.")
                              % {"max": MAX_ROW_CELLS})
        elif local == "sheet":
            self.sheets += 1
            if self.sheets > MAX_XLSX_SHEETS:
                raise Refused(_("The workbook has more than %(max)s sheets; a checklist "
                                "workbook has five.") % {"max": MAX_XLSX_SHEETS})
            # r:id, whatever the prefix: the relationship that names the sheet's part
            sheet_id = next((value for key, value in attributes.items()
                             if ":" in key and key.rpartition(":")[2] == "id"), None)
            self.one_part_per_sheet(sheet_id, "")
        elif local == "Relationship" and attributes.get("Type", "").endswith(_WORKSHEET_TYPE):
            self.one_part_per_sheet(None, _part_of(self.part, attributes.get("Target", "")))

    def one_part_per_sheet(self, sheet_id: str | None, target: str) -> None:
        """Refuses two sheets read from one part: openpyxl would read it again for each."""
        key = (self.part, target.lower())
        if (sheet_id is not None and sheet_id in self.sheet_ids) or (
                target and key in self.sheet_parts):
            raise Refused(_("Two sheets of the workbook are read from the same part; check "
                            "that it is the right file."))
        if sheet_id is not None:
            self.sheet_ids.add(sheet_id)
        if target:
            self.sheet_parts.add(key)

    @staticmethod
    def entity(*_args: Any) -> None:
        raise Refused(not_a_workbook())  # no workbook declares entities: an XML bomb


def _part_of(relationships: str, target: str) -> str:
    """The part a relationship's target names, from the part of the relationships
    (``xl/_rels/workbook.xml.rels`` and ``worksheets/sheet1.xml``: ``xl/worksheets/sheet1.xml``)."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    folder = posixpath.dirname(posixpath.dirname(relationships))
    return posixpath.normpath(posixpath.join(folder, target))


def _looks_like_xml(head: bytes) -> bool:
    """False for a part that starts as no XML does (images, printer settings)."""
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    start = head.lstrip(b" \t\r\n")
    return not start or start.startswith(b"<")  # blank so far: read on as XML


def _scan_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, counter: _XmlCounter) -> None:
    with archive.open(info) as member:
        chunk = member.read(_CHUNK)
        if not _looks_like_xml(chunk):
            return  # images and other binary parts: openpyxl does not parse them as XML
        parser = expat.ParserCreate()
        parser.StartElementHandler = counter.start
        parser.EntityDeclHandler = counter.entity
        counter.begin(info.filename)
        try:
            while chunk:
                parser.Parse(chunk, False)
                chunk = member.read(_CHUNK)
            parser.Parse(b"", True)
        except expat.ExpatError:
            return  # not well formed: openpyxl's parser (expat too) stops at the same place


def check_xlsx(data: bytes) -> None:
    """Refuses (``Refused``) bytes that are not a zip, or a zip that is too big or holds too
    much to be a checklist workbook, before openpyxl reads it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise Refused(not_a_workbook()) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_XLSX_MEMBERS:
            raise Refused(_("The workbook is made of more than %(max)s parts; check that it is "
                            "the right file.") % {"max": MAX_XLSX_MEMBERS})
        unpacked = sum(info.file_size for info in members)
        if unpacked > MAX_XLSX_UNCOMPRESSED:
            raise Refused(
                _("The workbook unpacks to %(size)s, more than the %(limit)s a checklist may "
                  "hold.")
                % {"size": filesizeformat(unpacked),
                   "limit": filesizeformat(MAX_XLSX_UNCOMPRESSED)})
        if any(info.filename.lower().startswith(_EXTERNAL_LINKS) for info in members):
            raise Refused(_("The workbook links to other workbooks. Break the links (in Excel: "
                            "Data › Edit Links › Break Link) and import it again."))
        counter = _XmlCounter()
        for info in members:
            if info.is_dir():
                continue
            try:
                _scan_member(archive, info, counter)
            except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError,
                    EOFError, ValueError):
                # a damaged, encrypted or oddly compressed member
                raise Refused(not_a_workbook()) from None
