"""Certificate codes: 17 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so
about 84 random bits a person can read aloud or type from paper, printed in groups of four."""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 symbols: 0, 1, I, L and O left out
LENGTH = 17  # 17 x log2(31) = 84 bits


def code_new() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def code_normalise(typed: str) -> str:
    """What a person typed, as stored: upper case, without spaces or dashes."""
    return "".join(c for c in typed.upper() if c.isalnum())


def code_grouped(code: str) -> str:
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))
