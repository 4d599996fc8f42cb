package io.skyx.api.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and their password credentials in PostgreSQL (tables of V1_0__security.sql). */
@Repository
class UserStore {

    /** A user with what login needs. */
    record Account(SkyxUser user, boolean admin, String passwordHash) {
        @Override
        public String toString() {
            return "Account[" + user + ", admin=" + admin + "]";
        }
    }

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a user with a password hash in one statement; empty if the e-mail address is taken. */
    Optional<SkyxUser> create(EmailAddress email, String passwordHash) {
        return jdbc.sql("""
                        with u as (insert into users (email) values (:email) on conflict (email) do nothing returning id)
                        insert into credentials (user_id, password_hash) select id, :hash from u returning user_id""")
                .param("email", email.value())
                .param("hash", passwordHash)
                .query(Long.class)
                .optional()
                .map(id -> new SkyxUser(id, email.value()));
    }

    Optional<Account> findByEmail(EmailAddress email) {
        return jdbc.sql("""
                        select u.id, u.email, u.admin, c.password_hash
                        from users u join credentials c on c.user_id = u.id where u.email = :email""")
                .param("email", email.value())
                .query((rs, n) -> new Account(new SkyxUser(rs.getLong("id"), rs.getString("email")),
                        rs.getBoolean("admin"), rs.getString("password_hash")))
                .optional();
    }

    /** The user's opaque id for the API (a random UUID; the internal id is sequential). */
    String publicId(long userId) {
        return jdbc.sql("select public_id::text from users where id = :id").param("id", userId)
                .query(String.class).single();
    }
}
