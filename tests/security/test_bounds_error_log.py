"""A visitor's bad request is no error of the site: the error log ignores it."""


def test_visitors_bad_requests_stay_out_of_the_error_log(district):
    """The district's error log ignores BadRequest, keeping what it ignored."""
    assert "BadRequest" in district.error_log._ignored_exceptions
    assert "NotFound" in district.error_log._ignored_exceptions


def test_the_error_log_step_keeps_the_administrators_settings(district):
    from zhengwu.bounds.setup_step import ignore_visitors_errors

    error_log = district.error_log
    error_log.setProperties(5, False, ("NotFound", "MyError"))
    ignore_visitors_errors(error_log)
    ignore_visitors_errors(error_log)
    assert error_log._ignored_exceptions == ("NotFound", "MyError", "BadRequest")
    assert error_log.keep_entries == 5
