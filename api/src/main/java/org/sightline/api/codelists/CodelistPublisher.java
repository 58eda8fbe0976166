package org.sightline.api.codelists;

import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes a standard codelist or its next version on an administrator's request. */
@Service
class CodelistPublisher {

    private final Codelists codelists;
    private final DataVersion dataVersion;

    CodelistPublisher(Codelists codelists, DataVersion dataVersion) {
        this.codelists = codelists;
        this.dataVersion = dataVersion;
    }

    /**
     * @return the version now current and whether this call made it
     * @throws ForbiddenException for any role but ADMIN
     */
    @Transactional
    Codelists.Revision publish(CodelistDefinition definition, Caller caller) {
        if (caller.role() != Role.ADMIN) {
            throw new ForbiddenException("only an ADMIN publishes standard codelists");
        }
        Codelists.Revision revision = codelists.publish(definition, caller.id());
        if (revision.changed()) {
            // Codelists are answered through GraphQL, whose public responses are kept per data version.
            dataVersion.bump();
        }
        return revision;
    }
}
