package org.sightline.api.web;

import java.util.regex.Pattern;

/**
 * Keeps error messages for callers free of the server's insides: a message that names a Java
 * class or exception (as library messages do, e.g. "No enum constant org.x.Y.Z") is replaced by a
 * plain one, since it helps no caller and tells an attacker what runs here.
 */
public final class CallerMessages {

    private static final Pattern JAVA_INSIDES = Pattern.compile("\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w+|\\w+Exception\\b|\\bat [\\w.$]+\\(|\\bjava\\.");

    private CallerMessages() {
    }

    /** {@code message}, or a plain statement that a value was not valid when it would show Java internals. */
    public static String plain(String message) {
        if (message == null || message.isBlank() || JAVA_INSIDES.matcher(message).find()) {
            return "a value in the request is not valid here";
        }
        return message;
    }
}
