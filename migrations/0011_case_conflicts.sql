-- Offices may move one case, or number a unit's cases, at the same time: a case's events may share
-- a seq (each records the events it followed, `after`, so concurrent ones are known), and two cases
-- may share a number until the unit's numbering office gives one of them a new one.
DROP INDEX `case_events_seq`;--> statement-breakpoint
ALTER TABLE `case_events` ADD `after` text;--> statement-breakpoint
CREATE INDEX `case_events_seq` ON `case_events` (`case_id`,`seq`);--> statement-breakpoint
DROP INDEX `cases_number`;--> statement-breakpoint
CREATE INDEX `cases_number` ON `cases` (`number`);