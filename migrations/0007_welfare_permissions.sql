-- The welfare-fund module brings permissions (welfare.*) that databases set up before it lack.
-- Each built-in role gets the welfare permissions it starts with in a new database; a database
-- set up after this migration has no roles yet when it runs, and is left alone.
UPDATE roles SET permissions = json_insert(json_insert(json_insert(json_insert(json_insert(permissions, '$[#]', 'welfare.read'), '$[#]', 'welfare.import'), '$[#]', 'welfare.analyse'), '$[#]', 'welfare.verify'), '$[#]', 'welfare.configure') WHERE code = 'administrator' AND builtin = 1 AND permissions NOT LIKE '%"welfare.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(permissions, '$[#]', 'welfare.read') WHERE code IN ('commission_leader', 'auditor') AND builtin = 1 AND permissions NOT LIKE '%"welfare.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(json_insert(json_insert(json_insert(permissions, '$[#]', 'welfare.read'), '$[#]', 'welfare.import'), '$[#]', 'welfare.analyse'), '$[#]', 'welfare.configure') WHERE code = 'data_analyst' AND builtin = 1 AND permissions NOT LIKE '%"welfare.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(json_insert(permissions, '$[#]', 'welfare.read'), '$[#]', 'welfare.verify') WHERE code = 'county_officer' AND builtin = 1 AND permissions NOT LIKE '%"welfare.%';
