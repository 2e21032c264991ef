// Obviously fake credentials of the right shapes (lengths from specs/unicourt.yaml). Never real ones.
export const CLIENT_ID = "test-client-id-00000000000000000".slice(0, 32);
export const CLIENT_SECRET = "test-client-secret-".padEnd(64, "0");
export const TOKEN_ID = "TKIDtest0000000001";
export const ACCESS_TOKEN = "test-access-token.".padEnd(760, "x");

export const tokenResponse = (n = 1) => ({
  object: "AccessTokenResponse",
  accessToken: `${ACCESS_TOKEN.slice(0, 750)}${String(n).padStart(10, "0")}`,
  tokenId: `TKIDtest${String(n).padStart(10, "0")}`,
  tokenType: "Bearer",
});

export const exceptionBody = (code: string, message: string) => ({ object: "Exception", code, message, details: `details of ${code}` });
