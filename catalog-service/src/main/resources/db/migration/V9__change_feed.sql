-- Every write of the catalog is recorded here, in the transaction of the write itself (a
-- transactional outbox): who, when, through which request, and what changed as an RFC 7386
-- merge patch. GET /changes serves these rows in id order; the id is the feed's cursor.
--
-- Ids are drawn while holding a transaction-scoped advisory lock that every recording
-- transaction takes and keeps until it commits or rolls back, so ids are handed out in commit
-- order: a reader that has seen id N has already seen every smaller id that will ever commit.
-- The seed written by earlier migrations is not a change: the feed starts empty.

create table change (
    id          bigint generated always as identity primary key,
    kind        varchar(16)  not null check (kind in ('product', 'provider', 'offering', 'alternative')),
    entry_key   varchar(161) not null,
    operation   varchar(8)   not null check (operation in ('CREATED', 'UPDATED', 'DELETED')),
    version     integer,
    actor_issuer   varchar(512) not null,
    actor_subject  varchar(255) not null,
    actor_username varchar(255),
    actor_org      varchar(255),
    at          timestamptz  not null,
    request_id  varchar(128) not null,
    patch       jsonb,
    check ((operation = 'DELETED') = (patch is null))
);

-- An entry's history, newest first.
create index change_entry on change (kind, entry_key, id desc);
