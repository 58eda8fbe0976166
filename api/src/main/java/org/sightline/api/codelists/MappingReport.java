package org.sightline.api.codelists;

/** What a mappings file changed: mappings added, changed (a local code now stands for another value) and already so. */
public record MappingReport(String type, int codelistVersion, int added, int changed, int unchanged) {
}
