/** The gaps log: data someone needs and does not have, raised by any named caller and closed by whoever answers for the data. */
package org.sightline.api.gaps;
