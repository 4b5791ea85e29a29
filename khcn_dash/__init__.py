"""khcn-dash: Lạng Sơn's 2021 S&T plan and budget (100/KH-UBND) as checked, cited data and pages."""
