UPDATE reporting.report_jobs SET progress = @progress WHERE id = @id AND status = 'running';
