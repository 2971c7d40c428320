"""A fake Bot Framework: OpenID metadata, the key set (a test RSA key), the token endpoint, and a
serviceUrl that records the activities the bot posts. Plus helpers to mint (and forge) tokens."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from typing import Any, Dict, List, Optional, Tuple

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"


class TestKey:
    """A fresh RSA key, published in the fake's key set as the Bot Framework's signing key."""

    __test__ = False  # not a pytest test class

    def __init__(self, kid: Optional[str] = None) -> None:
        self.kid = kid or f"test-{uuid.uuid4().hex[:8]}"
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> Dict[str, Any]:
        key = RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True)
        key.update({"kid": self.kid, "use": "sig", "alg": "RS256", "endorsements": ["msteams"]})
        return key

    def token(self, claims: Dict[str, Any], algorithm: str = "RS256", kid: Optional[str] = None) -> str:
        headers = {"kid": kid or self.kid}
        if algorithm == "RS256":
            return jwt.encode(claims, self.private, algorithm="RS256", headers=headers)
        return jwt.encode(claims, "a-shared-secret-the-attacker-knows-0123456789", algorithm=algorithm,
                          headers=headers)


def claims(app_id: str, service_url: str, **overrides: Any) -> Dict[str, Any]:
    now = int(time.time())
    values: Dict[str, Any] = {"iss": ISSUER, "aud": app_id, "exp": now + 600, "nbf": now - 5,
                              "serviceurl": service_url}
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


class FakeBotFramework:
    def __init__(self, key: TestKey) -> None:
        self.key = key
        self.token_requests: List[Dict[str, Any]] = []
        self.activities: List[Dict[str, Any]] = []
        self.metadata_fetches = 0

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/v1/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/v1/.well-known/keys", self._keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_post("/{region}/v3/conversations/{conversation}/activities", self._activity)
        return app

    async def _metadata(self, request: web.Request) -> web.Response:
        self.metadata_fetches += 1
        base = f"http://{request.host}"
        return web.json_response({"issuer": ISSUER, "jwks_uri": f"{base}/v1/.well-known/keys",
                                  "id_token_signing_alg_values_supported": ["RS256"]})

    async def _keys(self, _: web.Request) -> web.Response:
        return web.json_response({"keys": [self.key.jwk()]})

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.token_requests.append({"tenant": request.match_info["tenant"], "form": form})
        return web.json_response({"token_type": "Bearer", "expires_in": 3600, "ext_expires_in": 3600,
                                  "access_token": f"fake-access-token-{len(self.token_requests)}"})

    async def _activity(self, request: web.Request) -> web.Response:
        self.activities.append({"region": request.match_info["region"],
                                "conversation": request.match_info["conversation"],
                                "auth": request.headers.get("Authorization"), "body": await request.json()})
        return web.json_response({"id": f"reply-{len(self.activities)}"}, status=201)


def activity(service_url: str, text: str, conversation_id: str = "a:1fictional-conversation",
             sender: str = "29:1fictional-user") -> Dict[str, Any]:
    return {"type": "message", "id": f"act-{uuid.uuid4().hex[:8]}", "channelId": "msteams",
            "serviceUrl": service_url, "text": text, "timestamp": "2026-11-22T12:00:00.000Z",
            "from": {"id": sender, "name": "Alex Example"}, "recipient": {"id": "28:fictional-bot", "name": "Bot"},
            "conversation": {"id": conversation_id, "conversationType": "personal"}}


def post_activity(url: str, body: Dict[str, Any], token: Optional[str]) -> Tuple[int, str]:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
