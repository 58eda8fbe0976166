/** Data sharing agreements: which organisations may see which indicators, for what purpose. */
package org.sightline.api.agreements;
