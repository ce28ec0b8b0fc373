CREATE TABLE `welfare_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`no` integer NOT NULL,
	`dataset` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`sheet` text,
	`mapping` text NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at` text NOT NULL,
	`rows` integer NOT NULL,
	`accepted` integer NOT NULL,
	`rejected` integer NOT NULL,
	`status` text NOT NULL,
	`withdrawn_reason` text,
	`withdrawn_at` text,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_batches_no` ON `welfare_batches` (`no`);--> statement-breakpoint
CREATE INDEX `welfare_batches_sha` ON `welfare_batches` (`dataset`,`sha256`);--> statement-breakpoint
CREATE TABLE `welfare_hit_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`hit_id` text NOT NULL,
	`entry_id` text,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`hit_id`) REFERENCES `welfare_hits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `welfare_hit_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_hit_documents_hit` ON `welfare_hit_documents` (`hit_id`);--> statement-breakpoint
CREATE TABLE `welfare_hit_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`hit_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`unit_id` text,
	`finding` text,
	`reason` text,
	`recoverable_fen` integer,
	`case_id` text,
	FOREIGN KEY (`hit_id`) REFERENCES `welfare_hits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_hit_entries_hit` ON `welfare_hit_entries` (`hit_id`,`at`);--> statement-breakpoint
CREATE TABLE `welfare_hits` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`rule` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`program` text NOT NULL,
	`period` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`recoverable_fen` integer NOT NULL,
	`county` text,
	`county_unit_id` text,
	`township` text NOT NULL,
	`village` text NOT NULL,
	`confidence` real NOT NULL,
	`evidence` text NOT NULL,
	`status` text NOT NULL,
	`assigned_unit_id` text,
	`case_id` text,
	`current` integer NOT NULL,
	`first_run_id` text NOT NULL,
	`last_run_id` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`county_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_hits_key` ON `welfare_hits` (`key`);--> statement-breakpoint
CREATE INDEX `welfare_hits_board` ON `welfare_hits` (`current`,`rule`,`status`);--> statement-breakpoint
CREATE INDEX `welfare_hits_assigned` ON `welfare_hits` (`assigned_unit_id`);--> statement-breakpoint
CREATE INDEX `welfare_hits_id_number` ON `welfare_hits` (`id_number`);--> statement-breakpoint
CREATE TABLE `welfare_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`dataset` text NOT NULL,
	`signature` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `welfare_rejected` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`field` text NOT NULL,
	`reason_key` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `welfare_rejected_batch` ON `welfare_rejected` (`batch_no`,`row`);--> statement-breakpoint
CREATE TABLE `welfare_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`by` text NOT NULL,
	`rules` text NOT NULL,
	`batch_ids` text NOT NULL,
	`hits` integer NOT NULL,
	`new_hits` integer NOT NULL,
	`no_longer_found` integer NOT NULL,
	`by_rule` text NOT NULL,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `welfare_staging` (
	`no` integer PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `wf_businesses` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`company` text NOT NULL,
	`credit_code` text NOT NULL,
	`credit_code_valid` integer NOT NULL,
	`person_name` text NOT NULL,
	`name_raw` text,
	`id_number` text NOT NULL,
	`id_valid` integer NOT NULL,
	`role` text NOT NULL,
	`capital_fen` integer,
	`founded_on` text,
	`status` text
);
--> statement-breakpoint
CREATE INDEX `wf_businesses_id` ON `wf_businesses` (`id_number`);--> statement-breakpoint
CREATE TABLE `wf_deaths` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`name` text NOT NULL,
	`name_raw` text,
	`id_number` text NOT NULL,
	`id_valid` integer NOT NULL,
	`died_on` text NOT NULL,
	`source` text
);
--> statement-breakpoint
CREATE INDEX `wf_deaths_id` ON `wf_deaths` (`id_number`);--> statement-breakpoint
CREATE INDEX `wf_deaths_name` ON `wf_deaths` (`name`);--> statement-breakpoint
CREATE TABLE `wf_disbursements` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`program` text NOT NULL,
	`period` text NOT NULL,
	`name` text NOT NULL,
	`name_raw` text,
	`id_number` text NOT NULL,
	`id_valid` integer NOT NULL,
	`household_head_id` text,
	`household_head_valid` integer,
	`relation_to_head` text,
	`county` text,
	`township` text NOT NULL,
	`village` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`paid_on` text NOT NULL,
	`bank_account` text,
	`account_holder` text,
	`approver_name` text,
	`approver_id` text,
	`approver_valid` integer
);
--> statement-breakpoint
CREATE INDEX `wf_disbursements_id` ON `wf_disbursements` (`id_number`);--> statement-breakpoint
CREATE TABLE `wf_officials` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`name` text NOT NULL,
	`name_raw` text,
	`id_number` text NOT NULL,
	`id_valid` integer NOT NULL,
	`unit` text NOT NULL,
	`position` text,
	`category` text NOT NULL,
	`township` text,
	`village` text,
	`start_on` text,
	`end_on` text
);
--> statement-breakpoint
CREATE INDEX `wf_officials_id` ON `wf_officials` (`id_number`);--> statement-breakpoint
CREATE TABLE `wf_properties` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`owner_name` text NOT NULL,
	`name_raw` text,
	`id_number` text NOT NULL,
	`id_valid` integer NOT NULL,
	`location` text NOT NULL,
	`use` text NOT NULL,
	`area_m2` real,
	`registered_on` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `wf_properties_id` ON `wf_properties` (`id_number`);--> statement-breakpoint
CREATE TABLE `wf_relatives` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`official_id` text NOT NULL,
	`official_valid` integer NOT NULL,
	`name` text NOT NULL,
	`name_raw` text,
	`id_number` text,
	`id_valid` integer,
	`relation` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `wf_relatives_id` ON `wf_relatives` (`id_number`);--> statement-breakpoint
CREATE INDEX `wf_relatives_official` ON `wf_relatives` (`official_id`);--> statement-breakpoint
CREATE TABLE `wf_standards` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`program` text NOT NULL,
	`county` text,
	`from_period` text NOT NULL,
	`max_amount_fen` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `wf_vehicles` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_no` integer NOT NULL,
	`row` integer NOT NULL,
	`owner_name` text NOT NULL,
	`name_raw` text,
	`id_number` text NOT NULL,
	`id_valid` integer NOT NULL,
	`plate` text NOT NULL,
	`vehicle_type` text NOT NULL,
	`registered_on` text NOT NULL,
	`deregistered_on` text
);
--> statement-breakpoint
CREATE INDEX `wf_vehicles_id` ON `wf_vehicles` (`id_number`);