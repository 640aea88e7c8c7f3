-- SQLite evaluates a CHECK (x IN ('a', 'b', 'c')) by building a temporary B-tree of the list for
-- every row it checks (lists of three or more; see EXPLAIN: OpenEphemeral): 40% of a contact
-- sheet import's instructions went there. The same rules written as x = 'a' OR x = 'b' ... cost
-- a few comparisons. A CHECK constraint's text does not change what is stored, so SQLite's
-- documented way for such changes applies: rewrite the tables' CREATE text in sqlite_schema
-- (https://www.sqlite.org/lang_altertable.html#otheralter), then change the schema so that
-- every connection reads it again. The two-value lists (which SQLite already compares) are
-- rewritten too, so that no table keeps an IN list (tests/unit/storage_test.cc checks).
PRAGMA writable_schema = ON;

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (role IN (''owner'', ''manager'', ''staff''))',
  'CHECK (role = ''owner'' OR role = ''manager'' OR role = ''staff'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (category IN (''contact_sheet'', ''first_time_prescription'',
                                             ''regular_branded'', ''generic_informed''))',
  'CHECK (category = ''contact_sheet'' OR category = ''first_time_prescription'' OR category = ''regular_branded'' OR category = ''generic_informed'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (whatsapp_status IN (''unknown'', ''active'', ''inactive''))',
  'CHECK (whatsapp_status = ''unknown'' OR whatsapp_status = ''active'' OR whatsapp_status = ''inactive'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (channel IN (''whatsapp'', ''sms'', ''all''))',
  'CHECK (channel = ''whatsapp'' OR channel = ''sms'' OR channel = ''all'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (method IN (''counter'', ''form'', ''reply'', ''staff''))',
  'CHECK (method = ''counter'' OR method = ''form'' OR method = ''reply'' OR method = ''staff'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''pending'', ''contacted'', ''converted'', ''yellow''))',
  'CHECK (status = ''pending'' OR status = ''contacted'' OR status = ''converted'' OR status = ''yellow'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (whatsapp_status_source IN (''staff'', ''delivery'', ''reply''))',
  'CHECK (whatsapp_status_source = ''staff'' OR whatsapp_status_source = ''delivery'' OR whatsapp_status_source = ''reply'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (kind IN (''call'', ''whatsapp'', ''sms'', ''visit''))',
  'CHECK (kind = ''call'' OR kind = ''whatsapp'' OR kind = ''sms'' OR kind = ''visit'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''pending'', ''sent'', ''responded'', ''refilled'', ''cancelled''))',
  'CHECK (status = ''pending'' OR status = ''sent'' OR status = ''responded'' OR status = ''refilled'' OR status = ''cancelled'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (kind IN (''sent'', ''response'', ''cancelled'', ''refilled''))',
  'CHECK (kind = ''sent'' OR kind = ''response'' OR kind = ''cancelled'' OR kind = ''refilled'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''queued'', ''sending'', ''sent'', ''delivered'', ''read'', ''failed''))',
  'CHECK (status = ''queued'' OR status = ''sending'' OR status = ''sent'' OR status = ''delivered'' OR status = ''read'' OR status = ''failed'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (action IN (''opt_out'', ''logged'', ''stored''))',
  'CHECK (action = ''opt_out'' OR action = ''logged'' OR action = ''stored'')')
WHERE type = 'table';

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (channel IN (''whatsapp'', ''sms''))',
  'CHECK (channel = ''whatsapp'' OR channel = ''sms'')')
WHERE type = 'table';

PRAGMA writable_schema = OFF;
-- Any schema change bumps the schema cookie, which makes every open connection re-read it.
CREATE TABLE schema_reload_0009 (x INTEGER);
DROP TABLE schema_reload_0009;
