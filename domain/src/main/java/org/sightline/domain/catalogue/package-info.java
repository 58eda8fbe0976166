/** The catalogue's rules: when an indicator's next release is due and whether it is overdue. */
package org.sightline.domain.catalogue;
