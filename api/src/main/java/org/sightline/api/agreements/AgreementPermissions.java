package org.sightline.api.agreements;

import java.util.Collection;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;

/**
 * Who may change the register (docs/governance.md has the table). Only STEWARDs and ADMINs ever
 * change it; a STEWARD acts for their organisation: they draft and edit agreements their
 * organisation is a party to, approve and reinstate agreements whose every covered indicator their
 * organisation owns, and suspend or end agreements their organisation is a party to or owns data
 * under. Nobody approves an agreement they drafted or changed.
 */
final class AgreementPermissions {

    private AgreementPermissions() {
    }

    /** Decided from the caller alone, before anything is read. */
    static void requireMayChangeRegister(Caller caller) {
        if (caller.role() != Role.STEWARD && caller.role() != Role.ADMIN) {
            throw new ForbiddenException("the agreements register is changed only by STEWARDs of the organisations concerned "
                    + "and by ADMINs; a " + caller.role() + " caller may read it, not change it");
        }
    }

    static void requireMayDraft(Caller caller, Collection<Integer> partyIds) {
        requireMayChangeRegister(caller);
        if (caller.role() == Role.STEWARD && !partyIds.contains(caller.organisationId())) {
            throw new ForbiddenException("a STEWARD drafts agreements their own organisation is a party to: "
                    + "add your organisation to the parties");
        }
    }

    static void requireMayEdit(Caller caller, Agreement agreement) {
        requireMayChangeRegister(caller);
        if (caller.role() == Role.STEWARD && !agreement.hasParty(caller.organisationId())) {
            throw new ForbiddenException("agreement '" + agreement.id() + "' is changed only by STEWARDs of its parties "
                    + "(or an ADMIN); your organisation is not a party");
        }
    }

    static void requireMayApprove(Caller caller, Agreement agreement) {
        requireMayChangeRegister(caller);
        if (caller.role() == Role.STEWARD && !agreement.allIndicatorsOwnedBy(caller.organisationId())) {
            throw new ForbiddenException("agreement '" + agreement.id() + "' is approved or reinstated only by a STEWARD of the "
                    + "organisation that owns every indicator it covers (or an ADMIN); your organisation does not");
        }
    }

    static void requireMayStop(Caller caller, Agreement agreement) {
        requireMayChangeRegister(caller);
        if (caller.role() == Role.STEWARD && !agreement.hasParty(caller.organisationId())
                && !agreement.coversIndicatorOwnedBy(caller.organisationId())) {
            throw new ForbiddenException("agreement '" + agreement.id() + "' is suspended or ended only by STEWARDs of its "
                    + "parties or of the owners of the indicators it covers (or an ADMIN); your organisation is neither");
        }
    }

    /** Who sees an agreement: ADMINs all, other named callers those of their organisation (as party or data owner). */
    static boolean maySee(Caller caller, Agreement agreement) {
        return switch (caller.role()) {
            case PUBLIC -> false;
            case ADMIN -> true;
            default -> agreement.hasParty(caller.organisationId()) || agreement.coversIndicatorOwnedBy(caller.organisationId());
        };
    }
}
