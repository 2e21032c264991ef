// Obviously fake credentials, with the lengths the UniCourt spec requires (32 and 64 characters).
export const CLIENT_ID = "test-client-id-".padEnd(32, "0");
export const CLIENT_SECRET = "test-client-secret-".padEnd(64, "0");
