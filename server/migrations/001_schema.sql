-- The reference server's tables. Documents the server only hands back whole (an invoice's
-- detail, a dossier's, a pending invoice) are kept as `json` (key order kept); what lists
-- filter and sort on has its own columns. Sort keys are naturalKey() of the value, computed in
-- JS at insert and compared bytewise (COLLATE "C"), so PostgreSQL orders rows exactly as the
-- in-memory storage of the mock does.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  entities text[] NOT NULL
);

-- Only a SHA-256 of each session token is kept: a copy of the database opens no session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE entities (
  siren text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL,
  position int NOT NULL
);

CREATE TABLE siret_register (
  siret text PRIMARY KEY,
  name text NOT NULL,
  active boolean NOT NULL
);

CREATE TABLE dossiers (
  id text COLLATE "C" PRIMARY KEY,
  position int NOT NULL,
  number text UNIQUE,
  entity_siren text NOT NULL,
  training_body_siren text NOT NULL,
  state text NOT NULL,
  -- number, title and company in lower case, for the substring search
  search text[] NOT NULL,
  number_key text COLLATE "C",
  title_key text COLLATE "C",
  start_key text COLLATE "C",
  end_key text COLLATE "C",
  company_key text COLLATE "C",
  state_key text COLLATE "C",
  detail json NOT NULL,
  linked json NOT NULL
);

-- Uploaded files' descriptions; their bytes are files on disk named by id.
CREATE TABLE uploads (
  id text PRIMARY KEY,
  owner text NOT NULL,
  used_by text,
  name text NOT NULL,
  size int NOT NULL,
  type text NOT NULL,
  kind text NOT NULL,
  created_at text NOT NULL
);

CREATE TABLE deposits (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The rows of « Mes factures », validated invoices and (as « À valider ») pending ones alike:
-- what the list filters and sorts on, and the summary it answers. Each row belongs to one invoice
-- or one pending invoice below, and goes with it.
CREATE TABLE invoice_rows (
  id text COLLATE "C" PRIMARY KEY,
  entity_siren text NOT NULL,
  summary json NOT NULL,
  search_reference text NOT NULL,
  search_dossiers text[] NOT NULL,
  status text NOT NULL,
  issue_date text COLLATE "C",
  deposit_date text COLLATE "C" NOT NULL,
  reference_key text COLLATE "C",
  issue_date_key text COLLATE "C",
  deposit_date_key text COLLATE "C",
  status_key text COLLATE "C",
  transfer_number_key text COLLATE "C",
  transfer_date_key text COLLATE "C",
  amount_ht double precision,
  amount_ttc double precision
);
CREATE INDEX invoice_rows_entity ON invoice_rows (entity_siren);

CREATE TABLE invoices (
  id text COLLATE "C" PRIMARY KEY REFERENCES invoice_rows (id) ON DELETE CASCADE,
  seq bigserial NOT NULL,
  entity_siren text NOT NULL,
  reference text NOT NULL,
  siret text,
  file_id text,
  detail json NOT NULL
);
CREATE INDEX invoices_duplicate ON invoices (reference, siret);

CREATE TABLE pending_invoices (
  id text COLLATE "C" PRIMARY KEY REFERENCES invoice_rows (id) ON DELETE CASCADE,
  seq bigserial NOT NULL,
  entity_siren text NOT NULL,
  deposit_id text NOT NULL,
  upload_id text NOT NULL,
  detail json NOT NULL
);
CREATE INDEX pending_invoices_entity ON pending_invoices (entity_siren);

CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  done boolean NOT NULL DEFAULT false,
  status int,
  body json,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Identifiers handed out by nextId(): `upload-00042`, `pending-00043`, …
CREATE SEQUENCE ids;
