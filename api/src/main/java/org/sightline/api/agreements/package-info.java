/**
 * The data sharing agreements register: which organisations share which indicators, why, on what
 * legal basis and until when; its lifecycle (draft, approve, suspend, reinstate, end) with a
 * history of every change; and who may see and change which agreement (docs/governance.md).
 */
package org.sightline.api.agreements;
