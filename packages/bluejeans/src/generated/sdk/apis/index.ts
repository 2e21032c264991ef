/* tslint:disable */
/* eslint-disable */
export * from './AuthenticationApi';
