"""The entry layer: what people and tools call (the command line, the MkDocs hook, the strict build, the
PDFs, GitHub annotations and the command line's output). The core beside it never imports this package."""
