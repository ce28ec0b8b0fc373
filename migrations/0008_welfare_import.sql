DROP INDEX `wf_disbursements_id`;--> statement-breakpoint
ALTER TABLE `welfare_staging` ADD `owner` text;