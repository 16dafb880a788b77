"""Vietnamese alphabetical order, for the lists people pick from (provinces, communes,
cooperatives). Neither code-point order ("Đ" after "Z") nor the databases' collations (which
differ between SQLite and PostgreSQL) follow the Vietnamese alphabet, so small lists are sorted
in Python with `vietnamese_sort_key`; long lists paginated by the database are sorted by a
column holding `vietnamese_collation_key`. Searching text the database holds with its accents
uses `accent_insensitive_pattern`."""

import re
import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    """Lower-case `text` and drop its diacritics ("Đồng Tháp" -> "dong thap"), so searches match
    whatever the database's collation and however the user typed the accents."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# The Vietnamese alphabet, with f, j, w and z where Latin puts them, for names from elsewhere.
ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
            "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
# The marks that make a letter of its own (ă â ê ô ơ ư) stay with it; the tone marks compare
# only between words spelt alike, in the dictionaries' order: none, huyền, hỏi, ngã, sắc, nặng.
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _letters(text: str) -> list[tuple[str, int]]:
    """Each letter of `text`, lower-cased with its own marks and without its tone, and its tone."""
    letters: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in LETTER_MARKS and letters:
            base, tone = letters[-1]
            letters[-1] = (unicodedata.normalize("NFC", base + char), tone)
        elif char in TONE_RANK and letters:
            letters[-1] = (letters[-1][0], TONE_RANK[char])
        elif not unicodedata.combining(char):
            letters.append((char, 0))
    return letters


def _rank(letter: str) -> tuple[int, int]:
    """Spaces and punctuation first (so "An Giang" comes before "Anh"), then digits, then the
    alphabet, then anything else."""
    if letter in LETTER_RANK:
        return (2, LETTER_RANK[letter])
    if letter.isdigit():
        return (1, ord(letter))
    if not letter.isalnum():
        return (0, ord(letter))
    return (3, ord(letter))


def vietnamese_sort_key(text: str) -> tuple:
    """A key that sorts `text` in Vietnamese alphabetical order: letter by letter in the order
    a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then by tones, then as written.
    Remembered for the most recent names: the same provinces, courses and categories are
    sorted on every page that offers them."""
    return _sort_key(str(text))


@lru_cache(maxsize=8192)
def _sort_key(text: str) -> tuple:
    letters = _letters(text)
    return (tuple(_rank(letter) for letter, _ in letters),
            tuple(tone for _, tone in letters), text)


COLLATION_LETTERS = 80  # a key covers a name's first 80 letters: 2 * 80 + 2 + 80 characters
RANKS = 26 * 26


def _collation_rank(letter: str) -> int:
    """`_rank` as one number from 1 (0 ends the letters): spaces and punctuation, digits, the
    alphabet, anything else."""
    group, value = _rank(letter)
    if group == 0:
        return 1
    if group == 1:
        return 2 + int(letter) if letter in "0123456789" else 12
    if group == 2:
        return 13 + value
    return RANKS - 1


def _pair(number: int) -> str:
    return chr(97 + number // 26) + chr(97 + number % 26)


def vietnamese_collation_key(text: str) -> str:
    """`vietnamese_sort_key` as a string of lower-case ASCII letters, for a column the database
    sorts a long, paginated list by: the letters, two characters each, an end mark, then the
    tones. Plain letters compare alike under SQLite's binary collation and PostgreSQL's C or
    language collations, so "Đắk Lắk" comes after "Dương" and before "Gia Lai" on both."""
    letters = _letters(text)[:COLLATION_LETTERS]
    return ("".join(_pair(_collation_rank(letter)) for letter, _ in letters) + _pair(0)
            + "".join(chr(97 + tone) for _, tone in letters))


def _spellings() -> dict[str, str]:
    """Each plain letter and every way of writing it with accents, in both cases: "d" -> "dDđĐ"."""
    spellings: dict[str, set[str]] = {}
    for point in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250),
                  *range(0x1E00, 0x1F00)]:
        char = chr(point)
        plain = fold(char)
        if len(plain) == 1 and plain.isascii() and plain.isalpha():
            spellings.setdefault(plain, set()).update(
                case for case in (char, char.upper(), char.lower()) if len(case) == 1)
    return {plain: "".join(sorted(chars)) for plain, chars in spellings.items()}


SPELLINGS = _spellings()
# Accents typed as separate marks after the letter (decomposed text) are found too.
MARKS = f"[{chr(0x300)}-{chr(0x36F)}]*"


def accent_insensitive_pattern(query: str) -> str:
    """A regular expression that finds `query` however it and the text are accented or
    capitalised ("anh" finds "Ánh", "DO THI" finds "Đỗ Thị"), for searching text the database
    holds unfolded (a JSON snapshot) with the `__regex` lookup, on SQLite and PostgreSQL alike."""
    return "".join(f"[{SPELLINGS[char]}]{MARKS}" if char in SPELLINGS else re.escape(char)
                   for char in fold(query))
