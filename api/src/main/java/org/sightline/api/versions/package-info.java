/** The data version every cache of computed answers is keyed by. */
package org.sightline.api.versions;
