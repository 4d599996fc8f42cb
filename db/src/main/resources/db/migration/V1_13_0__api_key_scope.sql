-- What an API key may do (docs/api.md, "Authentication"): its permissions, the client addresses it may be used
-- from, and when it stops working. Keys created before this migration keep doing everything they could
-- (read, trade, withdraw; any address; no expiry); new keys state their permissions when created.
alter table api_keys
    add column permissions text not null default 'read,trade,withdraw'
        constraint api_keys_permissions_format
            check (permissions ~ '^(read|trade|withdraw)(,(read|trade|withdraw))*$'),
    add column ip_allow    text,          -- comma-separated addresses or CIDR blocks; null: any address
    add column expires_at  timestamptz;   -- null: never
