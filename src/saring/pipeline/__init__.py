"""Steps, pipelines and the stats they keep."""

from saring.pipeline.base import Annotator, Filter, GlobalStep, Step, Transform
from saring.pipeline.pipeline import Pipeline
from saring.pipeline.stats import StepStats

__all__ = ["Annotator", "Filter", "GlobalStep", "Pipeline", "Step", "StepStats", "Transform"]
