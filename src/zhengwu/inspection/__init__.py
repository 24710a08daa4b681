"""Self-inspection (网站自查): the checks of the national government-website survey,
their runs, history, dashboard and mails to departments."""
