-- Assessments run as jobs (202 Accepted): large inventories, and any request with
-- Prefer: respond-async. The job is the request as received and where its run stands. Any replica
-- claims the oldest queued job with FOR UPDATE SKIP LOCKED, and beats its heartbeat while it
-- runs; a job whose heartbeat stopped (its replica died) is claimed again. The job's id is the
-- id of the assessment it stores, in the same transaction that marks it done.
create table assessment_job (
    id              uuid          primary key,
    tenant          varchar(700)  not null,
    issuer          varchar(500)  not null,
    organisation    varchar(200)  not null,
    created_by      varchar(200)  not null,
    item_count      integer       not null,
    request         text          not null,
    state           varchar(16)   not null,
    phase           varchar(16),
    progress        smallint      not null default 0,
    problem         text,
    attempts        integer       not null default 0,
    worker          varchar(200),
    heartbeat_at    timestamptz,
    created_at      timestamptz   not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    idempotency_key varchar(128),
    request_hash    char(64),
    constraint assessment_job_state_ck check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    constraint assessment_job_progress_ck check (progress between 0 and 100),
    constraint assessment_job_idempotency_ck check ((idempotency_key is null) = (request_hash is null))
);

create index assessment_job_claimable_idx on assessment_job (created_at) where state in ('QUEUED', 'RUNNING');
create index assessment_job_tenant_idx on assessment_job (tenant, created_at desc);
create unique index assessment_job_idempotency_idx on assessment_job (tenant, idempotency_key)
    where idempotency_key is not null;
