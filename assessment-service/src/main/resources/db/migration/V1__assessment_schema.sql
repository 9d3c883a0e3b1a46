-- Scoring profiles: versioned objective weights (percent, summing to 100). New profiles come
-- by migration, so every stored assessment keeps pointing at the weights it was scored with.
create table scoring_profile (
    id                varchar(40)  primary key,
    name              varchar(120) not null,
    description       varchar(500) not null,
    framework_version varchar(20)  not null,
    weights           jsonb        not null,
    is_default        boolean      not null default false,
    position          integer      not null
);

create unique index scoring_profile_one_default on scoring_profile (is_default) where is_default;

insert into scoring_profile (id, name, description, framework_version, weights, is_default, position) values
    ('eu-csf-1.2.1', 'EU Cloud Sovereignty Framework v1.2.1',
     'The weights of the European Commission''s Cloud Sovereignty Framework v1.2.1 (October 2025).', '1.2.1',
     '{"SOV-1": 15, "SOV-2": 10, "SOV-3": 10, "SOV-4": 15, "SOV-5": 20, "SOV-6": 15, "SOV-7": 10, "SOV-8": 5}', true, 1),
    ('eu-csf-1.2.1-data-first', 'CSF v1.2.1, data and jurisdiction first',
     'For organisations holding sensitive data: legal and data objectives weigh double, environmental half.', '1.2.1',
     '{"SOV-1": 10, "SOV-2": 20, "SOV-3": 20, "SOV-4": 10, "SOV-5": 15, "SOV-6": 10, "SOV-7": 12, "SOV-8": 3}', false, 2);

-- One assessment of one organisation (tenant = token issuer + org claim). The inventory as
-- received, the result and the catalog facts it used are kept, so a result can be explained
-- later even when the catalog has changed.
create table assessment (
    id            uuid          primary key,
    tenant        varchar(700)  not null,
    name          varchar(200)  not null,
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null,
    profile_id    varchar(40)   not null references scoring_profile (id),
    threshold     numeric(4, 1) not null,
    policy        jsonb         not null,
    input_format  varchar(40)   not null,
    inventory     jsonb         not null,
    source        text,
    result        jsonb         not null,
    catalog_facts jsonb         not null,
    rerun_of      uuid          references assessment (id) on delete set null,
    score         numeric(4, 1) not null,
    seal          integer       not null,
    item_count    integer       not null,
    version       integer       not null default 0
);

create index assessment_tenant_created_idx on assessment (tenant, created_at desc, id);
