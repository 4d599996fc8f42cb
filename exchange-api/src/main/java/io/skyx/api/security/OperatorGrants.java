package io.skyx.api.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grants and revokes the operator role ({@code users.admin}) from configuration, at start:
 * {@code skyx.operators=alice@example.com,bob@example.com} (env {@code SKYX_OPERATORS}) is the exact set of
 * operators: listed users get the role, every other user loses it, and each change is recorded in the operator
 * audit with who (this configuration) and when. Unset, the roles are left as they are. A listed address without an
 * account yet is granted at the next start after it signs up.
 */
@Component
class OperatorGrants implements ApplicationRunner {

    static final String ACTOR = "configuration skyx.operators";
    private static final Logger log = LoggerFactory.getLogger(OperatorGrants.class);

    private final JdbcClient jdbc;
    private final OperatorAudit audit;
    private final TransactionTemplate tx;
    private final Environment env;

    OperatorGrants(JdbcClient jdbc, OperatorAudit audit, TransactionTemplate tx, Environment env) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = env.getProperty("skyx.operators");
        if (configured != null) {
            apply(parse(configured));
        }
    }

    static Set<String> parse(String configured) {
        Set<String> emails = new TreeSet<>();
        Arrays.stream(configured.split(",")).map(EmailAddress::normalise).filter(e -> !e.isBlank()).forEach(emails::add);
        return emails;
    }

    /** Makes exactly {@code operators} (e-mail addresses) the operators, recording each change. */
    void apply(Set<String> operators) {
        tx.executeWithoutResult(status -> {
            List<String> granted = jdbc.sql("""
                            update users set admin = true where admin = false and email = any(:emails) returning email""")
                    .param("emails", operators.toArray(String[]::new))
                    .query(String.class).list();
            List<String> revoked = jdbc.sql("""
                            update users set admin = false where admin = true and not (email = any(:emails))
                            returning email""")
                    .param("emails", operators.toArray(String[]::new))
                    .query(String.class).list();
            granted.forEach(e -> audit.record(ACTOR, "grant-operator", e));
            revoked.forEach(e -> audit.record(ACTOR, "revoke-operator", e));
            if (!granted.isEmpty() || !revoked.isEmpty()) {
                log.info("Operators from skyx.operators: granted {}, revoked {}", granted, revoked);
            }
        });
        List<String> missing = operators.stream().filter(e -> jdbc.sql("select count(*) from users where email = :e")
                .param("e", e).query(Long.class).single() == 0).toList();
        if (!missing.isEmpty()) {
            log.warn("skyx.operators lists addresses without an account (granted at a start after they sign up): {}",
                    missing);
        }
    }
}
