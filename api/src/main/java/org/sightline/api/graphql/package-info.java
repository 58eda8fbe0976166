/** GraphQL plumbing shared by all controllers: Relay connections, cursors, scalars and error mapping. */
package org.sightline.api.graphql;
