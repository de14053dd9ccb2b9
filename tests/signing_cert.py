"""A signing certificate made at test time (the cryptography package): a PKCS#12 file as an office would
configure it, and the certificate to trust when validating the signed PDF with pyHanko's validator."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSPHRASE = "test-signing-passphrase"


@dataclass
class TestCertificate:
    path: Path
    passphrase: str
    trust_root: asn1_x509.Certificate
    subject: str


def make_certificate(folder: Path, common_name: str = "พช.ลำพูน (ทดสอบ)") -> TestCertificate:
    """A self-signed certificate for document signing, valid from yesterday for a year, as a PKCS#12 file."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "กรมการพัฒนาชุมชน (ทดสอบ)"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    path = folder / "office-signing.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"office", key, certificate, None, serialization.BestAvailableEncryption(PASSPHRASE.encode())
        )
    )
    der = certificate.public_bytes(serialization.Encoding.DER)
    return TestCertificate(
        path=path, passphrase=PASSPHRASE, trust_root=asn1_x509.Certificate.load(der), subject=common_name
    )
