"""The Python side of the vendor-client suite (tests/vendor-clients, issue 14).

A driver is a list of cases, each one call (or a few) of a vendor's own client against our fake.
Cases run in order (later ones may use what earlier ones created, through `h.state`). Around each
case the driver tells the launcher (run.mjs) where the case begins and ends over its loopback
control channel, and the launcher answers with what the fake saw in between: the requests, their
statuses and any spec violation. A case passes when the vendor client returned (or raised the
error the case expects) and decoded what our fake answered, and the fake found nothing to refuse.

Only the standard library is used here, so the vendor clients' own dependencies stay as pinned.
"""

import json
import os
import sys
import traceback
import urllib.request


class Skip(Exception):
    """Raised by a case whose precondition (an earlier case) failed."""


class Harness:
    def __init__(self):
        config = json.loads(os.environ["VENDOR_CLIENTS_CONFIG"])
        self.control = config["control"]
        self.fake = config["fake"]
        self.client = config["client"]
        self.state = {}
        self.cases = []

    # --- declaring cases -------------------------------------------------------------------------

    def case(self, operation, variant, workaround=None, expect_status=None):
        """Registers a case: `operation` is the seed operation (camelCase), `variant` what this call
        exercises; `workaround` names a vendor-client bug the case works around (kept in the report);
        `expect_status` an HTTP error status the vendor client must raise (e.g. 410)."""

        def register(fn):
            self.cases.append({"operation": operation, "variant": variant, "workaround": workaround, "expect_status": expect_status, "fn": fn})
            return fn

        return register

    # --- helpers for the cases ---------------------------------------------------------------------

    def snapshot(self):
        """The fake's state as the launcher shows it (tokens, sessions, ...)."""
        return self._post("/snapshot", {})

    def need(self, key):
        """A value an earlier case stored; Skip when that case did not get it."""
        if key not in self.state:
            raise Skip(f"needs {key!r} from an earlier case")
        return self.state[key]

    @staticmethod
    def check(condition, message):
        if not condition:
            raise AssertionError(message)

    # --- running -----------------------------------------------------------------------------------

    def run(self):
        for index, case in enumerate(self.cases):
            case_id = f"{index + 1:03d}"
            self._post("/begin", {"id": case_id, "operation": case["operation"], "variant": case["variant"], "workaround": case["workaround"]})
            outcome = {"id": case_id, "ok": False, "skipped": False, "detail": "", "error": ""}
            try:
                detail = case["fn"]()
                if case["expect_status"] is not None:
                    raise AssertionError(f"expected the vendor client to raise HTTP {case['expect_status']}, it returned")
                outcome.update(ok=True, detail=str(detail or ""))
            except Skip as skip:
                outcome.update(skipped=True, error=str(skip))
            except Exception as error:  # noqa: BLE001 - every failure of a vendor client is reported, not raised
                status = getattr(error, "status", None)
                if case["expect_status"] is not None and status == case["expect_status"]:
                    outcome.update(ok=True, detail=f"raised HTTP {status} as expected")
                else:
                    outcome.update(error=describe(error))
            self._post("/end", outcome)
        return 0

    def _post(self, path, body):
        request = urllib.request.Request(self.control + path, data=json.dumps(body).encode(), method="POST", headers={"content-type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read().decode() or "null")


def describe(error):
    """One line: the exception, its HTTP status and body when it is an API error, and where it came from."""
    text = f"{type(error).__name__}: {error}".strip()
    status = getattr(error, "status", None)
    body = getattr(error, "body", None)
    if status is not None:
        text = f"{type(error).__name__} HTTP {status}: {body if body else error}"
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        last = frames[-1]
        text += f" (at {os.path.basename(last.filename)}:{last.lineno})"
    return " ".join(text.split())[:600]


def main(build):
    """Entry point of a driver: `build(h)` declares the cases."""
    harness = Harness()
    build(harness)
    sys.exit(harness.run())
