// The API's JSON shapes, generated from docs/openapi.yaml (`npm run gen:api` writes
// schema.gen.ts before every build, typecheck and test run). The *-types.ts files name
// these for the app; a shape the app needs that the contract lacks is added to openapi.yaml.

import type { components } from './schema.gen';

export type Schemas = components['schemas'];
