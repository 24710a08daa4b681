"""Zhengwu: a government portal for Chinese district governments."""
