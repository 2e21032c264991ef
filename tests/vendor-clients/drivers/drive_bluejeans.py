"""BlueJeans' own Python client (`swagger_client`, swagger-codegen 2.2.2 on the vendor's swagger.yaml,
identical to the vendor's committed libs/python; see fixtures/bluejeans/SOURCE.md) against our
BlueJeans fake: the 11 seed operations, with their `?<Marker>` paths as the client sends them, the
optional parameters, and with the `access_token` the vendor lets a client configure for every call.

Two bugs of swagger-codegen 2.2.2's Python client are worked around here (not counted as ours):
  1. with an API key configured, an operation without other query parameters crashes
     (`'dict' object has no attribute 'append'`: update_params_for_auth appends to the `{}` the
     operation built), e.g. get_token_info(), the grants, the developer-application calls;
  2. a query string is appended with a second `?` to the seed paths that already carry one
     (`/oauth2/token?Revoke?access_token=...`), which no server reads as `access_token`.
"""

import json

import swagger_client
from swagger_client.api_client import ApiClient
from swagger_client.rest import ApiException, RESTClientObject

from harness import main

EMPTY_QUERY_CRASH = "swagger-codegen 2.2.2: with an api_key configured, an operation with no other query parameter crashes ('dict' object has no attribute 'append'); the harness turns the operation's {} into a list first"
SECOND_QUESTION_MARK = "swagger-codegen 2.2.2: the query string is appended with a second '?' to a seed path that already has '?<Marker>', so access_token would not be a parameter; the harness joins with '&'"

_call_api = ApiClient._ApiClient__call_api


def _call_api_with_list_query(self, resource_path, method, path_params=None, query_params=None, *args, **kwargs):
    # Workaround 1: the operation's `query_params = {}` stays a dict when empty, and
    # update_params_for_auth then calls .append on it.
    if not query_params:
        query_params = []
    return _call_api(self, resource_path, method, path_params, query_params, *args, **kwargs)


_request = RESTClientObject.request


def _request_joining_queries(self, method, url, query_params=None, *args, **kwargs):
    # Workaround 2: a path with a '?<Marker>' gets its query string after '&', not a second '?'.
    if query_params and "?" in url and method.upper() in ("POST", "PUT", "PATCH", "OPTIONS", "DELETE"):
        from six.moves.urllib.parse import urlencode

        url = f"{url}&{urlencode(query_params)}"
        query_params = None
    return _request(self, method, url, query_params, *args, **kwargs)


def build(h):
    fake = h.fake
    configuration = swagger_client.Configuration()  # a singleton in 2.2.2
    configuration.host = fake["url"]
    client = ApiClient(host=fake["url"])
    api = swagger_client.AuthenticationApi(client)
    meeting = fake["meeting"]

    def configured(token):
        """Configures (or clears) the vendor's `access_token` API key, with both workarounds on."""
        if token is None:
            configuration.api_key.pop("access_token", None)
        else:
            configuration.api_key["access_token"] = token
        ApiClient._ApiClient__call_api = _call_api_with_list_query
        RESTClientObject.request = _request_joining_queries

    def grant_client():
        return swagger_client.GrantRequestClient(grant_type="client_credentials", client_id=fake["clientId"], client_secret=fake["clientSecret"])

    # --- grants without a configured token: exactly as generated --------------------------------
    @h.case("getTokenByPassword", "get_token_by_password(GrantRequestPassword) -> POST /oauth2/token?Password")
    def _():
        grant = api.get_token_by_password(swagger_client.GrantRequestPassword(grant_type="password", username=fake["username"], password=fake["password"]))
        h.check(grant.access_token and grant.expires_in > 0 and grant.scope.user == fake["userId"] and grant.scope.partition.name, f"decoded {grant!r}")
        h.state["user_token"] = grant.access_token
        return f"user {grant.scope.user}, expires_in {grant.expires_in}"

    @h.case("getTokenByMeeting", "get_token_by_meeting(moderator passcode) -> POST /oauth2/token?Meeting")
    def _():
        grant = api.get_token_by_meeting(swagger_client.GrantRequestMeeting(grant_type="meeting_passcode", meeting_numeric_id=meeting["meetingNumericId"], meeting_passcode=meeting["moderatorPasscode"]))
        h.check(grant.scope.meeting.is_moderator is True and grant.scope.meeting.meeting_numeric_id == meeting["meetingNumericId"], f"decoded {grant!r}")
        return "moderator"

    @h.case("getTokenByMeeting", "get_token_by_meeting(attendee passcode)")
    def _():
        grant = api.get_token_by_meeting(swagger_client.GrantRequestMeeting(grant_type="meeting_passcode", meeting_numeric_id=meeting["meetingNumericId"], meeting_passcode=meeting["attendeePasscode"]))
        h.check(grant.scope.meeting.is_moderator is False, f"decoded {grant!r}")
        return "attendee"

    @h.case("getTokenByClient", "get_token_by_client(GrantRequestClient) -> POST /oauth2/token?Client")
    def _():
        grant = api.get_token_by_client(grant_client())
        h.check(grant.access_token and grant.scope.enterprise, f"decoded {grant!r}")
        h.state["app_token"] = grant.access_token
        return f"enterprise {grant.scope.enterprise}"

    @h.case("getTokenByClient", "a wrong secret: the fake's 401 Error body, decoded")
    def _():
        try:
            api.get_token_by_client(swagger_client.GrantRequestClient(grant_type="client_credentials", client_id=fake["clientId"], client_secret="test-wrong-secret"))
        except ApiException as error:
            decoded = client.deserialize(type("R", (), {"data": error.body})(), "Error")
            h.check(error.status == 401 and decoded.message, f"HTTP {error.status} {error.body}")
            return f"HTTP 401: {decoded.message}"
        raise AssertionError("the fake accepted a wrong client secret")

    @h.case("getAuthorizationCode", "get_authorization_code(client_id, redirect_uri, state, scope, response_type): the 302 followed to the redirect URI")
    def _():
        api.get_authorization_code(client_id=fake["clientId"], redirect_uri=fake["redirectUri"], state="test-state-1", scope="user_info,list_meetings", response_type="code")
        landed = json.loads(client.last_response.data)
        h.check(landed.get("state") == "test-state-1" and landed.get("code"), f"redirected with {landed!r}")
        h.state["code"] = landed["code"]
        return "redirected with code and state"

    @h.case("getTokenByCode", "get_token_by_code(GrantRequestCode with redirectUri and the code) -> POST /oauth2/token?Code")
    def _():
        grant = api.get_token_by_code(swagger_client.GrantRequestCode(grant_type="authorization_code", client_id=fake["clientId"], client_secret=fake["clientSecret"], redirect_uri=fake["redirectUri"], code=h.need("code")))
        h.check(grant.access_token and grant.refresh_token and grant.scope.bearer_permissions == "user_info,list_meetings", f"decoded {grant!r}")
        h.state["refresh_token"] = grant.refresh_token
        h.state["code_token"] = grant.access_token
        return f"scope {grant.scope.bearer_permissions}"

    @h.case("getTokenByRefresh", "get_token_by_refresh(GrantRequestRefresh) -> POST /oauth2/token?Refresh")
    def _():
        grant = api.get_token_by_refresh(swagger_client.GrantRequestRefresh(grant_type="refresh_token", client_id=fake["clientId"], client_secret=fake["clientSecret"], refresh_token=h.need("refresh_token")))
        h.check(grant.access_token and grant.refresh_token and grant.refresh_token != h.state["refresh_token"], f"decoded {grant!r}")
        h.state["refreshed_token"] = grant.access_token
        return "rotated"

    @h.case("revokeAccessToken", "revoke_access_token(GrantRequestRevoke, access_token=...) -> DELETE /oauth2/token?Revoke&access_token=...", workaround=SECOND_QUESTION_MARK)
    def _():
        configured(None)
        token = h.need("code_token")
        h.check(api.revoke_access_token(swagger_client.GrantRequestRevoke(client_id=fake["clientId"], client_secret=fake["clientSecret"]), access_token=token) is None, "a body for 204")
        return "revoked"

    # --- with the vendor's configured access_token on every call ----------------------------------
    @h.case("getTokenInfo", "get_token_info() with the configured access_token", workaround=EMPTY_QUERY_CRASH)
    def _():
        configured(h.need("user_token"))
        info = api.get_token_info()
        h.check(info.user == fake["userId"], f"decoded {info!r}")
        return f"user {info.user}"

    def grant_with_token(operation, token_key, grant, keep=None):
        """A case: a grant sent with a configured access_token (POST /oauth2/token?<Marker>&access_token=...)."""

        @h.case(operation, "with a configured access_token (POST /oauth2/token?<Marker>&access_token=...)", workaround=f"{EMPTY_QUERY_CRASH}; {SECOND_QUESTION_MARK}")
        def _():
            configured(h.need(token_key))
            answer = grant()
            h.check(answer.access_token, f"decoded {answer!r}")
            if keep:
                h.state[keep] = answer.refresh_token
            return "accepted"

    grant_with_token("getTokenByPassword", "user_token", lambda: api.get_token_by_password(swagger_client.GrantRequestPassword(grant_type="password", username=fake["username"], password=fake["password"])))
    grant_with_token("getTokenByClient", "app_token", lambda: api.get_token_by_client(grant_client()))

    @h.case("getAuthorizationCode", "get_authorization_code with a configured access_token (GET /oauth2/authorize?...&access_token=...)")
    def _():
        configured(h.need("user_token"))
        api.get_authorization_code(client_id=fake["clientId"], redirect_uri=fake["redirectUri"], state="test-state-2")
        landed = json.loads(client.last_response.data)
        h.check(landed.get("state") == "test-state-2" and landed.get("code"), f"redirected with {landed!r}")
        h.state["code2"] = landed["code"]
        return "redirected"

    grant_with_token("getTokenByCode", "user_token", lambda: api.get_token_by_code(swagger_client.GrantRequestCode(grant_type="authorization_code", client_id=fake["clientId"], client_secret=fake["clientSecret"], redirect_uri=fake["redirectUri"], code=h.need("code2"))), keep="refresh_token2")
    grant_with_token("getTokenByRefresh", "user_token", lambda: api.get_token_by_refresh(swagger_client.GrantRequestRefresh(grant_type="refresh_token", client_id=fake["clientId"], client_secret=fake["clientSecret"], refresh_token=h.need("refresh_token2"))))
    grant_with_token("getTokenByMeeting", "user_token", lambda: api.get_token_by_meeting(swagger_client.GrantRequestMeeting(grant_type="meeting_passcode", meeting_numeric_id=meeting["meetingNumericId"], meeting_passcode=meeting["moderatorPasscode"])))

    @h.case("createClientApplication", "create_client_application(user_id, Application(every writable field)) with the user's token", workaround=EMPTY_QUERY_CRASH)
    def _():
        configured(h.need("user_token"))
        app = api.create_client_application(fake["userId"], swagger_client.Application(app_name="test app", description="vendor-client suite", app_logo_url="https://app.example.test/logo.png", redirect_urls=[fake["redirectUri"]]))
        h.check(len(app.client_id) == 32 and app.client_secret and app.redirect_urls == [fake["redirectUri"]], f"decoded {app!r}")
        h.state["app"] = app
        return f"application {app.client_id}"

    @h.case("updateClientApplication", "update_client_application(user_id, client_id, Application)", workaround=EMPTY_QUERY_CRASH)
    def _():
        configured(h.need("user_token"))
        app = h.need("app")
        updated = api.update_client_application(fake["userId"], app.client_id, swagger_client.Application(app_name="test app renamed", redirect_urls=[fake["redirectUri"]]))
        h.check(updated.app_name == "test app renamed" and updated.client_secret is None, f"decoded {updated!r}")
        return "renamed"

    @h.case("regenerateClientApplicationSecret", "regenerate_client_application_secret(user_id, client_id)", workaround=EMPTY_QUERY_CRASH)
    def _():
        configured(h.need("user_token"))
        app = h.need("app")
        secret = api.regenerate_client_application_secret(fake["userId"], app.client_id)
        h.check(secret.client_id == app.client_id and secret.client_secret and secret.client_secret != app.client_secret, f"decoded {secret!r}")
        h.state["app_secret"] = secret.client_secret
        return "new secret"

    @h.case("getTokenByClient", "get_token_by_client with the new application's regenerated secret")
    def _():
        configured(None)
        app = h.need("app")
        grant = api.get_token_by_client(swagger_client.GrantRequestClient(grant_type="client_credentials", client_id=app.client_id, client_secret=h.need("app_secret")))
        h.check(grant.access_token, f"decoded {grant!r}")
        h.state["app2_token"] = grant.access_token
        return "accepted"

    @h.case("revokeAccessToken", "revoke_access_token with the token to revoke as the configured access_token (no parameter)", workaround=SECOND_QUESTION_MARK)
    def _():
        configured(h.need("refreshed_token"))
        api.revoke_access_token(swagger_client.GrantRequestRevoke(client_id=fake["clientId"], client_secret=fake["clientSecret"]))
        configured(None)
        revoked = [t for t in h.snapshot()["tokens"] if t["revoked"]]
        h.check(len(revoked) == 2, f"{len(revoked)} revoked")
        return "revoked"

    @h.case("getTokenInfo", "get_token_info() with a revoked token: the fake's 401", workaround=EMPTY_QUERY_CRASH, expect_status=401)
    def _():
        configured(h.need("refreshed_token"))
        api.get_token_info()


if __name__ == "__main__":
    main(build)
