/** Partner organisations: councils, NHS bodies, police, fire and voluntary organisations. */
package org.sightline.api.organisations;
