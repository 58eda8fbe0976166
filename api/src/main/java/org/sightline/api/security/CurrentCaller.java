package org.sightline.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.sightline.domain.access.Caller;

/** The caller {@link CallerFilter} resolved for the current HTTP request. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Caller of(HttpServletRequest request) {
        Object caller = request.getAttribute(CallerFilter.CALLER_ATTRIBUTE);
        return caller instanceof Caller c ? c : Caller.PUBLIC;
    }
}
