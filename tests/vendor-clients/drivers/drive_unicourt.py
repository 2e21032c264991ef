"""UniCourt's own Python SDK (PyPI `unicourt`) against our UniCourt fake.

Two generations run this driver: 1.1.2 (pydantic, every response field optional) and 1.0 / 1.0.1
(the legacy openapi-generator "python" generation the seed page comes from; strict type checks on
what it decodes, and its operations return `(data, status)`). Both are driven through the
generated `AuthenticationApi` (every operation, with and without its optional body) and through the
SDK's own helpers `unicourt.Authentication.*`, which keep the token in module globals.
"""

import datetime

import unicourt
from unicourt.api.authentication_api import AuthenticationApi
from unicourt.model.access_token_request import AccessTokenRequest
from unicourt.model.invalidate_access_token_request import InvalidateAccessTokenRequest

from harness import main

# 1.1.x raises BadRequestException & co. (SdkException, not an ApiException) for error statuses.
API_ERRORS = tuple(e for e in (getattr(unicourt, "ApiException", None), getattr(unicourt, "SdkException", None)) if e)


def data(result):
    """1.0.x operations return (data, status); 1.1.x the data."""
    return result[0] if isinstance(result, tuple) else result


def build(h):
    fake = h.fake
    configuration = unicourt.Configuration(host=fake["url"])
    api = AuthenticationApi(unicourt.ApiClient(configuration))
    credentials = dict(client_id=fake["clientId"], client_secret=fake["clientSecret"])

    def error_code(error):
        """The Exception body, as the SDK decodes it (1.1.x: a model in `data`; 1.0.x: the raw body)."""
        decoded = getattr(error, "data", None)
        if decoded is not None:
            return decoded.code
        import json

        return json.loads(error.body)["code"]

    def without_body(operation, call, status):
        """A case: the operation without its optional body, answered with the fake's Exception, decoded."""

        @h.case(operation, f"without its optional body: the fake's {status} Exception, decoded")
        def _():
            try:
                call()
            except API_ERRORS as error:
                h.check(error.status == status and error_code(error) == "InvalidCredentials", f"HTTP {error.status} {error.body}")
                return f"HTTP {status} InvalidCredentials"
            raise AssertionError(f"the fake answered {operation} without credentials")

    @h.case("generateNewToken", "AuthenticationApi.generate_new_token(access_token_request=...)")
    def _():
        token = data(api.generate_new_token(access_token_request=AccessTokenRequest(**credentials)))
        h.check(len(token.access_token) >= 700 and len(token.token_id) == 18 and token.token_type == "Bearer" and token.object == "AccessTokenResponse", f"decoded {token!r}")
        h.state["token"] = token
        return f"token {token.token_id}"

    without_body("generateNewToken", api.generate_new_token, 403)

    @h.case("listAllTokenIds", "AuthenticationApi.list_all_token_ids(access_token_request=...)")
    def _():
        token = h.need("token")
        listing = data(api.list_all_token_ids(access_token_request=AccessTokenRequest(**credentials)))
        ids = [t.token_id for t in listing.access_token_id_array]
        h.check(token.token_id in ids, f"{token.token_id} not in {ids}")
        first = listing.access_token_id_array[0]
        # 1.0 and 1.1.2 decode issuedDate as a datetime; 1.0.1 keeps it as str(datetime) on purpose
        # (its model_utils: "datetime serialization format override").
        issued = first.issued_date
        parsed = issued if isinstance(issued, datetime.datetime) else datetime.datetime.fromisoformat(issued)
        h.check(parsed.tzinfo is not None and parsed.utcoffset() == datetime.timedelta(0), f"issued_date decoded as {issued!r}")
        h.check(first.issue_address == "127.0.0.1", f"issue_address {first.issue_address!r}")
        return f"{len(ids)} token id(s), issuedDate decoded as {type(issued).__name__} {issued}"

    without_body("listAllTokenIds", api.list_all_token_ids, 400)

    @h.case("invalidateToken", "AuthenticationApi.invalidate_token(invalidate_access_token_request=...)")
    def _():
        token = h.need("token")
        result = data(api.invalidate_token(invalidate_access_token_request=InvalidateAccessTokenRequest(token_id=token.token_id, **credentials)))
        h.check(result.object == "Success" and result.message, f"decoded {result!r}")
        h.check(token.token_id not in h.snapshot()["activeTokenIds"], "the token is still active on the fake")
        return result.message

    without_body("invalidateToken", api.invalidate_token, 400)

    @h.case("invalidateAllTokens", "AuthenticationApi.invalidate_all_tokens(access_token_request=...)")
    def _():
        data(api.generate_new_token(access_token_request=AccessTokenRequest(**credentials)))
        result = data(api.invalidate_all_tokens(access_token_request=AccessTokenRequest(**credentials)))
        h.check(result.object == "Success" and h.snapshot()["activeTokenIds"] == [], f"decoded {result!r}, active {h.snapshot()['activeTokenIds']}")
        return result.message

    without_body("invalidateAllTokens", api.invalidate_all_tokens, 400)

    # --- the SDK's own helpers (module-global credentials and token) ---------------------------------
    # They build `unicourt.Configuration(access_token=...)` themselves after login, which always
    # points at the production host: the harness makes the fake the default host (workaround below).
    sdk_host = "the SDK helpers hard-code the production host (update_api_client_after_login); the harness makes the fake the Configuration default"
    original_init = unicourt.Configuration.__init__

    def init_with_fake_host(self, host=None, *args, **kwargs):
        original_init(self, host or fake["url"], *args, **kwargs)

    unicourt.Configuration.__init__ = init_with_fake_host

    @h.case("generateNewToken", "unicourt.Authentication.generate_new_token(client_id, client_secret)", workaround=sdk_host)
    def _():
        token = data(unicourt.Authentication.generate_new_token(fake["clientId"], fake["clientSecret"]))
        h.check(unicourt.ACCESS_TOKEN == token.access_token and unicourt.TOKEN_ID == token.token_id, "the SDK did not keep the token")
        return f"token {token.token_id} kept in unicourt.TOKEN_ID"

    @h.case("listAllTokenIds", "unicourt.Authentication.list_all_token_ids() (credentials from the login)", workaround=sdk_host)
    def _():
        listing = data(unicourt.Authentication.list_all_token_ids())
        ids = [t.token_id for t in listing.access_token_id_array]
        h.check(unicourt.TOKEN_ID in ids, f"{unicourt.TOKEN_ID} not in {ids}")
        return f"{len(ids)} token id(s)"

    @h.case("invalidateToken", "unicourt.Authentication.invalidate_token() with no argument: the cached token", workaround=sdk_host)
    def _():
        cached = unicourt.TOKEN_ID
        result = data(unicourt.Authentication.invalidate_token())
        h.check(result.object == "Success" and cached not in h.snapshot()["activeTokenIds"], f"decoded {result!r}")
        return f"invalidated {cached}"

    @h.case("invalidateAllTokens", "unicourt.Authentication.invalidate_all_tokens()", workaround=sdk_host)
    def _():
        unicourt.Authentication.generate_new_token(fake["clientId"], fake["clientSecret"])
        result = data(unicourt.Authentication.invalidate_all_tokens())
        h.check(result.object == "Success" and h.snapshot()["activeTokenIds"] == [], f"decoded {result!r}")
        return result.message


if __name__ == "__main__":
    main(build)
