"""What the LLM answers about one sentence: the drivers of output it states."""

from __future__ import annotations

from pydantic import BaseModel, Field

from .contract import Category, Effect


class DriverLabel(BaseModel):
    """One cause the sentence gives for production moving, and which way it pushes output."""

    category: Category
    effect: Effect = Field(description="the cause's push on output: up or down")


class SentenceDrivers(BaseModel):
    """The drivers one sentence states; an empty list when it states no cause of output moving."""

    drivers: list[DriverLabel] = Field(default_factory=list, max_length=4)
