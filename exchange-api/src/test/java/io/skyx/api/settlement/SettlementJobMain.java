package io.skyx.api.settlement;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The settlement job alone in a JVM of its own, for {@link SettlementJobKillIT} (which kills it with SIGKILL):
 * {@code url user password epoch}; prints {@code settled <report hash>}.
 */
final class SettlementJobMain {
    private SettlementJobMain() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        System.out.println("settled " + SettlementJobKillIT.job(ds).settle(Long.parseLong(args[3])).reportHash());
    }
}
