"""The one import framework: declared kinds (``kinds``), streaming readers with limits (``reading``), generated
templates (``templates``), the job runner (``runner``) and the upload size check (``uploads``)."""
