"""A credential service for the a2a-sdk ``AuthInterceptor`` that always has one token.

The interceptor reads the card's ``securitySchemes`` / ``securityRequirements`` and puts
the token where the scheme says (``Authorization: Bearer …`` for an HTTP bearer scheme),
as an HTTP header or gRPC metadata: the SDK's own way to authenticate to an A2A server.
"""

from __future__ import annotations

from a2a.client import AuthInterceptor, ClientCallContext, CredentialService


class StaticCredentials(CredentialService):
    def __init__(self, token: str) -> None:
        self._token = token

    async def get_credentials(self, security_scheme_name: str, context: ClientCallContext | None) -> str | None:
        return self._token


def auth_interceptors(token: str | None) -> list[AuthInterceptor]:
    """``[AuthInterceptor]`` presenting ``token`` for every declared scheme, or ``[]`` without a token."""
    return [AuthInterceptor(StaticCredentials(token))] if token else []
