/* tslint:disable */
/* eslint-disable */
export * from './TokensApi';
