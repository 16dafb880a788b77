"""Boxes that scroll sideways: each is a named region the keyboard can reach, with the hint
site.css shows while more is hidden to the right."""

import re
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def test_every_scroll_box_in_the_templates_is_a_named_focusable_region():
    boxes = [(path.relative_to(TEMPLATES), tag) for path in TEMPLATES.rglob("*.html")
             if path.name != "scroll_region.html"  # its comment shows how it is used
             for tag in re.findall(r'<div class="table-scroll"[^>]*>', path.read_text())]

    assert len(boxes) >= 14
    assert [(path, tag) for path, tag in boxes
            if 'include "includes/scroll_region.html" with label=' not in tag] == []


def test_a_lesson_table_is_named_by_its_caption_and_says_it_scrolls():
    with translation.override("en"):
        html = render_to_string("blocks/table_block.html", {
            "table_caption": "Cash book, March", "data": [["01/03", "12.500.000"]]})
        untitled = render_to_string("blocks/table_block.html", {"data": [["01/03", "0"]]})

    assert 'tabindex="0" role="region" aria-label="Cash book, March, scrolls sideways"' in html
    assert 'data-scroll-hint="Swipe sideways to see more →"' in html
    assert 'aria-label="Table, scrolls sideways"' in untitled


def test_the_hint_and_label_are_vietnamese_on_the_vietnamese_site():
    # Passes once the lead has compiled the catalogue with these entries.
    with translation.override("vi"):
        html = render_to_string("blocks/table_block.html", {"data": [["01/03", "0"]]})

    assert 'data-scroll-hint="Vuốt ngang để xem thêm →"' in html
    assert 'aria-label="Bảng, cuộn ngang để xem hết"' in html
