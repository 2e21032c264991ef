export const EXPLAINED = {};
