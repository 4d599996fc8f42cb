package io.skyx.api.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Every error code" in the OpenAPI description: besides the enums, some packages send codes as string literals
 * (security filters, custody refusals, stream answers). This reads those call sites in the sources of
 * exchange-api and custody and requires each code in {@link OpenApiDocs#errorCodes()}, so a new literal cannot be
 * left out of the description.
 */
class OpenApiErrorCodesTest {

    private static final Pattern LITERAL_CODE = Pattern.compile(
            "(?:new CustodyException|Verification\\.fail|errorText|SecurityError\\.of\\w*|ErrorWriter\\.json)"
                    + "\\(\\s*(?:HttpStatus\\.\\w+,\\s*)?\"([A-Z][A-Z0-9_]+)\"");

    @Test
    void everyCodeSentAsALiteralIsDescribed() throws IOException {
        Path root = ProjectRoot.find();
        TreeSet<String> sent = new TreeSet<>();
        for (Path sources : new Path[] {root.resolve("exchange-api/src/main/java"), root.resolve("custody/src/main/java")}) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = LITERAL_CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        sent.add(m.group(1));
                    }
                }
            }
        }
        assertThat(sent).as("codes found at the call sites").contains("CSRF", "BAD_SIGNATURE", "WRONG_NETWORK",
                "INVALID_REQUEST_ID").hasSizeGreaterThan(20);
        assertThat(OpenApiDocs.errorCodes()).as("the OpenAPI error codes").containsAll(sent);
    }
}
