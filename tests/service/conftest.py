"""The pipeline's millisecond tests import their world from pipeline_kit."""
