-- The peers this node follows: per peer node, the cursor of the last change of its feed applied
-- here (written in the transaction that applies it, so a change is applied exactly once whatever
-- the restarts), when its feed was last read to the end, and the last failure.
create table peer (
    node         varchar(63)  primary key,
    cursor       bigint       not null default 0,
    synced_at    timestamptz,
    attempted_at timestamptz,
    error        varchar(500)
);

-- What each peer asserts, entry by entry, as its feed built it (the entry as the peer shows it):
-- the source of the mirrored rows in product, provider, offering and alternative, and of the
-- assertions kept side by side when two members assert the same product.
create table mirror_entry (
    origin_node varchar(63)  not null,
    kind        varchar(16)  not null,
    entry_key   varchar(161) not null,
    version     integer,
    document    jsonb        not null,
    changed_at  timestamptz  not null,
    primary key (origin_node, kind, entry_key)
);

create index mirror_entry_key_idx on mirror_entry (kind, entry_key);
