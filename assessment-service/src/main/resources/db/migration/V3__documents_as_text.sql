-- The inventory, the result and the catalog facts are documents the service writes and reads
-- whole; nothing queries inside them. As jsonb, PostgreSQL parsed every one on insert: about
-- 1.1 s for the 25 MB result of a 10,000-item assessment, about half the service's time for it. As
-- text they are stored as written (0.2 s for the same document with lz4) and read back 4x
-- faster. The service still writes only JSON it serialised itself.
alter table assessment alter column inventory     type text using inventory::text;
alter table assessment alter column result        type text using result::text;
alter table assessment alter column catalog_facts type text using catalog_facts::text;

-- lz4 compresses these documents to about a tenth, several times faster than the default pglz.
-- It needs a PostgreSQL built with lz4 (Debian's and the CloudNativePG images are); elsewhere
-- the columns keep the default compression.
do $$
begin
    alter table assessment alter column inventory     set compression lz4;
    alter table assessment alter column result        set compression lz4;
    alter table assessment alter column catalog_facts set compression lz4;
exception
    when feature_not_supported or invalid_parameter_value then
        raise notice 'lz4 is not available in this PostgreSQL; the documents keep the default compression';
end
$$;
