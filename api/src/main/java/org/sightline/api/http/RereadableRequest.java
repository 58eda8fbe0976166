package org.sightline.api.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * A request whose body (or its beginning) was read already, handed on to be read again from the
 * start: the bytes read, then whatever of the original body was not.
 */
public class RereadableRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final InputStream rest;

    /** A request whose whole body is {@code body}. */
    public RereadableRequest(HttpServletRequest request, byte[] body) {
        this(request, body, null);
    }

    /** A request whose body starts with {@code read} and goes on with {@code rest} (null: nothing more). */
    RereadableRequest(HttpServletRequest request, byte[] read, InputStream rest) {
        super(request);
        this.body = read;
        this.rest = rest;
    }

    @Override
    public int getContentLength() {
        return rest == null ? body.length : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
        return rest == null ? body.length : super.getContentLengthLong();
    }

    @Override
    public ServletInputStream getInputStream() {
        InputStream in = rest == null ? new ByteArrayInputStream(body) : new SequenceInputStream(new ByteArrayInputStream(body), rest);
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = in.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                finished = n < 0;
                return n;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }
        };
    }
}
