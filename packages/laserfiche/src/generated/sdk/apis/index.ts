/* tslint:disable */
/* eslint-disable */
export * from './AccessTokensApi';
