-- POST /assessments honours an Idempotency-Key: the key a client sent with the request that
-- created an assessment, and a SHA-256 of that request, so that a retry of the same request
-- gets the same assessment and another request under the same key is refused. Keys are per
-- tenant; deleting the assessment frees its key.
alter table assessment add column idempotency_key varchar(128);
alter table assessment add column request_hash    char(64);
alter table assessment add constraint assessment_idempotency_hash_ck
    check ((idempotency_key is null) = (request_hash is null));
create unique index assessment_idempotency_idx on assessment (tenant, idempotency_key)
    where idempotency_key is not null;
