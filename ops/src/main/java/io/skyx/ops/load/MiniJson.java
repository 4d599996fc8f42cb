package io.skyx.ops.load;

/**
 * Reads one top-level member of a JSON object as text (a string's unescaped value, or a number/boolean as
 * written), which is all the load generator needs from the API's answers. Nested values are skipped
 * correctly; malformed input gives null.
 */
final class MiniJson {

    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    /** The value of top-level member {@code name} of the JSON object {@code json}, or null. */
    static String member(String json, String name) {
        if (json == null) {
            return null;
        }
        try {
            return new MiniJson(json).find(name);
        } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private String find(String name) {
        ws();
        expect('{');
        ws();
        if (peek() == '}') {
            return null;
        }
        while (true) {
            ws();
            String key = string();
            ws();
            expect(':');
            ws();
            if (key.equals(name)) {
                char c = peek();
                if (c == '"') {
                    return string();
                }
                if (c == '{' || c == '[') {
                    return null;
                }
                int start = i;
                skipValue();
                return s.substring(start, i).strip();
            }
            skipValue();
            ws();
            char c = next();
            if (c == '}') {
                return null;
            }
            if (c != ',') {
                throw new IllegalStateException("expected , or }");
            }
        }
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                char d = peek();
                if (d == '"') {
                    string();
                    continue;
                }
                next();
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                }
            } while (depth > 0);
        } else {
            int start = i;
            while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                throw new IllegalStateException("expected a value");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw new IllegalStateException("bad escape");
            }
        }
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw new IllegalStateException("unexpected end");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalStateException("expected " + c);
        }
    }
}
