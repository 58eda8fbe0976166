/**
 * A Java client of the Sightline API for partner systems. Start with {@link org.sightline.client.SightlineClient#builder}.
 * It speaks HTTP (the JDK's {@link java.net.http.HttpClient}) and JSON (Jackson 3) only, and shares no code with the server:
 * it sees the service as any partner system does.
 */
package org.sightline.client;
