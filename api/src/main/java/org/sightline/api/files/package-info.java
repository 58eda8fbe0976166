/** Reading and writing the files users exchange with Sightline (CSV as publishers ship it). */
package org.sightline.api.files;
