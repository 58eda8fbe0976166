/**
 * Which treatment a caller gets for an indicator: the policy matrix of (role, disclosure class),
 * with the finest geography each treatment allows, and the policies that carry treatments out.
 */
package org.sightline.privacy.policy;
