import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types and typed documents from the server's own schema files (the schema the server loads), for
 * every `graphql(...)` document written in src/, and the whole schema as one file. The output in
 * src/gql/ is committed; `npm run codegen:check` fails when it differs from what the current schema
 * generates - the types of the documents, and the schema itself, so any schema change counts, even
 * to a type no document uses yet.
 */
const config: CodegenConfig = {
  schema: '../../api/src/main/resources/graphql/*.graphqls',
  documents: ['src/**/*.ts', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumType: 'const',
        emitLegacyCommonJSImports: false,
        strictScalars: true,
        scalars: {
          GeoJSON: '../geojson.js#GeoJsonGeometry',
          Date: 'string',
          DateTime: 'string',
        },
      },
    },
    // The merged schema, for editors (graphql-config) and for your own code generation.
    'src/gql/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true },
    },
  },
};

export default config;
