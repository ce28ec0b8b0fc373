DROP INDEX `case_clocks_open`;--> statement-breakpoint
CREATE INDEX `case_clocks_open_cover` ON `case_clocks` (`case_id`,`kind`,`due`,`unknown_year`,`paused_since`) WHERE "case_clocks"."closed_date" IS NULL;--> statement-breakpoint
DROP INDEX `case_state_next_due`;--> statement-breakpoint
CREATE INDEX `case_state_next_due` ON `case_state` (`next_due`,`case_id`);--> statement-breakpoint
DROP INDEX `cases_received`;--> statement-breakpoint
CREATE INDEX `cases_received` ON `cases` (`received_date`,`id`);--> statement-breakpoint
CREATE INDEX `case_events_refers_to` ON `case_events` (`refers_to`);--> statement-breakpoint
CREATE INDEX `case_events_kind_action` ON `case_events` (`kind`,`action`,`date`,`case_id`,`id`);