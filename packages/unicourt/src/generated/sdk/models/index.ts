/* tslint:disable */
/* eslint-disable */
export * from './AccessTokenIdListResponse';
export * from './AccessTokenIdResponse';
export * from './AccessTokenRequest';
export * from './AccessTokenResponse';
export * from './Exception';
export * from './InvalidateAccessTokenRequest';
export * from './Success';
