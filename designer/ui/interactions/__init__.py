"""Canvas gestures, one class per gesture (new link, block drag, pan, palette drop)."""
