-- The clue and case module brings permissions (cases.*) that databases set up before it lack.
-- Each built-in role gets the case permissions it starts with in a new database; a database
-- set up after this migration has no roles yet when it runs, and is left alone.
UPDATE roles SET permissions = json_insert(json_insert(json_insert(json_insert(json_insert(permissions, '$[#]', 'cases.read'), '$[#]', 'cases.intake'), '$[#]', 'cases.handle'), '$[#]', 'cases.approve'), '$[#]', 'cases.configure') WHERE code = 'administrator' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(json_insert(permissions, '$[#]', 'cases.read'), '$[#]', 'cases.approve') WHERE code = 'commission_leader' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(json_insert(json_insert(json_insert(permissions, '$[#]', 'cases.read'), '$[#]', 'cases.intake'), '$[#]', 'cases.handle'), '$[#]', 'cases.configure') WHERE code = 'case_management' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(json_insert(permissions, '$[#]', 'cases.read'), '$[#]', 'cases.handle') WHERE code = 'case_officer' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(json_insert(permissions, '$[#]', 'cases.read'), '$[#]', 'cases.intake') WHERE code = 'inspection_office' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(permissions, '$[#]', 'cases.read') WHERE code = 'data_analyst' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(json_insert(json_insert(permissions, '$[#]', 'cases.read'), '$[#]', 'cases.intake'), '$[#]', 'cases.handle') WHERE code = 'county_officer' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(permissions, '$[#]', 'cases.read') WHERE code = 'cadre_oversight' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';
--> statement-breakpoint
UPDATE roles SET permissions = json_insert(permissions, '$[#]', 'cases.read') WHERE code = 'auditor' AND builtin = 1 AND permissions NOT LIKE '%"cases.%';

