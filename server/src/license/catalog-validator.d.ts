/** The catalog's JSON Schema compiled by ajv when the product is bundled (scripts/catalog-validator.mjs). */
declare module 'virtual:logix-license-validator' {
  import type { ValidateFunction } from 'ajv';

  const validate: ValidateFunction;
  export default validate;
}
