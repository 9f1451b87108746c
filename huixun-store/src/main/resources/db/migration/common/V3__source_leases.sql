-- Huixun schema v3: source leases, so that nodes sharing one database never fetch the same source at once.
-- A source is leased by setting lease_owner (a node id) and lease_until (epoch ms); a fetch result releases it, and a
-- lease whose node died simply runs out.

ALTER TABLE sources ADD COLUMN lease_owner TEXT;
ALTER TABLE sources ADD COLUMN lease_until BIGINT;
