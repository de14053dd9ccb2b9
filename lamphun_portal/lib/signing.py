"""The one door to pyHanko: PAdES signatures on the published minutes, and checking them.

The office's signing certificate is a PKCS#12 file (.p12/.pfx) named by PORTAL_SIGNING_PKCS12 with its passphrase
in PORTAL_SIGNING_PASSPHRASE (settings.py reads both from the environment; DEPLOY.md "Signed minutes"). Without
them the minutes are published unsigned, with their SHA-256 alone.
"""

from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

FIELD_NAME = "ลายมือชื่อดิจิทัล"


class SigningConfigurationError(Exception):
    """The configured certificate cannot be read (wrong path or passphrase)."""


@dataclass(frozen=True)
class SignedPdf:
    content: bytes
    signer: str  # the certificate's subject, as people read it


@lru_cache(maxsize=4)
def _signer(path: str, passphrase: str) -> signers.SimpleSigner:
    if not Path(path).is_file():
        raise SigningConfigurationError(f"ไม่พบไฟล์ใบรับรองสำหรับลงลายมือชื่อดิจิทัล: {path}")
    try:
        signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase.encode() if passphrase else None)
    except (ValueError, OSError) as error:
        raise SigningConfigurationError("อ่านใบรับรองสำหรับลงลายมือชื่อดิจิทัลไม่ได้ (รหัสผ่านไม่ถูกต้องหรือไฟล์เสีย)") from error
    if signer is None:
        raise SigningConfigurationError("อ่านใบรับรองสำหรับลงลายมือชื่อดิจิทัลไม่ได้ (รหัสผ่านไม่ถูกต้องหรือไฟล์เสีย)")
    return signer


def configured() -> bool:
    return bool(getattr(settings, "PORTAL_SIGNING_PKCS12", ""))


def sign_pdf(content: bytes, *, reason: str, location: str) -> SignedPdf | None:
    """The PDF signed PAdES B-B with the configured certificate (an incremental update: the bytes before it stay),
    or None when no certificate is configured."""
    if not configured():
        return None
    signer = _signer(str(settings.PORTAL_SIGNING_PKCS12), settings.PORTAL_SIGNING_PASSPHRASE)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    output = signers.sign_pdf(writer, meta, signer=signer)
    return SignedPdf(content=output.getvalue(), signer=signer.signing_cert.subject.human_friendly)


@dataclass(frozen=True)
class SignatureCheck:
    """What pyHanko's validator says of a PDF's signatures."""

    count: int
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the signature is cryptographically sound
    trusted: bool  # the certificate chains to one of the trust roots given
    covers_whole_file: bool
    signer: str


def check_pdf(content: bytes, *, trust_roots: list[Any]) -> SignatureCheck:
    """Validate the PDF's (first) signature against `trust_roots` (asn1crypto certificates)."""
    reader = PdfFileReader(io.BytesIO(content))
    embedded = reader.embedded_signatures
    if not embedded:
        return SignatureCheck(0, False, False, False, False, "")
    context = ValidationContext(trust_roots=trust_roots, allow_fetching=False)
    # pyHanko's validator is asynchronous; run it on its own event loop in a thread, so that it works from code
    # that already runs one (a browser test's thread, an async view) as from plain code.
    with ThreadPoolExecutor(max_workers=1) as pool:
        status = pool.submit(asyncio.run, async_validate_pdf_signature(embedded[0], context)).result()
    return SignatureCheck(
        count=len(embedded),
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        covers_whole_file=status.coverage is not None and status.coverage.name == "ENTIRE_FILE",
        signer=status.signing_cert.subject.human_friendly,
    )
