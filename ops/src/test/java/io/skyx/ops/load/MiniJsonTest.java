package io.skyx.ops.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MiniJsonTest {

    @Test
    void readsTopLevelStringsAndScalars() {
        String json = "{ \"nested\": {\"id\": \"inner\", \"arr\": [1, {\"x\": \"]}\"}]}, \"key\" : \"ab\\\"c\\u0041\","
                + " \"id\": 42, \"ok\": true, \"neg\": -1.5e3 }";
        assertThat(MiniJson.member(json, "key")).isEqualTo("ab\"cA");
        assertThat(MiniJson.member(json, "id")).isEqualTo("42");
        assertThat(MiniJson.member(json, "ok")).isEqualTo("true");
        assertThat(MiniJson.member(json, "neg")).isEqualTo("-1.5e3");
        assertThat(MiniJson.member(json, "missing")).isNull();
        assertThat(MiniJson.member(json, "nested")).as("objects are not text").isNull();
        assertThat(MiniJson.member(json, "x")).as("only top level").isNull();
    }

    @Test
    void malformedInputGivesNull() {
        for (String bad : new String[] {null, "", "[1,2]", "{", "{\"a\"", "{\"a\":}", "{\"a\":\"x", "{\"a\":\"\\q\"}",
                "{\"a\":\"\\u00zz\"}", "{\"b\":1 \"a\":2}"}) {
            assertThat(MiniJson.member(bad, "a")).as(String.valueOf(bad)).isNull();
        }
        assertThat(MiniJson.member("{}", "a")).isNull();
    }
}
