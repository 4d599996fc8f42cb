package io.skyx.node.api;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON text in the layout of Go's {@code json.MarshalIndent(v, "", "    ")}, which Skycoin's API uses. */
final class GoJson {
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("").withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));

    private GoJson() {
    }

    static String indent(JsonMapper mapper, JsonNode n) {
        return mapper.writer().with(PRINTER).writeValueAsString(n);
    }
}
