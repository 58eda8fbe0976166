/** Spreadsheet exports: the same questions as GraphQL, answered as RFC 4180 CSV through the same privacy engine. */
package org.sightline.api.exports;
