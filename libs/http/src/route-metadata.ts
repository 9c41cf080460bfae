/** Metadata keys read by both the auth guard and the OpenAPI decorators (kept apart so neither imports the other). */
export const IS_PUBLIC = 'hs:public';
