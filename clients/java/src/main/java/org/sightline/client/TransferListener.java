package org.sightline.client;

/**
 * Told how a transfer is going: bytes sent of an upload, or received of an export, so far, and the
 * total when known (-1 otherwise). Called from the HTTP client's threads for uploads; keep it quick.
 * When an upload is retried the count starts again from 0.
 */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = (bytes, total) -> {
    };

    void transferred(long bytes, long total);
}
