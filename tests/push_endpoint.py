"""A push service on 127.0.0.1 for tests: it checks each message's VAPID signature the way a
real push service does, decrypts the body with the subscription's private key as the browser
does, and keeps what it read."""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_vapid(authorization: str, audience: str, public_key: str) -> dict[str, Any]:
    """The JWT's claims, once its ES256 signature checks out against the server's public key."""
    scheme, _, params = authorization.partition(" ")
    assert scheme.lower() == "vapid", authorization
    parts = dict(part.split("=", 1) for part in params.split(","))
    assert parts["k"].strip() == public_key, "signed with another server's key"
    header, payload, signature = parts["t"].strip().split(".")
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(public_key))
    key.verify(der, f"{header}.{payload}".encode(), ec.ECDSA(hashes.SHA256()))
    assert json.loads(unb64url(header))["alg"] == "ES256"
    claims: dict[str, Any] = json.loads(unb64url(payload))
    assert claims["aud"] == audience, claims
    assert claims["exp"] > time.time()
    return claims


@dataclass
class PushEndpoint:
    """One browser's subscription and the push service that delivers to it."""

    public_key: str
    received: list[dict[str, Any]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    on_message: Callable[[int], None] | None = None
    browser_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth_secret: bytes = field(default_factory=lambda: os.urandom(16))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> PushEndpoint:
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.path.startswith("/gone/"):
                    # A subscription the browser dropped (uninstalled, notifications blocked).
                    self.send_response(410)
                    self.end_headers()
                    return
                try:
                    verify_vapid(
                        self.headers["Authorization"], endpoint.origin, endpoint.public_key
                    )
                    assert self.headers["Content-Encoding"] == "aes128gcm"
                    plain = http_ece.decrypt(
                        body,
                        private_key=endpoint.browser_key,
                        auth_secret=endpoint.auth_secret,
                        version="aes128gcm",
                    )
                except (AssertionError, InvalidSignature, KeyError, ValueError) as error:
                    endpoint.refused.append(repr(error))
                    self.send_response(403)
                    self.end_headers()
                    return
                with endpoint.lock:
                    endpoint.received.append(json.loads(plain))
                    count = len(endpoint.received)
                if endpoint.on_message:
                    endpoint.on_message(count)
                self.send_response(201)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def subscription(self) -> dict[str, Any]:
        """What the browser's PushSubscription.toJSON() gives the page."""
        point = self.browser_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": f"{self.origin}/push/{b64url(os.urandom(8))}",
            "keys": {"p256dh": b64url(point), "auth": b64url(self.auth_secret)},
        }
