package org.sightline.api.privacy;

import static org.sightline.db.Tables.NOISE_SECRET;

import java.security.SecureRandom;
import java.util.Base64;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The secret behind consistent noise. Every instance on one database must use the same secret,
 * or the same question would get different noise from different instances (and averaging would
 * work again), so it lives in the database unless configuration provides one.
 */
@Component
class NoiseSecret {

    private final DSLContext db;
    private final PrivacySettings settings;
    private volatile byte[] secret;

    NoiseSecret(DSLContext db, PrivacySettings settings) {
        this.db = db;
        this.settings = settings;
    }

    byte[] bytes() {
        byte[] known = secret;
        if (known == null) {
            known = settings.noiseSecret() != null ? Base64.getDecoder().decode(settings.noiseSecret()) : fromDatabase();
            secret = known;
        }
        return known.clone();
    }

    private byte[] fromDatabase() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        db.insertInto(NOISE_SECRET, NOISE_SECRET.ID, NOISE_SECRET.SECRET).values((short) 1, fresh).onConflictDoNothing().execute();
        return db.select(NOISE_SECRET.SECRET).from(NOISE_SECRET).where(NOISE_SECRET.ID.eq((short) 1)).fetchOne().value1();
    }
}
