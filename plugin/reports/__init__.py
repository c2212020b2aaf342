"""Reports: the weekly escalation report and the 30-day resolution averages, aggregated in SQL and rendered as
text, Markdown, JSON, CSV or HTML (with a chart)."""
