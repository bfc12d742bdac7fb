-- The append-only audit log (Data/Audit): every change a unit of work makes to the service's records, written in the
-- change's own transaction. Ids are UUIDv7 text: their order is time order, in every service, so one cursor pages a
-- merged log. The triggers make the table append-only for every writer, not only for our code.
CREATE TABLE audit_log (
    id TEXT NOT NULL PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    acting_for TEXT NULL,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    vendor_id TEXT NULL,
    request TEXT NULL,
    trace_id TEXT NULL,
    idempotency_key TEXT NULL,
    details TEXT NULL
);
CREATE INDEX ix_audit_log_vendor ON audit_log (vendor_id, id) WHERE vendor_id IS NOT NULL;
CREATE INDEX ix_audit_log_subject ON audit_log (subject_id, id);

-- The partner organisations an entry concerns: a partner reads the entries of its own organisation through here.
-- WITHOUT ROWID: the key is the whole row, so a row is one B-tree insert, not two.
CREATE TABLE audit_parties (
    partner_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    PRIMARY KEY (partner_id, entry_id)
) WITHOUT ROWID;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
CREATE TRIGGER audit_parties_no_update BEFORE UPDATE ON audit_parties BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
CREATE TRIGGER audit_parties_no_delete BEFORE DELETE ON audit_parties BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
