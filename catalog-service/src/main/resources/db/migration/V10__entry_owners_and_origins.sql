-- Every entry belongs to the federation member that asserted it: the issuer of its realm and the
-- organisation ("org" claim) of the editor who created it. Only that member's editors change it;
-- the platform-admins of the node's own realm may moderate any entry. Entries without an owner
-- (the seed, and anything written before owners were recorded) belong to the node itself, that
-- is to the member that runs it. An offering belongs to its provider's owner.
--
-- An entry mirrored from a peer catalog node names that node (origin_node) and the version it
-- has there (origin_version); it is read-only here. Entries of this node have no origin.

alter table product
    add column owner_issuer   varchar(255),
    add column owner_org      varchar(63),
    add column origin_node    varchar(63),
    add column origin_version integer;

alter table provider
    add column owner_issuer   varchar(255),
    add column owner_org      varchar(63),
    add column origin_node    varchar(63),
    add column origin_version integer;

alter table offering
    add column origin_node    varchar(63),
    add column origin_version integer;

alter table alternative
    add column owner_issuer   varchar(255),
    add column owner_org      varchar(63),
    add column origin_node    varchar(63);
