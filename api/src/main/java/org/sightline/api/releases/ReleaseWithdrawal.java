package org.sightline.api.releases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jooq.DSLContext;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ConflictException;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.NotFoundException;
import org.sightline.db.tables.records.ReleaseRecord;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.RELEASE;

/**
 * A steward takes a release back (wrong data, data shared beyond its agreement): it is never read
 * again, not even "as of", and for each of its periods the newest earlier release that is not
 * withdrawn is current again, protected as any current release is. The cells and the record of
 * the release stay, for the history.
 */
@Service
public class ReleaseWithdrawal {

    private final Releases releases;
    private final Indicators indicators;
    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final DataVersion dataVersion;
    private final Clock clock;

    ReleaseWithdrawal(Releases releases, Indicators indicators, DSLContext db, ApplicationEventPublisher events,
                      DataVersion dataVersion, Clock clock) {
        this.releases = releases;
        this.indicators = indicators;
        this.db = db;
        this.events = events;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    /**
     * @throws ForbiddenException unless the caller is an operator or a steward of the organisation that owns the indicator
     * @throws NotFoundException  if there is no such release
     * @throws ConflictException  if it was withdrawn already
     */
    @Transactional
    public long withdraw(long releaseId, String reason, Caller caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.STEWARD) {
            throw new ForbiddenException("only the steward of the indicator's organisation or an operator withdraws a release");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why the release is withdrawn (reason)");
        }
        if (reason.length() > 2000) {
            throw new IllegalArgumentException("reason is limited to 2000 characters");
        }
        ReleaseRecord release = releases.find(releaseId)
                .orElseThrow(() -> new NotFoundException("there is no release " + releaseId));
        String slug = db.select(INDICATOR.SLUG).from(INDICATOR).where(INDICATOR.ID.eq(release.getIndicatorId())).fetchSingle().value1();
        StoredIndicator indicator = indicators.find(slug).orElseThrow();
        if (caller.role() == Role.STEWARD && !caller.organisationId().equals(indicator.ownerOrganisationId())) {
            throw new ForbiddenException("release " + releaseId + " is of indicator '" + indicator.id()
                    + "', which belongs to another organisation; only its steward withdraws its releases");
        }
        // Serialised with the indicator's uploads, so statuses are worked out on a settled history.
        releases.lockIndicator(indicator.dbId());
        release = releases.find(releaseId).orElseThrow();
        if ("WITHDRAWN".equals(release.getStatus())) {
            throw new ConflictException("release " + releaseId + " was withdrawn already, on " + release.getWithdrawnAt().toLocalDate());
        }
        if (!"PUBLISHED".equals(release.getStatus()) && !"SUPERSEDED".equals(release.getStatus())) {
            throw new ConflictException("release " + releaseId + " is " + release.getStatus().toLowerCase(Locale.ROOT)
                    + " and cannot be withdrawn");
        }
        db.update(RELEASE)
                .set(RELEASE.STATUS, "WITHDRAWN")
                .set(RELEASE.WITHDRAWN_AT, OffsetDateTime.now(clock))
                .set(RELEASE.WITHDRAWN_BY, caller.id())
                .set(RELEASE.WITHDRAWAL_REASON, reason.strip())
                .where(RELEASE.ID.eq(releaseId))
                .execute();
        releases.refreshStatuses(indicator.dbId());
        events.publishEvent(new ReleaseWithdrawn(indicator.dbId(), releaseId));
        dataVersion.bump();
        return releaseId;
    }
}
