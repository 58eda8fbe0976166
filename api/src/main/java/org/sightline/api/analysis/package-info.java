/** GraphQL analyses over protected observations: greatest need, comparison, trend, overlay, inequality. */
package org.sightline.api.analysis;
