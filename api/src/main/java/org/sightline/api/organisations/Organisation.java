package org.sightline.api.organisations;

/** A partner organisation as stored: its database id, its code (the identity callers use), name and kind. */
public record Organisation(int dbId, String code, String name, String kind) {
}
