CREATE TABLE `roles` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`builtin` integer NOT NULL,
	`permissions` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_code` ON `roles` (`code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`unit_id` text NOT NULL,
	`role_id` text NOT NULL,
	`disabled` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit` ON `users` (`unit_id`);--> statement-breakpoint
CREATE TABLE `kinship` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`relative_id` text NOT NULL,
	`relation` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`relative_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kinship_pair` ON `kinship` (`person_id`,`relative_id`);--> statement-breakpoint
CREATE INDEX `kinship_relative` ON `kinship` (`relative_id`);--> statement-breakpoint
CREATE TABLE `org_units` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_code` ON `org_units` (`code`);--> statement-breakpoint
CREATE INDEX `org_units_parent` ON `org_units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_initials` text NOT NULL,
	`name_pinyin` text NOT NULL,
	`id_number` text NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text NOT NULL,
	`unit_id` text,
	`position` text,
	`rank` text,
	`category` text,
	`phone` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_id_number` ON `people` (`id_number`);--> statement-breakpoint
CREATE INDEX `people_unit` ON `people` (`unit_id`);--> statement-breakpoint
CREATE INDEX `people_initials` ON `people` (`name_initials`);--> statement-breakpoint
CREATE INDEX `people_pinyin` ON `people` (`name_pinyin`);--> statement-breakpoint
CREATE INDEX `people_name` ON `people` (`name`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`node_id` text NOT NULL,
	`at` text NOT NULL,
	`hlc` text NOT NULL,
	`actor` text NOT NULL,
	`procedure` text NOT NULL,
	`rows` text NOT NULL,
	`summary` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_id` ON `audit_log` (`id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor` ON `audit_log` (`actor`);--> statement-breakpoint
CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hlc` text NOT NULL,
	`node_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`op` text NOT NULL,
	`columns` text NOT NULL,
	`audit_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_log_row` ON `change_log` (`table_name`,`row_id`);--> statement-breakpoint
CREATE INDEX `change_log_hlc` ON `change_log` (`hlc`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
