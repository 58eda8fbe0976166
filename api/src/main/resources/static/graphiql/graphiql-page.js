/*
 * GraphiQL 2 from the jar's webjars (React 18 UMD globals), talking to /graphql on this server.
 * Headers typed in the Headers tab (e.g. {"X-API-Key": "demo-analyst"}) are sent with every
 * request; they are not kept after the tab closes (shouldPersistHeaders: false), so a key is not
 * left in the browser's storage.
 */
(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var defaultQuery = [
    '# Sightline\'s GraphQL API. Run with Ctrl-Enter.',
    '# Without a key you read as PUBLIC. Put',
    '#   {"X-API-Key": "demo-analyst"}',
    '# in the Headers tab below to read as',
    '# the demo analyst.',
    '{',
    '  indicators {',
    '    edges { node { id title disclosureClass periods { code } } }',
    '  }',
    '}',
    ''
  ].join('\n');
  var root = ReactDOM.createRoot(container);
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: defaultQuery,
    defaultHeaders: '{}',
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
    isHeadersEditorEnabled: true
  }));
})();
