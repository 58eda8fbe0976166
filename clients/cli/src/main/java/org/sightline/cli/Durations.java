package org.sightline.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads times as people write them - 30s, 2m, 1h, 500ms, or a number of seconds - and writes them back. */
final class Durations implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (text.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
            } else if (text.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).strip()));
            } else if (text.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1).strip()));
            } else if (text.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1).strip()));
            } else {
                duration = Duration.ofSeconds(Long.parseLong(text));
            }
            if (duration.isZero() || duration.isNegative()) {
                throw new CommandLine.TypeConversionException("a time must be more than 0, e.g. 30s or 2m");
            }
            return duration;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time; write e.g. 30s, 2m or 1h");
        }
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = Math.round(millis / 1000.0);
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
