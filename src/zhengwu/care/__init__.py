"""居家养老申请: citizens' applications for home-based elderly care."""
