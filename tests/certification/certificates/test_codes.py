"""Certificate codes: long enough not to be guessed, readable aloud, typed however people type."""

import math

from certification.certificates.codes import (
    ALPHABET,
    LENGTH,
    code_grouped,
    code_new,
    code_normalise,
)


def test_a_new_code_has_seventeen_characters_from_the_alphabet():
    for _ in range(200):
        code = code_new()
        assert len(code) == 17
        assert set(code) <= set(ALPHABET)


def test_the_alphabet_leaves_out_look_alike_characters():
    assert not set("01ILO") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET)


def test_a_code_carries_at_least_64_bits_of_entropy():
    assert len(code_new()) == LENGTH
    assert LENGTH * math.log2(len(ALPHABET)) >= 64


def test_a_thousand_new_codes_are_all_distinct():
    codes = [code_new() for _ in range(1000)]
    assert len(set(codes)) == 1000


def test_new_codes_use_the_whole_alphabet():
    # A generator stuck on a few symbols would have far fewer bits than the length promises.
    seen = set("".join(code_new() for _ in range(300)))
    assert seen == set(ALPHABET)


def test_code_normalise_accepts_lower_case_spaces_and_dashes():
    assert code_normalise(" abcd-efgh jkmn - pqrs-t ") == "ABCDEFGHJKMNPQRST"


def test_code_normalise_leaves_a_stored_code_unchanged():
    code = code_new()
    assert code_normalise(code) == code


def test_code_grouped_groups_by_four_with_dashes():
    assert code_grouped("ABCDEFGHJKMNPQRST") == "ABCD-EFGH-JKMN-PQRS-T"


def test_a_grouped_code_normalises_back_to_the_code():
    code = code_new()
    assert code_normalise(code_grouped(code)) == code
