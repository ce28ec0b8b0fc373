CREATE TABLE `calendar_years` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`holidays` text NOT NULL,
	`workdays` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_years_year` ON `calendar_years` (`year`);--> statement-breakpoint
CREATE TABLE `case_clocks` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`due` text,
	`unknown_year` integer,
	`closed_date` text,
	`paused_since` text,
	`pause_reason` text,
	`extensions` integer NOT NULL,
	`history` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_clocks_case` ON `case_clocks` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_clocks_open` ON `case_clocks` (`closed_date`,`due`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`action` text,
	`from_stage` text,
	`to_stage` text,
	`date` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`actor` text NOT NULL,
	`fields` text NOT NULL,
	`approvals` text NOT NULL,
	`effects` text NOT NULL,
	`refers_to` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_events_seq` ON `case_events` (`case_id`,`seq`);--> statement-breakpoint
CREATE TABLE `case_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`created_date` text NOT NULL,
	`acknowledged_date` text,
	`acknowledged_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_reports_case` ON `case_reports` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_sanctions` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`person_id` text,
	`kind` text NOT NULL,
	`decided_date` text NOT NULL,
	`effective_until` text,
	`superseded` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `case_subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_sanctions_case` ON `case_sanctions` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_sanctions_person` ON `case_sanctions` (`person_id`);--> statement-breakpoint
CREATE TABLE `case_state` (
	`case_id` text PRIMARY KEY NOT NULL,
	`stage` text NOT NULL,
	`outcome` text,
	`department_id` text,
	`next_due` text,
	`awaiting_approval` integer NOT NULL,
	`approver_role` text,
	`merged_into` text,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_state_stage` ON `case_state` (`stage`);--> statement-breakpoint
CREATE INDEX `case_state_next_due` ON `case_state` (`next_due`);--> statement-breakpoint
CREATE INDEX `case_state_department` ON `case_state` (`department_id`);--> statement-breakpoint
CREATE INDEX `case_state_approver` ON `case_state` (`approver_role`);--> statement-breakpoint
CREATE TABLE `case_subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`person_id` text,
	`name` text NOT NULL,
	`name_initials` text NOT NULL,
	`name_pinyin` text NOT NULL,
	`id_number` text,
	`unit_id` text,
	`position` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_subjects_case` ON `case_subjects` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_subjects_id_number` ON `case_subjects` (`id_number`);--> statement-breakpoint
CREATE INDEX `case_subjects_name_unit` ON `case_subjects` (`name`,`unit_id`);--> statement-breakpoint
CREATE INDEX `case_subjects_initials` ON `case_subjects` (`name_initials`);--> statement-breakpoint
CREATE INDEX `case_subjects_pinyin` ON `case_subjects` (`name_pinyin`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`received_date` text NOT NULL,
	`unit_id` text NOT NULL,
	`summary` text NOT NULL,
	`complainant_named` integer NOT NULL,
	`complainant_name` text,
	`complainant_contact` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number` ON `cases` (`number`);--> statement-breakpoint
CREATE INDEX `cases_unit` ON `cases` (`unit_id`);--> statement-breakpoint
CREATE INDEX `cases_received` ON `cases` (`received_date`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
-- A case's history is append-only: a correction is a new (compensating) event, never an edit.
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
  SELECT RAISE(ABORT, 'case_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN
  SELECT RAISE(ABORT, 'case_events is append-only');
END;
