package org.sightline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;

/**
 * The machine a benchmark ran on, as the benchmark's JVM sees it, so a figure is never quoted
 * without it. The server may run elsewhere; when it runs on the same machine (the usual case for
 * this benchmark), client and server share these processors.
 *
 * @param java              Java version and vendor
 * @param os                operating system and architecture
 * @param processors        processors available to the JVM
 * @param totalMemoryBytes  physical memory, when the JVM can tell
 * @param loadAverage       the system load average over the last minute, negative when unknown
 */
public record Machine(String java, String os, int processors, OptionalLong totalMemoryBytes, double loadAverage) {

    public static Machine current() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        OptionalLong memory = system instanceof com.sun.management.OperatingSystemMXBean sun
                ? OptionalLong.of(sun.getTotalMemorySize())
                : OptionalLong.empty();
        return new Machine(
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                memory,
                system.getSystemLoadAverage());
    }

    /** The load average now, negative when the platform cannot tell. */
    public static double loadAverageNow() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
