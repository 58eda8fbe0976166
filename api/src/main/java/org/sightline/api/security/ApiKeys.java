package org.sightline.api.security;

import static org.sightline.db.Tables.API_KEY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.stereotype.Repository;

/** API keys, stored as SHA-256 hashes only. */
@Repository
public class ApiKeys {

    /** What a presented key resolves to; {@code revoked} keys are refused, never downgraded. */
    record KeyRecord(int id, Caller caller, boolean revoked) {
    }

    private final DSLContext db;

    ApiKeys(DSLContext db) {
        this.db = db;
    }

    Optional<KeyRecord> find(String presentedKey) {
        return db.selectFrom(API_KEY).where(API_KEY.KEY_SHA256.eq(sha256(presentedKey))).fetchOptional()
                .map(r -> new KeyRecord(r.getId(), new Caller("key:" + r.getId(), Role.valueOf(r.getRole()), r.getOrganisationId()),
                        r.getRevokedAt() != null));
    }

    /** Registers a key (idempotent for the same key and role); returns its id. */
    public int register(String key, String label, int organisationId, Role role) {
        if (role == Role.PUBLIC) {
            throw new IllegalArgumentException("PUBLIC needs no key");
        }
        db.insertInto(API_KEY, API_KEY.KEY_SHA256, API_KEY.LABEL, API_KEY.ORGANISATION_ID, API_KEY.ROLE)
                .values(sha256(key), label, organisationId, role.name())
                .onConflictDoNothing().execute();
        return db.select(API_KEY.ID).from(API_KEY).where(API_KEY.KEY_SHA256.eq(sha256(key))).fetchOne().value1();
    }

    public void revoke(String key) {
        db.update(API_KEY).set(API_KEY.REVOKED_AT, java.time.OffsetDateTime.now())
                .where(API_KEY.KEY_SHA256.eq(sha256(key))).and(API_KEY.REVOKED_AT.isNull()).execute();
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
