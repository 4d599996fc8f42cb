package io.skyx.node.service;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockLineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsTheBlockFilesPlainLinesAsTheJsonParserDoes() {
        List<String> plain = List.of(
                "{\"seq\": 0, \"hash\": \"0551a1e5\", \"signed_block_hex\": \"00ff\"}",
                "{\"signed_block_hex\": \"abcd\"}",
                " {\t\"x\" : -5 , \"signed_block_hex\":\"\" } ",
                "{\"seq\": 123456789012345678, \"signed_block_hex\": \"not hex, the decoder says so\"}");
        for (String line : plain) {
            assertThat(BlockLine.signedBlockHex(line)).as(line)
                    .isEqualTo(JSON.readTree(line).path(BlockLine.FIELD).asString(""));
        }
    }

    @Test
    void leavesEveryOtherShapeToTheJsonParser() {
        List<String> others = List.of(
                "",
                "[]",
                "{}",
                "{\"seq\": 1}",
                "{\"signed_block_hex\": 5}",
                "{\"signed_block_hex\": \"ab\", \"signed_block_hex\": \"cd\"}",
                "{\"seq\": 1, \"seq\": 2, \"signed_block_hex\": \"ab\"}",
                "{\"seq\": 01, \"signed_block_hex\": \"ab\"}",
                "{\"seq\": 1234567890123456789, \"signed_block_hex\": \"ab\"}",
                "{\"seq\": 1.5, \"signed_block_hex\": \"ab\"}",
                "{\"seq\": 1e3, \"signed_block_hex\": \"ab\"}",
                "{\"seq\": true, \"signed_block_hex\": \"ab\"}",
                "{\"seq\": {\"a\": 1}, \"signed_block_hex\": \"ab\"}",
                "{\"signed_block_hex\": \"a\\u0062\"}",
                "{\"signed_block_hex\": \"ab\u00e9\"}",
                "{\"signed_block_hex\": \"ab\"",
                "{\"signed_block_hex\": \"ab\",}",
                "{\"signed_block_hex\": \"ab\"} {}",
                "{\"\": 1, \"signed_block_hex\": \"ab\"}");
        for (String line : others) {
            assertThat(BlockLine.signedBlockHex(line)).as(line).isNull();
        }
    }
}
