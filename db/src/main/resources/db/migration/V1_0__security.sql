-- Security: users, their password credentials, API keys for bots, and security settings.
-- Owned by exchange-api's io.skyx.api.security package. Other migrations (V1_1+) may reference users(id).

create table users (
    id          bigint generated always as identity primary key,
    email       text        not null,
    admin       boolean     not null default false,
    created_at  timestamptz not null default now(),
    constraint users_email_unique unique (email),
    constraint users_email_lower check (email = lower(email)),
    constraint users_email_length check (char_length(email) between 3 and 254)
);

-- One password credential per user: an Argon2id hash in Spring Security's encoded form ($argon2id$v=19$...).
create table credentials (
    user_id        bigint      primary key references users (id) on delete cascade,
    password_hash  text        not null,
    updated_at     timestamptz not null default now()
);

-- API keys. The HMAC secret must be recoverable to verify signatures, so it is stored encrypted:
-- secret_box = AES-256-GCM(master key, nonce) of the secret, as nonce (12 bytes) || ciphertext || tag,
-- with the key id as associated data. The master key is configured (skyx.security.api-key-encryption-key)
-- or, in development only, generated once and kept in security_settings.
create table api_keys (
    key_id      text        primary key,
    user_id     bigint      not null references users (id) on delete cascade,
    secret_box  bytea       not null,
    label       text,
    created_at  timestamptz not null default now(),
    constraint api_keys_key_id_format check (key_id ~ '^[0-9a-f]{32}$')
);
create index api_keys_user_id on api_keys (user_id);

-- Small named settings of the security package (for example a development-only generated master key).
create table security_settings (
    name        text        primary key,
    value       bytea       not null,
    created_at  timestamptz not null default now()
);
