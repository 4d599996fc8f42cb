-- Account security: TOTP 2FA, the withdrawal whitelist and the auto-sweep address (exchange-api's
-- io.skyx.api.account package).

-- One TOTP secret per user, sealed with AES-256-GCM (never stored in clear). Pending until confirmed with a
-- code; last_step is the last time step whose code was accepted (a code is accepted once); failures counts
-- wrong codes since the last success or block, and blocked_until blocks all codes after too many.
create table account_two_factor (
    user_id        bigint      primary key references users (id) on delete cascade,
    secret_sealed  bytea       not null,
    enabled        boolean     not null default false,
    last_step      bigint      not null default -1,
    failures       integer     not null default 0,
    blocked_until  timestamptz,
    created_at     timestamptz not null default now(),
    enabled_at     timestamptz
);

create table account_settings (
    user_id       bigint      primary key references users (id) on delete cascade,
    whitelist_on  boolean     not null default false,
    updated_at    timestamptz not null default now()
);

-- Withdrawal destinations the user allows; a new one is usable only from usable_at (the cool-off).
create table account_whitelist (
    id          bigint      generated always as identity primary key,
    user_id     bigint      not null references users (id) on delete cascade,
    asset       text        not null check (asset in ('BTC', 'SKY')),
    address     text        not null check (char_length(address) between 20 and 100),
    label       text        check (char_length(label) <= 64),
    created_at  timestamptz not null default now(),
    usable_at   timestamptz not null,
    constraint account_whitelist_unique unique (user_id, asset, address)
);

-- Per asset, the user's own address to which free balance above minimum (smallest units) is swept.
create table account_auto_sweep (
    user_id     bigint      not null references users (id) on delete cascade,
    asset       text        not null check (asset in ('BTC', 'SKY')),
    address     text        not null check (char_length(address) between 20 and 100),
    minimum     bigint      not null check (minimum >= 0),
    updated_at  timestamptz not null default now(),
    usable_at   timestamptz not null,
    primary key (user_id, asset)
);
