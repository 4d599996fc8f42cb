package io.skyx.node.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code signed_block_hex} of an import line without building a JSON tree, when the line is a flat JSON
 * object in the plain shape the block files have: members whose names and string values are printable ASCII
 * without escapes, whose numbers are integers of at most 18 digits, no name twice, and the field once, as a
 * string. A line of any other shape (nested values, escapes, fractions, duplicate names, a missing or non-string
 * field, bad syntax) is not read here: the caller gives it to the JSON parser, so every line reads exactly as the
 * parser reads it, with the parser's errors.
 */
final class BlockLine {
    static final String FIELD = "signed_block_hex";
    /** Longer names or values are left to the parser (and its length limits). */
    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 5_000_000;
    private static final int MAX_DIGITS = 18;

    private final String line;
    private int pos;

    private BlockLine(String line) {
        this.line = line;
    }

    /** @return the field's value, or null if the line is not of the plain shape (then the parser must read it) */
    static String signedBlockHex(String line) {
        return new BlockLine(line).read();
    }

    private String read() {
        skipSpace();
        if (!take('{')) {
            return null;
        }
        List<String> names = new ArrayList<>(4);
        String hex = null;
        do {
            skipSpace();
            int name = string(MAX_NAME);
            if (name < 0) {
                return null;
            }
            String n = line.substring(name, pos - 1);
            if (n.isEmpty() || names.contains(n)) {
                return null;
            }
            names.add(n);
            skipSpace();
            if (!take(':')) {
                return null;
            }
            skipSpace();
            if (pos < line.length() && line.charAt(pos) == '"') {
                int value = string(MAX_VALUE);
                if (value < 0) {
                    return null;
                }
                if (n.equals(FIELD)) {
                    hex = line.substring(value, pos - 1);
                }
            } else if (!integer() || n.equals(FIELD)) {
                return null;
            }
            skipSpace();
        } while (take(','));
        if (!take('}')) {
            return null;
        }
        skipSpace();
        return pos == line.length() ? hex : null;
    }

    /** A string without escapes at {@code pos}; @return where its contents start (pos is after it), or -1 */
    private int string(int max) {
        if (!take('"')) {
            return -1;
        }
        int start = pos;
        int end = Math.min(line.length(), start + max + 1);
        while (pos < end) {
            char c = line.charAt(pos++);
            if (c == '"') {
                return start;
            }
            if (c < 0x20 || c > 0x7E || c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** An integer without fraction or exponent, no leading zero, at most {@link #MAX_DIGITS} digits. */
    private boolean integer() {
        take('-');
        int start = pos;
        while (pos < line.length() && pos - start <= MAX_DIGITS && isDigit(line.charAt(pos))) {
            pos++;
        }
        int digits = pos - start;
        return digits >= 1 && digits <= MAX_DIGITS && (digits == 1 || line.charAt(start) != '0')
                && (pos == line.length() || !isDigit(line.charAt(pos)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean take(char c) {
        if (pos < line.length() && line.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
            pos++;
        }
    }
}
