"""The question board (政务知道) of a language root: its id and how it is found."""

BOARD_ID = "zhidao"


def board_of(root):
    """The question board of a language root, or None."""
    board = root.get(BOARD_ID)
    return board if getattr(board, "portal_type", None) == "QuestionBoard" else None
