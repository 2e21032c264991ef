/* tslint:disable */
/* eslint-disable */
export * from './APIServerException';
export * from './CreateConnectionRequest';
export * from './ODataValueOfBoolean';
export * from './ODataValueOfDateTime';
export * from './SessionKeyInfo';
