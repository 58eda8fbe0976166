/**
 * Wires the pure-Java privacy engine into the service: settings, the noise secret, who is
 * entitled to what (ownership, agreements), the policy for a query, and the audit of exact values.
 */
package org.sightline.api.privacy;
