"""khcn-dash: provinces' yearly S&T plans and budgets, from document packages, as checked, cited data and pages."""
