"""The 24-hour assistant (智能客服): grounded answers from the portal's own guides."""
