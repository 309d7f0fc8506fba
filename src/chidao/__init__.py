"""chidao: read Vietnamese conclusions and meeting reports into facts, and track the tasks they assign."""
from chidao.extract import Document, extract

__version__ = "0.1.0"
__all__ = ["Document", "extract", "__version__"]
