// Obviously fake credentials and responses shaped like the spec's models. Never real ones.
import type { GrantClient, GrantCode, GrantMeeting, GrantPassword, GrantRefresh } from "../src/index.js";

export const CLIENT_ID = "test-client-id-0000000000000000";
export const CLIENT_SECRET = "test-client-secret-0000000000000000000000";
export const USERNAME = "test.user";
export const PASSWORD = "test-password-0001";
export const MEETING_ID = "4085551212";
export const PASSCODE = "test-passcode-0001";
export const AUTH_CODE = "test-auth-code-0001";
export const REDIRECT_URI = "https://app.example.test/oauth/callback";
export const APP_TOKEN = "test-app-access-token-0001";
export const USER_ID = 1234;

export const accessToken = (n = 1) => `test-access-token-${String(n).padStart(4, "0")}`;
export const refreshToken = (n = 1) => `test-refresh-token-${String(n).padStart(4, "0")}`;

const partition = { id: 7, name: "z7" };

export const grantPassword = (n = 1, expiresIn = 3600): GrantPassword => ({
  access_token: accessToken(n),
  expires_in: expiresIn,
  refresh_token: "",
  scope: { user: USER_ID, partitionName: "z7", partition },
});

export const grantMeeting = (n = 1, expiresIn = 3600): GrantMeeting => ({
  access_token: accessToken(n),
  expires_in: expiresIn,
  scope: {
    meeting: { id: 99, leaderId: USER_ID, meetingNumericId: MEETING_ID, meetingUri: "/v1/user/1234/live_meetings/4085551212", isModerator: true, endpointUriSet: [], meetingId: "99" },
    partitionName: "z7",
    partition,
  },
});

export const grantClient = (n = 1, expiresIn = 3600): GrantClient => ({
  access_token: accessToken(n),
  expires_in: expiresIn,
  scope: { enterprise: 42, partitionName: "z7", partition },
});

const codeScope = {
  user: USER_ID,
  appPermissions: [{ method: "GET", allowedRegex: "^/v1/user/1234/.*" }],
  partitionName: "z7",
  partition,
  bearerPermissions: "list_meetings,user_info",
};

export const grantCode = (n = 1, expiresIn = 3600): GrantCode => ({
  access_token: accessToken(n),
  refresh_token: refreshToken(n),
  expires_in: expiresIn,
  scope: codeScope,
});

export const grantRefresh = (n = 1, expiresIn = 3600): GrantRefresh => ({
  access_token: accessToken(n),
  refresh_token: refreshToken(n),
  expires_in: expiresIn,
  scope: codeScope,
});

export const errorBody = (message: string) => ({ message });
