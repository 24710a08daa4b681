"""The assistant's pages: the full page ``@@assistant`` and the chat launcher."""
