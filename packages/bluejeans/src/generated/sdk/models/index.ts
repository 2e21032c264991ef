/* tslint:disable */
/* eslint-disable */
export * from './Application';
export * from './ApplicationSecret';
export * from './ErrorResponse';
export * from './GrantClient';
export * from './GrantClientScope';
export * from './GrantCode';
export * from './GrantCodeScope';
export * from './GrantCodeScopeAppPermissions';
export * from './GrantMeeting';
export * from './GrantMeetingScope';
export * from './GrantMeetingScopeMeeting';
export * from './GrantPassword';
export * from './GrantPasswordScope';
export * from './GrantRefresh';
export * from './GrantRequest';
export * from './GrantRequestClient';
export * from './GrantRequestCode';
export * from './GrantRequestMeeting';
export * from './GrantRequestPassword';
export * from './GrantRequestRefresh';
export * from './GrantRequestRevoke';
export * from './GrantResponse';
export * from './Partition';
export * from './TokenInfo';
