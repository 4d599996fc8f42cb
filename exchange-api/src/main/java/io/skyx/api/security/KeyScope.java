package io.skyx.api.security;

import java.io.Serial;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * What one API key may do: its permissions (read, trade, withdraw), the client addresses it may be used from
 * (addresses or CIDR blocks; empty: any) and when it stops working (null: never).
 */
record KeyScope(Set<Permission> permissions, List<String> ipAllowList, Instant expiresAt) {

    /** One permission; a signed request needs the one {@link #requiredFor} names. */
    enum Permission {
        READ, TRADE, WITHDRAW;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A create request that cannot be honoured: the field at fault and why. */
    static final class Problem extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;
        private final String field;

        Problem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static final int MAX_IP_RULES = 20;
    /** Only IP literals and CIDR blocks: a host name must never reach a resolver. */
    private static final Pattern IP_RULE = Pattern.compile("[0-9A-Fa-f:.]{2,45}(/\\d{1,3})?");

    KeyScope {
        permissions = Set.copyOf(permissions);
        ipAllowList = List.copyOf(ipAllowList);
    }

    /** A new key's default when the request names no permissions: read and trade, never withdraw. */
    static Set<Permission> defaultPermissions() {
        return EnumSet.of(Permission.READ, Permission.TRADE);
    }

    /** The permission a signed request needs: withdraw for a withdrawal, read for reads, trade for other changes. */
    static Permission requiredFor(String method, String path) {
        if ("POST".equals(method) && (path.equals("/api/v1/withdrawals") || path.startsWith("/api/v1/withdrawals/"))) {
            return Permission.WITHDRAW;
        }
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> Permission.READ;
            default -> Permission.TRADE;
        };
    }

    /** Validates a create request's scope fields (each may be null); nothing is stored when this throws. */
    static KeyScope parse(List<String> permissions, List<String> ipAllowList, String expiresAt, Instant now)
            throws Problem {
        Set<Permission> perms = permissions == null ? defaultPermissions() : EnumSet.noneOf(Permission.class);
        if (permissions != null) {
            for (String p : permissions) {
                perms.add(permission(p));
            }
            if (perms.isEmpty()) {
                throw new Problem("permissions", "name at least one permission: read, trade or withdraw");
            }
        }
        List<String> rules = new ArrayList<>();
        if (ipAllowList != null) {
            if (ipAllowList.size() > MAX_IP_RULES) {
                throw new Problem("ipAllowList", "at most " + MAX_IP_RULES + " addresses or blocks");
            }
            for (String rule : ipAllowList) {
                rules.add(ipRule(rule));
            }
        }
        Instant expiry = null;
        if (expiresAt != null && !expiresAt.isBlank()) {
            try {
                expiry = Instant.parse(expiresAt.strip());
            } catch (DateTimeParseException e) {
                throw new Problem("expiresAt", "expiresAt must be an ISO-8601 UTC time such as 2030-01-31T00:00:00Z");
            }
            if (!expiry.isAfter(now)) {
                throw new Problem("expiresAt", "expiresAt must be in the future");
            }
        }
        return new KeyScope(perms, rules, expiry);
    }

    private static Permission permission(String p) throws Problem {
        if (p != null) {
            for (Permission known : Permission.values()) {
                if (known.wire().equals(p)) {
                    return known;
                }
            }
        }
        throw new Problem("permissions", "unknown permission '" + p + "': use read, trade or withdraw");
    }

    private static String ipRule(String rule) throws Problem {
        String r = rule == null ? "" : rule.strip();
        if (!IP_RULE.matcher(r).matches()) {
            throw new Problem("ipAllowList", "'" + r + "' is not an IP address or CIDR block (such as 203.0.113.0/24)");
        }
        try {
            new IpAddressMatcher(r);
        } catch (IllegalArgumentException e) {
            throw new Problem("ipAllowList", "'" + r + "' is not an IP address or CIDR block (such as 203.0.113.0/24)");
        }
        return r.toLowerCase(Locale.ROOT);
    }

    boolean allows(Permission needed) {
        return permissions.contains(needed);
    }

    /** True if a request from {@code remoteAddress} may use the key. */
    boolean allowsAddress(String remoteAddress) {
        if (ipAllowList.isEmpty()) {
            return true;
        }
        for (String rule : ipAllowList) {
            if (new IpAddressMatcher(rule).matches(remoteAddress)) {
                return true;
            }
        }
        return false;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The permissions in their stored and listed order: read, trade, withdraw. */
    List<String> permissionNames() {
        return EnumSet.copyOf(permissions).stream().map(Permission::wire).toList();
    }

    /** Stored form of the permissions ("read,trade"). */
    String storedPermissions() {
        return String.join(",", permissionNames());
    }

    /** Stored form of the address rules (null: any). */
    String storedIpAllowList() {
        return ipAllowList.isEmpty() ? null : String.join(",", ipAllowList);
    }

    /** Reads the stored columns back. */
    static KeyScope stored(String permissions, String ipAllow, Instant expiresAt) {
        Set<Permission> perms = EnumSet.noneOf(Permission.class);
        for (String p : permissions.split(",")) {
            perms.add(Permission.valueOf(p.toUpperCase(Locale.ROOT)));
        }
        List<String> rules = ipAllow == null || ipAllow.isBlank() ? List.of() : List.of(ipAllow.split(","));
        return new KeyScope(perms, rules, expiresAt);
    }
}
