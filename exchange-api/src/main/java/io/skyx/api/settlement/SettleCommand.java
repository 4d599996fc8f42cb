package io.skyx.api.settlement;

import io.skyx.api.security.RequestSignature;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The operator CLI of the settlement job, in the app jar: {@code java -jar skyx-exchange-api.jar settle
 * <epoch|yesterday> [--url http://127.0.0.1:8080] [--report json|csv]}. It asks the running app (the only process
 * that may write the journal) to settle and pay the epoch through the admin API, signed with an operator API key
 * from the environment ({@code SKYX_API_KEY}, {@code SKYX_API_SECRET}; never taken from the command line, so it
 * stays out of shell history and process lists), and prints the answer; {@code --report} then prints the stored
 * report. Idempotent like the API: a settled epoch prints its stored summary and pays only what is still pending.
 * Exit codes: 0 done, 1 refused or failed, 2 bad usage.
 */
public final class SettleCommand {
    private SettleCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String url = "http://127.0.0.1:8080";
        String report = null;
        Long epoch = null;
        long today = System.currentTimeMillis() / 86_400_000L;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--report" -> report = args[++i];
                    case "yesterday" -> epoch = today - 1;
                    default -> epoch = Long.parseLong(args[i]);
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            epoch = null;
        }
        String key = env.get("SKYX_API_KEY");
        String secret = env.get("SKYX_API_SECRET");
        if (epoch == null || (report != null && !report.equals("json") && !report.equals("csv"))) {
            err.println("usage: settle <epoch (UTC day number)|yesterday> [--url URL] [--report json|csv]");
            return 2;
        }
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            err.println("settle: set SKYX_API_KEY and SKYX_API_SECRET to an operator API key"
                    + " (POST /api/v1/api-keys {\"operator\":true} as an operator)");
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> r = send(http, url, "POST", "/api/v1/admin/settlement/" + epoch, key, secret);
            (r.statusCode() == 200 ? out : err).println(r.body());
            if (r.statusCode() != 200) {
                return 1;
            }
            if (report != null) {
                HttpResponse<String> rep = send(http, url, "GET", "/api/v1/admin/settlement/" + epoch
                        + "/report?format=" + report, key, secret);
                (rep.statusCode() == 200 ? out : err).println(rep.body());
                return rep.statusCode() == 200 ? 0 : 1;
            }
            return 0;
        } catch (IOException e) {
            err.println("settle: cannot reach " + url + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static HttpResponse<String> send(HttpClient http, String url, String method, String pathWithQuery,
                                             String key, String secret) throws IOException, InterruptedException {
        String ts = Long.toString(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + pathWithQuery))
                .timeout(Duration.ofMinutes(10))
                .header("X-SKYX-APIKEY", key)
                .header("X-SKYX-TIMESTAMP", ts)
                .header("X-SKYX-SIGNATURE", RequestSignature.computeHex(secret, ts, method, pathWithQuery, new byte[0]))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
