package io.skyx.node.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small GNU-style option parser for subcommands: {@code --name value}, {@code --name=value} and boolean
 * {@code --flag}; positional arguments are kept in order. Unknown or repeated options are usage errors.
 */
public final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional;

    private Args(List<String> positional) {
        this.positional = positional;
    }

    /**
     * @param args         the raw arguments
     * @param valueOptions options that take a value (without the leading {@code --})
     * @param flagOptions  boolean options (without the leading {@code --})
     */
    public static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        List<String> positional = new java.util.ArrayList<>();
        Args parsed = new Args(positional);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                if (!parsed.flags.add(name)) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (parsed.values.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return parsed;
    }

    /** @return the value of {@code --name}, if given */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** @return the value of {@code --name} @throws UsageException if it is missing */
    public String required(String name) throws UsageException {
        return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    /** @return whether the flag {@code --name} was given */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * @return {@code --name} as an integer in {@code [min, max]}, or {@code defaultValue} if absent
     * @throws UsageException if it is not an integer in range
     */
    public long longValue(String name, long defaultValue, long min, long max) throws UsageException {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(raw.get().trim());
            if (v < min || v > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer");
        }
    }

    /** @return the positional arguments in order */
    public List<String> positional() {
        return List.copyOf(positional);
    }
}
