"""Laserfiche's own Python SDK (PyPI `laserfiche-api` 1.0.0, swagger-codegen, the last release with
AccessTokensApi) against our Laserfiche fake: the three seed operations with every optional
parameter (body fields, `create_cookie` both ways, `customer_id`, the `Keep-Alive` header).
"""

import datetime

import laserfiche_api
from laserfiche_api.rest import ApiException

from harness import main

# laserfiche-api 1.0.0's Configuration.auth_settings() is empty, so the operations' 'Authorization'
# setting never adds the token: `configuration.api_key['Authorization']` is silently ignored.
# Workaround: the ApiClient's default header (its documented header_name/header_value arguments).
AUTH_WORKAROUND = "Configuration.auth_settings() is empty in laserfiche-api 1.0.0, so api_key['Authorization'] is never sent; the harness passes the bearer as ApiClient(header_name='Authorization', header_value='Bearer ...')"


def build(h):
    fake = h.fake
    configuration = laserfiche_api.Configuration()
    configuration.host = fake["url"]
    api = laserfiche_api.AccessTokensApi(laserfiche_api.ApiClient(configuration))
    repo = fake["repoId"]

    def authorized(token):
        client = laserfiche_api.ApiClient(configuration, header_name="Authorization", header_value=f"Bearer {token}")
        return laserfiche_api.AccessTokensApi(client)

    def session_key_info(info):
        h.check(info.auth_token and isinstance(info.expire_time, datetime.datetime) and info.expire_time.tzinfo is not None, f"decoded {info!r}")

    @h.case("createAccessToken", "create_access_token(repo_id, body=username/password, customer_id=...)")
    def _():
        body = laserfiche_api.CreateConnectionRequest(username=fake["username"], password=fake["password"])
        info = api.create_access_token(repo, body=body, customer_id=fake["customerId"])
        session_key_info(info)
        h.state["token"] = info.auth_token
        return f"token expires {info.expire_time.isoformat()}"

    @h.case("createAccessToken", "create_cookie=True (sent as createCookie=True), application_name, customer_id")
    def _():
        body = laserfiche_api.CreateConnectionRequest(username=fake["username"], password=fake["password"], application_name="vendor-client suite")
        info, status, headers = api.create_access_token_with_http_info(repo, body=body, create_cookie=True, customer_id=fake["customerId"])
        session_key_info(info)
        h.check(status == 200 and "AuthToken=" in (headers.get("Set-Cookie") or ""), f"HTTP {status}, Set-Cookie {headers.get('Set-Cookie')!r}")
        return "Set-Cookie present"

    @h.case("createAccessToken", "create_cookie=False (sent as createCookie=False): no Set-Cookie")
    def _():
        body = laserfiche_api.CreateConnectionRequest(username=fake["username"], password=fake["password"])
        info, status, headers = api.create_access_token_with_http_info(repo, body=body, create_cookie=False, customer_id=fake["customerId"])
        session_key_info(info)
        h.check("Set-Cookie" not in headers, f"Set-Cookie {headers.get('Set-Cookie')!r}")
        return "no Set-Cookie"

    @h.case("createAccessToken", "body=session_key (no customer_id)")
    def _():
        info = api.create_access_token(repo, body=laserfiche_api.CreateConnectionRequest(session_key=fake["sessionKey"]))
        session_key_info(info)
        return "session-key login"

    @h.case("createAccessToken", "without its optional body: the fake's 400 APIServerException, decoded")
    def _():
        try:
            api.create_access_token(repo)
        except ApiException as error:
            h.check(error.status == 400, f"HTTP {error.status}")
            decoded = laserfiche_api.ApiClient().deserialize(type("R", (), {"data": error.body})(), "APIServerException")
            h.check(decoded.status_code == 400 and decoded.error_class == "ValidationException", f"decoded {decoded!r}")
            return "HTTP 400 ValidationException"
        raise AssertionError("the fake created a session without credentials")

    @h.case("refreshAccessToken", "refresh_access_token(repo_id)", workaround=AUTH_WORKAROUND)
    def _():
        value = authorized(h.need("token")).refresh_access_token(repo)
        h.check(isinstance(value.value, datetime.datetime) and value.value.tzinfo is not None, f"decoded {value!r}")
        return f"session now ends {value.value.isoformat()}"

    @h.case("refreshAccessToken", "keep_alive='600' (the Keep-Alive header)", workaround=AUTH_WORKAROUND)
    def _():
        token = h.need("token")
        value = authorized(token).refresh_access_token(repo, keep_alive="600")
        h.check(isinstance(value.value, datetime.datetime), f"decoded {value!r}")
        session = next(s for s in h.snapshot()["sessions"] if s["authToken"] == token)
        h.check(session["idleSeconds"] == 600, f"idle seconds {session['idleSeconds']}")
        return "idle lifetime now 600 s"

    @h.case("invalidateAccessToken", "invalidate_access_token(repo_id)", workaround=AUTH_WORKAROUND)
    def _():
        token = h.need("token")
        value = authorized(token).invalidate_access_token(repo)
        h.check(value.value is True, f"decoded {value!r}")
        session = next(s for s in h.snapshot()["sessions"] if s["authToken"] == token)
        h.check(not session["active"], "the session is still active")
        return "logged out"

    @h.case("refreshAccessToken", "after invalidate: the fake's 401, as the vendor documents", workaround=AUTH_WORKAROUND, expect_status=401)
    def _():
        authorized(h.need("token")).refresh_access_token(repo)


if __name__ == "__main__":
    main(build)
