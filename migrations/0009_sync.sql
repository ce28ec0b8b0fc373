CREATE TABLE `sync_bundles` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`peers` text NOT NULL,
	`operations` integer NOT NULL,
	`bytes` integer NOT NULL,
	`transport` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_bundles_at` ON `sync_bundles` (`at`);--> statement-breakpoint
CREATE TABLE `sync_deferred` (
	`table_name` text NOT NULL,
	`column_name` text NOT NULL,
	PRIMARY KEY(`table_name`, `column_name`)
);
--> statement-breakpoint
CREATE TABLE `sync_identity` (
	`node_id` text PRIMARY KEY NOT NULL,
	`suite` text NOT NULL,
	`signing_public` text NOT NULL,
	`encryption_public` text NOT NULL,
	`signing_secret` text NOT NULL,
	`encryption_secret` text NOT NULL,
	`unit_code` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_peer_knowledge` (
	`peer_id` text NOT NULL,
	`origin_id` text NOT NULL,
	`hlc` text NOT NULL,
	PRIMARY KEY(`peer_id`, `origin_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_peers` (
	`node_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unit_code` text NOT NULL,
	`suite` text NOT NULL,
	`signing_public` text NOT NULL,
	`encryption_public` text NOT NULL,
	`fingerprint` text NOT NULL,
	`scope_code` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text
);
--> statement-breakpoint
DROP INDEX `change_log_hlc`;--> statement-breakpoint
CREATE INDEX `change_log_node_hlc` ON `change_log` (`node_id`,`hlc`);--> statement-breakpoint
CREATE UNIQUE INDEX `change_log_hlc` ON `change_log` (`hlc`);--> statement-breakpoint
CREATE INDEX `audit_log_node_hlc` ON `audit_log` (`node_id`,`hlc`);--> statement-breakpoint
-- Sync brings a permission (sync.manage) that databases set up before it lack: the built-in
-- administrator role gets it, as in a new database.
UPDATE roles SET permissions = json_insert(permissions, '$[#]', 'sync.manage') WHERE code = 'administrator' AND builtin = 1 AND permissions NOT LIKE '%"sync.manage"%';
