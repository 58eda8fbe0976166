/** Record-level intake: record files aggregated to cells on arrival and published as releases; records are never stored. */
package org.sightline.api.intake;
