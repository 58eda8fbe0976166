/** The access log: stewards read who received exact values of their indicators, when, under which agreement and purpose. */
package org.sightline.api.accesslog;
