-- Hit entries and documents name their account, which stays on its node, and now also the
-- username, which travels: entries made at another office keep who made them (by is then null).
-- A table rebuild: the migrator turns foreign keys off around it and checks them before commit.
CREATE TABLE `__new_welfare_hit_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`hit_id` text NOT NULL,
	`entry_id` text,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`added_by` text,
	`added_by_actor` text DEFAULT '' NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`hit_id`) REFERENCES `welfare_hits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `welfare_hit_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_welfare_hit_documents`("id", "hit_id", "entry_id", "file_name", "size", "sha256", "added_by", "added_by_actor", "added_at") SELECT d."id", d."hit_id", d."entry_id", d."file_name", d."size", d."sha256", d."added_by", coalesce((SELECT u."username" FROM `users` u WHERE u."id" = d."added_by"), ''), d."added_at" FROM `welfare_hit_documents` d;--> statement-breakpoint
DROP TABLE `welfare_hit_documents`;--> statement-breakpoint
ALTER TABLE `__new_welfare_hit_documents` RENAME TO `welfare_hit_documents`;--> statement-breakpoint
CREATE INDEX `welfare_hit_documents_hit` ON `welfare_hit_documents` (`hit_id`);--> statement-breakpoint
CREATE TABLE `__new_welfare_hit_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`hit_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`by` text,
	`actor` text DEFAULT '' NOT NULL,
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
INSERT INTO `__new_welfare_hit_entries`("id", "hit_id", "kind", "at", "by", "actor", "unit_id", "finding", "reason", "recoverable_fen", "case_id") SELECT e."id", e."hit_id", e."kind", e."at", e."by", coalesce((SELECT u."username" FROM `users` u WHERE u."id" = e."by"), ''), e."unit_id", e."finding", e."reason", e."recoverable_fen", e."case_id" FROM `welfare_hit_entries` e;--> statement-breakpoint
DROP TABLE `welfare_hit_entries`;--> statement-breakpoint
ALTER TABLE `__new_welfare_hit_entries` RENAME TO `welfare_hit_entries`;--> statement-breakpoint
CREATE INDEX `welfare_hit_entries_hit` ON `welfare_hit_entries` (`hit_id`,`at`);