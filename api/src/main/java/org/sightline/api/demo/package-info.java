/** The generated demo data set (fictional "Wessex") and the loader that puts it in an empty database. */
package org.sightline.api.demo;
