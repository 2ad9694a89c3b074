-- Report facts are now credited to the unit, assignee and category holding the case when each
-- happened (and open spans carry their deadline); the old rows followed the case's current
-- unit. Emptied here, every case's facts are recomputed from its history by the
-- rebuild-report-facts command that `pnpm db:migrate` runs next (it rebuilds every case
-- without its receipt span; a case changed in between is rebuilt whole, too).
TRUNCATE case_report_facts;
