"""`peergoals vapid-keys`: a new key pair for web push, printed as the two settings to set."""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management.base import BaseCommand
from py_vapid.utils import b64urlencode


def new_vapid_keys() -> tuple[str, str]:
    """(public, private): the public key as browsers take it (the uncompressed P-256 point)
    and the private key as its raw 32 bytes, both base64url."""
    private = ec.generate_private_key(ec.SECP256R1())
    raw_private = private.private_numbers().private_value.to_bytes(32, "big")
    public = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64urlencode(public), b64urlencode(raw_private)


class Command(BaseCommand):
    help = (
        "Print a new VAPID key pair for web push, as PEERGOALS_VAPID_PUBLIC_KEY and "
        "PEERGOALS_VAPID_PRIVATE_KEY lines for the server's environment. Keep the private key "
        "secret; changing it later means every browser must subscribe again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        public, private = new_vapid_keys()
        self.stdout.write(f"PEERGOALS_VAPID_PUBLIC_KEY={public}")
        self.stdout.write(f"PEERGOALS_VAPID_PRIVATE_KEY={private}")
