"""Linksets out: VoID descriptions of our links to each external dataset, and CSV crosswalks."""
from __future__ import annotations

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter()
