"""``GET``/``POST <language root>/@assistant``: the 24-hour assistant (智能客服)."""
