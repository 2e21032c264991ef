// Obviously fake credentials and vendor-shaped responses (shapes from specs/laserfiche.yaml). Never real ones.
export const REPO_ID = "r-test123";
export const USERNAME = "test-user";
export const PASSWORD = "test-password-0001";
export const CUSTOMER_ID = "123456789";
export const SESSION_KEY = "test-session-key-0001";

export const authToken = (n = 1) => `test-auth-token-${String(n).padStart(6, "0")}`;
/** .NET round-trip format with seven fractional digits, as in the vendor guide. */
export const expireTime = (hour = 1) => `2030-01-01T${String(hour).padStart(2, "0")}:00:00.0000000Z`;
export const sessionKeyInfo = (n = 1) => ({ authToken: authToken(n), expireTime: expireTime(1) });

export const apiServerException = (statusCode: number, message = `test failure ${statusCode}`) => ({
  operationId: "test-operation-0001",
  message,
  errorCode: 9000 + statusCode,
  errorClass: "TestException",
  statusCode,
  errorSource: "Api",
});

export const path = (operation: "Create" | "Refresh" | "Invalidate", repoId = REPO_ID) => `/v1-alpha/Repositories/${repoId}/AccessTokens/${operation}`;
