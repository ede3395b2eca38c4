-- Issue 16, « no dead end »: a transfer's view, a dossier's documents, an entity's RIBs.
-- A transfer is read from the invoices it paid (their detail's transferNumber): no table of its own.
CREATE INDEX invoices_transfer_number ON invoices ((detail->>'transferNumber'));

-- Documents sent on a dossier; their files are uploads (kind `supporting`), on disk by id.
CREATE TABLE dossier_documents (
  id text COLLATE "C" PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  upload_id text NOT NULL,
  sent_at text COLLATE "C" NOT NULL,
  detail json NOT NULL
);
CREATE INDEX dossier_documents_dossier ON dossier_documents (dossier_id);

-- RIBs deposited for an entity and where their check stands; their files are uploads too.
CREATE TABLE ribs (
  id text COLLATE "C" PRIMARY KEY,
  entity_siren text NOT NULL,
  upload_id text NOT NULL,
  sent_at text COLLATE "C" NOT NULL,
  detail json NOT NULL
);
CREATE INDEX ribs_entity ON ribs (entity_siren);
