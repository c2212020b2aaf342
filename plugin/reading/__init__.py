"""Reading a customer's message: mood, matters, language and the evidence for each (see `reader`)."""

from plugin.reading.reader import CustomCues, Evidence, Reader, Reading, custom_cues, default_reader

__all__ = ["CustomCues", "Evidence", "Reader", "Reading", "custom_cues", "default_reader"]
