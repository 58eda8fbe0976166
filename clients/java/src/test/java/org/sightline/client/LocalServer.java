package org.sightline.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free local port that answers with scripted responses in turn (the last one
 * again once the script is used up) and records every request it received, with its arrival time and
 * the whole body it read.
 */
final class LocalServer implements AutoCloseable {

    /** A request as the server received it. */
    record Received(long nanos, String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer: a status, headers and a body. */
    record Reply(int status, Map<String, String> headers, byte[] body, long declaredLength) {

        static Reply json(int status, String json, String... headerPairs) {
            java.util.LinkedHashMap<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            for (int i = 0; i < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return new Reply(status, headers, bytes, bytes.length);
        }

        static Reply text(int status, String contentType, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new Reply(status, Map.of("Content-Type", contentType), bytes, bytes.length);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Reply last;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    LocalServer(Reply... replies) throws IOException {
        script.addAll(List.of(replies));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.add(new Received(now, exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Reply reply = script.poll();
        if (reply == null) {
            reply = last;
        } else {
            last = reply;
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), reply.declaredLength() == 0 ? -1 : reply.declaredLength());
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        } finally {
            exchange.close();
        }
    }

    /**
     * A server of one connection that answers 200 declaring {@code declaredLength} bytes, sends
     * {@code body} only and closes the connection: an answer broken off part-way. Returns its URL.
     */
    static String brokenOffAfter(byte[] body, long declaredLength) throws IOException {
        java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (socket; java.net.Socket connection = socket.accept()) {
                InputStream in = connection.getInputStream();
                // Read the request head (a GET has no body).
                int matched = 0;
                for (int b; matched < 4 && (b = in.read()) >= 0; ) {
                    matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + declaredLength + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException ignored) {
                // The test sees what the client made of it.
            }
        }, "broken-off-server");
        thread.setDaemon(true);
        thread.start();
        return "http://localhost:" + socket.getLocalPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
