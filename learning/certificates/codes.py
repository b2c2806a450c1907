"""Verification codes: random, shown in groups, looked up by their hash only."""

import base64
import hashlib
import re
import secrets

from django.urls import reverse

from learning.core import conf

# 160 bits of randomness: 32 base32 characters, shown as 8 groups of 4.
CODE_BYTES = 20
CODE_LENGTH = 32
GROUP = 4
_NOT_CODE = re.compile(r"[\s\-]+")
_CODE = re.compile(rf"[A-Z2-7]{{{CODE_LENGTH}}}")


def code_generate() -> str:
    """A new code: base32 of 160 random bits, upper case, without padding."""
    raw = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii")
    return raw.rstrip("=")


def code_readable(code: str) -> str:
    """The code in groups, e.g. ABCD-EFGH-…, for print and links."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def code_normalise(text: str) -> str:
    """What a person typed or a link carried, without dashes or spaces, upper case."""
    return _NOT_CODE.sub("", text).upper()


def code_is_well_formed(code: str) -> bool:
    return bool(_CODE.fullmatch(code))


def code_hash(text: str) -> str:
    """The sha256 of the normalised code; the only form the database keeps."""
    return hashlib.sha256(code_normalise(text).encode("utf-8")).hexdigest()


def certificate_verify_url(*, readable_code: str) -> str:
    """The absolute address of the public verification page of a code."""
    path = reverse("certificate_verify:verify", kwargs={"code": readable_code})
    return conf.public_base_url() + path
