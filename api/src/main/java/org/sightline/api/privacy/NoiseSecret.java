package org.sightline.api.privacy;

import static org.sightline.db.Tables.NOISE_SECRET;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secret behind consistent noise. Every instance on one database must use the same secret,
 * or the same question would get different noise from different instances (and averaging would
 * work again), so it lives in the database unless configuration provides one.
 * <p>
 * It is read in whatever transaction first needs it - often a question's read-only one, after a
 * restart - and created, when there is none yet, in a transaction of its own that commits before
 * it is used: a secret an instance kept from a transaction that then rolled back would be known to
 * that instance alone.
 */
@Component
class NoiseSecret {

    private final DSLContext db;
    private final PrivacySettings settings;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] secret;

    NoiseSecret(DSLContext db, PrivacySettings settings, PlatformTransactionManager transactions) {
        this.db = db;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        return stored().orElseGet(() -> ownTransaction.execute(status -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // Another instance may be creating it at the same moment: whichever commits first is everyone's.
            db.insertInto(NOISE_SECRET, NOISE_SECRET.ID, NOISE_SECRET.SECRET).values((short) 1, fresh).onConflictDoNothing().execute();
            return stored().orElseThrow();
        }));
    }

    private Optional<byte[]> stored() {
        return db.select(NOISE_SECRET.SECRET).from(NOISE_SECRET).where(NOISE_SECRET.ID.eq((short) 1)).fetchOptional(NOISE_SECRET.SECRET);
    }
}
