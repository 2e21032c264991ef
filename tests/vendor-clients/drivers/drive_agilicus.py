"""Agilicus' own Python SDK (PyPI `agilicus` 1.98.9, seed 004) against our Agilicus fake.

Two ways for each of the 26 TokensApi operations:
  - the generated client (`agilicus.TokensApi`), with every optional parameter and body field;
  - the argument forms of the vendor's own CLI (`agilicus` command, same distribution): the CLI's
    commands call the helper functions of `agilicus.tokens` with the values click hands them
    (tuples for `multiple=True` options, `True`/`None` for `--revoked/--not-revoked`, naive
    `datetime.utcnow()` expiries, free-text dates for `list-tokens`), so the driver calls those
    same functions with those same values.
And the service-account flow of `agilicus.service_token` / `agilicus.tokens.create_service_token`
(authentication document, ES256 identity assertion, the issuer's token endpoint).
"""

import base64
import datetime
import json

import click
import jwt

import agilicus
import agilicus.main
from agilicus import service_token, tokens
from agilicus.agilicus_api.exceptions import ApiException

from harness import main

EMPTY_BEARER = "agilicus 1.98.9's Configuration defaults access_token to '' and then sends 'Authorization: Bearer ' (empty) on every secured call, over the ApiClient's own Authorization header; the harness sets access_token = None"
CLI_CREATE_TOKEN = "the CLI's tokens.create_token treats any status but 200 as failure, while the vendor documents 201 for POST /v1/tokens: the harness calls the function it uses to send (tokens._create_token) and decodes the 201 RawToken with the SDK"


def build(h):
    fake = h.fake
    user, org = fake["userId"], fake["orgId"]
    email = fake["email"]
    configuration = agilicus.Configuration(host=fake["url"])
    configuration.access_token = fake["adminToken"]
    api = agilicus.TokensApi(agilicus.ApiClient(configuration))
    # No token on the open operations (the SDK sends its token only where the spec asks for it).
    open_api = agilicus.TokensApi(agilicus.ApiClient(agilicus.Configuration(host=fake["url"])))
    future = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)

    # The CLI's context, as `agilicus --api <url> --token <token> --org-id <org>` sets it up.
    ctx = click.Context(agilicus.main.cli, obj={"TOKEN": fake["adminToken"], "API": fake["url"], "CACERT": True, "CLIENT_ID": "agilicus-builtin-cli", "ISSUER": fake["url"], "ORG_ID": org, "HEADER": True, "SCOPES": [], "ADMIN_MODE": False, "output_format": "json"})
    agilicus.context.save(ctx)

    def decode(model, raw):
        """The SDK's own decoding of a JSON body into `model` (for calls made with plain requests)."""
        response = type("Response", (), {"data": raw})()
        return api.api_client.deserialize(response, model)

    # --- API keys --------------------------------------------------------------------------------
    @h.case("createApiKey", "create_api_key(APIKey(spec=user_id, org_id, expiry (aware), scopes))")
    def _():
        key = api.create_api_key(agilicus.APIKey(spec=agilicus.APIKeySpec(user_id=user, org_id=org, expiry=future, scopes=["urn:agilicus:users?"])))
        h.check(key.status.api_key and key.metadata.id and key.spec.expiry is not None, f"decoded {key!r}")
        h.state["api_key"] = key
        return f"key {key.metadata.id}"

    @h.case("createApiKey", "CLI add-api-key --duration-seconds 3600 --scope urn:agilicus:users? (expiry = datetime.utcnow() + 1 h, no offset)")
    def _():
        key = tokens.add_api_key(ctx, duration=3600, scopes=("urn:agilicus:users?",), user_id=user, org_id=org)
        h.check(key.status.api_key and key.spec.user_id == user, f"decoded {key!r}")
        expiry = next(k["expiry"] for k in h.snapshot()["apiKeys"] if k["id"] == key.metadata.id)
        h.state["cli_api_key"] = key
        return f"key {key.metadata.id}, expiry stored as {expiry}"

    @h.case("getApiKey", "get_api_key(api_key_id, user_id=..., org_id=...)")
    def _():
        key = h.need("api_key")
        got = api.get_api_key(key.metadata.id, user_id=user, org_id=org)
        h.check(got.metadata.id == key.metadata.id and got.status.api_key is None, f"decoded {got!r}")
        return "found, secret not repeated"

    @h.case("getApiKey", "CLI get-api-key <id> --user-id (org from the CLI context)")
    def _():
        key = h.need("api_key")
        got = tokens.get_api_key(ctx, key.metadata.id, user_id=user)
        h.check(got.metadata.id == key.metadata.id, f"decoded {got!r}")
        return "found"

    @h.case("listApiKeys", "list_api_keys(limit=10, user_id=..., org_id=...)")
    def _():
        listing = api.list_api_keys(limit=10, user_id=user, org_id=org)
        h.check(listing.limit == 10 and any(k.metadata.id == h.need("api_key").metadata.id for k in listing.api_keys), f"decoded {listing!r}")
        return f"{len(listing.api_keys)} key(s)"

    @h.case("listApiKeys", "CLI list-api-keys --user-id (org from the CLI context)")
    def _():
        keys = tokens.list_api_keys(ctx, user_id=user, org_id=None)
        h.check(len(keys) >= 1, f"decoded {keys!r}")
        return f"{len(keys)} key(s)"

    @h.case("createApiKeyIntrospection", "create_api_key_introspection(api_key_auth_info, introspect_options(exclude_roles=True), multi_org=True)")
    def _():
        key = h.need("api_key")
        info = agilicus.APIKeyIntrospectAuthorizationInfo(username=email, key=key.status.api_key)
        result = open_api.create_api_key_introspection(agilicus.APIKeyIntrospect(api_key_auth_info=info, introspect_options=agilicus.TokenIntrospectOptions(exclude_roles=True), multi_org=True))
        h.check(result.primary_token.sub == user and result.raw_token and result.primary_token.roles is None, f"decoded {result!r}")
        return f"key of {result.primary_token.sub}, {len(result.sub_org_results)} sub-org result(s)"

    @h.case("createApiKeyIntrospection", "CLI show-api-key-introspection <email> <key> (include_suborgs=False)")
    def _():
        key = h.need("cli_api_key")
        result = tokens.get_api_key_introspect(ctx, email, key.status.api_key, include_suborgs=False)
        h.check(result.primary_token.sub == user and result.sub_org_results == [], f"decoded {result!r}")
        return "introspected"

    @h.case("deleteApiKey", "delete_api_key(api_key_id, user_id=..., org_id=...)")
    def _():
        key = h.need("api_key")
        h.check(api.delete_api_key(key.metadata.id, user_id=user, org_id=org) is None, "a body for 204")
        return "deleted"

    @h.case("deleteApiKey", "CLI delete-api-key <id> --user-id")
    def _():
        tokens.delete_api_key(ctx, h.need("cli_api_key").metadata.id, user_id=user)
        return "deleted"

    @h.case("createApiKeyIntrospection", "a deleted key: the fake's 410, as the vendor documents", expect_status=410)
    def _():
        info = agilicus.APIKeyIntrospectAuthorizationInfo(username=email, key=h.need("api_key").status.api_key)
        open_api.create_api_key_introspection(agilicus.APIKeyIntrospect(api_key_auth_info=info))

    # --- authentication documents and the service-account flow -----------------------------------
    @h.case("createAuthenticationDocument", "create_authentication_document(spec=user_id, org_id, auth_issuer_url, expiry (aware))")
    def _():
        document = api.create_authentication_document(agilicus.AuthenticationDocument(spec=agilicus.AuthenticationDocumentSpec(user_id=user, org_id=org, auth_issuer_url=fake["issuerUrl"], expiry=future)))
        h.check(document.status.key and document.metadata.id, f"decoded {document!r}")
        h.state["document"] = document.to_dict()
        return f"document {document.metadata.id}"

    @h.case("createAuthenticationDocument", "CLI add-authentication-document --user-id --auth-issuer-url --expiry '<utcnow + 1 day>' (text, no offset)")
    def _():
        expiry = str(datetime.datetime.utcnow() + datetime.timedelta(days=1))
        document = tokens.add_authentication_document(ctx, user_id=user, org_id=None, auth_issuer_url=fake["issuerUrl"], expiry=expiry)
        h.check(document["status"]["key"], f"decoded {document!r}")
        h.state["cli_document"] = document
        return f"document {document['metadata']['id']}"

    @h.case("getAuthenticationDocument", "get_authentication_document(document_id, user_id=..., org_id=...)")
    def _():
        document = h.need("document")
        got = api.get_authentication_document(document["metadata"]["id"], user_id=user, org_id=org)
        h.check(got.metadata.id == document["metadata"]["id"] and got.status.key is None, f"decoded {got!r}")
        return "found, key not repeated"

    @h.case("getAuthenticationDocument", "CLI show-authentication-document <id> (org from the CLI context)")
    def _():
        got = tokens.show_authentication_document(ctx, h.need("document")["metadata"]["id"])
        h.check(got["spec"]["user_id"] == user, f"decoded {got!r}")
        return "found"

    @h.case("listAuthenticationDocuments", "list_authentication_documents(limit=10, user_id=..., org_id=...)")
    def _():
        listing = api.list_authentication_documents(limit=10, user_id=user, org_id=org)
        h.check(listing.limit == 10 and len(listing.authentication_documents) >= 1, f"decoded {listing!r}")
        return f"{len(listing.authentication_documents)} document(s)"

    @h.case("listAuthenticationDocuments", "CLI list-authentication-documents --limit 500 (defaults)")
    def _():
        documents = tokens.list_authentication_documents(ctx, org_id=None, user_id=None, limit=500)
        h.check(len(documents) >= 1, f"decoded {documents!r}")
        return f"{len(documents)} document(s)"

    @h.case("validateIdentityAssertion", "validate_identity_assertion(IdentityAssertion(document id, assertion signed ES256 by tokens._get_service_access_token))")
    def _():
        document = h.need("document")
        assertion = tokens._get_service_access_token(document)
        result = api.validate_identity_assertion(agilicus.IdentityAssertion(authentication_document_id=document["metadata"]["id"], token=assertion))
        h.check(result.user_id == user and result.org_id == org, f"decoded {result!r}")
        return f"assertion of {result.user_id}"

    @h.case("validateIdentityAssertion", "CLI validate-identity-assertion <id> <assertion signed by another key>: the fake's 400", expect_status=400)
    def _():
        document = h.need("document")
        other = h.need("cli_document")
        forged = tokens._get_service_access_token({**document, "status": other["status"]})
        tokens.validate_identity_assertion(ctx, document["metadata"]["id"], forged)

    @h.case("flow:service-token", "tokens.create_service_token(auth_doc, scope=[...], client_id=...): POST <auth_issuer_url>/token, grant identity_statement")
    def _():
        document = h.need("document")
        token = tokens.create_service_token(document, scope=["urn:agilicus:users"], client_id="test-agilicus-client")
        claims = jwt.decode(token["access_token"], algorithms=["ES256"], options={"verify_signature": False})
        h.check(claims["sub"] == user and claims["org"] == org and claims["exp"] > claims["iat"], f"claims {claims!r}")
        h.state["service_token"] = token["access_token"]
        return f"access token for {claims['sub']}, expires_in {token.get('expires_in')}"

    @h.case("flow:service-token", "service_token.Token(...).get(): creates its own document, then exchanges an assertion")
    def _():
        helper = service_token.Token(org_id=org, user_id=user, auth_issuer_url=fake["issuerUrl"], auth_expiry_secs=3600, api_config=configuration)
        token = helper.get()
        h.check(helper.get() == token, "a second get() did not reuse the token")
        introspected = open_api.create_introspect_token(agilicus.TokenIntrospect(token=token))
        h.check(introspected.sub == user, f"introspected {introspected!r}")
        return "token obtained and reused"

    @h.case("flow:api-key-basic", "an API key as HTTP basic auth (e-mail:key) on list_api_keys, as the APIKey model documents", workaround=EMPTY_BEARER)
    def _():
        key = tokens.add_api_key(ctx, duration=None, scopes=(), user_id=user, org_id=org)
        basic = base64.b64encode(f"{email}:{key.status.api_key}".encode()).decode()
        # agilicus 1.98.9 has no basic scheme: the header is given to the ApiClient directly.
        without_token = agilicus.Configuration(host=fake["url"])
        without_token.access_token = None
        with_key = agilicus.TokensApi(agilicus.ApiClient(without_token, header_name="Authorization", header_value=f"Basic {basic}"))
        listing = with_key.list_api_keys(user_id=user)
        h.check(any(k.metadata.id == key.metadata.id for k in listing.api_keys), f"decoded {listing!r}")
        return "accepted"

    @h.case("deleteAuthenticationDocument", "delete_authentication_document(document_id, user_id=..., org_id=...)")
    def _():
        api.delete_authentication_document(h.need("document")["metadata"]["id"], user_id=user, org_id=org)
        return "deleted"

    @h.case("deleteAuthenticationDocument", "CLI delete-authentication-document <id> (org from the CLI context)")
    def _():
        tokens.delete_authentication_document(ctx, h.need("cli_document")["metadata"]["id"])
        return "deleted"

    # --- sessions --------------------------------------------------------------------------------
    @h.case("createSession", "create_session(Session(spec=every field))")
    def _():
        session = api.create_session(agilicus.Session(spec=agilicus.SessionsSpec(user_id=user, org_id=org, revoked=False, number_of_logins=1, number_of_failed_multi_factor_challenges=0)))
        h.check(session.metadata.id and isinstance(session.metadata.created, datetime.datetime), f"decoded {session!r}")
        h.state["session"] = session
        return f"session {session.metadata.id}"

    @h.case("createSession", "CLI add-session --user-id --number-of-logins 2 --not-revoked")
    def _():
        session = tokens.add_session(ctx, user_id=user, org_id=None, number_of_failed_multi_factor_challenges=None, number_of_logins=2, revoked=False)
        h.check(session.spec.number_of_logins == 2, f"decoded {session!r}")
        h.state["cli_session"] = session
        return f"session {session.metadata.id}"

    @h.case("getSession", "get_session(session_id, user_id=..., org_id=...)")
    def _():
        got = api.get_session(h.need("session").metadata.id, user_id=user, org_id=org)
        h.check(got.spec.user_id == user, f"decoded {got!r}")
        return "found"

    @h.case("getSession", "CLI show-session <id> --user-id")
    def _():
        got = tokens.get_session(ctx, h.need("cli_session").metadata.id, user_id=user, org_id=None)
        h.check(got.metadata.id == h.state["cli_session"].metadata.id, f"decoded {got!r}")
        return "found"

    @h.case("replaceSession", "replace_session(session_id, Session(spec=...))")
    def _():
        session = h.need("session")
        replaced = api.replace_session(session.metadata.id, agilicus.Session(spec=agilicus.SessionsSpec(user_id=user, org_id=org, number_of_logins=5)))
        h.check(replaced.spec.number_of_logins == 5, f"decoded {replaced!r}")
        return "replaced"

    @h.case("replaceSession", "CLI update-session <id> --number-of-logins 7 (gets the session, sends it back whole, metadata included)")
    def _():
        updated = tokens.update_session(ctx, h.need("cli_session").metadata.id, user_id=user, org_id=None, number_of_failed_multi_factor_challenges=None, number_of_logins=7, revoked=None)
        h.check(updated.spec.number_of_logins == 7, f"decoded {updated!r}")
        return "updated"

    @h.case("listSessions", "list_sessions(limit, user_id, org_id, revoked=False, created_time, previous_created_time, previous_user_id)")
    def _():
        since = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)
        page = api.list_sessions(limit=5, user_id=user, org_id=org, revoked=False, created_time=since, previous_created_time=since, previous_user_id=user)
        h.check(page.limit == 5 and len(page.sessions) >= 1, f"decoded {page!r}")
        return f"{len(page.sessions)} session(s)"

    @h.case("listSessions", "CLI list-sessions --user-id --revoked (sent as revoked=True)")
    def _():
        api.create_session(agilicus.Session(spec=agilicus.SessionsSpec(user_id=user, org_id=org, revoked=True)))
        sessions = tokens.list_sessions(ctx, user_id=user, org_id=None, revoked=True, limit=500)
        h.check(len(sessions) >= 1 and all(s.spec.revoked for s in sessions), f"decoded {sessions!r}")
        return f"{len(sessions)} revoked session(s)"

    @h.case("listSessions", "CLI list-sessions --not-revoked (sent as revoked=False)")
    def _():
        sessions = tokens.list_sessions(ctx, user_id=user, org_id=None, revoked=False, limit=500)
        h.check(len(sessions) >= 1 and not any(s.spec.revoked for s in sessions), f"decoded {sessions!r}")
        return f"{len(sessions)} live session(s)"

    @h.case("deleteSession", "delete_session(session_id, user_id=..., org_id=...)")
    def _():
        api.delete_session(h.need("session").metadata.id, user_id=user, org_id=org)
        return "deleted"

    @h.case("deleteSession", "CLI delete-session <id> --user-id")
    def _():
        tokens.delete_session(ctx, h.need("cli_session").metadata.id, user_id=user, org_id=None)
        return "deleted"

    @h.case("createSessionAndToken", "create_session_and_token(CreateSessionAndTokenResponse(session=...)) (the vendor's swapped model names)")
    def _():
        result = api.create_session_and_token(agilicus.CreateSessionAndTokenResponse(session=agilicus.Session(spec=agilicus.SessionsSpec(user_id=user, org_id=org))))
        h.check(result.session.metadata.id and result.create_token_request.session == result.session.metadata.id, f"decoded {result!r}")
        return f"session {result.session.metadata.id} with a token"

    @h.case("createBulkRevokeSessionTask", "create_bulk_revoke_session_task(UserSessionIdentifiers(user_id, org_id))")
    def _():
        result = api.create_bulk_revoke_session_task(agilicus.UserSessionIdentifiers(user_id=user, org_id=org))
        h.check(result.number_of_sessions_modified >= 1, f"decoded {result!r}")
        return f"{result.number_of_sessions_modified} revoked"

    @h.case("createBulkRevokeSessionTask", "CLI bulk-revoke-sessions <user> (no --org-id)")
    def _():
        result = tokens.bulk_revoke_sessions(ctx, user)
        h.check("number_of_sessions_modified" in result, f"decoded {result!r}")
        return f"{result['number_of_sessions_modified']} revoked"

    @h.case("createBulkDeleteSessionTask", "create_bulk_delete_session_task(UserSessionIdentifiers(user_id, org_id))")
    def _():
        result = api.create_bulk_delete_session_task(agilicus.UserSessionIdentifiers(user_id=user, org_id=org))
        h.check(result.number_of_sessions_modified >= 1, f"decoded {result!r}")
        return f"{result.number_of_sessions_modified} deleted"

    @h.case("createBulkDeleteSessionTask", "CLI bulk-delete-sessions <user> --org-id")
    def _():
        result = tokens.bulk_delete_sessions(ctx, user, org_id=org)
        h.check("number_of_sessions_modified" in result, f"decoded {result!r}")
        return f"{result['number_of_sessions_modified']} deleted"

    # --- tokens ----------------------------------------------------------------------------------
    def token_request(**extra):
        rule = agilicus.RenderedRule(methods=["get", "propfind"], paths=["/.*"], query_parameters=[agilicus.RenderedQueryParameter(name="q", exact_match="x")], body=agilicus.RenderedRuleBody(json=[agilicus.JSONBodyConstraint(name="n", exact_match="v", match_type="string", pointer="/a/0")]))
        return agilicus.CreateTokenRequest(sub=user, org=org, roles={"test-app": "owner"}, audiences=["test-app"], time_validity=agilicus.TimeValidity(duration=3600), hosts=[agilicus.HostPermissions(upstream_host="app.example.test", allowed_list=[rule])], scopes=["urn:agilicus:users?"], **extra)

    @h.case("createToken", "create_token(CreateTokenRequest(every field, token_validity start/duration))")
    def _():
        now = datetime.datetime.now(datetime.timezone.utc)
        raw = api.create_token(token_request(token_validity=agilicus.TokenValidity(start=now, duration=7200)))
        h.check(raw.token, f"decoded {raw!r}")
        h.state["token"] = raw.token
        return "token signed"

    @h.case("createToken", "create_token(token_validity end / does_not_expire)")
    def _():
        end = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)
        a = api.create_token(token_request(token_validity=agilicus.TokenValidity(end=end)))
        b = api.create_token(token_request(token_validity=agilicus.TokenValidity(does_not_expire=True)))
        h.check(a.token and b.token, "no token")
        h.state["reissue_from"] = a.token
        return "two tokens signed"

    @h.case("createToken", "CLI create-token <user> <org> -r test-app owner --duration 3600 --aud test-app --scope urn:agilicus:users? (plain requests)", workaround=CLI_CREATE_TOKEN)
    def _():
        response = tokens._create_token(ctx, user, 3600, aud=("test-app",), roles={"test-app": "owner"}, org_id=org, scopes=("urn:agilicus:users?",))
        h.check(response.status_code == 201, f"HTTP {response.status_code} {response.text}")
        raw = decode("RawToken", response.text)
        h.check(raw.token, f"decoded {raw!r}")
        return "HTTP 201 RawToken"

    @h.case("listTokens", "list_tokens(limit, sub, exp_from/exp_to/iat_from/iat_to as ISO date-times, jti, org, revoked=False, session)")
    def _():
        snapshot = h.snapshot()["tokens"]
        mine = next(t for t in snapshot if t["sub"] == user and t.get("expiresAt") and not t["revoked"])
        now = datetime.datetime.now(datetime.timezone.utc)
        listing = api.list_tokens(limit=50, sub=user, exp_from=(now - datetime.timedelta(days=1)).isoformat(), exp_to=(now + datetime.timedelta(days=3)).isoformat(), iat_from=(now - datetime.timedelta(hours=1)).isoformat(), iat_to=(now + datetime.timedelta(hours=1)).isoformat(), jti=mine["jti"], org=org, revoked=False)
        h.check(listing.limit == 50 and [t.jti for t in listing.tokens] == [mine["jti"]], f"decoded {listing!r}")
        with_session = next((t for t in snapshot if t.get("session")), None)
        if with_session:
            by_session = api.list_tokens(session=with_session["session"])
            h.check(all(t.session == with_session["session"] for t in by_session.tokens), f"decoded {by_session!r}")
        return "1 token matched every filter"

    @h.case("listTokens", "list_tokens(iat_from='1 hour ago', exp_to='in 3 days', revoked=True): dateparser text, as the vendor documents")
    def _():
        listing = api.list_tokens(sub=user, iat_from="1 hour ago", exp_to="in 3 days", revoked=True)
        h.check(all(t.sub == user for t in listing.tokens), f"decoded {listing!r}")
        return f"{len(listing.tokens)} revoked token(s)"

    @h.case("listTokens", "CLI list-tokens --issued-from '2 hours ago' --expired-to tomorrow --sub <user> --limit 5 (plain requests, org from the CLI context)")
    def _():
        text = tokens.query_tokens(ctx, limit="5", issued_from="2 hours ago", expired_to="tomorrow", sub=user)
        listing = decode("ListTokensResponse", text)
        h.check(listing.limit == 5 and all(t.sub == user for t in listing.tokens), f"decoded {listing!r}")
        return f"{len(listing.tokens)} token(s)"

    @h.case("createTokenValidation", "create_token_validation(CreateTokenRequest(every field))")
    def _():
        result = open_api.create_token_validation(token_request())
        h.check(result.sub == user and result.hosts[0].allowed_list[0].methods == ["get", "propfind"], f"decoded {result!r}")
        return "valid"

    @h.case("createIntrospectToken", "create_introspect_token(TokenIntrospect(token, introspect_options(exclude_roles=False)))")
    def _():
        result = open_api.create_introspect_token(agilicus.TokenIntrospect(token=h.need("token"), introspect_options=agilicus.TokenIntrospectOptions(exclude_roles=False)))
        h.check(result.sub == user and result.roles == {"test-app": ["owner"]} and result.hosts[0].upstream_host == "app.example.test", f"decoded {result!r}")
        return f"roles {result.roles}"

    @h.case("createIntrospectToken", "CLI show-token-introspection --token <t> --exclude-roles True")
    def _():
        result = tokens.get_introspect(ctx, h.need("token"), exclude_roles=True, include_suborgs=False)
        h.check(result.sub == user and result.roles is None, f"decoded {result!r}")
        return "introspected without roles"

    @h.case("createIntrospectTokenAllSubOrgs", "create_introspect_token_all_sub_orgs(TokenIntrospect(token, introspect_options))")
    def _():
        result = open_api.create_introspect_token_all_sub_orgs(agilicus.TokenIntrospect(token=h.need("token"), introspect_options=agilicus.TokenIntrospectOptions(exclude_roles=True)))
        h.check(result.primary_token.sub == user and result.sub_org_results == [], f"decoded {result!r}")
        return "introspected"

    @h.case("createIntrospectTokenAllSubOrgs", "CLI show-token-introspection --token <t> --include-suborgs True")
    def _():
        result = tokens.get_introspect(ctx, h.need("token"), exclude_roles=False, include_suborgs=True)
        h.check(result.primary_token.sub == user, f"decoded {result!r}")
        return "introspected"

    @h.case("createReissuedToken", "create_reissued_token(TokenReissueRequest(token, org_id))")
    def _():
        raw = open_api.create_reissued_token(agilicus.TokenReissueRequest(token=h.need("reissue_from"), org_id="test-org-2"))
        introspected = open_api.create_introspect_token(agilicus.TokenIntrospect(token=raw.token))
        h.check(introspected.org == "test-org-2", f"decoded {introspected!r}")
        return "token for test-org-2"

    @h.case("createBulkRevokeTokenTask", "create_bulk_revoke_token_task(BulkTokenRevoke(user_id, org_id, session_id))")
    def _():
        session = api.create_session_and_token(agilicus.CreateSessionAndTokenResponse(session=agilicus.Session(spec=agilicus.SessionsSpec(user_id="test-user-9", org_id=org)))).session
        result = api.create_bulk_revoke_token_task(agilicus.BulkTokenRevoke(user_id="test-user-9", org_id=org, session_id=session.metadata.id))
        h.check(result.number_of_tokens_revoked == 1, f"decoded {result!r}")
        return "1 revoked"

    @h.case("createBulkRevokeTokenTask", "CLI bulk-revoke-tokens <user> --org-id (no --session-id)")
    def _():
        result = tokens.bulk_revoke_token(ctx, "test-user-9", org_id=org, session_id=None)
        h.check(result["number_of_tokens_revoked"] == 0, f"decoded {result!r}")
        return "0 revoked (already revoked)"

    @h.case("createRevokeTokenTask", "create_revoke_token_task(TokenRevoke(token, all_sessions=True))")
    def _():
        h.check(open_api.create_revoke_token_task(agilicus.TokenRevoke(token=h.need("token"), all_sessions=True)) is None, "a body for 204")
        return "revoked"

    @h.case("createIntrospectToken", "a revoked token: the fake's 410, as the vendor documents", expect_status=410)
    def _():
        open_api.create_introspect_token(agilicus.TokenIntrospect(token=h.need("token")))

    @h.case("flow:service-token", "the service token revoked with create_revoke_token_task(TokenRevoke(token))")
    def _():
        open_api.create_revoke_token_task(agilicus.TokenRevoke(token=h.need("service_token")))
        return "revoked"


if __name__ == "__main__":
    main(build)
