/** GraphQL analyses over protected observations: greatest need, comparison, trend. */
package org.sightline.api.analysis;
